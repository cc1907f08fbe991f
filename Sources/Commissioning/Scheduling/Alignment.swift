/// How the common end date of a group is chosen.
public enum AlignmentTarget: Hashable, Sendable {
  /// A common end date (`--to`).
  case end(Day)
  /// A new service start date (`--start`): the current contracts run to the day before.
  case newServiceStart(Day)
  /// The latest current end in the group (the default).
  case latestEnd
}

/// A group's end dates at a glance: how far apart they are, and whether that is within tolerance.
public struct GroupSummary: Sendable {
  public var group: String
  /// The group's contracts, in register order.
  public var contracts: ContractRows
  public var earliestEnd: Day?
  public var latestEnd: Day?
  /// Days between the earliest and latest current ends; `nil` when it cannot be measured (see
  /// ``spread(of:)``). With some members undated it is the dated members' spread only.
  public var spreadDays: Int?
  /// Whether the spread is within the council's tolerance (see ``verdict`` for whether that is
  /// known).
  public var aligned: Bool
  /// Contracts with no usable end date.
  public var undated: ContractRows

  /// Every group in the register, sorted by name.
  public static func all(in register: Register) -> [GroupSummary] {
    let all = register.contracts
    return register.groupIndex.map { group, members in
      let contracts = ContractRows(all, positions: members)
      let ends = contracts.compactMap(\.endDay)
      let earliest = ends.min()
      let latest = ends.max()
      let spread = GroupSummary.spread(of: contracts.map(\.endDay))
      return GroupSummary(
        group: group, contracts: contracts, earliestEnd: earliest, latestEnd: latest,
        spreadDays: spread,
        aligned: (spread ?? 0) <= register.council.alignmentToleranceDays,
        undated: ContractRows(all, positions: members.filter { all[$0].endDay == nil }))
    }
  }

  /// Days between the earliest and latest of `ends`, over the dated ones; `nil` when there is
  /// none, or only one beside undated ones: one date has no spread, and 0 would claim the
  /// undated ones end with it.
  public static func spread(of ends: [Day?]) -> Int? {
    let dated = ends.compactMap { $0 }
    guard let first = dated.min(), let last = dated.max() else { return nil }
    if dated.count == 1 && ends.count > 1 { return nil }
    return (last - first).days
  }

  /// Whether the group is aligned, as far as the register tells: `false` when the dated ends
  /// are already too far apart, `true` when every member is dated and within the tolerance,
  /// `nil` when undated members leave it open.
  public var verdict: Bool? {
    guard spreadDays != nil else { return nil }
    if !aligned { return false }
    return undated.isEmpty ? true : nil
  }

  /// `211 days`, `1 day`, or `unknown (3 of 4 undated)`; with undated members beside a known
  /// spread, `211 days (1 of 6 undated)`, so a reader knows it covers the dated ones only.
  public var spreadText: String {
    let undatedNote = undated.isEmpty ? "" : " (\(undated.count) of \(contracts.count) undated)"
    guard let days = spreadDays else { return "unknown" + undatedNote }
    return (days == 1 ? "1 day" : "\(days) days") + undatedNote
  }
}

/// What the proposal does with one contract.
public enum AlignmentAction: String, Sendable {
  /// Extended to the target.
  case extend
  /// Already ends on the target.
  case aligned
  /// Ends before the target but within the tolerance: no extension proposed.
  case withinTolerance = "within-tolerance"
  /// Ends after the target: reported, never shortened.
  case endsAfterTarget = "ends-after-target"
  /// No usable current end: extended to the target, length and cost unknown.
  case extendFromUnknownEnd = "extend-from-unknown-end"
}

/// How a contract's extension cost was worked out.
public enum CostBasis: String, Sendable {
  /// Pro rata on a stated annual value.
  case annual
  /// Pro rata on a value of unknown basis, treated as annual.
  case assumedAnnual = "assumed-annual"
  /// Pro rata on a total converted to a year over its term.
  case annualisedTotal = "annualised-total"
  /// No extension, so no cost.
  case none
  /// Not computable: no value, or no current end.
  case unknown
  /// Not computable: the value is known but the cost (or the annual value it comes from) is more
  /// than pence can hold (£92,233,720,368,547,758.07); shown as "too large to compute".
  case tooLarge = "too-large"
}

/// The proposal for one contract of the group.
public struct ContractProposal: Sendable {
  /// The contract, read from its register's row: a proposal keeps the register's array (shared)
  /// and a position, not a copy of the contract. Setting it gives the proposal a row of its own.
  public var contract: Contract {
    // Read in place: `proposal.contract.termDays` borrows the row rather than copying it.
    _read { yield rows[row] }
    set {
      rows = [newValue]
      row = 0
    }
  }
  /// The contracts ``row`` indexes: the register's, or the one contract given.
  var rows: [Contract]
  /// The contract's position in ``rows``.
  var row: Int
  public var action: AlignmentAction
  public var currentEnd: Day?
  public var proposedEnd: Day?
  /// Days added (proposed minus current end), when both are known.
  public var extensionDays: Int?
  /// The extension as whole months plus remaining days.
  public var extensionMonths: Int?
  public var extensionRemainderDays: Int?
  /// Cost of the extension; `nil` when it cannot be computed.
  public var cost: Money?
  public var costBasis: CostBasis
  /// The annual value the cost was computed from.
  public var annualValue: Money?
  /// Whether the proposed end is within the options (up to the maximum extent); `nil` when there
  /// is no extension.
  public var withinOptions: Bool?
  public var maximumExtent: Day?
  /// The cost as a share of the original contract value, in tenths of a percent.
  public var valueChangePermille: Int?
  /// The extension as a share of the term, in tenths of a percent, when the term is known.
  public var termChangePermille: Int?
  /// The procurement lead time for this contract's route, and the day procurement must start.
  public var leadTime: Length
  public var route: String
  public var procurementStartBy: Day
  /// Flags and assumptions for this contract, each with its code.
  public var flags: [ProposalFlag]
  /// Whether the council leads the contract (no `commissioner`, or one naming the council).
  public var isCouncilLed = true
  /// What the council pays a year, and of the extension, when it pays a share; otherwise the
  /// annual value and the cost.
  public var councilAnnualValue: Money?
  public var councilCost: Money?

  /// Whether the proposal extends the contract.
  public var extends: Bool { action == .extend || action == .extendFromUnknownEnd }

  /// The cost for a person: `£1,234.50`, "too large to compute", or `unknown` when there is none.
  public func costText(unknown: String) -> String {
    if let cost { return cost.formatted(alwaysShowPence: true) }
    return costBasis == .tooLarge ? ContractProposal.tooLarge : unknown
  }

  /// The council's cost for a person: its share with the whole beside it when they differ
  /// (`£441,000.00 (the council's share of £2,368,936.10)`), else as ``costText(unknown:)``.
  public func councilCostText(unknown: String) -> String {
    guard let councilCost, councilCost != cost else { return costText(unknown: unknown) }
    return councilCost.formatted(alwaysShowPence: true)
      + (cost.map { " (the council's share of \($0.formatted(alwaysShowPence: true)))" } ?? "")
  }

  /// How a cost beyond 64-bit pence is shown, instead of a wrong number or a crash.
  public static let tooLarge = "too large to compute"
}

/// A dated deadline, and whether it has passed at the as-of date.
public struct Deadline: Sendable, Equatable {
  public var day: Day
  /// Days it was missed by at the as-of date (0 or more), or `nil` when still ahead.
  public var missedByDays: Int?
  /// Days left at the as-of date, when still ahead.
  public var daysLeft: Int?
  /// Why this date: the rule that set it.
  public var rule: TimetableRule
  /// The rule as a sentence.
  public var why: String { rule.message }

  init(_ day: Day, asOf: Day, rule: TimetableRule) {
    self.day = day
    self.rule = rule
    if day < asOf {
      missedByDays = (asOf - day).days
    } else {
      daysLeft = (day - asOf).days
    }
  }
}

/// Whether the proposal is a key decision, and on what figures.
public struct KeyDecisionTest: Sendable {
  public var required: Bool
  /// `extension cost` when every cost is known; `annual values` when some stand in.
  public var basis: String
  public var amount: Money
  public var threshold: Money

  /// The council's extension cost of `proposals` (its share of the contracts it leads; a
  /// partner's never count) against the threshold; where costs are unknown, the annual values of
  /// the contracts to extend stand in, as Kent's 2015 record reasoned.
  public init(_ proposals: [ContractProposal], threshold: Money) {
    var total = Money.zero
    var missing = false
    var annual = Money.zero
    for proposal in proposals where proposal.extends && proposal.isCouncilLed {
      if let cost = proposal.councilCost, let sum = total.adding(cost) {
        total = sum
      } else {
        missing = true
      }
      if let value = proposal.councilAnnualValue, let sum = annual.adding(value) { annual = sum }
    }
    if !missing || total >= threshold {
      self.init(
        required: total >= threshold, basis: "extension cost", amount: total, threshold: threshold)
    } else {
      self.init(
        required: annual >= threshold, basis: "annual values", amount: annual, threshold: threshold)
    }
  }

  init(required: Bool, basis: String, amount: Money, threshold: Money) {
    self.required = required
    self.basis = basis
    self.amount = amount
    self.threshold = threshold
  }
}

/// A synchronised extension of one group: every contract's proposal, the total cost, whether it
/// is a key decision, and the deadlines that follow. The Gantt, the decision record and the
/// what-if scenarios all read this value.
public struct AlignmentProposal: Sendable {
  public var group: String
  public var registerName: String
  public var council: CouncilRules
  public var asOf: Day
  public var target: Day
  public var targetRule: AlignmentTarget
  /// The day the new service starts: the day after the target.
  public var newServiceStart: Day
  public var contracts: [ContractProposal]
  public var totalCost: Money
  /// Contracts to be extended whose cost is unknown (or too large to compute on its own).
  public var missingCosts: Int
  /// Known costs left out of ``totalCost`` because adding them would pass the largest amount
  /// 64-bit pence hold: when not zero, the total overflowed and is incomplete.
  public var overflowedCosts: Int = 0
  public var keyDecision: KeyDecisionTest
  /// Every milestone of the cycle, the council's and its partners'.
  public var timetable: Timetable
  /// Assumptions and problems, located at the contract rows.
  public var diagnostics: [Diagnostic]

  /// The council's key decision is taken by the earliest current end among the contracts it
  /// extends.
  public var decisionBy: Deadline? { timetable.milestone(.extensionDecision)?.deadline }
  /// The forward-plan notice, the notice clear days before the decision.
  public var noticeBy: Deadline? { timetable.milestone(.extensionNotice)?.deadline }
  /// The latest committee meeting on or before the decision.
  public var committee: CouncilRules.Meeting? {
    timetable.milestone(.extensionCommittee)?.meeting
  }
  /// The council's procurement start: the earliest over the contracts it leads (a partner's
  /// when it leads none; the new service start when there is no contract at all).
  public var procurementStartBy: Deadline {
    timetable.milestone(.procurementStart)?.deadline
      ?? timetable.milestones.first { $0.kind == .procurementStart }?.deadline
      ?? Deadline(newServiceStart, asOf: asOf, rule: .dayAfterTarget)
  }
}

/// The extension costs of some proposals added up in 64-bit pence: the total of those that fit,
/// how many are unknown, and how many known ones were left out because the sum would overflow,
/// so every report can say its total is incomplete rather than print a part as the whole.
public struct CostSum: Sendable, Equatable {
  public var total = Money.zero
  /// Extensions whose cost is unknown or too large to compute.
  public var unknown = 0
  /// Known costs left out because adding them would pass the largest amount.
  public var overflowed = 0
  /// Costs that were known (added, or left out by an overflow).
  public var known = 0

  /// The council's costs of the proposals it leads that extend (a partner's are its own).
  public init(_ proposals: [ContractProposal]) {
    self.init(costs: proposals.filter { $0.extends && $0.isCouncilLed }.map(\.councilCost))
  }

  /// Costs added up; `nil` is an unknown cost.
  public init(costs: [Money?]) {
    for cost in costs {
      guard let cost else {
        unknown += 1
        continue
      }
      known += 1
      if let sum = total.adding(cost) { total = sum } else { overflowed += 1 }
    }
  }

  /// The caveat for a total that overflowed, or nil: `the sum overflowed and is incomplete (2
  /// known costs not included)`.
  public var overflowCaveat: String? {
    guard overflowed > 0 else { return nil }
    return "the sum overflowed and is incomplete (\(overflowed) known cost"
      + (overflowed == 1 ? "" : "s") + " not included)"
  }
}

/// Why a proposal cannot be made.
public enum AlignmentError: Error, Equatable, CustomStringConvertible {
  case unknownGroup(String, known: [String])
  case noDatedContract(String)

  public var description: String {
    switch self {
    case .unknownGroup(let group, let known):
      return CloseMatch.refusal(
        "no contract is in group '\(group)'", for: group, in: known, noun: "groups")
    case .noDatedContract(let group):
      return "no contract in group '\(group)' has an end date; give a target with --to or --start"
    }
  }
}

extension AlignmentProposal {
  /// Proposes synchronised extensions for `group`.
  ///
  /// - Parameters:
  ///   - register: the register, with the council's rules.
  ///   - group: the programme re-commissioned together.
  ///   - target: the common end date, or how to choose it.
  ///   - asOf: today, for missed deadlines.
  /// - Throws: ``AlignmentError`` when the group is unknown or no target can be chosen.
  /// - Complexity: O(n) in the register's contracts.
  public init(register: Register, group: String, target: AlignmentTarget, asOf: Day)
    throws(AlignmentError)
  {
    let members = register.contracts.indices.filter { register.contracts[$0].isIn(group: group) }
    guard !members.isEmpty else { throw .unknownGroup(group, known: register.groups) }
    try self.init(register: register, group: group, members: members, target: target, asOf: asOf)
  }

  /// Proposes for `group`, whose contracts are `members` (copies, not the register's rows).
  init(
    register: Register, group: String, members: [Contract], target: AlignmentTarget, asOf: Day
  ) throws(AlignmentError) {
    try self.init(
      register: register, group: group, rows: members, members: Array(members.indices),
      target: target, asOf: asOf)
  }

  /// Proposes for `group`, whose contracts are the register's rows `members`.
  init(
    register: Register, group: String, members: [Int], target: AlignmentTarget, asOf: Day
  ) throws(AlignmentError) {
    try self.init(
      register: register, group: group, rows: register.contracts, members: members,
      target: target, asOf: asOf)
  }

  /// Proposes for `group`, whose contracts are `members`, positions in `all`: each proposal
  /// reads its contract there rather than holding a copy.
  init(
    register: Register, group: String, rows all: [Contract], members: [Int],
    target: AlignmentTarget, asOf: Day
  ) throws(AlignmentError) {
    let rules = register.council
    let targetDay: Day
    switch target {
    case .end(let day): targetDay = day
    case .newServiceStart(let day): targetDay = day.previous
    case .latestEnd:
      guard let latest = members.compactMap({ all[$0].endDay }).max() else {
        throw .noDatedContract(group)
      }
      targetDay = latest
    }
    let newStart = targetDay.next
    var diagnostics: [Diagnostic] = []
    var proposals: [ContractProposal] = []
    proposals.reserveCapacity(members.count)
    for row in members {
      var proposal = ContractProposal(
        row: row, of: all, target: targetDay, newServiceStart: newStart, rules: rules,
        diagnostics: &diagnostics)
      proposal.flagIfEnded(asOf: asOf)
      proposals.append(proposal)
    }
    let sum = CostSum(proposals)
    let keyDecision = KeyDecisionTest(proposals, threshold: rules.keyDecisionThreshold)
    let council = proposals.filter { $0.extends && $0.isCouncilLed }
    if !council.isEmpty, council.allSatisfy({ $0.currentEnd == nil }) {
      diagnostics.append(
        Diagnostic(
          .warning,
          "the current ends of the contracts to extend are unknown, so the decision and notice dates cannot be set"
        ))
    }
    let timetable = Timetable(
      newServiceStart: newStart, extensions: proposals, rules: rules, asOf: asOf,
      extensionIsKey: keyDecision.required)
    // A stage worked back from a target near the calendar's edge can fall outside the years a
    // date is written in: said, not printed as year -39 or left null in silence.
    let unwritable = timetable.milestones.filter { !Day.writable.contains($0.day) }
    if let first = unwritable.first {
      diagnostics.append(
        Diagnostic(
          .warning,
          "\(unwritable.count) milestone\(unwritable.count == 1 ? "" : "s") (first: \(first.kind.label.lowercased())) fall outside the years 0001 to 9999; their dates are not given"
        ))
    }
    self.init(
      group: group, registerName: register.name, council: rules, asOf: asOf, target: targetDay,
      targetRule: target, newServiceStart: newStart, contracts: proposals, totalCost: sum.total,
      missingCosts: sum.unknown, overflowedCosts: sum.overflowed, keyDecision: keyDecision,
      timetable: timetable, diagnostics: diagnostics)
  }

  /// The contracts the proposal extends, the council's and its partners'.
  public var extensions: [ContractProposal] { contracts.filter(\.extends) }
  /// The council's own extensions: those it leads.
  public var councilExtensions: [ContractProposal] {
    contracts.filter { $0.extends && $0.isCouncilLed }
  }
  /// Extensions a partner leads: listed, never in the council's dates or totals.
  public var partnerExtensions: [ContractProposal] {
    contracts.filter { $0.extends && !$0.isCouncilLed }
  }

  /// Whether some extension cost is too large to compute on its own; such costs are among
  /// ``missingCosts`` (a sum that overflows is ``overflowedCosts``).
  public var costTooLarge: Bool { councilExtensions.contains { $0.costBasis == .tooLarge } }

  /// The caveat for a total that overflowed, or nil.
  public var overflowCaveat: String? {
    var sum = CostSum([])
    sum.overflowed = overflowedCosts
    return sum.overflowCaveat
  }
}

/// A proposal for every group of a register (`align --all`): the programme-wide view.
public struct AlignmentPlan: Sendable {
  public var registerName: String
  public var council: CouncilRules
  public var asOf: Day
  public var targetRule: AlignmentTarget
  /// One proposal per group with a dated contract, sorted by group.
  public var proposals: [AlignmentProposal]
  /// Groups with no dated contract and no target given: named, not proposed.
  public var undatedGroups: [String]

  /// Proposes for every group, each with `target`.
  /// - Complexity: O(n) in the register's contracts (one pass to index the groups).
  public init(register: Register, target: AlignmentTarget, asOf: Day) {
    registerName = register.name
    council = register.council
    self.asOf = asOf
    targetRule = target
    proposals = []
    undatedGroups = []
    for (group, members) in register.groupIndex {
      do {
        proposals.append(
          try AlignmentProposal(
            register: register, group: group, members: members, target: target, asOf: asOf))
      } catch {
        undatedGroups.append(group)
      }
    }
  }

  /// The total of every known extension cost.
  public var totalCost: Money {
    proposals.reduce(Money.zero) { $0.adding($1.totalCost) ?? $0 }
  }

  /// Whether a group's total, or the sum of the groups' totals, overflowed: ``totalCost`` is
  /// then incomplete.
  public var totalOverflowed: Bool {
    var sum = Money.zero
    for proposal in proposals {
      guard proposal.overflowedCosts == 0, let next = sum.adding(proposal.totalCost) else {
        return true
      }
      sum = next
    }
    return false
  }
}

extension ContractProposal {
  /// A contract's name for messages: its service and provider, on one line.
  static func name(_ contract: Contract) -> String {
    let service = (contract.service.isEmpty ? contract.id : contract.service).singleLine
    guard !contract.provider.isEmpty else { return service }
    let provider = contract.provider.singleLine
    return service.hasSuffix(")") ? "\(service), \(provider)" : "\(service) (\(provider))"
  }

  /// The proposal for a contract of no register (a scenario's priced move): its own row.
  init(
    _ contract: Contract, target: Day, newServiceStart: Day, rules: CouncilRules,
    diagnostics: inout [Diagnostic]
  ) {
    self.init(
      row: 0, of: [contract], target: target, newServiceStart: newServiceStart, rules: rules,
      diagnostics: &diagnostics)
  }

  /// The proposal for the contract at `row` of `rows` (a register's contracts, not copied).
  init(
    row: Int, of rows: [Contract], target: Day, newServiceStart: Day, rules: CouncilRules,
    diagnostics: inout [Diagnostic]
  ) {
    let contract = rows[row]
    let route = contract.procurementRoute.isEmpty ? "open" : contract.procurementRoute
    let lead = contract.leadTime ?? rules.leadTime(forRoute: route)
    let end = contract.endDay
    var flags: [ProposalFlag] = []
    let (action, proposed) = ContractProposal.action(
      end: end, target: target, rules: rules, contract: contract, flags: &flags)
    self.init(
      rows: rows, row: row, action: action, currentEnd: end, proposedEnd: proposed,
      extensionDays: end.flatMap { e in proposed.map { ($0 - e).days } }, extensionMonths: nil,
      extensionRemainderDays: nil, cost: action == .extend ? nil : .zero, costBasis: .none,
      annualValue: contract.annualValue, withinOptions: nil,
      maximumExtent: contract.maximumExtent, valueChangePermille: nil, termChangePermille: nil,
      leadTime: lead, route: route,
      procurementStartBy: Timetable.procurementStart(newServiceStart: newServiceStart, lead: lead),
      flags: flags)
    isCouncilLed = rules.leads(contract.commissioner)
    if !isCouncilLed {
      self.flags.insert(.partnerLed(partner: contract.commissioner, extends: extends), at: 0)
    }
    if action == .extend, let end { priceExtension(from: end, to: target) }
    if extends {
      if action == .extendFromUnknownEnd {
        cost = nil
        costBasis = .unknown
        if annualValue == nil { self.flags.append(ContractProposal.unknownCostFlag(contract)) }
      }
      if cost == nil {
        diagnostics.append(
          Diagnostic(
            .warning,
            "\(ContractProposal.name(contract)): extension cost "
              + (costBasis == .tooLarge
                ? ContractProposal.tooLarge
                : "unknown (\(action == .extend ? "no value" : "current end unknown"))"),
            at: contract.location))
      }
      checkOptions()
      checkModificationLimits()
    }
    shareWithCouncil()
  }

  /// What to do with a contract ending on `end`, given the target, and the end it gets.
  static func action(
    end: Day?, target: Day, rules: CouncilRules, contract: Contract, flags: inout [ProposalFlag]
  ) -> (AlignmentAction, Day?) {
    guard let end else {
      flags.append(.currentEndUnknown(reason: contract.end.undated?.reason ?? "no end date"))
      return (.extendFromUnknownEnd, target)
    }
    if end == target { return (.aligned, end) }
    if end > target {
      flags.append(.endsAfterTarget(end: end))
      return (.endsAfterTarget, end)
    }
    let gap = (target - end).days
    if gap <= rules.alignmentToleranceDays {
      flags.append(.withinTolerance(days: gap, tolerance: rules.alignmentToleranceDays))
      return (.withinTolerance, end)
    }
    return (.extend, target)
  }

  /// The extension's length and its cost: whole months × annual/12 + remaining days ×
  /// annual/365, rounded once to the penny.
  mutating func priceExtension(from end: Day, to target: Day) {
    let (m, d) = monthsAndDays(from: end, to: target)
    extensionMonths = m
    extensionRemainderDays = d
    guard let annual = annualValue else {
      if contract.annualValueTooLarge {
        costBasis = .tooLarge
        flags.append(.annualValueTooLarge(total: contract.value.amount))
      } else {
        costBasis = .unknown
        flags.append(ContractProposal.unknownCostFlag(contract))
      }
      return
    }
    cost = ContractProposal.prorata(annual, months: m, days: d)
    if cost == nil {
      costBasis = .tooLarge
      flags.append(.costTooLarge(annual: annual))
    } else if contract.value.annual != nil || contract.value.basis == .annual {
      costBasis = .annual
    } else if contract.value.basis == .total {
      costBasis = .annualisedTotal
      flags.append(.totalMadeAnnual(total: contract.value.amount, annual: annual))
    } else {
      costBasis = .assumedAnnual
      flags.append(.assumedAnnual(value: annual))
    }
  }

  /// Whole months at a twelfth of `annual` and days at a 365th, rounded once; `nil` when too
  /// large for pence.
  static func prorata(_ annual: Money, months: Int, days: Int) -> Money? {
    annual.scaled(by: Int64(months * 365 + days * 12), over: 12 * 365)
  }

  /// Says so when the proposal extends a contract whose current end is before `asOf` (a
  /// contract ending on the as-of day still runs that day).
  mutating func flagIfEnded(asOf: Day) {
    guard action == .extend, let currentEnd, currentEnd < asOf else { return }
    flags.insert(.alreadyEnded(end: currentEnd, asOf: asOf), at: isCouncilLed ? 0 : 1)
  }

  /// Whether the proposed end is within the options.
  mutating func checkOptions() {
    guard let proposedEnd else { return }
    if let maximumExtent {
      withinOptions = proposedEnd <= maximumExtent
      if withinOptions == false { flags.append(.beyondOptions(maximumExtent: maximumExtent)) }
    } else {
      withinOptions = false
      flags.append(.noOptionsRecorded)
    }
  }

  /// The value and term changes against the original contract (PA 2023 s.74–75, PCR 2015
  /// reg 72): each over 10% is flagged.
  mutating func checkModificationLimits() {
    if let cost, cost.minorUnits > 0 {
      let original: Money? =
        contract.value.total
        ?? (contract.value.basis == .total ? contract.value.amount : nil)
        ?? annualValue.flatMap { a in
          // Whole calendar months where the term has them, as the cost is counted.
          contract.termMonths.flatMap { a.scaled(by: Int64($0), over: 12) }
            ?? contract.termDays.flatMap { a.scaled(by: Int64($0), over: 365) }
        }
      if let original, original.minorUnits > 0 {
        valueChangePermille = Int(cost.scaled(by: 1000, over: original.minorUnits)?.minorUnits ?? 0)
        // An option the contract provides is not a modification: only beyond them is it tested.
        if let p = valueChangePermille, p > 100, withinOptions != true {
          flags.append(.valueChangeOverLimit(permille: p, original: original))
        }
      }
    }
    if let days = extensionDays, days > 0, action == .extend, let term = contract.termDays,
      term > 0
    {
      termChangePermille = (days * 1000 + term / 2) / term
      if let p = termChangePermille, p > 100, withinOptions != true {
        flags.append(.termChangeOverLimit(termDays: term, permille: p))
      }
    }
  }

  /// The council's share: its annual share and cost when `council_share` says, else the whole.
  mutating func shareWithCouncil() {
    councilAnnualValue = annualValue
    councilCost = cost
    guard contract.councilShare != nil else { return }
    let annualShare = contract.councilAnnualShare
    councilAnnualValue = annualShare
    if let annualShare, extends {
      flags.append(
        isCouncilLed
          ? .councilShare(share: annualShare, annual: annualValue)
          : .councilContribution(share: annualShare, partner: contract.commissioner))
    }
    guard action == .extend, cost != nil, let annualShare else {
      if cost != .zero { councilCost = nil }
      return
    }
    councilCost = ContractProposal.prorata(
      annualShare, months: extensionMonths ?? 0, days: extensionRemainderDays ?? 0)
  }

  /// `12.5%` (or `12.5` without the sign) from tenths of a percent.
  static func percent(_ permille: Int, sign: Bool = true) -> String {
    "\(permille / 10)" + (permille % 10 == 0 ? "" : ".\(permille % 10)") + (sign ? "%" : "")
  }
}

extension String {
  /// `competitive-dialogue` as prose: `competitive dialogue`.
  var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}

extension ContractProposal {
  /// Why a contract's cost cannot be put in pounds: another currency (never converted), a total
  /// with no term to spread it over, or no value at all.
  static func unknownCostFlag(_ contract: Contract) -> ProposalFlag {
    switch contract.annualValueGap {
    case .otherCurrency(let code)?:
      return .otherCurrency(value: contract.value.amount, currency: code)
    case .totalWithoutTerm?:
      return .totalWithoutTerm(total: contract.value.amount)
    default:
      return .noValue(reason: contract.value.noValue ?? "none given")
    }
  }
}
