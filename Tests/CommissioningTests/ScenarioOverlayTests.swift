import Foundation
import Testing

@testable import Commissioning

/// The overlay (``RegisterOverlay``) against the whole-register computation it replaced: the
/// same register, moves, additions, removals, lines and decisions for every scenario.
@Suite("Scenario overlay: the same outcome as rewriting the whole register")
struct ScenarioOverlayTests {
  /// What the reference gives for a chain of changes, or its error.
  struct Reference {
    var register: Register
    var moves: [ContractProposal]
    var applied: [String]
    var decisions: [ScenarioDecision]
    var added: [String]
    var removed: [String]

    init(_ changes: [Scenario.Change.Kind], baseline: Register, asOf: Day) throws(ScenarioError) {
      var applier = WholeRegisterApplier(register: baseline, asOf: asOf)
      applier.file = "s.json"
      for (n, kind) in changes.enumerated() {
        applier.change = n + 1
        try applier.apply(kind)
      }
      register = applier.register
      moves = WholeRegisterApplier.moves(from: baseline, to: applier.register)
      applied = applier.applied
      decisions = applier.decisions
      added = applier.added
      removed = applier.removed
    }
  }

  /// Runs `changes` both ways and checks every part of the outcome is the same.
  func compare(_ changes: [Scenario.Change.Kind], on baseline: Register, asOf: Day) throws {
    let chain = [
      Scenario(
        name: "s", description: "", file: "s.json", register: nil, asOf: nil, extends: nil,
        changes: changes.enumerated().map {
          Scenario.Change(index: $0.offset + 1, kind: $0.element)
        }
      )
    ]
    let expected: Reference
    do {
      expected = try Reference(changes, baseline: baseline, asOf: asOf)
    } catch {
      #expect(throws: error) { try ScenarioOutcome(chain: chain, baseline: baseline, asOf: asOf) }
      return
    }
    let outcome = try ScenarioOutcome(chain: chain, baseline: baseline, asOf: asOf)
    #expect(outcome.register.contracts == expected.register.contracts)
    #expect(outcome.council == expected.register.council)
    #expect(outcome.moves.map { "\($0)" } == expected.moves.map { "\($0)" })
    #expect(outcome.added == expected.added)
    #expect(outcome.removed == expected.removed)
    #expect(outcome.applied == expected.applied)
    #expect(outcome.decisions.map { "\($0)" } == expected.decisions.map { "\($0)" })
    #expect(outcome.overlay.groups == expected.register.groups)
    let ids = Set(baseline.contracts.map(\.id) + expected.register.contracts.map(\.id) + ["absent"])
    for id in ids {
      #expect(outcome.contract(id: id) == expected.register.contract(id: id))
    }
    let named = expected.register.groups + ["no-such-group", "G1", "g1", "g1"]
    for (group, ends) in zip(named, outcome.overlay.ends(of: named)) {
      #expect(ends == expected.register.contracts.filter { $0.isIn(group: group) }.map(\.endDay))
    }
    for group in expected.register.groups + ["no-such-group"] {
      let members = expected.register.contracts.filter { $0.isIn(group: group) }
      #expect(outcome.spread(of: group) == GroupSummary.spread(of: members.map(\.endDay)))
    }
  }

  @Test("the bundled Kent register: each example scenario's changes")
  func bundled() throws {
    let kent = try loadKent("kent-2016-03")
    for name in [
      "2015-synchronise-to-september-2016.json", "2016-align-with-camhs-april-2017.json",
      "2016-procurement-slips-three-months.json", "2016-stagger-ends.json",
    ] {
      try compare(try exampleScenario(name).changes.map(\.kind), on: kent, asOf: day("2016-03-22"))
    }
  }

  @Test("the bundled Kent register: 200 seeded random scenarios")
  func bundledRandom() throws {
    let kent = try loadKent("kent-2016-03")
    var random = SeededGenerator(state: 1603)
    for _ in 0..<200 {
      try compare(Self.changes(for: kent, using: &random), on: kent, asOf: day("2016-03-22"))
    }
  }

  @Test("seeded random registers, repeated ids among them, with 300 random scenarios")
  func seededRandom() throws {
    var random = SeededGenerator(state: 19)
    for _ in 0..<300 {
      let baseline = try Self.randomRegister(using: &random)
      try compare(
        Self.changes(for: baseline, using: &random), on: baseline, asOf: day("2016-03-22"))
    }
  }

  @Test("a removed first row of a repeated id: the next row of that id is found and moved")
  func repeatedIds() throws {
    var r = try register(
      "id,service,value,value_basis,end,group\na,A,£120000,annual,2016-06-30,g\n"
        + "b,B,£120000,annual,2016-09-30,g\nc,C,£120000,annual,2016-03-31,g\n")
    r.contracts[2].id = "a"
    let changes: [Scenario.Change.Kind] = [
      .remove(contract: "a"), .extendTo(contract: "a", end: day("2017-03-31")),
    ]
    try compare(changes, on: r, asOf: day("2016-03-22"))
    let outcome = try ScenarioOutcome(
      chain: [
        Scenario(
          name: "s", description: "", file: "s.json", register: nil, asOf: nil, extends: nil,
          changes: changes.enumerated().map {
            Scenario.Change(index: $0.offset + 1, kind: $0.element)
          })
      ], baseline: r, asOf: day("2016-03-22"))
    // Compared with the first baseline row of its id, as matching by id always did.
    #expect(outcome.moves.map(\.contract.service) == ["C"])
    #expect(outcome.moves.first?.currentEnd == day("2016-06-30"))
  }

  // MARK: - Random registers and changes

  static let groups = ["g1", "g2", "G1", "g3"]

  /// 1 to 30 rows of random ends, values and groups; some ids repeated, and one pair the same
  /// text in different bytes (the loader compares bytes, `String` compares text).
  static func randomRegister(using random: inout SeededGenerator) throws -> Register {
    let rows = Int.random(in: 1...30, using: &random)
    var csv = "id,service,provider,value,value_basis,end,group,commissioner\n"
    for i in 0..<rows {
      let end =
        random.next() % 8 == 0
        ? ""
        : "20\(Int.random(in: 15...19, using: &random))-0\(Int.random(in: 1...9, using: &random))-15"
      let value = random.next() % 6 == 0 ? "" : "£\(Int.random(in: 1...900, using: &random))000"
      let group = random.next() % 5 == 0 ? "" : random.pick(groups) + (i % 3 == 0 ? ";g2" : "")
      let id = i == 1 ? "e\u{301}" : i == 2 ? "\u{e9}" : "c\(i)"
      let lead = random.next() % 4 == 0 ? "Partner CCG" : ""
      csv += "\(id),S\(i),P\(i % 4),\(value),annual,\(end),\(group),\(lead)\n"
    }
    var r = try register(csv)
    for _ in 0..<Int.random(in: 0...2, using: &random) where r.contracts.count > 1 {
      let later = Int.random(in: 1..<r.contracts.count, using: &random)
      r.contracts[later].id = r.contracts[Int.random(in: 0..<later, using: &random)].id
    }
    return r
  }

  /// 1 to 6 random changes naming the register's ids and groups, and some it lacks.
  static func changes(for r: Register, using random: inout SeededGenerator)
    -> [Scenario.Change.Kind]
  {
    let ids = r.contracts.map(\.id) + ["c99", "absent"]
    let groupNames = r.groups + ["g1", "nope"]
    func date() -> Day {
      day(
        "20\(Int.random(in: 15...20, using: &random))-0\(Int.random(in: 1...9, using: &random))-28")
    }
    return (0..<Int.random(in: 1...6, using: &random)).map { _ -> Scenario.Change.Kind in
      switch random.next() % 9 {
      case 0: return .extendTo(contract: random.pick(ids), end: date())
      case 1:
        return .extendBy(
          contract: random.pick(ids), length: .months(Int.random(in: 1...12, using: &random)))
      case 2: return .set(contract: random.pick(ids), field: "end", value: date().iso)
      case 3:
        return .set(
          contract: random.pick(ids), field: random.pick(["value", "group"]),
          value: random.pick(["£5000", "g3", ""]))
      case 4: return .remove(contract: random.pick(ids))
      case 5:
        return .add(row: [
          "id": random.pick(["new", "c1", "absent"]), "service": "N", "end": date().iso,
          "group": random.pick(groupNames),
        ])
      case 6:
        return .align(
          group: random.pick(groupNames),
          target: random.pick([.end(date()), .latestEnd, .newServiceStart(date())]))
      case 7: return .stagger(group: random.pick(groupNames), from: date(), every: .months(3))
      default:
        var rules = Scenario.Change.Rules()
        rules.alignmentToleranceDays = Int.random(in: 0...60, using: &random)
        return .rules(rules)
      }
    }
  }
}

// MARK: - The reference: the whole-register computation the overlay replaced

/// The whole-register applier the overlay replaced, kept as the reference: every change
/// rewrites a full copy of the register, and lookups scan it.
struct WholeRegisterApplier {
  var register: Register
  var asOf: Day
  /// The scenario file and the change being applied, for errors.
  var file = ""
  var change = 0
  var applied: [String] = []
  var decisions: [ScenarioDecision] = []
  var added: [String] = []
  var removed: [String] = []

  init(register: Register, asOf: Day) {
    self.register = register
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
      var row = register.contracts[i].canonicalRow
      guard let column = Column(rawValue: field) else { throw fail("'\(field)' is not a column") }
      row[column] = value
      register.contracts[i] = try reparsed(register.contracts[i], row: row)
      applied.append("set \(id) \(field) to '\(value)'")
    case .add(let fields): try add(fields)
    case .remove(let id):
      register.contracts.remove(at: try index(of: id))
      removed.append(id)
      applied.append("remove \(id)")
    case .stagger(let group, let from, let every): try stagger(group, from: from, every: every)
    case .rules(let rules):
      if let t = rules.keyDecisionThreshold { register.council.keyDecisionThreshold = t }
      if let n = rules.noticeClearDays { register.council.noticeClearDays = n }
      if let n = rules.alignmentToleranceDays { register.council.alignmentToleranceDays = n }
      if let l = rules.defaultLeadTime { register.council.defaultLeadTime = l }
      for (route, l) in rules.leadTimes { register.council.leadTimes[route] = l }
      applied.append("rules changed")
    }
  }

  // MARK: - Finding what a change names

  func index(of id: String) throws(ScenarioError) -> Int {
    if let i = register.contracts.firstIndex(where: { $0.id == id }) { return i }
    let close = register.contracts.map(\.id).filter { editDistance($0, id) <= 4 }.prefix(3)
    throw fail(
      "no contract '\(id)' in \(register.name)"
        + (close.isEmpty ? "" : "; close matches: " + close.joined(separator: ", ")))
  }

  func requireGroup(_ group: String) throws(ScenarioError) {
    guard register.hasGroup(group) else {
      throw fail(
        CloseMatch.refusal(
          "no group '\(group)' in \(register.name)", for: group, in: register.groups,
          noun: "groups"))
    }
  }

  // MARK: - Changing rows

  mutating func setEnd(_ i: Int, _ end: Day) throws(ScenarioError) {
    var row = register.contracts[i].canonicalRow
    row[.end] = end.iso
    register.contracts[i] = try reparsed(register.contracts[i], row: row)
  }

  func reparsed(_ contract: Contract, row: [Column: String]) throws(ScenarioError) -> Contract {
    do {
      var (fresh, _) = try RegisterLoader.contract(
        row: row, extra: contract.extra, council: register.council, file: file)
      fresh.location = contract.location
      return fresh
    } catch {
      throw fail(error.description)
    }
  }

  /// One decision for contracts moved to new ends, costed exactly (no tolerance), its dates
  /// from the timetable.
  func decision(_ label: String, _ contracts: [Contract], to ends: [Day]) -> ScenarioDecision {
    var exact = register.council
    exact.alignmentToleranceDays = 0
    var ignored: [Diagnostic] = []
    let proposals = zip(contracts, ends).map { c, e in
      ContractProposal(c, target: e, newServiceStart: e.next, rules: exact, diagnostics: &ignored)
    }.filter(\.extends)
    let key = KeyDecisionTest(proposals, threshold: register.council.keyDecisionThreshold)
    let cycle = Timetable(
      newServiceStart: (ends.max() ?? asOf).next, extensions: proposals,
      rules: register.council, asOf: asOf, extensionIsKey: key.required)
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
    do {
      proposal = try AlignmentProposal(
        register: register, group: group, target: target, asOf: asOf)
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
    let contract = register.contracts[i]
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
        row: row, extra: extra, council: register.council, file: file)
    } catch {
      throw fail(error.description)
    }
    guard !register.contracts.contains(where: { $0.id == contract.id }) else {
      throw fail(
        "a contract '\(contract.id)' is already in \(register.name); give the new one another id")
    }
    register.contracts.append(contract)
    added.append(contract.id)
    applied.append("add \(contract.id)")
  }

  /// The group's dated contracts, soonest end first, ended `every` apart from `from`; phasing
  /// never shortens a contract: one that already runs past its slot keeps its end.
  mutating func stagger(_ group: String, from: Day, every: Length) throws(ScenarioError) {
    try requireGroup(group)
    let members = register.contracts.indices
      .filter { register.contracts[$0].isIn(group: group) && register.contracts[$0].endDay != nil }
      .sorted {
        (register.contracts[$0].endDay ?? from, $0) < (register.contracts[$1].endDay ?? from, $1)
      }
    var moved: [Contract] = []
    var ends: [Day] = []
    var step = from
    for i in members {
      let current = register.contracts[i].endDay ?? step
      let end = max(step, current)
      if end > current {
        moved.append(register.contracts[i])
        ends.append(end)
        try setEnd(i, end)
      }
      step = step.extendingTerm(by: every)
    }
    let partners = moved.filter { !register.council.leads($0.commissioner) }.count
    applied.append(
      "stagger \(group) from \(DateStyle.long(from)) every \(every) "
        + "(\(moved.count - partners) extended"
        + (partners == 0 ? ")" : ", \(partners) more by a partner)"))
    decisions.append(decision("stagger \(group)", moved, to: ends))
  }
}

extension WholeRegisterApplier {
  /// Every contract of `register` ending later than the first baseline contract of its id.
  static func moves(from baseline: Register, to register: Register) -> [ContractProposal] {
    var exact = register.council
    exact.alignmentToleranceDays = 0
    var ignored: [Diagnostic] = []
    var moves: [ContractProposal] = []
    let before = Dictionary(baseline.contracts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for contract in register.contracts {
      guard let old = before[contract.id], let end = contract.endDay else { continue }
      if let oldEnd = old.endDay, end <= oldEnd { continue }
      var priced = contract
      priced.end = old.end
      priced.endText = old.endText
      moves.append(
        ContractProposal(
          priced, target: end, newServiceStart: end.next, rules: exact, diagnostics: &ignored))
    }
    return moves
  }
}
