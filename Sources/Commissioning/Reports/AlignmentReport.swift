extension AlignmentProposal {
  /// The proposal as a text report: the table, the decision and deadlines, then the flags.
  public func writeText<Target: TextOutputStream>(to out: inout Target, width: Int = 100) {
    Prose.write(
      "Aligning \(group) · \(council.name) · \(registerName)", width: width, to: &out)
    Prose.write(targetSentence, width: width, to: &out)
    out.write("\n")
    var table = TextTable(columns: [
      .init("Contract", flexible: true, minimum: 20, weight: 5),
      // Who holds a contract tells rows apart more often than whether it is within options.
      .init("Provider", flexible: true, minimum: 8, dropPriority: 2, weight: 2),
      .init("Ends", alignment: .right),
      .init("New end", alignment: .right),
      .init("Adds", alignment: .right),
      .init("Cost", alignment: .right),
      .init("Options", dropPriority: 1),
    ])
    for p in contracts {
      table.add([
        p.contract.service.isEmpty ? p.contract.id : p.contract.service,
        p.contract.provider,
        p.currentEnd.map { DateStyle.short($0, precision: p.contract.end.precision) } ?? "unknown",
        p.proposedEnd.map { DateStyle.short($0) } ?? "",
        AlignmentProposal.extensionLabel(p),
        AlignmentProposal.costCell(p),
        p.withinOptions.map { $0 ? "within" : "beyond" } ?? "",
      ])
    }
    let (lines, dropped) = table.render(width: width)
    for line in lines { out.write(line + "\n") }
    if !dropped.isEmpty {
      Prose.write(
        "(\(dropped.joined(separator: " and ")) hidden to fit \(width) columns.)", width: width,
        to: &out)
    }
    out.write("\n")
    Prose.write(costSentence, width: width, to: &out)
    Prose.write(keyDecisionSentence, width: width, to: &out)
    writeTimetable(to: &out, width: width)
    writeFlags(to: &out, width: width)
  }

  /// The council's milestones, then each partner's, one line each with the rule under it.
  func writeTimetable<Target: TextOutputStream>(to out: inout Target, width: Int) {
    out.write("\nDeadlines\n")
    let entries = councilTimetable
    AlignmentProposal.write(entries, to: &out, width: width)
    for partner in timetable.partners {
      out.write("\n")
      Prose.write(
        "\(partner.singleLine) (partner-led; not the council's dates)", width: width, to: &out)
      let own = timetable.milestones.filter {
        $0.owner == .partner(partner) && Day.writable.contains($0.day)
      }
      AlignmentProposal.write(
        own.map { AlignmentProposal.entry($0, asOf: asOf) }, to: &out, width: width)
    }
  }

  /// A milestone as a line: its date, label, status (missed, days left, held) and rule.
  static func entry(_ m: Milestone, asOf: Day) -> (Day?, String, String, String) {
    let label =
      m.owner != .council && m.kind == .extensionDecision ? "Variation by" : m.kind.label
    return (m.day, label, status(m, asOf: asOf), m.rule.message)
  }

  /// `MISSED by 3 days`, `in 12 days`, `today`; a meeting is `held` or to come.
  static func status(_ m: Milestone, asOf: Day) -> String {
    if m.kind.isMeeting { return m.day < asOf ? "held" : "" }
    let d = m.deadline
    return d.missedByDays.map { "MISSED by \($0) day\($0 == 1 ? "" : "s")" }
      ?? d.daysLeft.map { $0 == 0 ? "today" : "in \($0) day\($0 == 1 ? "" : "s")" } ?? ""
  }

  static func write<Target: TextOutputStream>(
    _ entries: [(day: Day?, label: String, status: String, why: String)], to out: inout Target,
    width: Int
  ) {
    for entry in entries {
      // A line with no date says "unknown" only when the date is unknown; a notice not needed
      // or a committee with no meeting has no date to give.
      let date =
        entry.day.map { DateStyle.short($0) }
        ?? (entry.status == "unknown" ? "    unknown" : String(repeating: " ", count: 11))
      let head = "  \(date)  \(entry.label.padded(28))\(entry.status)"
      if head.displayWidth <= width {
        out.write(TextTable.trailingSpacesRemoved(head) + "\n")
      } else {
        // Narrow: the status goes under the label, where the reason follows; a label too long
        // for the line goes under the date.
        let line = "  \(date)  \(entry.label)"
        if line.displayWidth <= width {
          out.write(line + "\n")
        } else {
          out.write("  \(date)\n")
          for part in Prose.wrap(entry.label, width: width - 15) {
            out.write("               \(part)\n")
          }
        }
        if !entry.status.isEmpty { out.write("               \(entry.status)\n") }
      }
      for line in Prose.wrap(entry.why, width: width - 15) { out.write("               \(line)\n") }
    }
  }

  /// Each flagged contract, then its flags' messages.
  func writeFlags<Target: TextOutputStream>(to out: inout Target, width: Int) {
    let flagged = contracts.filter { !$0.flags.isEmpty }
    guard !flagged.isEmpty else { return }
    out.write("\nFlags and assumptions\n")
    for p in flagged {
      // A long name wraps under its own text, not under the dash.
      for line in Prose.wrap("- " + ContractProposal.name(p.contract), width: width, indent: "  ") {
        out.write(line + "\n")
      }
      for flag in p.flags {
        for line in Prose.wrap(flag.message, width: width - 4) { out.write("    \(line)\n") }
      }
    }
  }

  /// The cost the council bears: its share of an extension it leads; `partner` for one a
  /// partner leads; `-` with no extension.
  static func costCell(_ p: ContractProposal) -> String {
    guard p.extends else { return "-" }
    guard p.isCouncilLed else { return "partner" }
    if let share = p.councilCost { return share.formatted(alwaysShowPence: true) }
    return p.costText(unknown: "unknown")
  }

  /// `6m`, `7m`, `6m 15d`, `15d`, `none`, `later` (ends after the target), `unknown`.
  static func extensionLabel(_ p: ContractProposal) -> String {
    switch p.action {
    case .aligned: return "none"
    case .withinTolerance: return "none"
    case .endsAfterTarget: return "later"
    case .extendFromUnknownEnd: return "unknown"
    case .extend:
      let m = p.extensionMonths ?? 0
      let d = p.extensionRemainderDays ?? 0
      if m == 0 { return "\(d)d" }
      return d == 0 ? "\(m)m" : "\(m)m \(d)d"
    }
  }

  /// The proposal as JSON, with the keys INTERFACE.md fixes.
  public var json: JSON { .object(streamed: jsonMembers()) }

  /// Writes ``json`` (with the register's `reading` counts when given) a contract at a time,
  /// byte for byte as the tree would be written.
  public func writeJSON<Target: TextOutputStream>(
    reading register: Register? = nil, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(), reading: register, to: &target)
  }

  /// The JSON's members, its contracts made one at a time (a group may hold thousands).
  func jsonMembers() -> [(String, JSON.Member)] {
    let contracts = self.contracts
    var members: [(String, JSON.Member)] = [
      ("group", .value(.string(group))),
      ("register", .value(.string(registerName))),
      ("asOf", .value(.day(asOf))),
      ("target", .value(.day(target))),
      ("newServiceStart", .value(.day(newServiceStart))),
      ("contracts", .elements(count: contracts.count) { AlignmentProposal.json(contracts[$0]) }),
    ]
    members += summaryMembers.map { ($0.0, .value($0.1)) }
    return members
  }

  /// One contract's proposal in the JSON.
  static func json(_ p: ContractProposal) -> JSON {
    .object([
      ("id", .string(p.contract.id)),
      ("service", .string(p.contract.service)),
      ("provider", .string(p.contract.provider)),
      ("action", .string(p.action.rawValue)),
      ("currentEnd", .day(p.currentEnd)),
      ("proposedEnd", .day(p.proposedEnd)),
      ("extensionDays", p.extensionDays.map { .int($0) } ?? .null),
      ("extensionMonths", p.extensionMonths.map { .int($0) } ?? .null),
      ("extensionRemainderDays", p.extensionRemainderDays.map { .int($0) } ?? .null),
      ("cost", p.extends ? .money(p.cost) : .money(Money.zero)),
      ("costBasis", .string(p.costBasis.rawValue)),
      ("annualValue", .money(p.annualValue)),
      ("withinOptions", p.withinOptions.map { .bool($0) } ?? .null),
      ("maximumExtent", .day(p.maximumExtent)),
      (
        "valueChangePercent",
        p.valueChangePermille.map { .string(ContractProposal.percent($0, sign: false)) }
          ?? .null
      ),
      (
        "termChangePercent",
        p.termChangePermille.map { .string(ContractProposal.percent($0, sign: false)) }
          ?? .null
      ),
      ("route", .string(p.route)),
      ("leadTime", .string(p.leadTime.description)),
      ("procurementStartBy", .day(p.procurementStartBy)),
      ("commissioner", .string(p.contract.commissioner)),
      ("councilLed", .bool(p.isCouncilLed)),
      ("councilCost", p.extends ? .money(p.councilCost) : .money(Money.zero)),
      ("councilAnnualValue", .money(p.councilAnnualValue)),
      ("flags", .array(p.flags.map(\.json))),
    ])
  }

  /// The JSON's members after the contracts: costs, key decision, deadlines and timetable.
  var summaryMembers: [(String, JSON)] {
    func deadline(_ d: Deadline?) -> JSON {
      guard let d else { return .null }
      return .object([
        ("date", .day(d.day)),
        ("missed", .bool(d.missedByDays != nil)),
        ("missedByDays", d.missedByDays.map { .int($0) } ?? .null),
        ("daysLeft", d.daysLeft.map { .int($0) } ?? .null),
        ("why", d.rule.json),
      ])
    }
    return [
      // Unknown is never £0.00: null when no extension's cost is known.
      (
        "totalCost",
        .money(missingCosts > 0 && missingCosts == councilExtensions.count ? nil : totalCost)
      ),
      ("missingCosts", .int(missingCosts)),
      ("totalOverflowed", .bool(overflowedCosts > 0)),
      ("overflowedCosts", .int(overflowedCosts)),
      (
        "keyDecision",
        .object([
          ("required", .bool(keyDecision.required)),
          ("basis", .string(keyDecision.basis)),
          ("amount", .money(keyDecision.amount)),
          ("threshold", .money(keyDecision.threshold)),
        ])
      ),
      (
        "deadlines",
        .object([
          ("decisionBy", .day(decisionBy?.day)),
          ("noticeBy", .day(noticeBy?.day)),
          ("procurementStartBy", .day(procurementStartBy.day)),
          ("committeeMeeting", .day(committee?.date)),
          ("committee", .string(committee?.committee)),
          (
            "details",
            .object([
              ("decisionBy", deadline(decisionBy)),
              ("noticeBy", deadline(noticeBy)),
              ("procurementStartBy", deadline(procurementStartBy)),
            ])
          ),
        ])
      ),
      ("timetable", .array(timetable.milestones.map(\.json))),
      ("diagnostics", .array(diagnostics.map { .string($0.description) })),
    ]
  }

  /// The proposal table as CSV.
  public var csv: String {
    var text = ""
    writeCSV(to: &text)
    return text
  }

  /// Writes ``csv`` a row at a time.
  public func writeCSV<Target: TextOutputStream>(to out: inout Target) {
    var line = ""
    CSVWriter.append(AlignmentProposal.csvHeader.map { .text($0) }, to: &line)
    out.write(line)
    for p in contracts {
      line.removeAll(keepingCapacity: true)
      CSVWriter.append(AlignmentProposal.csvRow(p), to: &line)
      out.write(line)
    }
  }

  static let csvHeader = [
    "id", "service", "provider", "action", "current_end", "proposed_end", "extension_days",
    "extension_months", "extension_remainder_days", "cost", "cost_basis", "within_options",
    "procurement_start_by", "commissioner", "council_led", "council_cost",
  ]

  /// One contract's CSV row, under ``csvHeader``.
  static func csvRow(_ p: ContractProposal) -> [CSVWriter.Cell] {
    [
      .text(p.contract.id), .text(p.contract.service), .text(p.contract.provider),
      .text(p.action.rawValue), .number(p.currentEnd?.iso ?? ""),
      .number(p.proposedEnd?.iso ?? ""), .number(p.extensionDays.map(String.init) ?? ""),
      .number(p.extensionMonths.map(String.init) ?? ""),
      .number(p.extensionRemainderDays.map(String.init) ?? ""),
      .number(p.extends ? (p.cost?.decimalString ?? "") : "0.00"), .text(p.costBasis.rawValue),
      .number(p.withinOptions.map { $0 ? "true" : "false" } ?? ""),
      .number(p.procurementStartBy.iso), .text(p.contract.commissioner),
      .number(p.isCouncilLed ? "true" : "false"),
      .number(p.extends ? (p.councilCost?.decimalString ?? "") : "0.00"),
    ]
  }
}

extension GroupSummary {
  /// Every group's end dates, one block each, for `align` without `--group`.
  public static func writeText<Target: TextOutputStream>(
    _ groups: [GroupSummary], register: Register, to out: inout Target, width: Int = 100
  ) {
    let tolerance = register.council.alignmentToleranceDays
    Prose.write(
      "Groups in \(register.name) · \(register.council.name) · end dates aligned within \(tolerance) days",
      width: width, to: &out)
    if groups.isEmpty {
      out.write("\n")
      Prose.write(
        "No contract has a group; give contracts a 'group' column to align them.", width: width,
        to: &out)
      return
    }
    for summary in groups {
      out.write("\n")
      var head =
        "\(summary.group): \(summary.contracts.count) contract\(summary.contracts.count == 1 ? "" : "s")"
      if let e = summary.earliestEnd, let l = summary.latestEnd {
        head +=
          ", ending \(DateStyle.long(e)) to \(DateStyle.long(l)), spread \(summary.spreadText): "
        head += summary.verdict.map { $0 ? "aligned" : "NOT aligned" } ?? "alignment unknown"
      } else {
        head += ", no end dates known"
      }
      Prose.write(head, width: width, to: &out)
      var table = TextTable(columns: [
        .init("End", alignment: .right),
        .init("Service", flexible: true, minimum: 20, weight: 3),
        .init("Provider", flexible: true, minimum: 8, weight: 2),
      ])
      table.gap = 2
      for contract in summary.contracts.sorted(by: {
        ($0.endDay ?? Day(ordinal: Int.max)) < ($1.endDay ?? Day(ordinal: Int.max))
      }) {
        table.add([
          contract.endDay.map { DateStyle.short($0, precision: contract.end.precision) }
            ?? "undated",
          contract.service.isEmpty ? contract.id : contract.service,
          contract.provider,
        ])
      }
      for line in table.bodyLines(width: width - 2) { out.write("  " + line + "\n") }
      for contract in summary.undated {
        Prose.write(
          "  undated: \(ContractProposal.name(contract)): \(contract.end.undated?.reason ?? "no end date")",
          width: width, to: &out)
      }
    }
    out.write("\n")
    Prose.write(
      "Propose an alignment with: commission align --group GROUP [--to DATE | --start DATE]",
      width: width, to: &out)
  }

  /// Every group as JSON.
  public static func json(_ groups: [GroupSummary], register: Register) -> JSON {
    .object(streamed: jsonMembers(groups, register: register))
  }

  /// Writes ``json(_:register:)`` with the register's `reading` counts, a contract at a time:
  /// every contract of a large register is in some group's list.
  public static func writeJSON<Target: TextOutputStream>(
    _ groups: [GroupSummary], register: Register, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(groups, register: register), reading: register, to: &target)
  }

  /// The JSON's members: each group in turn, its dated and undated contracts one at a time.
  static func jsonMembers(_ groups: [GroupSummary], register: Register) -> [(
    String, JSON.Member
  )] {
    [
      ("register", .value(.string(register.name))),
      ("toleranceDays", .value(.int(register.council.alignmentToleranceDays))),
      ("groups", .objects(count: groups.count) { groups[$0].jsonMembers() }),
    ]
  }

  /// One group's members in the JSON.
  func jsonMembers() -> [(String, JSON.Member)] {
    let (contracts, undated) = (self.contracts, self.undated)
    return [
      ("group", .value(.string(group))),
      (
        "contracts",
        .elements(count: contracts.count) {
          let c = contracts[$0]
          return .object([
            ("id", .string(c.id)), ("service", .string(c.service)), ("end", .day(c.endDay)),
          ])
        }
      ),
      ("earliestEnd", .value(.day(earliestEnd))),
      ("latestEnd", .value(.day(latestEnd))),
      ("spreadDays", .value(spreadDays.map { .int($0) } ?? .null)),
      // null when undated members leave it open (GroupSummary.verdict).
      ("aligned", .value(verdict.map { .bool($0) } ?? .null)),
      (
        "undated",
        .elements(count: undated.count) {
          let c = undated[$0]
          return .object([
            ("id", .string(c.id)), ("service", .string(c.service)),
            ("reason", .string(c.end.undated?.reason ?? "")),
          ])
        }
      ),
    ]
  }
}

extension AlignmentPlan {
  /// Every group's proposal on one line, then the programme's totals: `align --all`.
  public func writeText<Target: TextOutputStream>(to out: inout Target, width: Int = 100) {
    let rule: String
    switch targetRule {
    case .end(let day): rule = "every group to end \(DateStyle.long(day))"
    case .newServiceStart(let day): rule = "every group's new service from \(DateStyle.long(day))"
    case .latestEnd: rule = "each group to its latest current end"
    }
    Prose.write(
      "Aligning \(rule) · \(council.name) · \(registerName) · as of \(DateStyle.long(asOf))",
      width: width, to: &out)
    if proposals.isEmpty && undatedGroups.isEmpty {
      out.write("\n")
      Prose.write(
        "No contract has a group; give contracts a 'group' column to align them.", width: width,
        to: &out)
      return
    }
    out.write("\n")
    // The group name is what `align --group` takes, so it is never cut: when the names do not
    // fit beside the figures, each stands on its own line above them.
    let figures: [TextTable.Column] = [
      .init("Target", alignment: .right),
      .init("Extending", alignment: .right),
      .init("Cost", alignment: .right),
      .init("Key", dropPriority: 1),
      .init("Decide by", alignment: .right),
    ]
    var table = TextTable(columns: [.init("Group")] + figures)
    var extensions = 0
    var unknownCosts = 0
    var keyDecisions = 0
    var missed = 0
    var partnerLed = 0
    for proposal in proposals {
      let count = proposal.councilExtensions.count
      extensions += count
      partnerLed += proposal.partnerExtensions.count
      unknownCosts += proposal.missingCosts
      if proposal.keyDecision.required { keyDecisions += 1 }
      if proposal.decisionBy?.missedByDays != nil { missed += 1 }
      let cost =
        count == 0
        ? "-"
        : proposal.missingCosts == count
          ? "unknown"
          : proposal.totalCost.formatted(alwaysShowPence: true)
            + (proposal.missingCosts + proposal.overflowedCosts > 0 ? "+" : "")
      let decide =
        proposal.decisionBy.map {
          DateStyle.short($0.day) + ($0.missedByDays != nil ? " !" : "  ")
        } ?? (count == 0 ? "" : "unknown")
      table.add([
        proposal.group, DateStyle.short(proposal.target),
        "\(count) of \(proposal.contracts.count)", cost,
        count == 0 ? "" : (proposal.keyDecision.required ? "yes" : "no"),
        decide,
      ])
    }
    let wide = table.render(width: .max).lines
    if wide.allSatisfy({ $0.displayWidth <= width }) {
      for line in wide { out.write(line + "\n") }
    } else {
      var stacked = TextTable(columns: figures)
      for row in table.rows { stacked.add(Array(row.dropFirst())) }
      // One line per group under its name; narrower still, one line per figure.
      let lines = stacked.columnar(width: width - 2).lines
      if lines.allSatisfy({ $0.displayWidth <= width - 2 }) {
        out.write("Group\n")
        for (index, line) in lines.enumerated() {
          if index > 0 { out.write(table.rows[index - 1][0] + "\n") }
          out.write("  " + line + "\n")
        }
      } else {
        // Each group's name whole on its own line, then one line per figure.
        for row in table.rows {
          out.write(row[0] + "\n")
          var one = TextTable(columns: figures)
          one.add(Array(row.dropFirst()))
          for line in one.stacked(width: width - 2) { out.write("  " + line + "\n") }
        }
      }
    }
    out.write("\n")
    let groups = proposals.count
    var summary =
      "\(groups) group\(groups == 1 ? "" : "s"): \(extensions) extension\(extensions == 1 ? "" : "s")"
      + " costing \(totalCost.formatted(alwaysShowPence: true))"
    if unknownCosts > 0 {
      summary +=
        " (+ marks a group with \(unknownCosts == 1 ? "a cost" : "costs") unknown: \(unknownCosts) in all)"
    }
    if totalOverflowed { summary += "; the sum overflowed and is incomplete" }
    if partnerLed > 0 {
      summary += "; \(partnerLed) partner-led extension\(partnerLed == 1 ? "" : "s") not counted"
    }
    summary += "; \(keyDecisions) key decision\(keyDecisions == 1 ? "" : "s")"
    if missed > 0 {
      summary += "; \(missed) decision date\(missed == 1 ? "" : "s") already missed (marked !)"
    }
    summary += "."
    Prose.write(summary, width: width, to: &out)
    if !undatedGroups.isEmpty {
      Prose.write(
        "No contract has an end date in "
          + undatedGroups.joined(separator: ", ")
          + "; give a target with --to or --start.", width: width, to: &out)
    }
    Prose.write(
      "One group in full: commission align --group GROUP [--to DATE | --start DATE]",
      width: width, to: &out)
  }

  /// Every proposal as JSON, each with the keys of `align --group --format json`.
  public var json: JSON { .object(streamed: jsonMembers()) }

  /// Writes ``json`` (with the register's `reading` counts when given) a contract at a time,
  /// byte for byte as the tree would be written: the plan of a large register is never one
  /// string, nor one tree.
  public func writeJSON<Target: TextOutputStream>(
    reading register: Register? = nil, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(), reading: register, to: &target)
  }

  /// The JSON's members: each group's proposal streamed in turn, its contracts one at a time.
  func jsonMembers() -> [(String, JSON.Member)] {
    let proposals = self.proposals
    return [
      ("register", .value(.string(registerName))),
      ("asOf", .value(.day(asOf))),
      ("totalCost", .value(.money(totalCost))),
      ("totalOverflowed", .value(.bool(totalOverflowed))),
      ("groups", .objects(count: proposals.count) { proposals[$0].jsonMembers() }),
      ("undatedGroups", .value(.array(undatedGroups.map { .string($0) }))),
    ]
  }

  /// One row per contract of every group, with the group first.
  public var csv: String {
    var text = ""
    writeCSV(to: &text)
    return text
  }

  /// Writes ``csv`` a row at a time.
  public func writeCSV<Target: TextOutputStream>(to out: inout Target) {
    var line = ""
    CSVWriter.append((["group"] + AlignmentProposal.csvHeader).map { .text($0) }, to: &line)
    out.write(line)
    for proposal in proposals {
      for p in proposal.contracts {
        line.removeAll(keepingCapacity: true)
        CSVWriter.append([.text(proposal.group)] + AlignmentProposal.csvRow(p), to: &line)
        out.write(line)
      }
    }
  }
}
