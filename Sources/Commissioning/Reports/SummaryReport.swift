/// The register at a glance (`commission summary`): how many contracts, what they are worth a
/// year, each group's end-date spread, the next deadlines and how many doubts the reading left.
///
/// Nothing here is a rule of its own: the spreads and verdicts are ``GroupSummary``'s, the
/// deadlines the ``Timetable``'s (each group aligned to its latest current end, as `align
/// --all` proposes), and the annual value is ``ExpiryReport/AnnualTotal``'s sum.
public struct SummaryReport: Sendable {
  public var registerName: String
  public var councilName: String
  public var asOf: Day
  public var contracts: Int
  /// Contracts with a usable current end.
  public var dated: Int
  public var undated: Int
  /// Contracts in no group.
  public var ungrouped: Int
  /// Every contract's annual value added up, with those left out counted by reason.
  public var annualValue: ExpiryReport.AnnualTotal
  public var toleranceDays: Int
  /// Every group, sorted by name.
  public var groups: [GroupSummary]
  /// The soonest deadlines on or after the as-of date, over every group's timetable.
  public var deadlines: [UpcomingDeadline]
  /// The reading's errors, warnings and notes.
  public var reading: ReadingSummary

  /// How many deadlines the summary lists.
  public static let deadlineCount = 10

  /// One milestone still ahead, with the group whose timetable gives it.
  public struct UpcomingDeadline: Sendable {
    public var group: String
    public var milestone: Milestone
    public var daysLeft: Int { milestone.deadline.daysLeft ?? 0 }
  }

  /// Summarises `register` as of `asOf`.
  ///
  /// - Complexity: O(n) in the contracts and the groups' milestones.
  public init(register: Register, asOf: Day) {
    registerName = register.name
    councilName = register.council.name
    self.asOf = asOf
    contracts = register.contracts.count
    dated = register.contracts.reduce(0) { $0 + ($1.endDay == nil ? 0 : 1) }
    undated = contracts - dated
    ungrouped = register.contracts.reduce(0) { $0 + ($1.groups.isEmpty ? 1 : 0) }
    annualValue = ExpiryReport.AnnualTotal(register.contracts)
    toleranceDays = register.council.alignmentToleranceDays
    groups = GroupSummary.all(in: register)
    let plan = AlignmentPlan(register: register, target: .latestEnd, asOf: asOf)
    deadlines = SummaryReport.upcoming(plan.proposals, limit: SummaryReport.deadlineCount)
    reading = ReadingSummary(register)
  }

  /// The soonest `limit` milestones not yet passed, over the proposals' timetables: by day, then
  /// by group, then in the timetable's own order. Committee meetings are dates, not deadlines,
  /// and a current end repeats its decision's day, so both are left out, as are days outside
  /// the years a date is written in.
  static func upcoming(_ proposals: [AlignmentProposal], limit: Int) -> [UpcomingDeadline] {
    // Only the soonest `limit` are kept as they come (a national register's groups have over a
    // million milestones, which a sort of them all held at once): a later milestone on the
    // same day goes after those already kept, as a stable sort would place it.
    var soonest: [UpcomingDeadline] = []
    guard limit > 0 else { return soonest }
    for proposal in proposals {
      for milestone in proposal.timetable.milestones
      where milestone.deadline.daysLeft != nil && !milestone.kind.isMeeting
        && milestone.kind != .currentEnd
        && Day.writable.contains(milestone.day)
      {
        if soonest.count == limit, milestone.day >= soonest[limit - 1].milestone.day { continue }
        let at = soonest.firstIndex { $0.milestone.day > milestone.day } ?? soonest.count
        soonest.insert(UpcomingDeadline(group: proposal.group, milestone: milestone), at: at)
        if soonest.count > limit { soonest.removeLast() }
      }
    }
    return soonest
  }
}
