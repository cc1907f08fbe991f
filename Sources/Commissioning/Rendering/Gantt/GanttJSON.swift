extension GanttChart {
  /// The laid-out chart as JSON, for other tools: window, units, rows, segments with their dates
  /// and columns, letters, undated contracts and mismatches.
  public var json: JSON { .object(streamed: jsonMembers()) }

  /// Writes ``json`` (with the register's `reading` counts when given) a row at a time, byte
  /// for byte as the tree would be written: a chart of every contract is never one string.
  public func writeJSON<Target: TextOutputStream>(
    reading register: Register? = nil, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(), reading: register, to: &target)
  }

  /// The JSON's members: each section's rows, the undated and the mismatches made one at a time.
  func jsonMembers() -> [(String, JSON.Member)] {
    let (units, sections, undated) = (axis.units, self.sections, self.undated)
    let (outside, mismatches) = (outsideWindow, self.mismatches)
    return [
      ("title", .value(.string(title))),
      ("asOf", .value(.day(asOf))),
      ("scale", .value(.string(axis.scale.rawValue))),
      ("from", .value(.day(axis.firstDay))),
      ("to", .value(.day(axis.lastDay))),
      ("labelWidth", .value(.int(labelWidth))),
      ("cellsPerUnit", .value(.int(axis.cellsPerUnit))),
      ("units", .elements(count: units.count) { unitJSON(units[$0]) }),
      (
        "sections",
        .objects(count: sections.count) { index in
          let rows = sections[index].rows
          return [
            ("title", .value(.string(sections[index].title))),
            ("rows", .elements(count: rows.count) { GanttChart.rowJSON(rows[$0]) }),
          ]
        }
      ),
      ("proposal", .value(proposalJSON)),
      ("undated", .elements(count: undated.count) { GanttChart.undatedJSON(undated[$0]) }),
      ("outsideWindow", .elements(count: outside.count) { .string(outside[$0].id) }),
      (
        "mismatches",
        .elements(count: mismatches.count) { GanttChart.mismatchJSON(mismatches[$0]) }
      ),
    ]
  }

  /// One unit of the axis: its first and last day and its label.
  func unitJSON(_ unit: (first: Day, last: Day)) -> JSON {
    .object([
      ("first", .day(unit.first)), ("last", .day(unit.last)),
      ("label", .string(GanttChart.unitLabel(unit.first, axis.scale))),
    ])
  }

  /// One row: what it shows, its segments and its letters.
  static func rowJSON(_ row: Row) -> JSON {
    .object([
      ("kind", .string(row.kind.rawValue)),
      ("service", .string(row.service)),
      ("provider", .string(row.provider)),
      ("value", .string(row.value)),
      ("contractId", .string(row.contractId)),
      (
        "segments",
        .array(
          row.segments.map { s in
            .object([
              ("mark", .string(s.mark.rawValue)), ("from", .day(s.from)),
              ("to", .day(s.to)),
              ("startColumn", .int(s.columns.lowerBound)),
              ("endColumn", .int(s.columns.upperBound)),
            ])
          })
      ),
      (
        "letters",
        .array(
          row.letters.map { l in
            .object([
              ("text", .string(l.text)), ("column", .int(l.column)),
              ("date", .day(l.day)),
              ("meaning", .string(l.meaning)),
            ])
          })
      ),
    ])
  }

  /// The overlaid proposal's group, target and cost, or null.
  var proposalJSON: JSON {
    proposal.map { p in
      .object([
        ("group", .string(p.group)), ("target", .day(p.target)),
        ("totalCost", .money(p.totalCost)),
      ])
    } ?? .null
  }

  /// An undated contract: not drawn, with why.
  static func undatedJSON(_ c: Contract) -> JSON {
    .object([
      ("id", .string(c.id)), ("service", .string(c.service)),
      ("reason", .string(c.end.undated?.reason ?? "")),
    ])
  }

  /// Where the plan and the register disagree.
  static func mismatchJSON(_ m: PlanMismatch) -> JSON {
    .object([
      ("kind", .string(m.kind.rawValue)), ("message", .string(m.message)),
      ("contracts", .array(m.contractIds.map { .string($0) })),
      ("location", .string(m.row.location.description)),
    ])
  }

  /// `2016/17 Q1`, `2016/17`, `Apr 2016`.
  static func unitLabel(_ first: Day, _ scale: GanttScale) -> String {
    let q = FinancialQuarter(containing: first)
    switch scale {
    case .quarter: return q.description
    case .year: return q.yearLabel
    case .month: return "\(DateStyle.shortMonths[first.month - 1]) \(first.year)"
    }
  }
}
