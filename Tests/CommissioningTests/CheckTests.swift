import Foundation
import Testing

@testable import Commissioning

@Suite("Unbalanced brackets and quotes in names")
struct BracketTests {
  @Test(
    "pairs balance or the first imbalance is named",
    arguments: [
      ("Health Visiting", nil), ("School Public Health Service (Swale)", nil),
      ("Partnership[", "'[' is never closed"), ("Partnership]", "']' closes nothing"),
      ("A (B [C] {D})", nil), ("A (B [C) D]", "')' where ']' was expected"),
      (")A(", "')' closes nothing"), ("(A", "'(' is never closed"), ("A)", "')' closes nothing"),
      ("{A", "'{' is never closed"), ("A}", "'}' closes nothing"),
      ("The \"Grove\" Project", nil), ("The \"Grove Project", "'\"' is never closed"),
      ("“Grove”", nil), ("“Grove", "'“' is never closed"), ("Grove”", "'”' closes nothing"),
      ("(“A”)", nil), ("(“A)”", "')' where '”' was expected"),
      ("Barnardo's", nil), ("Children’s ‘Hub’", nil), ("", nil), ("((()))", nil),
      ("((())", "'(' is never closed"), ("(()))", "')' closes nothing"),
    ] as [(String, String?)])
  func imbalance(_ text: String, _ expected: String?) {
    #expect(Brackets.imbalance(in: text) == expected)
  }

  @Test("check warns at the cell, quoting the name as written; the text is unchanged")
  func warnedAtCell() throws {
    let register = try load(
      "id,service,provider,end\nhv,\"Health Visiting[\",KCHFT,2016-09-30\n"
        + "x,Meals (hot),(Acme,2016-09-30\ny,Barnardo's Care,Barnardo's,2016-09-30\n")
    let warnings = register.diagnostics.filter { $0.message.contains("never closed") }
    #expect(
      warnings.map(\.description) == [
        "test.csv:2:4: warning: service 'Health Visiting[': '[' is never closed",
        "test.csv:3:15: warning: provider '(Acme': '(' is never closed",
      ])
    #expect(register.contracts[0].service == "Health Visiting[")
    let row4 = register.diagnostics.filter { $0.location?.line == 4 }
    #expect(row4.isEmpty)
  }

  @Test("the bundled register's stray '[' is warned of at schw-providers.csv line 79")
  func kent() throws {
    let register = try loadKent("kent-2016-03")
    let found = register.diagnostics.filter { $0.message.contains("is never closed") }
    #expect(
      found.map(\.description) == [
        "schw-providers.csv:79:13: warning: service 'Health Visiting and Family Nurse "
          + "Partnership[': '[' is never closed"
      ])
  }
}

@Suite("value_basis with a term")
struct BasisColumnTests {
  @Test(
    "the basis cell reads a basis and, for a total, its term",
    arguments: [
      ("annual", ValueBasis.annual, nil), ("Total", .total, nil),
      ("total over 2 years", .total, Length.months(24)), ("total (24 months)", .total, .months(24)),
      ("Total, 2-year", .total, .months(24)), ("total over 18 months", .total, .months(18)),
      ("total over 1 month", .total, .months(1)), ("total over 100 years", .total, .months(1200)),
      ("annual for 3 years", .annual, .months(36)), ("lifetime", .total, nil),
    ] as [(String, ValueBasis, Length?)])
  func reads(_ text: String, _ basis: ValueBasis, _ term: Length?) throws {
    let cell = try #require(MoneyParser.basisCell(text))
    #expect(cell.basis == basis)
    #expect(cell.term == term)
  }

  @Test(
    "anything else is unreadable (a warning), at the term's bounds too",
    arguments: [
      "", "yearly-ish", "2 years", "total over 0 months", "total over 101 years",
      "total over 2 years and 3 years", "total over two years", "monthly", "per hour",
      "total over 2 years roughly",
    ])
  func unreadable(_ text: String) {
    #expect(MoneyParser.basisCell(text) == nil)
  }

  @Test("a total over two years is made annual over that term, with a note; nonsense is warned of")
  func inRegister() throws {
    let r = try load(
      "id,service,value,value_basis,end\nm,S,\"£828,758\",total over 2 years,30/09/2016\n"
        + "n,S,\"£1,000\",total-ish,30/09/2016\n"
        + "o,S,\"£3,000 over 3 years\",total over 2 years,30/09/2016\n")
    #expect(r.contracts[0].annualValue == Money(pounds: 414_379))
    #expect(r.contracts[0].value.term == .months(24))
    #expect(r.contracts[1].value.basis == .unknown)
    let messages = r.diagnostics.map(\.description)
    #expect(
      messages.contains("test.csv:2:16: note: £828,758 is a total over 2 years (value basis)"))
    #expect(messages.contains { $0.hasPrefix("test.csv:3:14: warning: value basis 'total-ish'") })
    #expect(
      messages.contains(
        "test.csv:4:27: warning: value basis says 2 years but the value says 3 years; read 2 years")
    )
    #expect(r.contracts[2].annualValue == Money(pounds: 1500))
  }

  @Test("the March 2016 register: MFT's £828,758 over two years is £414,379.00 a year")
  func kentMFT() throws {
    let register = try loadKent("kent-2016-03")
    let mft = try #require(register.contracts.first { $0.id == "schw-school-ph-swale-mft" })
    #expect(mft.valueText == "£828,758")
    #expect(mft.annualValue == Money(minorUnits: 41_437_900))
    // Six months from 30 Sep 2016 to 31 Mar 2017, pro rata: £207,189.50.
    let (m, d) = monthsAndDays(from: try #require(mft.endDay), to: try #require(Day("2017-03-31")))
    let cost = mft.annualValue?.scaled(by: Int64(m * 365 + d * 12), over: 12 * 365)
    #expect(cost == Money(minorUnits: 20_718_950))
  }
}

@Suite("Committee meetings as written")
struct MeetingTests {
  func rules(_ json: String) throws -> CouncilRules {
    try CouncilRules.parse(json: Array(json.utf8), file: "council.json")
  }

  @Test("a date read differently from how it is written gets a note at its line in council.json")
  func noteAtLine() throws {
    let r = try rules(
      """
      {"meetings": [
        {"date": "2016-09-06", "committee": "C"},
        {"date": "2016-11-10", "committee": "C", "asWritten": "10 NOVEMBER 2015",
         "source": "003.txt:4036", "note": "read as 2016", "future": 1},
        {"date": "2017-01-11", "committee": "C", "asWritten": "11 JANUARY 2017"}
      ]}
      """)
    #expect(r.meetings.map(\.date.iso) == ["2016-09-06", "2016-11-10", "2017-01-11"])
    #expect(r.meetings[1].asWritten == "10 NOVEMBER 2015")
    #expect(
      r.meetings.compactMap(\.readingNote).map(\.description) == [
        "council.json:3:4: note: meeting '10 NOVEMBER 2015' (003.txt:4036) read as 2016-11-10: "
          + "read as 2016"
      ])
    // The note reaches check through the register.
    let register = try load("service,end\nS,2016-09-30\n", council: r)
    #expect(register.diagnostics.contains { $0.location?.file == "council.json" })
  }

  @Test(
    "the written date decides: the same day, a month only, or another day",
    arguments: [
      ("11 JANUARY 2017", false), ("11/01/2017", false), ("10 January 2017", true),
      ("January 2017", true), ("11 JANUARY 2016", true), ("not a date", true),
    ])
  func writtenDate(_ written: String, _ noted: Bool) {
    let meeting = CouncilRules.Meeting(
      date: Day("2017-01-11")!, committee: "C", asWritten: written)
    #expect((meeting.readingNote != nil) == noted)
  }

  @Test("a meeting the scan cannot place (an escaped date) is placed at line 1")
  func unplaced() throws {
    let r = try rules(
      "{\n\"meetings\": [{\"date\": \"\\u0032016-11-10\", \"asWritten\": \"10 NOVEMBER 2015\"}]}")
    #expect(r.meetings.first?.location == SourceLocation(file: "council.json", line: 1, column: 1))
  }

  @Test("asWritten, source and note must be strings")
  func types() {
    #expect(throws: CouncilRulesError.self) {
      try rules(#"{"meetings": [{"date": "2016-11-10", "asWritten": 2015}]}"#)
    }
    #expect(throws: CouncilRulesError.self) {
      try rules(#"{"meetings": [{"date": "2016-11-10", "note": ["x"]}]}"#)
    }
  }

  @Test("the bundled council.json: 11 Jan and 23 Mar 2017, and 10 November 2015 read as 2016")
  func kent() throws {
    let register = try loadKent("kent-2016-03")
    let dates = register.council.meetings.map(\.date.iso)
    #expect(dates.suffix(4) == ["2016-09-06", "2016-11-10", "2017-01-11", "2017-03-23"])
    let notes = register.diagnostics.filter { $0.location?.file == "council.json" }
    #expect(notes.count == 1)
    // The line of that meeting's "date" in the file.
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Contracts/kent-2016-03/council.json"),
      encoding: .utf8)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("\"2016-11-10\"") }.map { $0 + 1 }
    #expect(notes.first?.location?.line == line)
    #expect(notes.first?.message.hasPrefix("meeting '10 NOVEMBER 2015'") == true)
  }
}

@Suite("Cross-register check")
struct CrossRegisterTests {
  /// Two one-file registers loaded together, as `check A B` does, and what the check says.
  func check(_ first: String, _ second: String) throws -> [String] {
    let header = "id,service,provider,value,value_basis,end\n"
    let register = try RegisterLoader.load(
      [
        RegisterInput(name: "a.csv", bytes: Array((header + first + "\n").utf8)),
        RegisterInput(name: "b.csv", bytes: Array((header + second + "\n").utf8)),
      ], council: .default, name: "a+b")
    return CrossRegisterCheck.diagnostics(register: register, parts: [["a.csv"], ["b.csv"]])
      .map(\.description)
  }

  @Test(
    "which rows are the same contract",
    arguments: [
      ("x,Meals,Acme,£100,annual,2017-03-31", "y,Meals,ACME Ltd,£200,annual,2017-03-31", false),
      ("x,Meals,Acme,£100,annual,2017-03-31", "y,meals!,acme,£200,annual,2017-03-31", true),
      ("x,Meals,Acme,£100,annual,2017-03-31", "y,Meals (North),Acme,£200,annual,2017-03-31", true),
      ("x,Meals,Acme,£100,annual,2017-03-31", "y,Mealsx,Acme,£200,annual,2017-03-31", false),
      ("x,Meals,Acme,£100,annual,2017-03-31", "y,Hot Meals,Acme,£200,annual,2017-03-31", false),
      ("x,Meals,Acme,£100,annual,2017-03-31", "x,Laundry,Bcme,£200,annual,2017-03-31", true),
      ("x,Meals,Various,£100,annual,2017-03-31", "y,Meals,Various,£200,annual,2017-03-31", false),
      ("x,Meals,TBC,£100,annual,2017-03-31", "y,Meals,tbc,£200,annual,2017-03-31", false),
      ("x,,Acme,£100,annual,2017-03-31", "y,,Acme,£200,annual,2017-03-31", false),
    ])
  func matching(_ first: String, _ second: String, _ same: Bool) throws {
    #expect(try check(first, second).count == (same ? 1 : 0))
  }

  @Test("what disagrees is warned of at the later row, naming the earlier; agreement is noted")
  func disagreements() throws {
    let base = "x,Meals,Acme,£1200,annual,2017-03-31"
    #expect(
      try check(base, "x,Meals,Acme,£1200,annual,2017-03-31") == [
        "b.csv:2:1: note: 'x-2' is the same contract as 'x' at a.csv:2:1 (same id); their "
          + "values and ends agree"
      ])
    let value = try check(base, "y,Meals,Acme,£1201,annual,2017-03-31")
    #expect(value.count == 1)
    #expect(
      value.first?.hasPrefix("b.csv:2:1: warning: 'y' is the same contract as 'x' at a.csv:2:1")
        == true)
    #expect(value.first?.contains("annual value '£1201'") == true)
    let end = try check(base, "y,Meals,Acme,£1200,annual,2017-03-30")
    #expect(end.first?.hasSuffix("end 2017-03-30 here, 2017-03-31 there") == true)
    // A total over two years is the same value as half of it a year.
    let total = try check(base, "y,Meals,Acme,£2400,total over 2 years,2017-03-31")
    #expect(total.first?.contains("note:") == true)
    // With no annual value on one side, the value and basis are compared as written.
    let noTerm = try check(base, "y,Meals,Acme,£2400,total,")
    #expect(noTerm.first?.contains("warning:") == true)
    #expect(noTerm.first?.contains("value '£2400' (total) here") == true)
  }

  @Test("one register alone, or rows of the same register, are not compared")
  func samePart() throws {
    let register = try load(
      "id,service,provider,end\nx,Meals,Acme,2017-03-31\ny,Meals,Acme,2017-06-30\n")
    #expect(CrossRegisterCheck.diagnostics(register: register, parts: [["test.csv"]]).isEmpty)
    #expect(
      CrossRegisterCheck.diagnostics(register: register, parts: [["test.csv"], ["other.csv"]])
        .isEmpty)
  }
}
