import Foundation
import Testing

@testable import Commissioning

/// A council with meetings, for timetables.
private func council(meetings: [String] = [], commissioners: [String] = []) -> CouncilRules {
  var rules = CouncilRules()
  rules.name = "Kent County Council"
  rules.commissioners = commissioners
  rules.meetings = meetings.map { CouncilRules.Meeting(date: day($0), committee: "Committee") }
  return rules
}

@Suite("Timetable: the commissioning cycle, one engine")
struct TimetableTests {
  /// A group of two council contracts ending 30 Sep 2016, extended to 31 Mar 2017.
  func proposal(
    _ rows: String = "a,A,£120000 pa,2016-09-30,g,\nb,B,£240000 pa,2016-10-31,g,\n",
    rules: CouncilRules = council(meetings: ["2016-09-06", "2016-11-10", "2017-01-11"]),
    asOf: String = "2016-03-22"
  ) throws -> AlignmentProposal {
    let r = try register("id,service,value,end,group,commissioner\n" + rows, council: rules)
    return try AlignmentProposal(
      register: r, group: "g", target: .newServiceStart(day("2017-04-01")), asOf: day(asOf))
  }

  @Test("back from a new service on 1 April 2017: every stage with the rule that set it")
  func backScheduled() throws {
    // £1.2m and £2.4m a year: £600,000 and £1,000,000 to extend, a key decision with a notice.
    let t = try proposal("a,A,£1200000 pa,2016-09-30,g,\nb,B,£2400000 pa,2016-10-31,g,\n")
      .timetable
    func on(_ kind: Milestone.Kind) -> Day? { t.milestone(kind)?.day }
    #expect(on(.serviceStart) == day("2017-04-01"))
    // Mobilisation 3 months: from 1 January 2017; the award is decided the day before.
    #expect(on(.mobilisation) == day("2017-01-01"))
    #expect(on(.awardDecision) == day("2016-12-31"))
    #expect(t.milestone(.awardDecision)?.rule == .beforeMobilisation)
    // 28 clear days (3–30 December) before 31 December.
    #expect(on(.awardNotice) == day("2016-12-02"))
    // The latest meeting on or before 31 December: 10 November, not 11 January.
    #expect(on(.awardCommittee) == day("2016-11-10"))
    // Open procurement, 6 months; specification 2 months before; engagement 1; consultation 3.
    #expect(on(.procurementStart) == day("2016-10-01"))
    #expect(on(.specification) == day("2016-08-01"))
    #expect(on(.marketEngagement) == day("2016-07-01"))
    #expect(on(.consultation) == day("2016-04-01"))
    #expect(
      t.milestone(.specification)?.rule == .stageLength(.months(2), before: .procurementStart))
    // Forward from the need: the decision by the earliest current end, 30 September.
    #expect(on(.extensionDecision) == day("2016-09-30"))
    #expect(on(.extensionNotice) == day("2016-09-01"))
    #expect(on(.extensionCommittee) == day("2016-09-06"))
    #expect(t.milestone(.extensionDecision)?.rule.code == "earliest-current-end")
    // Soonest first.
    #expect(t.milestones.map(\.day) == t.milestones.map(\.day).sorted())
  }

  @Test(
    "a committee on the decision day counts; one a day later does not",
    arguments: [
      ("2016-09-30", "2016-09-30"), ("2016-10-01", "2016-09-06"),
    ])
  func committeeBoundary(meeting: String, chosen: String) throws {
    let p = try proposal(rules: council(meetings: ["2016-09-06", meeting]))
    #expect(p.committee?.date == day(chosen))
  }

  /// The decision is due 30 Sep 2016; 30 Jun 2016 is 92 days before it (the reach), 29 Jun 93.
  @Test(
    "a calendar that ends more than 92 days before the decision gives no committee",
    arguments: [
      (["2016-06-30"], "2016-06-30"), (["2016-06-29"], nil),
      (["2016-06-29", "2016-10-05"], "2016-06-29"),
    ] as [([String], String?)])
  func calendarReach(meetings: [String], chosen: String?) throws {
    let p = try proposal(rules: council(meetings: meetings))
    #expect(p.committee?.date == chosen.map(day))
    let line = p.councilTimetable.first { $0.label == "Committee meeting" && $0.day == nil }
    #expect(
      line?.why
        == (chosen == nil
          ? "the meetings in council.json end 29 June 2016, too long before the decision" : nil))
    // The award decision (early 2017) is further still: its committee line says why too,
    // unless a meeting after October 2016 is close enough to it.
    let award = p.councilTimetable.first { $0.label == "Award committee" && $0.day == nil }
    let lastMeeting = meetings.count == 1 ? DateStyle.long(day(meetings[0])) : nil
    #expect(
      award?.why
        == lastMeeting.map {
          "the meetings in council.json end \($0), too long before the award decision"
        })
  }

  @Test("stage lengths come from council.json; an award to the incumbent needs no mobilisation")
  func stages() throws {
    let json = #"{"stages": {"mobilisation": "1 month", "specification": "90 days"}}"#
    let rules = try CouncilRules.parse(json: Array(json.utf8), file: "council.json")
    #expect(rules.stages.mobilisation == .months(1))
    #expect(rules.stages.specification == .days(90))
    #expect(rules.stages.consultation == .months(3))
    let p = try proposal(rules: rules)
    #expect(p.timetable.milestone(.awardDecision)?.day == day("2017-02-28"))
    #expect(p.timetable.milestone(.specification)?.day == day("2016-07-03"))
    let none = Timetable(
      newServiceStart: day("2015-10-01"), extensions: [], rules: rules, asOf: day("2015-07-01"),
      mobilisation: .months(0))
    #expect(none.milestone(.mobilisation) == nil)
    #expect(none.milestone(.awardDecision)?.day == day("2015-09-30"))
  }

  @Test(
    "council.json stages: an unknown stage or a bad length is a clear error",
    arguments: [
      #"{"stages": {"handover": "1 month"}}"#, #"{"stages": {"mobilisation": "soon"}}"#,
      #"{"stages": ["1 month"]}"#, #"{"commissioners": "KCC"}"#,
    ])
  func stageErrors(json: String) {
    #expect(throws: CouncilRulesError.self) {
      try CouncilRules.parse(json: Array(json.utf8), file: "council.json")
    }
  }

  @Test(
    "only a key extension decision has a forward-plan notice: £1,000,000.00 is key, a penny under is not",
    arguments: [("£2000000 pa", true), ("£1999999.98 pa", false)])
  func noticeOnlyForKey(value: String, key: Bool) throws {
    // Six months of the annual value: £1,000,000.00, or £999,999.99.
    let p = try proposal("a,A,\(value),2016-09-30,g,\n")
    #expect(p.keyDecision.required == key)
    #expect(p.decisionBy?.day == day("2016-09-30"))
    #expect((p.timetable.milestone(.extensionNotice) != nil) == key)
    #expect((p.noticeBy?.day == day("2016-09-01")) == key)
    // The award decision's value is not known here: it keeps its notice either way.
    #expect(p.timetable.milestone(.awardNotice) != nil)
    var text = ""
    p.writeText(to: &text, width: 100)
    #expect(text.contains("Forward-plan notice by") == key)
    #expect(text.contains("not needed") == !key)
  }

  @Test("a missed deadline is shown missed, not moved")
  func missed() throws {
    let p = try proposal(asOf: "2016-10-03")
    #expect(p.decisionBy?.missedByDays == 3)
    #expect(p.timetable.milestone(.awardDecision)?.deadline.daysLeft == 89)
  }
}

@Suite("Who commissions and who pays")
struct CommissionerTests {
  @Test(
    "the council's own names lead; any other body is a partner",
    arguments: [
      ("", true), ("Kent County Council", true), ("kent county council", true), ("KCC", true),
      ("K.C.C.", true), ("West Kent CCG", false), ("Kent", false),
    ])
  func leads(name: String, council: Bool) {
    var rules = CouncilRules()
    rules.name = "Kent County Council"
    rules.commissioners = ["KCC"]
    #expect(rules.leads(name) == council)
  }

  @Test("a partner-led contract shapes the target but sets none of the council's dates or totals")
  func partnerLed() throws {
    // The partner's contract ends first (31 Aug) and costs the most; neither counts.
    let r = try register(
      "id,service,value,end,group,commissioner\n"
        + "p,CAMHS,£6000000 pa,2016-08-31,g,West Kent CCG\n"
        + "k,HV,£1200000 pa,2016-09-30,g,\n",
      council: council(meetings: ["2016-07-05", "2016-09-06"], commissioners: ["KCC"]))
    let p = try AlignmentProposal(
      register: r, group: "g", target: .newServiceStart(day("2017-04-01")),
      asOf: day("2016-03-22"))
    #expect(p.decisionBy?.day == day("2016-09-30"))
    #expect(p.committee?.date == day("2016-09-06"))
    // Six months of £1.2m a year; the partner's £3m is not the council's.
    #expect(p.totalCost == Money(pounds: 600_000))
    #expect(p.keyDecision.required == false)
    #expect(p.keyDecision.amount == Money(pounds: 600_000))
    let partner = Milestone.Owner.partner("West Kent CCG")
    #expect(p.timetable.milestone(.extensionDecision, owner: partner)?.day == day("2016-08-31"))
    #expect(
      p.timetable.milestone(.extensionDecision, owner: partner)?.rule.code == "partner-varies")
    #expect(p.contracts.first { $0.contract.id == "p" }?.cost == Money(pounds: 3_500_000))
  }

  @Test("only partner-led extensions: the council has no extension decision")
  func onlyPartner() throws {
    let r = try register(
      "id,service,value,end,group,commissioner\np,CAMHS,£100 pa,2016-08-31,g,West Kent CCG\n")
    let p = try AlignmentProposal(
      register: r, group: "g", target: .newServiceStart(day("2017-04-01")),
      asOf: day("2016-03-22"))
    #expect(p.decisionBy == nil)
    #expect(p.councilExtensions.isEmpty)
    #expect(p.diagnostics.isEmpty)
  }

  @Test(
    "council_share: percentages and amounts, read exactly",
    arguments: [
      ("50%", CouncilShare.percent(basisPoints: 5000)), ("12.5 %", .percent(basisPoints: 1250)),
      ("33.33 per cent", .percent(basisPoints: 3333)), ("100%", .percent(basisPoints: 10_000)),
      ("0%", .percent(basisPoints: 0)),
    ])
  func percent(text: String, share: CouncilShare) throws {
    let r = try register("id,service,value,end,council_share\na,A,£1000 pa,2016-09-30,\(text)\n")
    #expect(r.contracts[0].councilShare == share)
    #expect(r.diagnostics.filter { $0.severity == .warning }.isEmpty)
  }

  @Test(
    "council_share over 100%, a rate or words: warned of, the council pays the whole",
    arguments: ["100.01%", "101%", "lots", "50.555%", "500 USD"])
  func badShare(text: String) throws {
    let r = try register("id,service,value,end,council_share\na,A,£1000 pa,2016-09-30,\(text)\n")
    #expect(r.contracts[0].councilShare == nil)
    #expect(
      r.diagnostics.contains {
        $0.severity == .warning && $0.message.contains("council share")
          && $0.location?.column == 25
      })
  }

  @Test("Young Healthy Minds: the council's cost is its £882k a year, not the whole")
  func share() throws {
    let r = try register(
      "id,service,value,end,group,council_share\n"
        + "y,YHM,\"£4,737,872.20\",2016-09-30,g,£882k pa\n" + "h,HV,£24000 pa,2017-03-31,g,\n")
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-03-22"))
    let y = try #require(p.contracts.first { $0.contract.id == "y" })
    // Six months: the whole £2,368,936.10; the council's £441,000.00.
    #expect(y.cost == Money(minorUnits: 236_893_610))
    #expect(y.councilCost == Money(pounds: 441_000))
    #expect(y.councilAnnualValue == Money(pounds: 882_000))
    #expect(p.totalCost == Money(pounds: 441_000))
    #expect(p.keyDecision.required == false)
    #expect(y.flags.contains { $0.code == "council-share" })
    var text = ""
    p.writeText(to: &text, width: 80)
    #expect(text.contains("£441,000.00 for 1 extension (the council's share of one"))
    #expect(text.contains("in whole, £2,368,936.10)"))
  }
}

@Suite("Codes: flags and deadline rules")
struct PlanningCodeTests {
  @Test("every proposal flag and deadline rule has a distinct kebab-case code, documented")
  func documented() throws {
    let d = day("2016-09-30")
    let flags: [ProposalFlag] = [
      .endsAfterTarget(end: d), .withinTolerance(days: 1, tolerance: 31),
      .currentEndUnknown(reason: "r"), .costTooLarge(annual: .zero),
      .totalMadeAnnual(total: nil, annual: .zero), .assumedAnnual(value: .zero),
      .annualValueTooLarge(total: nil), .otherCurrency(value: nil, currency: "USD"),
      .totalWithoutTerm(total: nil), .noValue(reason: "r"), .beyondOptions(maximumExtent: d),
      .noOptionsRecorded, .valueChangeOverLimit(permille: 101, original: .zero),
      .termChangeOverLimit(termDays: 365, permille: 101), .partnerLed(partner: "P", extends: true),
      .councilContribution(share: .zero, partner: "P"),
      .councilShare(share: .zero, annual: nil),
    ]
    let rules: [TimetableRule] = [
      .earliestCurrentEnd(contract: "c"), .clearDaysBefore(days: 28, decision: .awardDecision),
      .latestMeeting(committee: "C", decision: .extensionDecision),
      .leadTime(.months(6), route: "open", contract: "c"),
      .stageLength(.months(2), before: .procurementStart), .beforeMobilisation,
      .dayAfterTarget, .partnerVaries(partner: "P", contract: "c"), .currentEnd(contract: "c"),
    ]
    let all: [any Coded] = flags + rules
    let codes = all.map(\.code)
    #expect(Set(flags.map(\.code)).count == flags.count)
    #expect(Set(rules.map(\.code)).count == rules.count)
    #expect(codes.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    #expect(all.allSatisfy { !$0.message.isEmpty })
    // The JSON carries the code first and the message last, the parameters between.
    for item in all {
      guard case .object(let fields) = item.json else {
        Issue.record("\(item.code) is not an object")
        continue
      }
      #expect(fields.first?.0 == "code" && fields.last?.0 == "message")
      #expect(fields.count == item.parameters.count + 2)
    }
    let article = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Sources/Commissioning/Commissioning.docc/Planning.md"), encoding: .utf8)
    let kinds = Milestone.Kind.allCases.map(\.rawValue)
    #expect((codes + kinds).filter { !article.contains("`\($0)`") } == [])
  }
}

@Suite("Records: a named committee, a share, a partner")
struct RecordShareTests {
  func record(committee: String?) throws -> RecordOfDecision {
    var rules = CouncilRules()
    rules.name = "Kent County Council"
    rules.meetings = [
      .init(date: day("2016-09-06"), committee: "Health Reform & Public Health Committee"),
      .init(date: day("2016-09-13"), committee: "Adult Social Care Cabinet Committee"),
      .init(date: day("2016-10-04"), committee: "Health Reform & Public Health Committee"),
    ]
    let r = try register(
      "id,service,value,end,group,commissioner,council_share\n"
        + "y,YHM,£120000 pa,2016-09-30,g,,50%\n" + "p,CAMHS,£100 pa,2016-09-30,g,West Kent CCG,\n",
      council: rules)
    let proposal = try AlignmentProposal(
      register: r, group: "g", target: .end(day("2017-03-31")), asOf: day("2016-03-22"))
    var spec = DecisionSpec()
    spec.decisionNumber = "16/00001"
    spec.committee = committee
    return try RecordOfDecision(proposal: proposal, spec: spec)
  }

  @Test("a committee the spec names meets on its own dates, '&' or 'and'")
  func namedCommittee() throws {
    let own = try record(committee: "Health Reform and Public Health Committee")
    #expect(own.consultation.contains("meeting of 6 September 2016"))
    let none = try record(committee: "Scrutiny Committee")
    #expect(none.checks.map(\.code).contains("committee-no-date"))
    let chosen = try record(committee: nil)
    #expect(chosen.consultation.contains("13 September 2016"))
  }

  @Test("the record's money is the council's share, with the whole beside it; a partner's none")
  func shares() throws {
    let r = try record(committee: nil)
    let text = r.financialImplications.joined(separator: "\n")
    // Six months of £120,000 a year: £60,000 whole, the council's half £30,000.
    #expect(text.contains("£30,000.00 (the council's share of £60,000.00)"))
    #expect(text.contains("at a total cost of £30,000.00"))
    #expect(!text.contains("£0.00"))
  }
}

@Suite("Cross-register: who commissions and pays")
struct CrossRegisterShareTests {
  @Test("a contract that moved to a partner, or whose share changed, is warned of")
  func moved() throws {
    let head = "id,service,provider,value,end,commissioner,council_share\n"
    let a = head + "a1,Housing Support,Acme,£100000 pa,2017-03-31,,100%\n"
    let b = head + "b1,Housing Support,Acme,£100000 pa,2017-03-31,Northshire CCG,25%\n"
    let register = try RegisterLoader.load(
      [
        RegisterInput(name: "a.csv", bytes: Array(a.utf8)),
        RegisterInput(name: "b.csv", bytes: Array(b.utf8)),
      ],
      council: .default, name: "two")
    let found = CrossRegisterCheck.diagnostics(register: register, parts: [["a.csv"], ["b.csv"]])
    #expect(found.count == 1)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.message.contains("commissioner 'Northshire CCG' here, '' there") == true)
    #expect(found.first?.message.contains("council share '25%' here, '100%' there") == true)
  }
}

@Suite("Lengths: a unit the reader does not know is no length")
struct LengthUnitTests {
  @Test(
    "known units read; unknown ones or none are refused, never read as years",
    arguments: [
      ("6 months", Length.months(6)), ("1y", .months(12)), ("2 years", .months(24)),
      ("90 days", .days(90)), ("six months", .months(6)),
      ("3 hours", nil), ("3 quarters", nil), ("3", nil), ("3 mo", nil), ("2 fortnights", nil),
      ("3 decades", nil),
      // Each short unit the length words allow reads as that unit, not as years.
      ("1d", .days(1)), ("2d", .days(2)), ("1w", .days(7)), ("2wk", .days(14)),
      ("3 wks", .days(21)),
    ] as [(String, Length?)])
  func units(text: String, length: Length?) {
    #expect(LengthParser.parse(text) == length)
  }

  @Test("council.json stages in hours are an error, not three years")
  func stageHours() {
    #expect(throws: CouncilRulesError.self) {
      try CouncilRules.parse(
        json: Array(#"{"stages": {"consultation": "3 hours"}}"#.utf8), file: "council.json")
    }
  }
}

@Suite("Shares and commissioners that mean nothing, or too much")
struct ShareSanityTests {
  @Test("a total share is spread over the contract's term; one that cannot be is warned of")
  func totalShare() throws {
    let r = try register(
      "id,service,value,start,end,group,council_share\n"
        + "t,T,£2400000 total,2015-04-01,2016-09-30,g,£882k total\n"
        + "u,U,£2400000 total,,2016-09-30,g,£882k total\n")
    // 18 months: £882,000 × 12 / 18 = £588,000 a year.
    #expect(r.contracts[0].councilAnnualShare == Money(pounds: 588_000))
    #expect(r.contracts[1].councilAnnualShare == nil)
    #expect(
      r.diagnostics.contains {
        $0.severity == .warning && $0.message.contains("cannot be made a year's")
          && $0.location?.line == 3
      })
  }

  @Test(
    "a negative share is refused; a share over the whole is warned of",
    arguments: [
      ("£-882k", false, true), ("£2,000,000 pa", true, true), ("£1,200,000 pa", true, false),
      ("£1,199,999.99 pa", true, false), ("£1,200,000.01 pa", true, true),
    ])
  func sanity(text: String, read: Bool, warned: Bool) throws {
    let r = try register(
      "id,service,value,end,council_share\na,A,£1200000 pa,2016-09-30,\"\(text)\"\n")
    #expect((r.contracts[0].councilShare != nil) == read)
    #expect(r.diagnostics.contains { $0.severity == .warning } == warned)
  }

  @Test(
    "a commissioner cell naming no body leaves the council leading, with a note",
    arguments: [
      ("N/A", true), ("None", true), ("TBC", true), ("0", true), ("北部委员会", false),
      ("Other CCG", false),
    ])
  func placeholders(name: String, council: Bool) throws {
    let r = try register("id,service,value,end,commissioner\na,A,£100 pa,2016-09-30,\(name)\n")
    #expect(r.council.leads(r.contracts[0].commissioner) == council)
  }
}

@Suite("Partner-only groups and partners' calendars")
struct PartnerOnlyTests {
  func proposal() throws -> AlignmentProposal {
    let r = try register(
      "id,service,value,end,group,commissioner\n" + "a,A,£100 pa,2016-08-31,g,CCG One\n"
        + "b,B,£100 pa,2016-09-30,g,CCG One\n" + "c,C,£100 pa,2016-07-31,g,CCG Two\n")
    return try AlignmentProposal(
      register: r, group: "g", target: .newServiceStart(day("2017-04-01")),
      asOf: day("2016-03-22"))
  }

  @Test("an extension record for a group the council leads none of is refused, naming who decides")
  func refused() throws {
    let p = try proposal()
    #expect(throws: DecisionError.nothingToExtend(group: "g", partners: ["CCG One", "CCG Two"])) {
      try RecordOfDecision(proposal: p, spec: DecisionSpec())
    }
  }

  @Test("a partner with several contracts gets one calendar event each, every UID unique")
  func uniqueUIDs() throws {
    let p = try proposal()
    let r = try register(
      "id,service,value,end,group,commissioner\n" + "a,A,£100 pa,2016-08-31,g,CCG One\n"
        + "b,B,£100 pa,2016-09-30,g,CCG One\n" + "c,C,£100 pa,2016-07-31,g,CCG Two\n")
    let calendar = ICalendarExport(
      register: r, contracts: r.contracts, asOf: day("2016-03-22"), proposal: p, alarms: [])
    let uids = calendar.events.map(\.uid)
    #expect(Set(uids).count == uids.count)
    #expect(uids.filter { $0.hasPrefix("g-extension-decision-ccgone") }.count == 2)
  }
}

@Suite("Awards: values and terms that cannot be tested")
struct AwardSanityTests {
  func proposal() throws -> AlignmentProposal {
    let r = try register("id,service,provider,value,end,group\na,A,Acme,£100 pa,2016-09-30,g\n")
    return try AlignmentProposal(
      register: r, group: "g", target: .end(day("2017-03-31")), asOf: day("2016-03-22"))
  }

  @Test(
    "an award's value in another currency, zero or negative is no key-decision figure",
    arguments: ["$5,000,000", "£0", "£-1,000,000"])
  func unusable(value: String) throws {
    var spec = DecisionSpec()
    spec.kind = .award
    spec.provider = "Acme"
    spec.contractStart = day("2016-10-01")
    spec.contractEnd = day("2017-09-30")
    spec.value = MoneyParser.parse(value)
    let record = try RecordOfDecision(proposal: try proposal(), spec: spec)
    #expect(record.checks.map(\.code).contains("award-value-unusable"))
    #expect(!record.keyDecision.required)
  }

  @Test("an award that ends before it starts is refused; one ending the day it starts is not")
  func endsBeforeStart() throws {
    var spec = DecisionSpec()
    spec.kind = .award
    spec.provider = "Acme"
    spec.value = MoneyParser.parse("£100,000")
    spec.contractStart = day("2016-10-01")
    spec.contractEnd = day("2016-09-30")
    #expect(throws: DecisionError.self) {
      try RecordOfDecision(proposal: try proposal(), spec: spec)
    }
    spec.contractEnd = day("2016-10-01")
    #expect(throws: Never.self) { try RecordOfDecision(proposal: try proposal(), spec: spec) }
  }
}

@Suite("The calendar's edge")
struct TimetableEdgeTests {
  @Test("stages worked back past the year 1 are said, not printed as year -1 or left null")
  func beforeYearOne() throws {
    let r = try register("id,service,value,end,group\na,A,£100 pa,0001-03-31,g\n")
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-03-22"))
    #expect(p.diagnostics.contains { $0.message.hasPrefix("6 milestones") })
    var text = ""
    p.writeText(to: &text, width: 80)
    #expect(text.contains("6 not shown"))
    #expect(!text.contains(" 0 "))
  }
}

@Suite("Scenario changes take only their own keys")
struct ScenarioChangeKeyTests {
  @Test(
    "a stray or misspelt key in a change is an error, naming the keys it takes",
    arguments: [
      #"{"align": "g", "to": "2017-03-31", "extra": 5}"#,
      #"{"extend": "a", "by": "6 months", "too": "2017-03-31"}"#,
      #"{"stagger": "g", "from": "2016-12-31", "every": "3 months", "to": "2017-03-31"}"#,
    ])
  func stray(change: String) {
    #expect(throws: ScenarioError.self) {
      try scenario(#"{"version": 1, "name": "s", "changes": ["# + change + "]}")
    }
  }

  @Test("a change with only its own keys reads, and council_share can be set")
  func own() throws {
    let s = try scenario(
      #"{"version": 1, "name": "s", "changes": [{"align": "g", "to": "2017-03-31"}, "#
        + #"{"set": "a", "field": "council_share", "value": "25%"}]}"#)
    #expect(s.changes.count == 2)
  }
}

@Suite("What-if: splitting an extension does not avoid a key decision")
struct SplitDecisionTests {
  @Test(
    "two six-month steps on one contract add up against the threshold",
    arguments: [("£1000000 pa", 2), ("£999999.98 pa", 0), ("£2000000 pa", 2)])
  func split(value: String, keys: Int) throws {
    let r = try register("id,service,value,end,group\na,A,\(value),2016-09-30,g\n")
    let s = try scenario(
      #"{"version": 1, "name": "s", "changes": [{"extend": "a", "by": "6 months"}, "#
        + #"{"extend": "a", "by": "6 months"}]}"#)
    let outcome = try ScenarioOutcome(chain: [s], baseline: r, asOf: day("2016-03-22"))
    #expect(
      outcome.decisions.allSatisfy { !$0.keyDecision.required } == (value != "£2000000 pa"))
    #expect(outcome.keyDecisions == keys)
    var text = ""
    WhatIfReport(outcomes: [ScenarioOutcome(baseline: r, asOf: day("2016-03-22")), outcome])
      .writeText(to: &text, width: 80)
    let joined = text.replacingOccurrences(of: "\n", with: " ")
    #expect(joined.contains("splitting an extension into steps") == (value == "£1000000 pa"))
  }
}

@Suite("Wrapping a word longer than a line")
struct LongWordWrapTests {
  @Test("a 10,000-character name is cut into pieces no line passes the width", arguments: [40, 80])
  func longWord(width: Int) {
    let name = String(repeating: "P", count: 10_000)
    let lines = Prose.wrap("led by " + name + " today", width: width, indent: "    ")
    #expect(lines.allSatisfy { $0.count <= width })
    #expect(
      lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        .replacingOccurrences(of: " ", with: "") == "ledby" + name + "today")
    // A word that fits is never cut.
    #expect(
      Prose.wrap("a " + String(repeating: "Q", count: width - 4), width: width, indent: "    ")
        .count == 1)
  }
}
