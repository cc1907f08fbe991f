extension SummaryReport {
  /// The summary as text, fitting `width` columns: figures first, then the groups, the next
  /// deadlines and the reading, each a short block that reads as well in an email.
  public func writeText<Target: TextOutputStream>(to out: inout Target, width: Int = 100) {
    Prose.write(
      "Summary of \(registerName) · \(councilName) · as of \(DateStyle.long(asOf))", width: width,
      to: &out)
    out.write("\n")
    writeFigures(to: &out, width: width)
    out.write("\n")
    writeGroups(to: &out, width: width)
    out.write("\n")
    writeDeadlines(to: &out, width: width)
    out.write("\n")
    Prose.write(readingLine, width: width, to: &out)
  }

  /// `Contracts     137: 130 dated, 7 undated; 70 in no group` and the annual value.
  func writeFigures<Target: TextOutputStream>(to out: inout Target, width: Int) {
    var counts = "\(contracts): \(dated) dated, \(undated) undated"
    if ungrouped > 0 { counts += "; \(ungrouped) in no group" }
    var value = annualValue.totalText + " a year"
    let caveats = annualValue.caveats
    if !caveats.isEmpty { value += " (" + caveats.joined(separator: "; ") + ")" }
    SummaryReport.writeField("Contracts", counts, width: width, to: &out)
    SummaryReport.writeField("Annual value", value, width: width, to: &out)
  }

  /// `Label         value`, the value wrapped under itself.
  static func writeField<Target: TextOutputStream>(
    _ label: String, _ value: String, width: Int, to out: inout Target
  ) {
    let column = 14
    for (n, line) in Prose.wrap(value, width: width - column).enumerated() {
      out.write((n == 0 ? label.padded(column) : String(repeating: " ", count: column)) + line)
      out.write("\n")
    }
  }

  /// One row per group: members, undated members, spread and verdict; then the ungrouped.
  func writeGroups<Target: TextOutputStream>(to out: inout Target, width: Int) {
    Prose.write(
      "Groups: end dates are aligned when within \(toleranceDays) days of each other",
      width: width, to: &out)
    guard !groups.isEmpty else {
      Prose.write("No contract has a group.", width: width, to: &out)
      return
    }
    var table = TextTable(columns: [
      .init("Group", flexible: true, minimum: 24, weight: 5),
      .init("Contracts", alignment: .right),
      .init("Spread"),
      .init("Aligned"),
    ])
    for group in groups {
      table.add([
        group.group, String(group.contracts.count), group.spreadText,
        group.verdict.map { $0 ? "yes" : "NO" } ?? "unknown",
      ])
    }
    if ungrouped > 0 { table.add(["No group", String(ungrouped), "", ""]) }
    for line in table.render(width: width).lines { out.write(line + "\n") }
    if groups.contains(where: { !$0.undated.isEmpty }) {
      Prose.write(
        "A spread is between a group's dated contracts only; with undated ones beside a single "
          + "dated one, or none, it is unknown.", width: width, to: &out)
    }
  }

  /// The soonest deadlines, each with its group.
  func writeDeadlines<Target: TextOutputStream>(to out: inout Target, width: Int) {
    guard !deadlines.isEmpty else {
      Prose.write(
        "No deadline lies ahead of \(DateStyle.long(asOf)) in any group's timetable.",
        width: width, to: &out)
      return
    }
    Prose.write(
      "Next \(deadlines.count) deadline\(deadlines.count == 1 ? "" : "s") "
        + "(each group's contracts extended to its latest current end)",
      width: width, to: &out)
    var table = TextTable(columns: [
      .init("Date", alignment: .right),
      .init("Days", alignment: .right),
      .init("Deadline", flexible: true, minimum: 16, weight: 2),
      .init("Group", flexible: true, minimum: 20, weight: 3),
    ])
    for deadline in deadlines {
      let m = deadline.milestone
      table.add([
        DateStyle.short(m.day), String(deadline.daysLeft),
        m.kind.label + (m.owner.partnerName == nil ? "" : " (partner)"), deadline.group,
      ])
    }
    for line in table.render(width: width).lines { out.write(line + "\n") }
  }

  /// `Reading: 0 errors, 21 warnings, 110 notes; 'commission check' lists them.`
  var readingLine: String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let counts =
      "\(plural(reading.errors, "error")), \(plural(reading.warnings, "warning")), "
      + plural(reading.notes, "note")
    return "Reading: \(counts)"
      + (reading.errors + reading.warnings + reading.notes > 0
        ? "; 'commission check' lists them." : ".")
  }
}

extension SummaryReport {
  /// The summary as JSON; the keys are listed in the catalogue's Commands article.
  public var json: JSON { .object(streamed: jsonMembers()) }

  /// Writes ``json`` (with the register's `reading` counts when given) a group at a time, byte
  /// for byte as the tree would be written: a large register has tens of thousands of groups.
  public func writeJSON<Target: TextOutputStream>(
    reading register: Register? = nil, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(), reading: register, to: &target)
  }

  /// The JSON's members, the groups made one at a time.
  func jsonMembers() -> [(String, JSON.Member)] {
    let groups = self.groups
    return [
      ("register", .value(.string(registerName))),
      ("council", .value(.string(councilName))),
      ("asOf", .value(.day(asOf))),
      (
        "contracts",
        .value(
          .object([
            ("total", .int(contracts)), ("dated", .int(dated)), ("undated", .int(undated)),
            ("ungrouped", .int(ungrouped)),
          ]))
      ),
      ("annualValue", .value(annualValueJSON)),
      ("toleranceDays", .value(.int(toleranceDays))),
      ("groups", .elements(count: groups.count) { SummaryReport.groupJSON(groups[$0]) }),
      ("nextDeadlines", .value(.array(deadlines.map(SummaryReport.deadlineJSON)))),
    ]
  }

  /// The annual value: `total` is `null` when no contract has a value in pounds.
  var annualValueJSON: JSON {
    let sum = annualValue
    return .object([
      ("total", .money(sum.knownTotal)),
      ("counted", .int(sum.counted)),
      ("notCounted", .int(sum.notCounted)),
      ("valuesUnknown", .int(sum.unknown)),
      ("valuesAssumedAnnual", .int(sum.assumed)),
      ("totalsAnnualised", .int(sum.annualised)),
      ("estimates", .int(sum.estimates)),
      ("totalsWithoutTerm", .int(sum.totalsWithoutTerm)),
      (
        "otherCurrencies",
        .object(
          sum.otherCurrencies.sorted(by: { $0.key < $1.key }).map { ($0.key, .int($0.value)) })
      ),
      ("valuesTooLarge", .int(sum.tooLarge)),
      ("sumOverflowed", .bool(sum.overflow)),
    ])
  }

  /// A group: `aligned` is `null` when no member is dated, as `spreadDays` is.
  static func groupJSON(_ g: GroupSummary) -> JSON {
    .object([
      ("group", .string(g.group)),
      ("contracts", .int(g.contracts.count)),
      ("undated", .int(g.undated.count)),
      ("earliestEnd", .day(g.earliestEnd)),
      ("latestEnd", .day(g.latestEnd)),
      ("spreadDays", g.spreadDays.map { .int($0) } ?? .null),
      ("aligned", g.verdict.map { .bool($0) } ?? .null),
    ])
  }

  static func deadlineJSON(_ d: UpcomingDeadline) -> JSON {
    .object([
      ("date", .day(d.milestone.day)),
      ("daysLeft", .int(d.daysLeft)),
      ("kind", .string(d.milestone.kind.rawValue)),
      ("label", .string(d.milestone.kind.label)),
      ("group", .string(d.group)),
      ("partner", .string(d.milestone.owner.partnerName)),
      ("rule", .string(d.milestone.rule.code)),
      ("why", .string(d.milestone.rule.message)),
    ])
  }
}
