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
  public var contracts: [Contract]
  public var earliestEnd: Day?
  public var latestEnd: Day?
  /// Days between the earliest and latest current ends.
  public var spreadDays: Int?
  /// Whether the spread is within the council's tolerance.
  public var aligned: Bool
  /// Contracts with no usable end date.
  public var undated: [Contract]

  /// Every group in the register, sorted by name.
  public static func all(in register: Register) -> [GroupSummary] {
    register.groupIndex.map { group, members in
      let contracts = members.map { register.contracts[$0] }
      let ends = contracts.compactMap(\.endDay)
      let earliest = ends.min()
      let latest = ends.max()
      let spread = earliest.flatMap { e in latest.map { ($0 - e).days } }
      return GroupSummary(
        group: group, contracts: contracts, earliestEnd: earliest, latestEnd: latest,
        spreadDays: spread,
        aligned: (spread ?? 0) <= register.council.alignmentToleranceDays,
        undated: contracts.filter { $0.endDay == nil })
    }
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
  public var contract: Contract
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
  /// Plain-language flags and assumptions for this contract.
  public var flags: [String]

  /// Whether the proposal extends the contract.
  public var extends: Bool { action == .extend || action == .extendFromUnknownEnd }

  /// The cost for a person: `£1,234.50`, "too large to compute", or `unknown` when there is none.
  public func costText(unknown: String) -> String {
    if let cost { return cost.formatted(alwaysShowPence: true) }
    return costBasis == .tooLarge ? ContractProposal.tooLarge : unknown
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
  /// Why this date.
  public var why: String

  init(_ day: Day, asOf: Day, why: String) {
    self.day = day
    self.why = why
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

  /// The extension cost of `proposals` against the threshold; where costs are unknown, the annual
  /// values of the contracts to extend stand in, as Kent's 2015 record reasoned.
  public init(_ proposals: [ContractProposal], threshold: Money) {
    var total = Money.zero
    var missing = false
    var annual = Money.zero
    for proposal in proposals where proposal.extends {
      if let cost = proposal.cost, let sum = total.adding(cost) {
        total = sum
      } else {
        missing = true
      }
      if let value = proposal.contract.annualValue, let sum = annual.adding(value) { annual = sum }
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
  /// The key decision is taken by the earliest current end among the contracts to extend.
  public var decisionBy: Deadline?
  /// The forward-plan notice, the notice clear days before the decision.
  public var noticeBy: Deadline?
  /// The earliest procurement start over the group.
  public var procurementStartBy: Deadline
  /// The latest committee meeting on or before the decision.
  public var committee: CouncilRules.Meeting?
  /// Assumptions and problems, located at the contract rows.
  public var diagnostics: [Diagnostic]
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

  /// The costs of the proposals that extend.
  public init(_ proposals: [ContractProposal]) {
    self.init(costs: proposals.filter(\.extends).map(\.cost))
  }

  /// Costs added up; `nil` is an unknown cost.
  public init(costs: [Money?]) {
    for cost in costs {
      guard let cost else {
        unknown += 1
        continue
      }
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
      return "no contract is in group '\(group)'; the groups are "
        + (known.isEmpty ? "(none)" : known.joined(separator: ", "))
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
    let members = register.contracts.filter { $0.isIn(group: group) }
    guard !members.isEmpty else { throw .unknownGroup(group, known: register.groups) }
    try self.init(register: register, group: group, members: members, target: target, asOf: asOf)
  }

  /// Proposes for `group`, whose contracts are `members`.
  init(
    register: Register, group: String, members: [Contract], target: AlignmentTarget, asOf: Day
  ) throws(AlignmentError) {
    let rules = register.council
    let targetDay: Day
    switch target {
    case .end(let day): targetDay = day
    case .newServiceStart(let day): targetDay = day.previous
    case .latestEnd:
      guard let latest = members.compactMap(\.endDay).max() else {
        throw .noDatedContract(group)
      }
      targetDay = latest
    }
    let newStart = targetDay.next
    var diagnostics: [Diagnostic] = []
    var proposals: [ContractProposal] = []
    for contract in members {
      let proposal = ContractProposal(
        contract, target: targetDay, newServiceStart: newStart, rules: rules,
        diagnostics: &diagnostics)
      proposals.append(proposal)
    }
    let sum = CostSum(proposals)
    let keyDecision = KeyDecisionTest(proposals, threshold: rules.keyDecisionThreshold)
    let extended = proposals.filter(\.extends)
    let earliest = extended.compactMap(\.currentEnd).min()
    var decisionBy: Deadline?
    var noticeBy: Deadline?
    if let earliest {
      let first = extended.first { $0.currentEnd == earliest }
      decisionBy = Deadline(
        earliest, asOf: asOf,
        why: "the earliest current end among the contracts to extend"
          + (first.map { " (\(ContractProposal.name($0.contract)))" } ?? ""))
      noticeBy = Deadline(
        rules.noticeBy(decision: earliest), asOf: asOf,
        why: "\(rules.noticeClearDays) clear days before the decision")
    } else if !extended.isEmpty {
      diagnostics.append(
        Diagnostic(
          .warning,
          "the current ends of the contracts to extend are unknown, so the decision and notice dates cannot be set"
        ))
    }
    let earliestProcurement = proposals.min { $0.procurementStartBy < $1.procurementStartBy }
    let procurement = Deadline(
      earliestProcurement?.procurementStartBy ?? newStart, asOf: asOf,
      why: earliestProcurement.map {
        "\($0.leadTime.inMonths) before the new service (\($0.route.replacingDashes) procurement): \(ContractProposal.name($0.contract))"
      } ?? "")
    let committee = decisionBy.flatMap { deadline in
      rules.meetings.last { $0.date <= deadline.day }
    }
    self.init(
      group: group, registerName: register.name, council: rules, asOf: asOf, target: targetDay,
      targetRule: target, newServiceStart: newStart, contracts: proposals, totalCost: sum.total,
      missingCosts: sum.unknown, overflowedCosts: sum.overflowed, keyDecision: keyDecision,
      decisionBy: decisionBy, noticeBy: noticeBy,
      procurementStartBy: procurement, committee: committee, diagnostics: diagnostics)
  }

  /// The contracts the proposal extends.
  public var extensions: [ContractProposal] { contracts.filter(\.extends) }

  /// Whether some extension cost is too large to compute on its own; such costs are among
  /// ``missingCosts`` (a sum that overflows is ``overflowedCosts``).
  public var costTooLarge: Bool { extensions.contains { $0.costBasis == .tooLarge } }

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
            register: register, group: group, members: members.map { register.contracts[$0] },
            target: target, asOf: asOf))
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

  init(
    _ contract: Contract, target: Day, newServiceStart: Day, rules: CouncilRules,
    diagnostics: inout [Diagnostic]
  ) {
    let route = contract.procurementRoute.isEmpty ? "open" : contract.procurementRoute
    let lead = contract.leadTime ?? rules.leadTime(forRoute: route)
    var leadStart: Day
    switch lead {
    case .months(let m): leadStart = newServiceStart.adding(Months(-m))
    case .days(let d): leadStart = newServiceStart - DayCount(d)
    }
    var flags: [String] = []
    let end = contract.endDay
    let action: AlignmentAction
    var proposed: Day?
    if let end {
      if end == target {
        action = .aligned
        proposed = end
      } else if end > target {
        action = .endsAfterTarget
        proposed = end
        flags.append(
          "ends after the target, on \(DateStyle.long(end)); not shortened")
      } else if (target - end).days <= rules.alignmentToleranceDays {
        action = .withinTolerance
        proposed = end
        flags.append(
          "ends \((target - end).description) before the target, within the \(rules.alignmentToleranceDays)-day tolerance; no extension proposed"
        )
      } else {
        action = .extend
        proposed = target
      }
    } else {
      action = .extendFromUnknownEnd
      proposed = target
      flags.append(
        "current end unknown (\(contract.end.undated?.reason ?? "no end date")), so the extension's length and cost are unknown"
      )
    }
    var cost: Money?
    var basis = CostBasis.none
    var months: Int?
    var remainder: Int?
    var days: Int?
    if let end, let proposed { days = (proposed - end).days }
    let annual = contract.annualValue
    if action == .extend, let end {
      let (m, d) = monthsAndDays(from: end, to: target)
      months = m
      remainder = d
      if let annual {
        // whole months × annual/12 + remaining days × annual/365, rounded once to the penny.
        cost = annual.scaled(by: Int64(m * 365 + d * 12), over: 12 * 365)
        if cost == nil {
          basis = .tooLarge
          flags.append(
            "the cost of extending \(annual.formatted) a year is \(ContractProposal.tooLarge)")
        } else if contract.value.annual != nil || contract.value.basis == .annual {
          basis = .annual
        } else if contract.value.basis == .total {
          basis = .annualisedTotal
          flags.append(
            "total value \(contract.value.amount?.formatted ?? "") converted to \(annual.formatted) a year over its term"
          )
        } else {
          basis = .assumedAnnual
          flags.append("value \(annual.formatted) of unknown basis treated as annual")
        }
      } else if contract.annualValueTooLarge {
        basis = .tooLarge
        flags.append(
          "total value \(contract.value.amount?.formatted ?? "") a year over its term is "
            + ContractProposal.tooLarge + ", so the cost is too")
      } else {
        basis = .unknown
        flags.append(ContractProposal.unknownCostReason(contract))
      }
    } else if action == .extendFromUnknownEnd {
      basis = .unknown
      if annual == nil { flags.append(ContractProposal.unknownCostReason(contract)) }
    } else {
      cost = .zero
    }
    if action == .extend || action == .extendFromUnknownEnd {
      if cost == nil {
        diagnostics.append(
          Diagnostic(
            .warning,
            "\(ContractProposal.name(contract)): extension cost "
              + (basis == .tooLarge
                ? ContractProposal.tooLarge
                : "unknown (\(action == .extend ? "no value" : "current end unknown"))"),
            at: contract.location))
      }
    }
    var within: Bool?
    let maxExtent = contract.maximumExtent
    if action == .extend || action == .extendFromUnknownEnd, let proposed {
      if let maxExtent {
        within = proposed <= maxExtent
        if within == false {
          flags.append(
            "beyond its options (maximum extent \(DateStyle.long(maxExtent))): a new award or a modification the procurement rules must permit"
          )
        }
      } else {
        within = false
        flags.append(
          "no extension options recorded: a new award or a modification the procurement rules must permit"
        )
      }
    }
    // The value change against the original contract value (PA 2023 s.74–75, PCR 2015 reg 72).
    var permille: Int?
    if let cost, cost.minorUnits > 0 {
      let original: Money? =
        contract.value.total
        ?? (contract.value.basis == .total ? contract.value.amount : nil)
        ?? annual.flatMap { a in contract.termDays.flatMap { a.scaled(by: Int64($0), over: 365) } }
      if let original, original.minorUnits > 0 {
        permille = Int(cost.scaled(by: 1000, over: original.minorUnits)?.minorUnits ?? 0)
        if let p = permille, p > 100 {
          flags.append(
            "adds \(ContractProposal.percent(p)) to the original value \(original.formatted): over 10%, so a modification must be permitted (Procurement Act 2023 s.74–75; PCR 2015 reg 72); a flag, not legal advice"
          )
        }
      }
    }
    // The term change against the term (the same 10% test applies to the term).
    var termPermille: Int?
    if let days, days > 0, action == .extend, let term = contract.termDays, term > 0 {
      termPermille = (days * 1000 + term / 2) / term
      if let p = termPermille, p > 100 {
        flags.append(
          "lengthens its \(term)-day term by \(ContractProposal.percent(p)): over 10%, so a modification must be permitted; a flag, not legal advice"
        )
      }
    }
    self.init(
      contract: contract, action: action, currentEnd: end, proposedEnd: proposed,
      extensionDays: days, extensionMonths: months, extensionRemainderDays: remainder, cost: cost,
      costBasis: basis, annualValue: annual, withinOptions: within, maximumExtent: maxExtent,
      valueChangePermille: permille, termChangePermille: termPermille, leadTime: lead, route: route,
      procurementStartBy: leadStart,
      flags: flags)
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
  static func unknownCostReason(_ contract: Contract) -> String {
    switch contract.annualValueGap {
    case .otherCurrency(let code)?:
      return
        "value \(contract.value.amount?.formatted ?? code) is in \(code), never converted to pounds, so the cost is unknown"
    case .totalWithoutTerm?:
      return
        "total value \(contract.value.amount?.formatted ?? "") has no term to spread it over, so the cost is unknown"
    default:
      return "no value (\(contract.value.noValue ?? "none given")), so the cost is unknown"
    }
  }
}
