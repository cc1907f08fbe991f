import Testing

@testable import Commissioning

/// Five contracts: g's two end 31 days apart, h has one dated and one undated, e is in no group,
/// c has no value. Figures below are worked by hand from these rows.
private let csv = """
  id,service,provider,value,value_basis,end,group
  a,A,P1,"£120,000",annual,2016-06-30,g
  b,B,P2,"£60,000",annual,2016-07-31,g
  c,C,P3,,,TBC,h
  d,D,P4,"£12,000",annual,2016-05-31,h
  e,E,P5,"£24,000",annual,2016-12-31,

  """

@Suite("Summary: the register at a glance")
struct SummaryReportTests {
  @Test("counts, the annual value with the unknown one counted apart, groups and verdicts")
  func figures() throws {
    let report = SummaryReport(register: try register(csv), asOf: day("2016-01-01"))
    #expect(report.contracts == 5 && report.dated == 4 && report.undated == 1)
    #expect(report.ungrouped == 1)
    // £120,000 + £60,000 + £12,000 + £24,000; c has no value and is not £0.
    #expect(report.annualValue.total == Money(pounds: 216_000))
    #expect(report.annualValue.counted == 4 && report.annualValue.unknown == 1)
    #expect(report.annualValue.notCounted == 1)
    #expect(report.groups.map(\.group) == ["g", "h"])
    // 30 June to 31 July is 31 days: within the 31-day tolerance.
    #expect(report.groups[0].spreadDays == 31 && report.groups[0].verdict == true)
    // One dated beside one undated: no spread, no verdict (never "0 days, aligned").
    #expect(report.groups[1].spreadDays == nil && report.groups[1].verdict == nil)
    #expect(report.groups[1].spreadText == "unknown (1 of 2 undated)")
    #expect(report.reading.errors == 0)
  }

  @Test("the next deadlines: each group's timetable to its latest end, only those ahead")
  func deadlines() throws {
    let report = SummaryReport(register: try register(csv), asOf: day("2016-01-01"))
    // h: target 31 May 2016, new service 1 June; mobilisation 3 months from 1 March, award
    // decision by 29 February, its notice 28 clear days before (31 January); procurement
    // (6 months, 1 December 2015) and the stages before it are past. g: new service 1 August;
    // procurement by 1 February, mobilisation 1 May, award decision 30 April, notice 1 April.
    // a ends within g's tolerance, so g extends nothing and has no extension decision.
    let expected: [(String, String, Milestone.Kind, Int)] = [
      ("2016-01-31", "h", .awardNotice, 30),
      ("2016-02-01", "g", .procurementStart, 31),
      ("2016-02-29", "h", .awardDecision, 59),
      ("2016-03-01", "h", .mobilisation, 60),
      ("2016-04-01", "g", .awardNotice, 91),
      ("2016-04-30", "g", .awardDecision, 120),
      ("2016-05-01", "g", .mobilisation, 121),
      ("2016-06-01", "h", .serviceStart, 152),
      ("2016-08-01", "g", .serviceStart, 213),
    ]
    #expect(report.deadlines.count == expected.count)
    for (deadline, (iso, group, kind, left)) in zip(report.deadlines, expected) {
      #expect(deadline.milestone.day == day(iso))
      #expect(deadline.group == group)
      #expect(deadline.milestone.kind == kind)
      #expect(deadline.daysLeft == left)
    }
  }

  @Test("a deadline on the as-of day is ahead (0 days); the day before is past")
  func deadlineBoundary() throws {
    let r = try register(csv)
    let onTheDay = SummaryReport(register: r, asOf: day("2016-01-31"))
    #expect(onTheDay.deadlines.first?.milestone.kind == .awardNotice)
    #expect(onTheDay.deadlines.first?.daysLeft == 0)
    let dayAfter = SummaryReport(register: r, asOf: day("2016-02-01"))
    #expect(dayAfter.deadlines.first?.milestone.kind == .procurementStart)
    #expect(!dayAfter.deadlines.contains { $0.milestone.kind == .awardNotice && $0.group == "h" })
  }

  @Test("at most ten deadlines, soonest first")
  func tenAtMost() throws {
    let report = SummaryReport(register: try loadKent("kent-2016-03"), asOf: day("2016-03-22"))
    #expect(report.deadlines.count == SummaryReport.deadlineCount)
    let days = report.deadlines.map(\.milestone.day)
    #expect(days == days.sorted())
    #expect(report.deadlines.allSatisfy { $0.daysLeft >= 0 && !$0.milestone.kind.isMeeting })
  }

  @Test("no value in pounds at all: the total is unknown, never £0.00")
  func unknownTotal() throws {
    let r = try register("id,service,value,end\na,A,,2016-06-30\nb,B,TBC,2016-07-31\n")
    let report = SummaryReport(register: r, asOf: day("2016-01-01"))
    #expect(report.annualValue.knownTotal == nil)
    #expect(report.annualValue.totalText == "unknown")
    var text = ""
    report.writeText(to: &text, width: 80)
    #expect(text.contains("Annual value  unknown a year"))
    #expect(!text.contains("£0"))
    #expect(text.contains("No contract has a group."))
  }

  @Test("text fits the width at 40, 80 and 100 columns", arguments: [40, 80, 100])
  func fits(_ width: Int) throws {
    let report = SummaryReport(register: try loadKent("kent-2016-03"), asOf: day("2016-03-22"))
    var text = ""
    report.writeText(to: &text, width: width)
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= width })
  }
}

@Suite("Group spreads: over dated contracts only, unknown when it cannot be measured")
struct GroupSpreadTests {
  @Test(
    "spread(of:)",
    arguments: [
      ([String?](), Int?.none),
      (["2016-06-30"], 0),
      (["2016-06-30", nil], nil),
      ([nil, nil], nil),
      (["2016-06-30", "2016-07-31"], 31),
      (["2016-06-30", "2016-07-31", nil], 31),
    ] as [([String?], Int?)])
  func spread(_ ends: [String?], _ expected: Int?) {
    #expect(GroupSummary.spread(of: ends.map { $0.map(day) }) == expected)
  }

  @Test(
    "the verdict at the 31-day tolerance, with and without an undated member",
    arguments: [
      ("2016-07-31", false, Bool?.some(true)),
      ("2016-08-01", false, false),
      ("2016-07-31", true, nil),
      ("2016-08-01", true, false),
    ] as [(String, Bool, Bool?)])
  func verdict(_ secondEnd: String, _ withUndated: Bool, _ expected: Bool?) throws {
    let r = try register(
      "id,service,end,group\na,A,2016-06-30,g\nb,B,\(secondEnd),g\n"
        + (withUndated ? "c,C,TBC,g\n" : ""))
    #expect(GroupSummary.all(in: r)[0].verdict == expected)
  }
}

@Suite("Summary: the soonest deadlines kept as they come")
struct UpcomingDeadlineTests {
  /// What `upcoming` gave when it sorted every milestone (stably, by day) and took the first.
  static func sortedWhole(_ proposals: [AlignmentProposal], limit: Int) -> [SummaryReport
    .UpcomingDeadline]
  {
    var all: [SummaryReport.UpcomingDeadline] = []
    for proposal in proposals {
      for milestone in proposal.timetable.milestones
      where milestone.deadline.daysLeft != nil && !milestone.kind.isMeeting
        && milestone.kind != .currentEnd && Day.writable.contains(milestone.day)
      {
        all.append(SummaryReport.UpcomingDeadline(group: proposal.group, milestone: milestone))
      }
    }
    let order = all.indices.sorted {
      all[$0].milestone.day != all[$1].milestone.day
        ? all[$0].milestone.day < all[$1].milestone.day : $0 < $1
    }
    return order.prefix(limit).map { all[$0] }
  }

  /// Forty groups whose ends repeat every fourth group, so many milestones share a day: the
  /// kept ones must be the same, in the same order, as sorting them all gave, for every limit
  /// around the number there are.
  @Test("the same deadlines, in the same order, as sorting them all", arguments: [0, 1, 9, 10, 11])
  func sameAsSorting(_ limit: Int) throws {
    var lines = ["id,service,end,group"]
    for n in 0..<40 {
      let month = 4 + n % 4
      lines.append("a\(n),S\(n),2017-0\(month)-30,g\(n)")
      lines.append("b\(n),T\(n),2017-0\(month + 1)-15,g\(n)")
    }
    let register = try register(lines.joined(separator: "\n") + "\n")
    let plan = AlignmentPlan(register: register, target: .latestEnd, asOf: day("2016-06-01"))
    let kept = SummaryReport.upcoming(plan.proposals, limit: limit)
    let expected = Self.sortedWhole(plan.proposals, limit: limit)
    #expect(kept.count == min(limit, expected.count))
    #expect(kept.map(\.group) == expected.map(\.group))
    #expect(kept.map(\.milestone.day) == expected.map(\.milestone.day))
    #expect(kept.map(\.milestone.kind) == expected.map(\.milestone.kind))
  }

  @Test("every deadline when there are fewer than the limit")
  func fewerThanLimit() throws {
    let plan = AlignmentPlan(
      register: try register(csv), target: .latestEnd, asOf: day("2016-01-01"))
    let all = Self.sortedWhole(plan.proposals, limit: .max)
    let kept = SummaryReport.upcoming(plan.proposals, limit: all.count + 1)
    #expect(kept.map(\.milestone.day) == all.map(\.milestone.day) && !all.isEmpty)
  }
}
