/// The commissioning cycle as one timetable: every deadline the planner gives, each with its kind,
/// its day, who owns it and the rule that set it. This file is the only place a deadline is
/// computed; `align`, `decision`, `whatif`, `gantt` and `export --format ics` all read it.
///
/// **Forward from the extension need** (the council's contracts to extend):
/// - the extension decision is taken by the earliest current end among them;
/// - the forward-plan notice is given ``CouncilRules/noticeClearDays`` clear days before it;
/// - the committee is the latest meeting on or before the decision.
///
/// **Back from the new service start** S (DOMAIN.md section 6a, durations in ``CycleStages``):
/// - mobilisation (notice to the incumbent, handover) begins S − mobilisation;
/// - the award key decision is taken by the day before mobilisation begins, with its own notice
///   and committee as above;
/// - procurement starts by S − the route's lead time (the earliest over the council's contracts);
/// - specification starts its length before procurement, market engagement its length before
///   that, and consultation its length before that.
///
/// **Partners.** A contract led by another commissioner (``Contract/commissioner``) shapes the
/// common end date but never sets the council's dates: its own are listed under the partner (its
/// variation by its current end, its procurement start).
public struct Timetable: Sendable {
  /// Every milestone, soonest first; the council's before a partner's on the same day.
  public var milestones: [Milestone]

  /// The milestone of `kind` owned by `owner`, if the timetable has one.
  public func milestone(_ kind: Milestone.Kind, owner: Milestone.Owner = .council) -> Milestone? {
    milestones.first { $0.kind == kind && $0.owner == owner }
  }

  /// The partners with milestones, in the order they first appear.
  public var partners: [String] {
    var seen: [String] = []
    for case .partner(let name) in milestones.map(\.owner) where !seen.contains(name) {
      seen.append(name)
    }
    return seen
  }
}

/// One dated step of the cycle.
public struct Milestone: Sendable {
  public var kind: Kind
  public var owner: Owner
  /// The day, and whether it was missed at the as-of date.
  public var deadline: Deadline
  /// For a committee: the meeting chosen.
  public var meeting: CouncilRules.Meeting?
  public var day: Day { deadline.day }
  public var rule: TimetableRule { deadline.rule }

  /// What happens on or by the day.
  public enum Kind: String, Sendable, CaseIterable {
    case consultation = "consultation-start"
    case marketEngagement = "market-engagement-start"
    case specification = "specification-start"
    case procurementStart = "procurement-start"
    case awardNotice = "award-notice"
    case awardCommittee = "award-committee"
    case awardDecision = "award-decision"
    case mobilisation = "mobilisation-start"
    case extensionNotice = "extension-notice"
    case extensionCommittee = "extension-committee"
    case extensionDecision = "extension-decision"
    case currentEnd = "current-end"
    case serviceStart = "service-start"

    /// The label a person reads: `Forward-plan notice by`.
    public var label: String {
      switch self {
      case .consultation: return "Consultation starts by"
      case .marketEngagement: return "Market engagement starts by"
      case .specification: return "Specification starts by"
      case .procurementStart: return "Procurement start by"
      case .awardNotice: return "Award notice by"
      case .awardCommittee: return "Award committee"
      case .awardDecision: return "Award decision by"
      case .mobilisation: return "Mobilisation starts"
      case .extensionNotice: return "Forward-plan notice by"
      case .extensionCommittee: return "Committee meeting"
      case .extensionDecision: return "Decision by"
      case .currentEnd: return "Current end"
      case .serviceStart: return "New service starts"
      }
    }

    /// Whether a committee meeting, not a deadline: held or to come, never "missed".
    public var isMeeting: Bool { self == .extensionCommittee || self == .awardCommittee }
  }

  /// Whose step it is.
  public enum Owner: Hashable, Sendable {
    case council
    /// A partner commissioner, by name as the register gives it.
    case partner(String)

    /// `null` for the council in JSON, else the partner's name.
    public var partnerName: String? {
      if case .partner(let name) = self { return name }
      return nil
    }
  }
}

/// Why a milestone falls on its day. Codes are listed in the catalogue's Codes article.
public enum TimetableRule: Coded, Equatable {
  /// The council's extension decision: by the earliest current end it extends.
  case earliestCurrentEnd(contract: String)
  /// A notice `days` clear days before a decision.
  case clearDaysBefore(days: Int, decision: Milestone.Kind)
  /// The latest committee meeting on or before a decision.
  case latestMeeting(committee: String, decision: Milestone.Kind)
  /// Procurement starts the route's lead time before the new service.
  case leadTime(Length, route: String, contract: String)
  /// A stage's length before the next one starts.
  case stageLength(Length, before: Milestone.Kind)
  /// The award decision is taken by the day before mobilisation begins (or the service starts).
  case beforeMobilisation
  /// The day after the common end date.
  case dayAfterTarget
  /// A partner's own step for one of its contracts.
  case partnerVaries(partner: String, contract: String)
  /// A contract's current end as the register gives it.
  case currentEnd(contract: String)

  public var code: String {
    switch self {
    case .earliestCurrentEnd: return "earliest-current-end"
    case .clearDaysBefore: return "notice-clear-days"
    case .latestMeeting: return "latest-meeting"
    case .leadTime: return "procurement-lead-time"
    case .stageLength: return "stage-length"
    case .beforeMobilisation: return "award-before-mobilisation"
    case .dayAfterTarget: return "day-after-target"
    case .partnerVaries: return "partner-varies"
    case .currentEnd: return "current-end"
    }
  }

  public var parameters: [(String, JSON)] {
    switch self {
    case .earliestCurrentEnd(let contract), .currentEnd(let contract):
      return [("contract", .string(contract))]
    case .clearDaysBefore(let days, let decision):
      return [("clearDays", .int(days)), ("decision", .string(decision.rawValue))]
    case .latestMeeting(let committee, let decision):
      return [("committee", .string(committee)), ("decision", .string(decision.rawValue))]
    case .leadTime(let length, let route, let contract):
      return [
        ("leadTime", .string(length.description)), ("route", .string(route)),
        ("contract", .string(contract)),
      ]
    case .stageLength(let length, let before):
      return [("length", .string(length.description)), ("before", .string(before.rawValue))]
    case .beforeMobilisation, .dayAfterTarget: return []
    case .partnerVaries(let partner, let contract):
      return [("partner", .string(partner)), ("contract", .string(contract))]
    }
  }

  public var message: String {
    switch self {
    case .earliestCurrentEnd(let contract):
      return "the earliest current end among the contracts to extend (\(contract))"
    case .clearDaysBefore(let days, let decision):
      return "\(days) clear days before the \(decision == .awardDecision ? "award " : "")decision"
    case .latestMeeting(let committee, let decision):
      return "the latest on or before the \(decision == .awardDecision ? "award " : "")decision"
        + (committee.isEmpty ? "" : ": \(committee.singleLine)")
    case .leadTime(let length, let route, let contract):
      return
        "\(length.inMonths) before the new service (\(route.replacingDashes) procurement): \(contract)"
    case .stageLength(let length, let before):
      return "\(length.inMonths) before the \(before.stageName) starts"
    case .beforeMobilisation:
      return "the contract is awarded before mobilisation begins"
    case .dayAfterTarget:
      return "the day after the common end date"
    case .partnerVaries(let partner, let contract):
      return "\(partner.singleLine) to vary its contract by its current end: \(contract)"
    case .currentEnd(let contract):
      return "the current end of \(contract)"
    }
  }
}

extension Milestone.Kind {
  /// The stage a length comes before, in prose: `procurement`, `specification`.
  var stageName: String {
    switch self {
    case .procurementStart: return "procurement"
    case .specification: return "specification"
    case .marketEngagement: return "market engagement"
    case .consultation: return "consultation"
    case .mobilisation: return "mobilisation"
    case .serviceStart: return "new service"
    default: return rawValue.replacingDashes
    }
  }
}

/// How long each stage before a new service takes (DOMAIN.md section 6a); `council.json`
/// `"stages"` overrides any of them.
public struct CycleStages: Hashable, Sendable {
  public var consultation: Length = .months(3)
  public var marketEngagement: Length = .months(1)
  public var specification: Length = .months(2)
  public var mobilisation: Length = .months(3)
  public init() {}
}

extension Day {
  /// This day moved back by a length: `1 April 2017` less 3 months is `1 January 2017`.
  func before(_ length: Length) -> Day {
    switch length {
    case .months(let m): return adding(Months(m == .min ? .max : -m))
    case .days(let d): return self - DayCount(d)
    }
  }
}

extension Timetable {
  /// The day procurement must start for a new service on `newServiceStart` by a route whose
  /// lead time is `lead`.
  public static func procurementStart(newServiceStart: Day, lead: Length) -> Day {
    newServiceStart.before(lead)
  }

  /// The whole cycle for a programme.
  ///
  /// - Parameters:
  ///   - newServiceStart: the day the new services start (the day after the common end date).
  ///   - extensions: the proposals the timetable covers (every contract of the group for
  ///     `align`; those the record covers for `decision`); the council's extension dates come
  ///     from those it leads and extends, a partner's from its own.
  ///   - rules: the council's notice days, meetings, lead times and stage lengths.
  ///   - asOf: today, for missed deadlines.
  ///   - mobilisation: overrides the council's mobilisation length (`.months(0)` for an award to
  ///     the current provider, who needs no handover).
  ///   - extensionIsKey: whether the extension decision is a key decision. Only a key decision
  ///     goes on the forward plan (2012 regulations reg 9), so a decision under the threshold
  ///     has no notice date; the award decision's value is not known here, so it keeps its own.
  public init(
    newServiceStart: Day, extensions: [ContractProposal], rules: CouncilRules, asOf: Day,
    mobilisation: Length? = nil, extensionIsKey: Bool = true
  ) {
    var builder = Builder(rules: rules, asOf: asOf)
    builder.extensionMilestones(
      extensions.filter { $0.isCouncilLed && $0.extends }, notice: extensionIsKey)
    builder.cycleMilestones(
      newServiceStart: newServiceStart, councilLed: extensions.filter(\.isCouncilLed),
      mobilisation: mobilisation ?? rules.stages.mobilisation)
    for proposal in extensions where !proposal.isCouncilLed {
      builder.partnerMilestones(proposal)
    }
    milestones = builder.milestones.enumerated().sorted { a, b in
      a.element.day != b.element.day ? a.element.day < b.element.day : a.offset < b.offset
    }.map(\.element)
  }

  /// Collects milestones in a stable order (the council's first).
  struct Builder {
    var rules: CouncilRules
    var asOf: Day
    var milestones: [Milestone] = []

    mutating func add(
      _ kind: Milestone.Kind, _ day: Day, _ rule: TimetableRule, owner: Milestone.Owner = .council,
      meeting: CouncilRules.Meeting? = nil
    ) {
      milestones.append(
        Milestone(
          kind: kind, owner: owner, deadline: Deadline(day, asOf: asOf, rule: rule),
          meeting: meeting))
    }

    /// A decision with its committee, and its forward-plan notice when it is a key decision.
    mutating func decision(
      _ kind: Milestone.Kind, by day: Day, _ rule: TimetableRule, notice needed: Bool = true
    ) {
      let notice: Milestone.Kind = kind == .awardDecision ? .awardNotice : .extensionNotice
      let committee: Milestone.Kind =
        kind == .awardDecision ? .awardCommittee : .extensionCommittee
      if needed {
        add(
          notice, rules.noticeBy(decision: day),
          .clearDaysBefore(days: rules.noticeClearDays, decision: kind))
      }
      if let meeting = rules.meeting(before: day) {
        add(
          committee, meeting.date, .latestMeeting(committee: meeting.committee, decision: kind),
          meeting: meeting)
      }
      add(kind, day, rule)
    }

    /// Forward from the need: the council decides by the earliest current end it extends.
    mutating func extensionMilestones(_ extended: [ContractProposal], notice: Bool) {
      guard let earliest = extended.compactMap(\.currentEnd).min(),
        let first = extended.first(where: { $0.currentEnd == earliest })
      else { return }
      let name = ContractProposal.name(first.contract)
      decision(
        .extensionDecision, by: earliest, .earliestCurrentEnd(contract: name), notice: notice)
      add(.currentEnd, earliest, .currentEnd(contract: name))
    }

    /// Back from the new service start: mobilisation, the award decision, procurement and the
    /// stages before it.
    mutating func cycleMilestones(
      newServiceStart start: Day, councilLed: [ContractProposal], mobilisation: Length
    ) {
      add(.serviceStart, start, .dayAfterTarget)
      let mobilisationStart = start.before(mobilisation)
      if mobilisationStart < start {
        add(.mobilisation, mobilisationStart, .stageLength(mobilisation, before: .serviceStart))
      }
      decision(.awardDecision, by: mobilisationStart.previous, .beforeMobilisation)
      guard let first = councilLed.min(by: { $0.procurementStartBy < $1.procurementStartBy })
      else { return }
      let procurement = first.procurementStartBy
      add(
        .procurementStart, procurement,
        .leadTime(
          first.leadTime, route: first.route, contract: ContractProposal.name(first.contract)))
      let stages = rules.stages
      let specification = procurement.before(stages.specification)
      add(
        .specification, specification, .stageLength(stages.specification, before: .procurementStart)
      )
      let engagement = specification.before(stages.marketEngagement)
      add(
        .marketEngagement, engagement,
        .stageLength(stages.marketEngagement, before: .specification))
      add(
        .consultation, engagement.before(stages.consultation),
        .stageLength(stages.consultation, before: .marketEngagement))
    }

    /// A partner's own dates: its variation by the current end, its procurement start.
    mutating func partnerMilestones(_ proposal: ContractProposal) {
      let partner = proposal.contract.commissioner
      let name = ContractProposal.name(proposal.contract)
      if proposal.extends, let end = proposal.currentEnd {
        add(
          .extensionDecision, end, .partnerVaries(partner: partner, contract: name),
          owner: .partner(partner))
      }
      add(
        .procurementStart, proposal.procurementStartBy,
        .leadTime(proposal.leadTime, route: proposal.route, contract: name),
        owner: .partner(partner))
    }
  }
}

extension Milestone {
  /// `{"kind", "date", "owner", "missed", "missedByDays", "daysLeft", "rule", "committee"}`;
  /// `owner` is `null` for the council.
  public var json: JSON {
    var fields: [(String, JSON)] = [
      ("kind", .string(kind.rawValue)),
      ("date", .day(day)),
      ("owner", .string(owner.partnerName)),
      ("missed", .bool(!kind.isMeeting && deadline.missedByDays != nil)),
      ("missedByDays", kind.isMeeting ? .null : deadline.missedByDays.map { .int($0) } ?? .null),
      ("daysLeft", deadline.daysLeft.map { .int($0) } ?? .null),
      ("rule", rule.json),
    ]
    if let meeting { fields.append(("committee", .string(meeting.committee))) }
    return .object(fields)
  }
}
