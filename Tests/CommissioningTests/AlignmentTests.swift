import Testing

@testable import Commissioning

/// A register from CSV text, with the default rules (tolerance 31 days, threshold £1m).
func register(_ csv: String, council: CouncilRules = .default) throws -> Register {
  try RegisterLoader.load(
    [RegisterInput(name: "t.csv", bytes: Array(csv.utf8))], council: council, name: "t")
}

func day(_ iso: String) -> Day {
  Day(iso) ?? Day(ordinal: 0)
}

@Suite("Alignment: Kent acceptance")
struct KentAlignmentTests {
  @Test("March 2016: align with CAMHS for a new service from 1 April 2017")
  func march2016() throws {
    let proposal = try AlignmentProposal(
      register: try loadKent("kent-2016-03"), group: "childrens-public-health",
      target: .newServiceStart(day("2017-04-01")), asOf: day("2016-03-22"))
    #expect(proposal.target == day("2017-03-31"))
    let byId = Dictionary(uniqueKeysWithValues: proposal.contracts.map { ($0.contract.id, $0) })
    // Six months of each annual value: £22,604,400 / 2, £4,852,760 / 2, £828,758 / 2.
    let hv = try #require(byId["schw-hv-fnp"])
    #expect(hv.action == .extend)
    #expect(hv.extensionMonths == 6 && hv.extensionRemainderDays == 0)
    #expect(hv.extensionDays == 182)
    #expect(hv.cost == Money(pounds: 11_302_200))
    #expect(byId["schw-school-ph-kchft"]?.cost == Money(pounds: 2_426_380))
    // MFT: £828,758 over two years is £414,379 a year (value_basis); six months are half that.
    #expect(byId["schw-school-ph-swale-mft"]?.cost == Money(minorUnits: 20_718_950))
    // Young Healthy Minds ends 30/03/2017: within tolerance, no extension.
    #expect(byId["schw-young-healthy-minds"]?.action == .withinTolerance)
    #expect(byId["schw-young-healthy-minds"]?.cost == .zero)
    // CAMHS: 31 August 2016 to 31 March 2017 is seven months, value unknown.
    let camhs = try #require(byId["camhs-spft"])
    #expect(camhs.extensionMonths == 7 && camhs.extensionRemainderDays == 0)
    #expect(camhs.cost == nil)
    #expect(camhs.procurementStartBy == day("2016-04-01"))
    // CAMHS is West Kent CCG's (003 l.797): listed, never in the council's dates or total.
    #expect(!camhs.isCouncilLed)
    #expect(camhs.flags.first == .partnerLed(partner: "West Kent CCG", extends: true))
    #expect(proposal.councilExtensions.count == 3)
    // Swale's £828,758 is a total over two years (000 l.1817): six months is £207,189.50.
    #expect(proposal.totalCost == Money(minorUnits: (11_302_200 + 2_426_380) * 100 + 20_718_950))
    #expect(proposal.missingCosts == 0)
    #expect(proposal.keyDecision.required)
    #expect(proposal.keyDecision.basis == "extension cost")
    // The council's own contracts are all open procurements: six months before 1 April 2017.
    #expect(proposal.procurementStartBy.day == day("2016-10-01"))
    #expect(proposal.procurementStartBy.daysLeft == 193)
    #expect(proposal.decisionBy?.day == day("2016-09-30"))
    // 28 clear days: 2–29 September lie between 1 September and 30 September.
    #expect(proposal.noticeBy?.day == day("2016-09-01"))
    #expect(proposal.committee?.date == day("2016-09-06"))
    // The CCG's own dates: its competitive dialogue from 1 April 2016 (l.821), its variation by
    // 31 August 2016 (l.817).
    let ccg = Milestone.Owner.partner("West Kent CCG")
    #expect(proposal.timetable.milestone(.procurementStart, owner: ccg)?.day == day("2016-04-01"))
    #expect(proposal.timetable.milestone(.extensionDecision, owner: ccg)?.day == day("2016-08-31"))
    #expect(proposal.timetable.partners == ["West Kent CCG"])
  }

  @Test(
    "July 2015: synchronise to 30 September 2016; three ends unknown; key decision on £6,128,699")
  func july2015() throws {
    let proposal = try AlignmentProposal(
      register: try loadKent("kent-2015-07"), group: "childrens-public-health", target: .latestEnd,
      asOf: day("2015-07-22"))
    #expect(proposal.target == day("2016-09-30"))
    #expect(
      proposal.contracts.map(\.action) == [
        .aligned, .extendFromUnknownEnd, .extendFromUnknownEnd, .extendFromUnknownEnd,
      ])
    #expect(
      proposal.extensions.allSatisfy {
        $0.cost == nil && $0.extensionDays == nil && $0.proposedEnd == day("2016-09-30")
      })
    #expect(proposal.missingCosts == 3)
    #expect(proposal.keyDecision.required)
    #expect(proposal.keyDecision.basis == "annual values")
    #expect(proposal.keyDecision.amount == Money(pounds: 4_859_856 + 414_379 + 854_464))
    #expect(proposal.decisionBy == nil)
  }
}

@Suite("Alignment: rules")
struct AlignmentRuleTests {
  @Test("pro rata: whole months × annual/12 plus remaining days × annual/365")
  func proRata() throws {
    let r = try register(
      "id,service,value,value_basis,end,group\na,A,\"£365,000\",annual,2016-06-15,g\nb,B,£1,annual,2016-09-30,g\n"
    )
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    let a = try #require(p.contracts.first)
    #expect(a.extensionMonths == 3 && a.extensionRemainderDays == 15)
    #expect(a.cost == Money(pounds: 91_250 + 15_000))
  }

  @Test(
    "leap years and month ends",
    arguments: [
      ("2016-01-31", "2016-02-29", 1, 0, Int64(100_000)),  // 31 Jan + 1 month in a leap year
      ("2017-01-31", "2017-02-28", 1, 0, Int64(100_000)),
      ("2015-02-28", "2016-02-29", 12, 0, Int64(1_200_000)),  // a whole year across 29 Feb
      ("2016-02-29", "2016-03-31", 1, 0, Int64(100_000)),
    ])
  func leapYears(_ end: String, _ target: String, _ months: Int, _ days: Int, _ pounds: Int64)
    throws
  {
    var exact = CouncilRules()
    exact.alignmentToleranceDays = 0
    let r = try register(
      "id,service,value,value_basis,end,group\na,A,\"£1,200,000\",annual,\(end),g\n", council: exact
    )
    let p = try AlignmentProposal(
      register: r, group: "g", target: .end(day(target)), asOf: day("2015-01-01"))
    let a = try #require(p.contracts.first)
    #expect(a.extensionMonths == months)
    #expect(a.extensionRemainderDays == days)
    #expect(a.cost == Money(pounds: pounds))
  }

  @Test("28 February 2016 to 31 March 2016 is one month and three days: £109,863.01")
  func remainderDays() throws {
    var exact = CouncilRules()
    exact.alignmentToleranceDays = 0
    let r = try register(
      "id,service,value,value_basis,end,group\na,A,\"£1,200,000\",annual,2016-02-28,g\n",
      council: exact)
    let p = try AlignmentProposal(
      register: r, group: "g", target: .end(day("2016-03-31")), asOf: day("2015-01-01"))
    let a = try #require(p.contracts.first)
    // 28 Feb 2016 is not a month end in a leap year: the next day is 29 Feb; + 1 month = 29 Mar,
    // so the term reaches 28 Mar after one month and 3 days remain to 31 Mar.
    #expect(a.extensionMonths == 1 && a.extensionRemainderDays == 3)
    // 1,200,000/12 + 1,200,000 × 3/365 = 100,000 + 9,863.01 = £109,863.01.
    #expect(a.cost == Money(minorUnits: 10_986_301))
  }

  @Test("a target before a current end never shortens it")
  func endsAfterTarget() throws {
    let r = try register(
      "id,service,value,end,group\na,A,£100,2017-03-31,g\nb,B,£100,2016-03-31,g\n")
    let p = try AlignmentProposal(
      register: r, group: "g", target: .end(day("2016-09-30")), asOf: day("2016-01-01"))
    #expect(p.contracts[0].action == .endsAfterTarget)
    #expect(p.contracts[0].proposedEnd == day("2017-03-31"))
    #expect(p.contracts[0].flags.first == .endsAfterTarget(end: day("2017-03-31")))
    #expect(p.contracts[0].flags.first?.code == "ends-after-target")
    #expect(p.contracts[1].action == .extend)
    #expect(
      p.contracts.allSatisfy {
        ($0.proposedEnd ?? .init(ordinal: .max)) >= ($0.currentEnd ?? .init(ordinal: .min))
      })
  }

  @Test("a group of one is aligned already: nothing to extend, not a key decision")
  func groupOfOne() throws {
    let r = try register("id,service,value,end,group\na,A,\"£5,000,000\",2016-09-30,g\n")
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    #expect(p.contracts.map(\.action) == [.aligned])
    #expect(p.totalCost == .zero)
    #expect(!p.keyDecision.required)
    #expect(p.decisionBy == nil)
  }

  @Test("a group with every end unknown needs a target; with one, every extension is unknown")
  func everyEndUnknown() throws {
    let r = try register("id,service,value,end,group\na,A,£100,TBC,g\nb,B,£200,,g\n")
    #expect(throws: AlignmentError.noDatedContract("g")) {
      try AlignmentProposal(register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    }
    let p = try AlignmentProposal(
      register: r, group: "g", target: .end(day("2016-09-30")), asOf: day("2016-01-01"))
    #expect(p.contracts.map(\.action) == [.extendFromUnknownEnd, .extendFromUnknownEnd])
    #expect(p.missingCosts == 2)
    #expect(!p.keyDecision.required)
    #expect(p.keyDecision.amount == Money(pounds: 300))
  }

  @Test("an unknown group lists the groups there are")
  func unknownGroup() throws {
    let r = try register("id,service,end,group\na,A,2016-09-30,g1;g2\n")
    #expect(throws: AlignmentError.unknownGroup("nope", known: ["g1", "g2"])) {
      try AlignmentProposal(register: r, group: "nope", target: .latestEnd, asOf: day("2016-01-01"))
    }
  }

  @Test("within the options up to the maximum extent, beyond them after it")
  func options() throws {
    let r = try register(
      "id,service,value,end,group\na,A,£100,March 2017 +1,g\nb,B,£100,2018-06-30,g\n")
    let within = try AlignmentProposal(
      register: r, group: "g", target: .end(day("2018-03-31")), asOf: day("2016-01-01"))
    #expect(within.contracts[0].withinOptions == true)
    let beyond = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    #expect(beyond.contracts[0].withinOptions == false)
    #expect(beyond.contracts[0].maximumExtent == day("2018-03-31"))
  }

  @Test("the value change against the original value is flagged above 10%")
  func valueChange() throws {
    let r = try register(
      "id,service,value,value_basis,start,end,group\na,A,\"£1,200,000\",total,2015-04-01,2017-03-31,g\nb,B,£1,total,2015-04-01,2017-09-30,g\n"
    )
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    let a = p.contracts[0]
    // 24 whole months: £1,200,000 × 12 / 24 = £600,000 a year; six months = £300,000 (25.0%).
    #expect(a.annualValue == Money(pounds: 600_000))
    #expect(a.cost == Money(pounds: 300_000))
    #expect(a.costBasis == .annualisedTotal)
    #expect(a.valueChangePermille == 250)
    #expect(
      a.flags.contains(.valueChangeOverLimit(permille: 250, original: Money(pounds: 1_200_000))))
    // 183 days on a 731-day term: 25.0%.
    #expect(a.termChangePermille == 250)
    #expect(a.flags.contains(.termChangeOverLimit(termDays: 731, permille: 250)))
  }

  @Test("an end within the tolerance (31 days) needs no extension; beyond it, one is proposed")
  func tolerance() throws {
    let r = try register(
      "id,service,value,end,group\na,A,£100,2016-08-30,g\nb,B,£100,2016-08-29,g\nc,C,£100,2016-09-30,g\n"
    )
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    #expect(p.contracts.map(\.action) == [.withinTolerance, .extend, .aligned])
  }

  @Test("deadlines already past at the as-of date are missed, with how many days")
  func missedDeadlines() throws {
    let r = try register(
      "id,service,value,end,group,procurement_route\na,A,\"£2,000,000\",2016-09-30,g,competitive-dialogue\nb,B,£1,2017-03-31,g,\n"
    )
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-09-01"))
    #expect(p.decisionBy?.day == day("2016-09-30"))
    #expect(p.decisionBy?.daysLeft == 29)
    #expect(p.noticeBy?.day == day("2016-09-01"))
    #expect(p.noticeBy?.daysLeft == 0)
    #expect(p.procurementStartBy.day == day("2016-04-01"))
    #expect(p.procurementStartBy.missedByDays == 153)
    #expect(p.keyDecision.required)
  }

  @Test("every group: spread and tolerance")
  func summaries() throws {
    let r = try register(
      "id,service,end,group\na,A,2016-06-30,g;h\nb,B,2016-09-30,g\nc,C,TBC,h\nd,D,2016-07-15,h\n")
    let groups = GroupSummary.all(in: r)
    #expect(groups.map(\.group) == ["g", "h"])
    #expect(groups[0].spreadDays == 92 && !groups[0].aligned)
    #expect(groups[1].spreadDays == 15 && groups[1].aligned)
    #expect(groups[1].undated.map(\.id) == ["c"])
  }

  @Test("groups match case-insensitively, spelled as first written, each contract once")
  func groupIndex() throws {
    let r = try register(
      "id,service,end,group\na,A,2016-06-30,Youth;youth\nb,B,2016-09-30,YOUTH\nc,C,2016-07-15,carers\n"
    )
    let index = r.groupIndex
    #expect(index.map(\.group) == ["Youth", "carers"])
    #expect(index.map(\.members) == [[0, 1], [2]])
    #expect(r.groups == ["Youth", "carers"])
  }

  @Test("align --all: one proposal per group, each the same as proposing for that group alone")
  func everyGroup() throws {
    let r = try register(
      "id,service,end,value,group\na,A,2016-06-30,£120000,g\nb,B,2016-09-30,£1,g\n"
        + "c,C,TBC,£5,h\nd,D,TBC,£6,h\ne,E,2017-03-31,£365000,k\nf,F,2016-03-31,£365000,k\n")
    let plan = AlignmentPlan(register: r, target: .latestEnd, asOf: day("2016-01-01"))
    #expect(plan.proposals.map(\.group) == ["g", "k"])
    #expect(plan.undatedGroups == ["h"])
    for proposal in plan.proposals {
      let alone = try AlignmentProposal(
        register: r, group: proposal.group, target: .latestEnd, asOf: day("2016-01-01"))
      #expect(alone.totalCost == proposal.totalCost)
      #expect(alone.target == proposal.target)
    }
    // g: 3 months of £120,000 a year = £30,000. k: 12 months of £365,000 = £365,000.
    #expect(plan.totalCost == Money(minorUnits: 39_500_000))
  }

  @Test("a group of 100,000 contracts is proposed in one linear pass")
  func largeGroup() throws {
    var csv = "id,service,end,value,group\n"
    csv.reserveCapacity(4_000_000)
    for i in 0..<100_000 {
      csv += "c\(i),S,\(i % 2 == 0 ? "2016-06-30" : "2016-09-30"),£36500,big\n"
    }
    let r = try register(csv)
    let plan = AlignmentPlan(register: r, target: .latestEnd, asOf: day("2016-01-01"))
    let proposal = try #require(plan.proposals.first)
    #expect(proposal.contracts.count == 100_000)
    #expect(proposal.extensions.count == 50_000)
    // Each: 3 months of £36,500 a year = £9,125.
    #expect(proposal.totalCost == Money(minorUnits: 50_000 * 912_500))
  }
}

@Suite("Alignment: why a cost is unknown")
struct UnknownCostTests {
  @Test("another currency and a total with no term say so, not 'no value'")
  func reasons() throws {
    let r = try load(
      "id,service,value,end,group\na,A,500 USD,2016-09-30,g\nb,B,£1.2m total,2016-09-30,g\n"
        + "c,C,TBC,2016-09-30,g\nd,D,\"£100,000 pa\",2017-03-31,g\n")
    let asOf = try #require(Day("2016-01-01"))
    let p = try AlignmentProposal(register: r, group: "g", target: .latestEnd, asOf: asOf)
    let flags = Dictionary(uniqueKeysWithValues: p.contracts.map { ($0.contract.id, $0.flags) })
    #expect(flags["a"]?.map(\.code).contains("value-other-currency") == true)
    #expect(
      flags["a"]?.first { $0.code == "value-other-currency" }?.message
        == "value USD 500 is in USD, never converted to pounds, so the cost is unknown")
    #expect(
      flags["b"]?.contains(.totalWithoutTerm(total: Money(pounds: 1_200_000))) == true)
    #expect(flags["c"]?.contains(.noValue(reason: "'TBC': to be confirmed")) == true)
    #expect(p.contracts.first { $0.contract.id == "d" }?.cost == .zero)
  }
}
