/// What a scenario did to its baseline: the changed register, each decision it implies, and
/// every contract whose end moved, costed as the scheduler costs an extension.
public struct ScenarioOutcome: Sendable {
  /// The scenarios applied, the inherited ones first.
  public var chain: [Scenario]
  /// The baseline and the scenario's changes to it, row by row.
  public var overlay: RegisterOverlay
  public var asOf: Day
  /// One line per change, in the order applied.
  public var applied: [String]
  public var decisions: [ScenarioDecision]
  /// Contracts whose end moved later than the baseline's, costed from the baseline end.
  public var moves: [ContractProposal]
  /// Contracts the scenario added or removed.
  public var added: [String]
  public var removed: [String]

  public var scenario: Scenario? { chain.last }
  public var name: String { scenario?.name ?? "Baseline" }
  public var baseline: Register { overlay.baseline }
  /// The changed register in full. Built on each call (a copy of every contract once a row
  /// changed): the report reads the overlay instead; this is for tests and small registers.
  public var register: Register { overlay.register }
  /// The rules as the scenario left them.
  public var council: CouncilRules { overlay.council }
  /// The first contract with this id in the changed register.
  public func contract(id: String) -> Contract? { overlay.contract(id: id) }
}

/// A decision a change implies: its contracts, the key-decision test and its deadlines.
public struct ScenarioDecision: Sendable {
  public var label: String
  public var keyDecision: KeyDecisionTest
  public var decisionBy: Deadline?
  public var noticeBy: Deadline?
  public var procurementStartBy: Deadline?
  /// The council's contracts the decision extends, by id.
  public var contracts: [String] = []

  /// Deadlines already past at the as-of date.
  public var missed: Int {
    [decisionBy, noticeBy, procurementStartBy].reduce(0) {
      $0 + (($1?.missedByDays) != nil ? 1 : 0)
    }
  }
}

extension ScenarioOutcome {
  /// The baseline as an outcome with no changes, for side-by-side comparison.
  public init(baseline: Register, asOf: Day) {
    self.init(overlay: RegisterOverlay(baseline: baseline), asOf: asOf)
  }

  /// The overlay's baseline as an outcome with no changes (its id index shared, not rebuilt).
  init(overlay: RegisterOverlay, asOf: Day) {
    self.init(
      chain: [], overlay: overlay.unchanged, asOf: asOf, applied: [], decisions: [], moves: [],
      added: [], removed: [])
  }

  /// Applies `chain` (inherited scenarios first) to `baseline`.
  ///
  /// - Throws: ``ScenarioError`` for a change that names an unknown contract or group (with the
  ///   close matches), or that cannot be applied.
  public init(chain: [Scenario], baseline: Register, asOf: Day) throws(ScenarioError) {
    var applier = Applier(register: baseline, asOf: asOf)
    for scenario in chain {
      for change in scenario.changes {
        applier.file = scenario.file
        applier.change = change.index
        try applier.apply(change.kind)
      }
    }
    self.init(
      chain: chain, overlay: applier.overlay, asOf: asOf, applied: applier.applied,
      decisions: applier.decisions, moves: applier.overlay.moves, added: applier.added,
      removed: applier.removed)
  }
}

/// Applies a scenario's changes one by one to a register, keeping what each did.
struct Applier {
  /// The register as changed so far: the baseline and the rows changed.
  var overlay: RegisterOverlay
  var asOf: Day
  /// The scenario file and the change being applied, for errors.
  var file = ""
  var change = 0
  var applied: [String] = []
  var decisions: [ScenarioDecision] = []
  var added: [String] = []
  var removed: [String] = []

  init(register: Register, asOf: Day) {
    overlay = RegisterOverlay(baseline: register)
    self.asOf = asOf
  }

  func fail(_ message: String) -> ScenarioError {
    ScenarioError(file: file, change: change, message: message)
  }

  mutating func apply(_ kind: Scenario.Change.Kind) throws(ScenarioError) {
    switch kind {
    case .align(let group, let target): try align(group, target)
    case .extendTo(let id, let day): try extend(id, to: day, by: nil)
    case .extendBy(let id, let length): try extend(id, to: nil, by: length)
    case .set(let id, let field, let value):
      let i = try index(of: id)
      var row = overlay[i].canonicalRow
      guard let column = Column(rawValue: field) else { throw fail("'\(field)' is not a column") }
      row[column] = value
      overlay.replace(i, with: try reparsed(overlay[i], row: row))
      applied.append("set \(id) \(field) to '\(value)'")
    case .add(let fields): try add(fields)
    case .remove(let id):
      overlay.remove(try index(of: id))
      removed.append(id)
      applied.append("remove \(id)")
    case .stagger(let group, let from, let every): try stagger(group, from: from, every: every)
    case .rules(let rules):
      if let t = rules.keyDecisionThreshold { overlay.council.keyDecisionThreshold = t }
      if let n = rules.noticeClearDays { overlay.council.noticeClearDays = n }
      if let n = rules.alignmentToleranceDays { overlay.council.alignmentToleranceDays = n }
      if let l = rules.defaultLeadTime { overlay.council.defaultLeadTime = l }
      for (route, l) in rules.leadTimes { overlay.council.leadTimes[route] = l }
      applied.append("rules changed")
    }
  }

  // MARK: - Finding what a change names

  /// The slot of the first contract with this id, by the overlay's index.
  func index(of id: String) throws(ScenarioError) -> Int {
    if let i = overlay.slot(of: id) { return i }
    let close = overlay.ids.filter { editDistance($0, id) <= 4 }.prefix(3)
    throw fail(
      "no contract '\(id)' in \(overlay.baseline.name)"
        + (close.isEmpty ? "" : "; close matches: " + close.joined(separator: ", ")))
  }

  func requireGroup(_ group: String) throws(ScenarioError) {
    guard overlay.hasGroup(group) else {
      throw fail(
        CloseMatch.refusal(
          "no group '\(group)' in \(overlay.baseline.name)", for: group, in: overlay.groups,
          noun: "groups"))
    }
  }

  // MARK: - Changing rows

  mutating func setEnd(_ i: Int, _ end: Day) throws(ScenarioError) {
    var row = overlay[i].canonicalRow
    row[.end] = end.iso
    overlay.replace(i, with: try reparsed(overlay[i], row: row))
  }

  func reparsed(_ contract: Contract, row: [Column: String]) throws(ScenarioError) -> Contract {
    do {
      var (fresh, _) = try RegisterLoader.contract(
        row: row, extra: contract.extra, council: overlay.council, file: file)
      fresh.location = contract.location
      return fresh
    } catch {
      throw fail(error.description)
    }
  }

  /// One decision for contracts moved to new ends, costed exactly (no tolerance), its dates
  /// from the timetable.
  func decision(_ label: String, _ contracts: [Contract], to ends: [Day]) -> ScenarioDecision {
    var exact = overlay.council
    exact.alignmentToleranceDays = 0
    var ignored: [Diagnostic] = []
    let proposals = zip(contracts, ends).map { c, e in
      ContractProposal(c, target: e, newServiceStart: e.next, rules: exact, diagnostics: &ignored)
    }.filter(\.extends)
    let key = KeyDecisionTest(proposals, threshold: overlay.council.keyDecisionThreshold)
    let cycle = Timetable(
      newServiceStart: (ends.max() ?? asOf).next, extensions: proposals,
      rules: overlay.council, asOf: asOf, extensionIsKey: key.required)
    return ScenarioDecision(
      label: label,
      keyDecision: key,
      decisionBy: cycle.milestone(.extensionDecision)?.deadline,
      noticeBy: cycle.milestone(.extensionNotice)?.deadline, procurementStartBy: nil,
      contracts: proposals.filter(\.isCouncilLed).map(\.contract.id))
  }

  // MARK: - The changes

  mutating func align(_ group: String, _ target: AlignmentTarget) throws(ScenarioError) {
    try requireGroup(group)
    let proposal: AlignmentProposal
    // The group's members from the overlay; the register passed gives only its name and rules,
    // as AlignmentProposal(register:group:target:asOf:) takes them. requireGroup found one.
    let members = overlay.members(of: group).map { overlay[$0] }
    do throws(AlignmentError) {
      proposal = try AlignmentProposal(
        register: Register(name: overlay.baseline.name, council: overlay.council), group: group,
        members: members, target: target, asOf: asOf)
    } catch {
      throw fail(error.description)
    }
    for p in proposal.extensions {
      guard let end = p.proposedEnd else { continue }
      try setEnd(try index(of: p.contract.id), end)
    }
    let partners = proposal.partnerExtensions.count
    applied.append(
      "align \(group) to \(DateStyle.long(proposal.target)) (\(proposal.councilExtensions.count) extended"
        + (partners == 0 ? ")" : ", \(partners) more by a partner)"))
    decisions.append(
      ScenarioDecision(
        label: "align \(group)", keyDecision: proposal.keyDecision,
        decisionBy: proposal.decisionBy, noticeBy: proposal.noticeBy,
        procurementStartBy: proposal.procurementStartBy,
        contracts: proposal.councilExtensions.map(\.contract.id)))
  }

  /// `extend ... to DATE` or `by LENGTH`; never shortens.
  mutating func extend(_ id: String, to day: Day?, by length: Length?) throws(ScenarioError) {
    let i = try index(of: id)
    let contract = overlay[i]
    let newEnd: Day
    if let day {
      newEnd = day
    } else {
      guard let current = contract.endDay, let length else {
        throw fail("'\(id)' has no end date to extend by a length; use \"to\"")
      }
      newEnd = current.extendingTerm(by: length)
    }
    if let current = contract.endDay, newEnd < current {
      throw fail(
        "extending '\(id)' to \(newEnd.iso) would end it earlier than \(current.iso); extensions never shorten"
      )
    }
    applied.append("extend \(id) to \(DateStyle.long(newEnd))")
    decisions.append(decision("extend \(id)", [contract], to: [newEnd]))
    try setEnd(i, newEnd)
  }

  mutating func add(_ fields: [String: String]) throws(ScenarioError) {
    var row: [Column: String] = [:]
    var extra: [Contract.ExtraColumn] = []
    for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
      if let column = Column.matching(header: key) {
        row[column] = value
      } else {
        extra.append(Contract.ExtraColumn(header: key, value: value))
      }
    }
    let contract: Contract
    do {
      (contract, _) = try RegisterLoader.contract(
        row: row, extra: extra, council: overlay.council, file: file)
    } catch {
      throw fail(error.description)
    }
    guard overlay.slot(of: contract.id) == nil else {
      throw fail(
        "a contract '\(contract.id)' is already in \(overlay.baseline.name); give the new one another id"
      )
    }
    overlay.append(contract)
    added.append(contract.id)
    applied.append("add \(contract.id)")
  }

  /// The group's dated contracts, soonest end first, ended `every` apart from `from`; phasing
  /// never shortens a contract: one that already runs past its slot keeps its end.
  mutating func stagger(_ group: String, from: Day, every: Length) throws(ScenarioError) {
    try requireGroup(group)
    let members = overlay.members(of: group).filter { overlay[$0].endDay != nil }
      .sorted { (overlay[$0].endDay ?? from, $0) < (overlay[$1].endDay ?? from, $1) }
    var moved: [Contract] = []
    var ends: [Day] = []
    var step = from
    for i in members {
      let current = overlay[i].endDay ?? step
      let end = max(step, current)
      if end > current {
        moved.append(overlay[i])
        ends.append(end)
        try setEnd(i, end)
      }
      step = step.extendingTerm(by: every)
    }
    let partners = moved.filter { !overlay.council.leads($0.commissioner) }.count
    applied.append(
      "stagger \(group) from \(DateStyle.long(from)) every \(every) "
        + "(\(moved.count - partners) extended"
        + (partners == 0 ? ")" : ", \(partners) more by a partner)"))
    decisions.append(decision("stagger \(group)", moved, to: ends))
  }
}

extension ScenarioOutcome {
  // MARK: - Measures

  /// The council's known extension costs added up (its share of the contracts it leads).
  public var totalCost: Money { CostSum(moves).total }
  /// Known costs left out of ``totalCost`` because the sum would overflow: it is incomplete.
  public var overflowedCosts: Int { CostSum(moves).overflowed }
  /// The council's extensions whose cost is unknown.
  public var unknownCosts: Int { CostSum(moves).unknown }
  /// The council's extensions whose cost is known and in ``totalCost`` (or overflowed it).
  public var knownCostCount: Int { CostSum(moves).known }
  /// The council's extensions; a partner's are listed, not counted.
  public var extensions: Int { moves.filter(\.isCouncilLed).count }
  public var beyondOptions: Int {
    moves.filter { $0.isCouncilLed && $0.withinOptions == false }.count
  }
  public var keyDecisions: Int { decisions.indices.filter { isKey($0) }.count }

  /// Whether decision `i` is key: on its own figures, or because decisions extending the same
  /// contracts add up to the threshold. Splitting one extension into steps each under the
  /// threshold does not avoid a key decision.
  public func isKey(_ i: Int) -> Bool {
    let decision = decisions[i]
    if decision.keyDecision.required { return true }
    let ids = Set(decision.contracts)
    guard !ids.isEmpty else { return false }
    var total = Money.zero
    for other in decisions where !ids.isDisjoint(with: other.contracts) {
      total = total.adding(other.keyDecision.amount) ?? total
    }
    return total >= decision.keyDecision.threshold
  }

  /// Decisions that are key only because they add up with others on the same contracts.
  public var splitDecisions: [ScenarioDecision] {
    decisions.indices.filter { isKey($0) && !decisions[$0].keyDecision.required }.map {
      decisions[$0]
    }
  }
  public var missedDeadlines: Int { decisions.reduce(0) { $0 + $1.missed } }

  /// The spread of current ends in `group`, in days, as ``GroupSummary/spread(of:)`` measures
  /// it: `nil` when it cannot be measured.
  public func spread(of group: String) -> Int? {
    GroupSummary.spread(of: overlay.members(of: group).map { overlay[$0].endDay })
  }

  /// The spread for a person: `211 days`, `unknown (3 of 4 undated)`, or `-` for a group with
  /// no contract in this register.
  public func spreadText(of group: String) -> String {
    let members = overlay.members(of: group).map { overlay[$0] }
    guard !members.isEmpty else { return "-" }
    let ends = members.map(\.endDay)
    let undated = ends.filter { $0 == nil }.count
    let note = undated == 0 ? "" : " (\(undated) of \(members.count) undated)"
    guard let days = GroupSummary.spread(of: ends) else { return "unknown" + note }
    return (days == 1 ? "1 day" : "\(days) days") + note
  }

  /// The groups the changes name.
  public var groupsNamed: [String] {
    var seen: [String] = []
    for scenario in chain {
      for change in scenario.changes {
        switch change.kind {
        case .align(let g, _), .stagger(let g, _, _):
          if !seen.contains(g) { seen.append(g) }
        default: break
        }
      }
    }
    return seen
  }
}
