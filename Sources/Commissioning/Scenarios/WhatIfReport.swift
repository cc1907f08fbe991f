/// The baseline and each scenario side by side, one block per register.
public struct WhatIfReport: Sendable {
  public var outcomes: [ScenarioOutcome]

  public init(outcomes: [ScenarioOutcome]) { self.outcomes = outcomes }

  /// Scenario letters: A, B, C, …
  static func letter(_ index: Int) -> String {
    index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "S\(index + 1)"
  }

  /// Outcomes grouped by register name, in order of first appearance, with their letters.
  var blocks:
    [(register: String, baseline: ScenarioOutcome, scenarios: [(String, ScenarioOutcome)])]
  {
    var order: [String] = []
    var byRegister: [String: [(String, ScenarioOutcome)]] = [:]
    for (index, outcome) in outcomes.enumerated() {
      let name = outcome.baseline.name
      if byRegister[name] == nil { order.append(name) }
      byRegister[name, default: []].append((WhatIfReport.letter(index), outcome))
    }
    return order.compactMap { name in
      guard let list = byRegister[name], let first = list.first?.1 else { return nil }
      return (name, ScenarioOutcome(overlay: first.overlay, asOf: first.asOf), list)
    }
  }

  /// The comparison as text, fitting `width` columns.
  public func writeText<Target: TextOutputStream>(to out: inout Target, width: Int = 100) {
    Prose.write(
      "What if: \(outcomes.count) scenario\(outcomes.count == 1 ? "" : "s") against the baseline",
      width: width, to: &out)
    out.write("\n")
    for (index, outcome) in outcomes.enumerated() {
      let letter = WhatIfReport.letter(index)
      var line = outcome.name
      if outcome.chain.count > 1 {
        line += " (extends \(outcome.chain.dropLast().map(\.name).joined(separator: " < ")))"
      }
      line += " · \(outcome.baseline.name) · as of \(DateStyle.long(outcome.asOf))"
      // The letter, then every line of the heading under the first one's text.
      for (n, l) in Prose.wrap(line, width: width - 3).enumerated() {
        out.write((n == 0 ? letter + "  " : "   ") + l + "\n")
      }
      if let description = outcome.scenario?.description, !description.isEmpty {
        for l in Prose.wrap(description, width: width - 3) { out.write("   " + l + "\n") }
      }
      for l in Prose.wrap("changes: " + outcome.applied.joined(separator: "; "), width: width - 3) {
        out.write("   " + l + "\n")
      }
    }
    for block in blocks {
      out.write("\n")
      Prose.write(
        "\(block.register) · \(block.baseline.council.name)", width: width, to: &out)
      let columns = [("Baseline", block.baseline)] + block.scenarios.map { ($0.0, $0.1) }
      var table = TextTable(
        columns: [.init("", flexible: true, minimum: 16, weight: 3)]
          + columns.map { .init($0.0, alignment: .right) })
      func row(_ label: String, _ cell: (ScenarioOutcome, Bool) -> String) {
        table.add([label] + columns.enumerated().map { cell($0.element.1, $0.offset == 0) })
      }
      row("Total extension cost") { o, base in
        // Unknown is never £0.00: with no cost known at all, the total is unknown.
        if base { return "-" }
        if o.knownCostCount == 0 && o.unknownCosts > 0 { return "unknown" }
        return o.totalCost.formatted(alwaysShowPence: true)
          + (o.unknownCosts > 0 ? " +\(o.unknownCosts)?" : "")
          + (o.overflowedCosts > 0 ? " overflowed" : "")
      }
      row("Extensions") { o, _ in String(o.extensions) }
      row("Beyond options") { o, _ in String(o.beyondOptions) }
      row("Key decisions") { o, _ in String(o.keyDecisions) }
      row("Missed deadlines") { o, _ in String(o.missedDeadlines) }
      var groups: [String] = []
      for (_, o) in block.scenarios {
        for g in o.groupsNamed where !groups.contains(g) { groups.append(g) }
      }
      for g in groups {
        row("Spread: \(g)") { o, _ in o.spreadText(of: g) }
      }
      for line in table.render(width: width).lines { out.write(line + "\n") }
      // Contracts whose end differs in any scenario: the end in each, and the cost under it.
      let movedIds = block.scenarios.flatMap {
        $0.1.moves.map(\.contract.id) + $0.1.added + $0.1.removed
      }
      var seen = Set<String>()
      let ids = movedIds.filter { seen.insert($0).inserted }
      guard !ids.isEmpty else { continue }
      out.write("\n")
      var detail = TextTable(
        columns: [.init("Contract", flexible: true, minimum: 16, weight: 3)]
          + columns.map { .init($0.0, alignment: .right) })
      // Each scenario's first move of each id, found once rather than searched for every id.
      let movesById = block.scenarios.map { scenario in
        Dictionary(scenario.1.moves.map { ($0.contract.id, $0) }, uniquingKeysWith: { a, _ in a })
      }
      for id in ids {
        let base = block.baseline.contract(id: id)
        let name =
          (base ?? block.scenarios.lazy.compactMap { $0.1.contract(id: id) }.first)
          .map { ContractProposal.name($0) } ?? id
        var ends = [
          base.flatMap(\.endDay).map { DateStyle.short($0) } ?? (base == nil ? "absent" : "undated")
        ]
        var costs = [""]
        for ((_, o), moves) in zip(block.scenarios, movesById) {
          let now = o.contract(id: id)
          let end =
            now.flatMap(\.endDay).map { DateStyle.short($0) }
            ?? (now == nil ? (base == nil ? "absent" : "removed") : "undated")
          let differs = now?.endDay != base?.endDay || (now == nil) != (base == nil)
          ends.append(end + (differs ? " *" : "  "))
          if let move = moves[id] {
            costs.append(
              (move.isCouncilLed
                ? move.councilCost.map { $0.formatted(alwaysShowPence: true) }
                  ?? move.costText(unknown: "cost unknown")
                : "partner-led") + "  ")
          } else {
            costs.append(o.added.contains(id) ? "added  " : "")
          }
        }
        detail.add([name] + ends)
        if costs.contains(where: { !$0.isEmpty }) { detail.add([""] + costs) }
      }
      for line in detail.render(width: width).lines { out.write(line + "\n") }
    }
    out.write("\n")
    let overflowed = blocks.contains { $0.scenarios.contains { $0.1.overflowedCosts > 0 } }
    Prose.write(
      "* differs from the baseline. Costs are pro rata on annual values from each contract's baseline end; +N? counts extensions whose cost is unknown."
        + (overflowed
          ? " 'overflowed' marks a total whose sum passed the largest amount this tool can add up: it is incomplete."
          : "")
        + " Missed deadlines are notice, decision and procurement dates already past at the as-of date.",
      width: width, to: &out)
    for block in blocks {
      for (letter, o) in block.scenarios {
        let split = o.splitDecisions
        guard !split.isEmpty else { continue }
        Prose.write(
          "\(letter): \(split.count == 1 ? "the decision" : "\(split.count) decisions") "
            + "\(RecordOfDecision.listed(Array(Set(split.map { "'\($0.label)'" })).sorted())) "
            + "\(split.count == 1 ? "is" : "are") counted as key: with the other decisions on the "
            + "same contracts the cost meets the threshold, and splitting an extension into "
            + "steps does not avoid a key decision.", width: width, to: &out)
      }
    }
  }

  /// The comparison as JSON: `{"baseline": {...}, "scenarios": [{"name", ...}]}`.
  public var json: JSON { .object(streamed: jsonMembers()) }

  /// Writes ``json`` (with the register's `reading` counts when given) a moved contract at a
  /// time, byte for byte as the tree would be written.
  public func writeJSON<Target: TextOutputStream>(
    reading register: Register? = nil, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(), reading: register, to: &target)
  }

  /// The JSON's members: the baselines whole, each scenario's moved contracts one at a time.
  func jsonMembers() -> [(String, JSON.Member)] {
    let outcomes = self.outcomes
    let blocks = self.blocks
    let first = blocks.first?.baseline
    return [
      ("baseline", .value(first.map { .object(WhatIfReport.measures($0)) } ?? .null)),
      ("baselines", .value(.array(blocks.map { .object(WhatIfReport.measures($0.baseline)) }))),
      (
        "scenarios",
        .objects(count: outcomes.count) { WhatIfReport.scenarioMembers(outcomes[$0], index: $0) }
      ),
    ]
  }

  /// The figures compared for the baseline and each scenario.
  static func measures(_ o: ScenarioOutcome) -> [(String, JSON)] {
    var pairs: [(String, JSON)] = [
      ("register", .string(o.baseline.name)),
      ("asOf", .day(o.asOf)),
      (
        "totalCost",
        .money(o.knownCostCount == 0 && o.unknownCosts > 0 ? nil : o.totalCost)
      ),
      ("unknownCosts", .int(o.unknownCosts)),
      ("totalOverflowed", .bool(o.overflowedCosts > 0)),
      ("extensions", .int(o.extensions)),
      ("beyondOptions", .int(o.beyondOptions)),
      ("keyDecisions", .int(o.keyDecisions)),
      ("missedDeadlines", .int(o.missedDeadlines)),
    ]
    let groups = o.groupsNamed.isEmpty ? o.overlay.groups : o.groupsNamed
    let spreads = o.overlay.ends(of: groups).map(GroupSummary.spread(of:))
    pairs.append(
      (
        "spreadDays",
        .object(zip(groups, spreads).map { g, d in (g, d.map { .int($0) } ?? .null) })
      ))
    return pairs
  }

  /// One scenario's members: what it is, its figures, then its moved contracts.
  static func scenarioMembers(_ o: ScenarioOutcome, index: Int) -> [(String, JSON.Member)] {
    let head: [(String, JSON)] =
      [
        ("letter", .string(WhatIfReport.letter(index))),
        ("name", .string(o.name)),
        ("description", .string(o.scenario?.description ?? "")),
        ("file", .string(o.scenario?.file ?? "")),
        ("extends", .array(o.chain.dropLast().map { .string($0.file) })),
        ("changes", .array(o.applied.map { .string($0) })),
      ] + measures(o)
    let moves = o.moves
    return head.map { ($0.0, .value($0.1)) } + [
      ("contracts", .elements(count: moves.count) { WhatIfReport.moveJSON(moves[$0]) }),
      ("added", .value(.array(o.added.map { .string($0) }))),
      ("removed", .value(.array(o.removed.map { .string($0) }))),
      ("decisions", .value(.array(o.decisions.map(WhatIfReport.decisionJSON)))),
    ]
  }

  static func moveJSON(_ p: ContractProposal) -> JSON {
    .object([
      ("id", .string(p.contract.id)),
      ("baselineEnd", .day(p.currentEnd)),
      ("end", .day(p.proposedEnd)),
      ("extensionDays", p.extensionDays.map { .int($0) } ?? .null),
      ("cost", .money(p.cost)),
      ("councilCost", .money(p.councilCost)),
      ("councilLed", .bool(p.isCouncilLed)),
      ("withinOptions", p.withinOptions.map { .bool($0) } ?? .null),
    ])
  }

  static func decisionJSON(_ d: ScenarioDecision) -> JSON {
    .object([
      ("label", .string(d.label)),
      ("keyDecision", .bool(d.keyDecision.required)),
      ("decisionBy", .day(d.decisionBy?.day)),
      ("noticeBy", .day(d.noticeBy?.day)),
      ("procurementStartBy", .day(d.procurementStartBy?.day)),
      ("missed", .int(d.missed)),
    ])
  }

  /// One row per moved contract per scenario.
  public var csv: String {
    var text = ""
    writeCSV(to: &text)
    return text
  }

  /// Writes ``csv`` a row at a time.
  public func writeCSV<Target: TextOutputStream>(to out: inout Target) {
    var line = ""
    CSVWriter.append(
      [
        "scenario", "register", "id", "service", "baseline_end", "end", "extension_days", "cost",
        "within_options", "commissioner", "council_led", "council_cost",
      ].map { CSVWriter.Cell.text($0) }, to: &line)
    out.write(line)
    for o in outcomes {
      for p in o.moves {
        line.removeAll(keepingCapacity: true)
        CSVWriter.append(
          [
            .text(o.name), .text(o.baseline.name), .text(p.contract.id),
            .text(p.contract.service), .number(p.currentEnd?.iso ?? ""),
            .number(p.proposedEnd?.iso ?? ""), .number(p.extensionDays.map(String.init) ?? ""),
            .number(p.cost?.decimalString ?? ""),
            .number(p.withinOptions.map { $0 ? "true" : "false" } ?? ""),
            .text(p.contract.commissioner), .number(p.isCouncilLed ? "true" : "false"),
            .number(p.isCouncilLed ? (p.councilCost?.decimalString ?? "") : "0.00"),
          ], to: &line)
        out.write(line)
      }
    }
  }
}
