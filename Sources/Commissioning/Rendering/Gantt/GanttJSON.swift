extension GanttChart {
  /// The laid-out chart as JSON, for other tools: window, units, rows, segments with their dates
  /// and columns, letters, undated contracts and mismatches.
  public var json: JSON {
    .object([
      ("title", .string(title)),
      ("asOf", .day(asOf)),
      ("scale", .string(axis.scale.rawValue)),
      ("from", .day(axis.firstDay)),
      ("to", .day(axis.lastDay)),
      ("labelWidth", .int(labelWidth)),
      ("cellsPerUnit", .int(axis.cellsPerUnit)),
      (
        "units",
        .array(
          axis.units.map { unit in
            .object([
              ("first", .day(unit.first)), ("last", .day(unit.last)),
              ("label", .string(GanttChart.unitLabel(unit.first, axis.scale))),
            ])
          })
      ),
      (
        "sections",
        .array(
          sections.map { section in
            .object([
              ("title", .string(section.title)),
              (
                "rows",
                .array(
                  section.rows.map { row in
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
                  })
              ),
            ])
          })
      ),
      (
        "proposal",
        proposal.map { p in
          .object([
            ("group", .string(p.group)), ("target", .day(p.target)),
            ("totalCost", .money(p.totalCost)),
          ])
        } ?? .null
      ),
      (
        "undated",
        .array(
          undated.map { c in
            .object([
              ("id", .string(c.id)), ("service", .string(c.service)),
              ("reason", .string(c.end.undated?.reason ?? "")),
            ])
          })
      ),
      ("outsideWindow", .array(outsideWindow.map { .string($0.id) })),
      (
        "mismatches",
        .array(
          mismatches.map { m in
            .object([
              ("kind", .string(m.kind.rawValue)), ("message", .string(m.message)),
              ("contracts", .array(m.contractIds.map { .string($0) })),
              ("location", .string(m.row.location.description)),
            ])
          })
      ),
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
