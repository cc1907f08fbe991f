import Foundation
import Testing

@testable import Commissioning

/// Values the reader accepts must never make the arithmetic trap (issue 17): money scaling,
/// day and month arithmetic, and the counts `council.json` and scenarios may set.
@Suite("Arithmetic overflow: reported or bounded, never a trap")
struct OverflowTests {
  static let max = Int64.max

  @Test(
    "Money.scaled at the edge of 64-bit pence",
    arguments: [
      // Exactly the largest amount: fits.
      (max, Int64(2), Int64(2), Int64?.some(max)),
      // Half a penny over the largest amount rounds up past it: nil.
      (Int64(6_148_914_691_236_517_205), 3, 2, nil),
      // One penny under, rounding down: fits.
      (max - 1, 1, 1, max - 1),
      // The attack: a quotient of UInt64.max that rounds up (the trap was `rounded += 1`).
      (Int64(1_920_482_944_660_172_497), 365, 38, nil),
      // Negative amounts round half away from zero and may reach -Int64.max.
      (-max, 2, 2, -max),
      (Int64.min, 1, 1, nil),
    ])
  func scaledEdges(_ minor: Int64, _ numerator: Int64, _ denominator: Int64, _ expected: Int64?) {
    #expect(
      Money(minorUnits: minor).scaled(by: numerator, over: denominator)?.minorUnits == expected)
  }

  @Test("Money(pounds:) saturates instead of trapping")
  func poundsSaturate() {
    #expect(Money(pounds: 92_233_720_368_547_758).minorUnits == 9_223_372_036_854_775_800)
    #expect(Money(pounds: 92_233_720_368_547_759).minorUnits == Int64.max)
    #expect(Money(pounds: -92_233_720_368_547_759).minorUnits == Int64.min)
  }

  @Test(
    "a total too large to annualise is neither a value nor 'no value'", arguments: [38, 76, 77])
  func annualValueTooLarge(_ termDays: Int) throws {
    // The annual value first fits in pence over 77 days (to 7 February from 23 November).
    let start = ["38": "2016-01-01", "76": "2015-11-24", "77": "2015-11-23"]["\(termDays)"]!
    let csv = """
      id,service,value,start,end
      x,s,"£19,204,829,446,601,724.97 total",\(start),2016-02-07
      """
    let contract = try #require(try register(csv).contracts.first)
    #expect(contract.termDays == termDays)
    #expect((contract.annualValue == nil) == (termDays < 77))
    #expect(contract.annualValueTooLarge == (termDays < 77))
  }

  @Test("align and decision say a cost is too large to compute, and every total survives")
  func costTooLarge() throws {
    let csv = """
      id,service,group,value,end
      big,Big,g,"£91,856,229,016,425,461.66 per annum",2016-09-30
      small,Small,g,£100 per annum,2018-10-03
      """
    let r = try register(csv)
    let asOf = Day("2016-01-01")!
    let proposal = try AlignmentProposal(register: r, group: "g", target: .latestEnd, asOf: asOf)
    let big = try #require(proposal.contracts.first { $0.contract.id == "big" })
    #expect(big.cost == nil)
    #expect(big.costBasis == .tooLarge)
    #expect(big.costText(unknown: "unknown") == "too large to compute")
    #expect(proposal.costTooLarge)
    var text = ""
    proposal.writeText(to: &text, width: 100)
    #expect(text.contains("unknown or too large to compute"))
    #expect(
      proposal.diagnostics.contains { $0.message.hasSuffix("extension cost too large to compute") })
  }

  @Test("day arithmetic saturates at the calendar's limit", arguments: [Int.max, Int.min, 0])
  func dayArithmetic(_ count: Int) {
    let day = Day("2016-09-30")!
    let limit = Day.ordinalLimit
    let moved = day + DayCount(count)
    let back = day - DayCount(count)
    let expected = count == 0 ? day.ordinal : count > 0 ? limit : -limit
    #expect(moved.ordinal == expected)
    #expect(back.ordinal == (count == 0 ? day.ordinal : -expected))
    #expect(day.adding(Months(count)).ordinal == expected)
    #expect(day.extendingTerm(by: .days(count)).ordinal == expected)
    // An inclusive term is moved by its day after: one short of a saturated limit.
    let years = day.extendingTerm(by: Length.years(count)).ordinal
    #expect(abs(years - expected) <= 1)
    // A saturated day still has a date and a next day.
    _ = moved.components
    _ = back.next.previous.iso
  }

  @Test("Day(ordinal:) holds the limit, one under and one over")
  func ordinalLimit() {
    let limit = Day.ordinalLimit
    #expect(Day(ordinal: limit - 1).ordinal == limit - 1)
    #expect(Day(ordinal: limit).ordinal == limit)
    #expect(Day(ordinal: limit + 1).ordinal == limit)
    #expect(Day(ordinal: -limit - 1).ordinal == -limit)
    let (y, m, d) = Day(ordinal: limit).components
    #expect(Day(year: y, month: m, day: d)?.ordinal == limit)
    #expect(Day(year: Day.yearLimit, month: 1, day: 1) != nil)
    #expect(Day(year: Day.yearLimit + 1, month: 1, day: 1) == nil)
    #expect(Day(year: Int.max, month: 1, day: 1) == nil)
  }

  static func council(_ json: String) -> Result<CouncilRules, CouncilRulesError> {
    Result { () throws(CouncilRulesError) in
      try CouncilRules.parse(json: Array(json.utf8), file: "council.json")
    }
  }

  @Test(
    "council.json day counts: 0 to 3650, one under and one over",
    arguments: ["noticeClearDays", "alignmentToleranceDays"],
    [
      ("-1", false), ("0", true), ("3650", true), ("3651", false), ("9223372036854775807", false),
      ("28.5", false), ("\"28\"", false), ("true", false), ("false", false), ("1.0", false),
      ("1e18", false), ("2e1", false),
    ])
  func councilDays(_ key: String, _ value: (String, Bool)) {
    let result = OverflowTests.council("{\"\(key)\": \(value.0)}")
    switch result {
    case .success(let rules):
      #expect(value.1)
      let read = key == "noticeClearDays" ? rules.noticeClearDays : rules.alignmentToleranceDays
      #expect(String(read) == value.0)
    case .failure(let error):
      #expect(!value.1)
      #expect(
        error.description
          == "council.json: error: '\(key)' must be a whole number of days from 0 to 3650")
    }
  }

  @Test(
    "lead times in council.json and scenarios: at most ten years",
    arguments: [
      ("10 years", true), ("11 years", false), ("120 months", true), ("121 months", false),
      ("521 weeks", true), ("522 weeks", false), ("999 days", true),
    ])
  func leadTimes(_ text: String, _ accepted: Bool) throws {
    let council = OverflowTests.council("{\"defaultLeadTime\": \"\(text)\"}")
    let table = OverflowTests.council("{\"leadTimes\": {\"open\": \"\(text)\"}}")
    let scenario = Result { () throws(ScenarioError) in
      try Scenario.parse(
        json: Array(
          "{\"version\": 1, \"changes\": [{\"rules\": {\"defaultLeadTime\": \"\(text)\"}}]}".utf8),
        file: "s.json")
    }
    #expect(((try? council.get()) != nil) == accepted)
    #expect(((try? table.get()) != nil) == accepted)
    #expect(((try? scenario.get()) != nil) == accepted)
    if case .failure(let error) = council {
      #expect(error.message.contains("at most 10 years"))
    }
  }

  @Test(
    "scenario rules: day counts 0 to 3650, one under and one over",
    arguments: ["noticeClearDays", "alignmentToleranceDays"],
    [
      ("-1", false), ("0", true), ("3650", true), ("3651", false), ("9223372036854775807", false),
      ("true", false), ("1.0", false), ("1e18", false),
    ])
  func scenarioDays(_ key: String, _ value: (String, Bool)) {
    let json = "{\"version\": 1, \"changes\": [{\"rules\": {\"\(key)\": \(value.0)}}]}"
    do {
      let s = try Scenario.parse(json: Array(json.utf8), file: "s.json")
      #expect(value.1)
      guard case .rules(let rules) = s.changes.first?.kind else {
        Issue.record("no rules change")
        return
      }
      let read = key == "noticeClearDays" ? rules.noticeClearDays : rules.alignmentToleranceDays
      #expect(read.map(String.init) == value.0)
    } catch {
      #expect(!value.1)
      #expect(
        error.description
          == "s.json: error: change 1: '\(key)' must be a whole number of days from 0 to 3650")
    }
  }

  @Test("the notice date is the clear days and one more before the decision, for any count")
  func noticeBy() {
    var rules = CouncilRules()
    let decision = Day("2016-09-30")!
    #expect(rules.noticeBy(decision: decision) == Day("2016-09-01")!)
    rules.noticeClearDays = Int.max
    #expect(rules.noticeBy(decision: decision).ordinal == -Day.ordinalLimit)
  }

  @Test("months between days ends at the calendar's saturated end instead of counting for ever")
  func monthsToTheLimit() {
    let from = day("2016-09-30")
    let (months, days) = monthsAndDays(from: from, to: Day(ordinal: Day.ordinalLimit))
    #expect(months > 32_000_000)
    #expect(days >= 0)
    #expect(monthsAndDays(from: from, to: day("2017-03-31")) == (6, 0))
  }

  @Test("3,000 options of 999 years: the maximum extent saturates and every report finishes")
  func hugeOptions() throws {
    let options = Array(repeating: "999 years", count: 3000).joined(separator: "+")
    let r = try register("id,service,end,extension_options\nx,S,2016-09-30,\"\(options)\"\n")
    let contract = try #require(r.contracts.first)
    #expect((contract.maximumExtent?.ordinal ?? 0) >= Day.ordinalLimit - 1)
    #expect(contract.optionsLeft != nil)
    var text = ""
    ExpiryReport(register: r, by: day("2017-01-01"), asOf: day("2016-03-22"))
      .writeText(to: &text)
    #expect(text.contains("1 contract ends"))
  }
}

extension OverflowTests {
  @Test("a time axis ending at the calendar's saturated end is finite")
  func axisToTheLimit() {
    let limit = Day(ordinal: Day.ordinalLimit)
    let from = Day(ordinal: Day.ordinalLimit - 400)
    for scale in GanttScale.allCases {
      #expect(TimeAxis.unitCount(scale: scale, from: from, to: limit) < 20)
      #expect(TimeAxis(scale: scale, from: from, to: limit, cellsPerUnit: 1).units.count < 20)
    }
  }
}

extension OverflowTests {
  @Test(
    "a sum of known costs that passes the largest amount is counted as overflowed, not unknown",
    arguments: [
      ([max - 1, 1], max, 0), ([max - 1, 2], max - 1, 1), ([max, 1, 1], max, 2),
      ([1, 2, 3], 6, 0),
    ] as [([Int64], Int64, Int)])
  func costSum(_ pence: [Int64], _ total: Int64, _ overflowed: Int) {
    let sum = CostSum(costs: pence.map { Money(minorUnits: $0) } + [nil])
    #expect(sum.total.minorUnits == total)
    #expect(sum.overflowed == overflowed)
    #expect(sum.unknown == 1)
    #expect((sum.overflowCaveat != nil) == (overflowed > 0))
  }
}

extension OverflowTests {
  @Test("ISO writers name only days 0001-01-01 to 9999-12-31, one day either side left out")
  func writableDays() throws {
    let first = Day(year: 1, month: 1, day: 1)!
    let last = Day(year: 9999, month: 12, day: 31)!
    #expect(first.writableISO == "0001-01-01")
    #expect(first.previous.writableISO == nil)
    #expect(last.writableISO == "9999-12-31")
    #expect(last.next.writableISO == nil)
    #expect(JSON.day(last.next) == .null)
    let contract = "id,service,start,end,extension_options\na,A,0001-01-01,9999-12-30,1 day\n"
    let register = try RegisterLoader.load(
      [RegisterInput(name: "r.csv", bytes: Array(contract.utf8))], name: "r")
    let chart = MermaidExport.chart(
      register: register, contracts: register.contracts, asOf: Day("2016-03-22")!)
    // The term's exclusive end, 9999-12-31, fits; the option's, 10000-01-01, does not.
    #expect(chart.omitted == 1)
    #expect(chart.text.contains("0001-01-01, 9999-12-31"))
  }
}
