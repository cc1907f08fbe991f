import Foundation
import Testing

@testable import Commissioning

/// A one-group register and a spec of the given kind, drafted as of 1 January 2016.
private func draft(
  _ csv: String = "id,service,provider,value,value_basis,start,end,group\n"
    + "a,Meals,Acme,\"£2,000,000\",annual,2015-10-01,2016-09-30,g\n",
  _ configure: (inout DecisionSpec) -> Void
) throws -> RecordOfDecision {
  let proposal = try AlignmentProposal(
    register: try register(csv), group: "g", target: .latestEnd, asOf: day("2016-01-01"))
  var s = DecisionSpec()
  s.decisionNumber = "16/00001"
  s.committee = "Cabinet Committee"
  s.meetingDate = day("2016-01-10")
  configure(&s)
  return try RecordOfDecision(proposal: proposal, spec: s)
}

@Suite("Record of decision: award and vary")
struct DecisionKindTests {
  @Test("15/00068: entering into a one-year contract with KCHFT, as the 2015 record words it")
  func record15_00068() throws {
    let s = try spec("decision-15-00068.json")
    let proposal = try AlignmentProposal(
      register: try loadKent("kent-2015-07"), group: "childrens-public-health",
      target: .end(day("2016-09-30")), asOf: day("2015-07-08"))
    let record = try RecordOfDecision(proposal: proposal, spec: s)
    #expect(record.kind == .award)
    #expect(
      record.decision == [
        "As Cabinet Member for Adult Social Care and Public Health, I propose to agree that the "
          + "County Council enter into a contract with the current provider, Kent Community "
          + "Healthcare Foundation Trust (KCHFT), to deliver Health Visitor services for one year "
          + "from 1 October 2015 to 30 September 2016 which will enable, as a priority, the safe "
          + "transfer of service and also provide the time to work up a new model for health "
          + "visiting. This will bring the contract end date into line with the timetable for the "
          + "procurement of the school public health service and will provide the opportunity to "
          + "reshape the age range of the service."
      ])
    #expect(record.reasonsLead == "Decision exceeds key decision financial criteria.")
    #expect(record.reasonItems.isEmpty)
    #expect(
      record.consultation
        == "The Children's Social Care and Health Cabinet Committee will consider the matter at "
        + "its meeting of 22 July 2015.")
    #expect(record.alternatives.hasPrefix("An earlier competitive tendering process"))
    #expect(record.keyDecision.required)
    #expect(record.keyDecision.amount == Money(pounds: 23_184_000))
    #expect(record.checks.isEmpty)
    let dates = Dictionary(uniqueKeysWithValues: record.timetable.map { ($0.label, $0.day) })
    #expect(dates["Decision by"] == day("2015-09-30"))
    #expect(dates["Forward-plan notice by"] == day("2015-09-01"))
    #expect(dates["Contract starts"] == day("2015-10-01"))
  }

  /// The key-decision test is on the whole contract: an annual value over the term.
  @Test(
    "award: the key-decision test on the whole contract value, at the threshold and a penny under",
    arguments: [
      ("£1,000,000", "annual", "2016-04-01", "2017-03-31", true, "1000000.00"),
      ("£999,999.99", "annual", "2016-04-01", "2017-03-31", false, "999999.99"),
      ("£500,000", "annual", "2016-04-01", "2018-03-31", true, "1000000.00"),
      ("£499,999.99", "annual", "2016-04-01", "2018-03-31", false, "999999.98"),
      ("£1,000,000", "total", "2016-04-01", "2018-03-31", true, "1000000.00"),
      ("£999,999.99", "total", "2016-04-01", "2018-03-31", false, "999999.99"),
    ])
  func awardKeyDecision(
    _ value: String, _ basis: String, _ start: String, _ end: String, _ key: Bool, _ whole: String
  ) throws {
    let record = try draft { s in
      s.kind = .award
      s.provider = "Acme"
      s.service = "meals"
      s.value = MoneyParser.parse(value)
      s.valueBasis = ValueBasis(rawValue: basis)
      s.contractStart = day(start)
      s.contractEnd = day(end)
    }
    #expect(record.keyDecision.required == key)
    #expect(record.award?.wholeValue?.decimalString == whole)
    #expect(record.keyDecision.basis == "contract value")
    #expect(record.reasonsLead.hasPrefix(key ? "Decision exceeds" : "This is not a key decision"))
  }

  @Test("award: terms default to the named contract; what is missing is a typed check")
  func awardDefaultsAndGaps() throws {
    let named = try draft { s in
      s.kind = .award
      s.contracts = ["a"]
    }
    #expect(named.award?.provider == "Acme")
    #expect(named.award?.start == day("2015-10-01"))
    #expect(named.award?.wholeValue == Money(pounds: 2_000_000))
    // A new provider needs three months' mobilisation: the decision falls before it begins.
    // Its dates were past at 1 January 2016, and the committee meets after the decision.
    #expect(
      named.checks.map(\.code) == [
        "committee-after-decision", "deadline-missed", "deadline-missed", "deadline-missed",
        "deadline-missed",
      ])
    #expect(
      named.checks.contains(
        .deadlineMissed(
          milestone: "Decision by", day: day("2015-06-30"), byDays: 185, asOf: day("2016-01-01"))))
    #expect(named.timetable.map(\.label).contains("Mobilisation starts"))
    // The current provider needs none: the decision falls the day before the contract starts.
    let current = try draft { s in
      s.kind = .award
      s.contracts = ["a"]
      s.currentProvider = true
    }
    let dates = Dictionary(uniqueKeysWithValues: current.timetable.map { ($0.label, $0.day) })
    #expect(dates["Decision by"] == day("2015-09-30"))
    #expect(dates["Mobilisation starts"] == nil)
    #expect(current.timetable.first { $0.label == "Decision by" }?.rule == .beforeMobilisation)
    // With no meeting date given, the timetable's latest meeting before the decision, its rule.
    let chosen = try draft { s in
      s.kind = .award
      s.contracts = ["a"]
      s.currentProvider = true
      s.committee = nil
      s.meetingDate = nil
    }
    #expect(chosen.consultation == "No committee meeting is recorded before the decision date.")
    #expect(chosen.checks.contains(.noCommittee))
    #expect(
      named.decision[0].contains("enter into a contract with Acme, to deliver Meals for one year"))
    let bare = try draft { $0.kind = .award }
    #expect(bare.checks.map(\.code) == ["award-no-provider", "award-no-term", "award-no-value"])
    #expect(!bare.keyDecision.required)
  }

  @Test("the agree form puts the action in its own paragraph, capitalised")
  func agreeForm() throws {
    let record = try draft { s in
      s.kind = .award
      s.form = .agree
      s.contracts = ["a"]
    }
    #expect(record.decision.count == 2)
    #expect(record.decision[0] == "As Cabinet Member I agree to:")
    #expect(record.decision[1].hasPrefix("Enter into a contract with Acme"))
  }

  @Test(
    "term words",
    arguments: [
      (12, 0, "one year"), (24, 0, "two years"), (6, 0, "six months"),
      (1, 0, "one month"), (18, 0, "18 months"), (7, 3, "seven months and 3 days"), (0, 1, "1 day"),
    ])
  func termWords(_ months: Int, _ days: Int, _ words: String) {
    #expect(RecordDraft.termWords((months, days)) == words)
  }
}

@Suite("Record of decision: the modification limit")
struct VariationTests {
  /// 10% exactly is within the limit ("10% or less"); a tenth of a percent more is over it.
  @Test(
    "vary: the change as a share of the original value, against the 10% limit",
    arguments: [
      ("£200,000", "10.0", false), ("£202,000", "10.1", true), ("-£200,000", "10.0", false),
      ("-£202,000", "10.1", true), ("£200,000.01", "10.0", true), ("£0", "0.0", false),
    ])
  func limit(_ change: String, _ percent: String, _ over: Bool) throws {
    let record = try draft { s in
      s.kind = .vary
      s.contracts = ["a"]
      s.change = DecisionSpec.signedMoney(change)
    }
    let variation = try #require(record.variation)
    #expect(variation.original == Money(pounds: 2_000_000))
    #expect(variation.permille.map(RecordCheck.percent) == percent)
    #expect(variation.exceeds(limitPercent: 10) == over)
    let overLimit = record.checks.filter { $0.code == "modification-over-limit" }
    #expect(overLimit.count == (over ? 1 : 0))
    if over {
      #expect(
        overLimit[0].json.text.contains(#""percent": "\#(percent)""#)
          && overLimit[0].json.text.contains(#""limitPercent": 10"#))
    }
  }

  @Test("vary: a scope clause and a reduction read as the decision; the test is on the change")
  func wording() throws {
    let record = try draft { s in
      s.kind = .vary
      s.contracts = ["a"]
      s.scope = "to add the Swale service"
      s.change = DecisionSpec.signedMoney("-£1,000,000")
      s.originalValue = Money(pounds: 20_000_000)
    }
    #expect(
      record.decision[0].hasSuffix(
        "vary the contract for Meals (Acme) to add the Swale service, reducing its value by "
          + "£1,000,000 (5.0% of £20,000,000)."))
    #expect(record.keyDecision.required)
    #expect(record.keyDecision.amount == Money(pounds: 1_000_000))
    #expect(!record.checks.contains { $0.code == "modification-over-limit" })
  }

  @Test("vary: one contract, no more and no less; no change is a check")
  func oneContract() throws {
    #expect(throws: DecisionError.variationNeedsOneContract(count: 0)) {
      try draft { $0.kind = .vary }
    }
    let csv =
      "id,service,value,end,group\na,A,£10,2016-06-30,g\nb,B,£10,2016-06-30,g\n"
    #expect(throws: DecisionError.variationNeedsOneContract(count: 2)) {
      try draft(csv) { s in
        s.kind = .vary
        s.contracts = ["a", "b"]
      }
    }
    let noChange = try draft { s in
      s.kind = .vary
      s.contracts = ["a"]
    }
    #expect(noChange.checks.map(\.code) == ["variation-no-value"])
  }
}

@Suite("Record of decision: typed checks")
struct RecordCheckTests {
  /// 28 clear days between the notice and the decision is enough; 27 is short.
  @Test(
    "the forward-plan notice at 28 clear days and at 27",
    arguments: [("2016-06-01", 28), ("2016-06-02", 27)])
  func noticeBoundary(_ notice: String, _ clear: Int) throws {
    let csv =
      "id,service,value,value_basis,end,group\na,A,£10,annual,2016-06-30,g\n"
      + "b,B,£10,annual,2016-12-31,g\n"
    let record = try draft(csv) { s in
      s.noticeDate = day(notice)
      s.meetingDate = day("2016-06-01")
    }
    let short = record.checks.filter { $0.code == "notice-short" }
    #expect(
      short
        == (clear < 28
          ? [
            .noticeShort(
              notice: day(notice), decisionBy: day("2016-06-30"), clearDays: clear, needed: 28)
          ]
          : []))
  }

  @Test("JSON carries the code, the parameters and the message; codes are unique and kebab-case")
  func json() throws {
    let check = RecordCheck.noticeShort(
      notice: day("2016-06-10"), decisionBy: day("2016-06-30"), clearDays: 19, needed: 28)
    #expect(
      check.json
        == .object([
          ("code", .string("notice-short")), ("notice", .string("2016-06-10")),
          ("decisionBy", .string("2016-06-30")), ("clearDays", .int(19)), ("needed", .int(28)),
          ("message", .string(check.message)),
        ]))
    let all: [RecordCheck] = [
      .decisionNumberForm(number: "x"), .committeeNoDate(committee: "c"), .noCommittee,
      .committeeAfterDecision(meeting: day("2016-01-02"), decisionBy: day("2016-01-01")), check,
      .noEndDate(contract: "a", name: "A"), .noValue(contract: "a", name: "A"),
      .deadlineMissed(
        milestone: "Decision by", day: day("2016-01-01"), byDays: 1, asOf: day("2016-01-02")),
      .awardNoProvider, .awardNoTerm, .awardNoValue, .variationNoValue,
      .awardValueUnusable(value: .zero),
      .nameUnbalanced(contract: "a", name: "A[", character: "["),
      .modificationOverLimit(change: .zero, original: .zero, permille: 0, limitPercent: 10),
    ]
    let codes = all.map(\.code)
    #expect(Set(codes).count == all.count)
    #expect(codes.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    #expect(all.allSatisfy { !$0.message.isEmpty })
    // Every code is documented in the catalogue.
    let codesArticle = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Sources/Commissioning/Commissioning.docc/Codes.md"), encoding: .utf8)
    #expect(codes.filter { !codesArticle.contains("`\($0)`") } == [])
  }

  @Test(
    "unbalanced brackets and quotes in a name",
    arguments: [
      ("Health Visiting and Family Nurse Partnership[", "["), ("School (All exc. Swale)", nil),
      ("School (Swale", "("), ("School Swale)", ")"), ("[a (b] c)", "]"), ("“Q”", nil),
      ("“Q", "“"), ("\"Q\"", nil), ("\"Q", "\""), ("", nil),
    ])
  func unbalanced(_ name: String, _ character: String?) {
    #expect(RecordCheck.unbalanced(name) == character)
  }

  @Test("a spec's kind, form and money are checked as they are read")
  func specErrors() {
    let cases: [(String, String)] = [
      (#"{"kind": "renew"}"#, "'kind' must be extend, award or vary, not 'renew'"),
      (#"{"form": "decide"}"#, "'form' must be propose or agree, not 'decide'"),
      (#"{"currentProvider": 1}"#, "'currentProvider' must be true or false"),
      (#"{"value": "lots"}"#, "'value' must be money like £23,184,000"),
      (#"{"valueBasis": "monthly"}"#, "'valueBasis' must be annual or total, not 'monthly'"),
      (#"{"change": "some"}"#, "'change' must be money like £250,000 or -£250,000"),
    ]
    for (json, message) in cases {
      #expect(throws: DecisionSpecError(file: "s.json", message: message)) {
        try DecisionSpec.parse(json: Array(json.utf8), file: "s.json")
      }
    }
  }
}
