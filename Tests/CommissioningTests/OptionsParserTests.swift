import Testing

@testable import Commissioning

@Suite("Extension options")
struct OptionsParserTests {
  @Test(
    "every form from the seeds and national data",
    arguments: [
      ("3+1", [Length.years(1)], Length?.some(.years(3))),
      ("5+2+2", [.years(2), .years(2)], .years(5)),
      ("+1", [.years(1)], nil),
      ("up to two years", [.years(2)], nil),
      ("2 x 12 months", [.months(12), .months(12)], nil),
      ("12 months + 12 months", [.months(12), .months(12)], nil),
      ("(12 months + 12 months)", [.months(12), .months(12)], nil),
      ("up to 24 months in 12 month increments", [.months(12), .months(12)], nil),
      ("five years, with an option to extend for up to two years", [.years(2)], .years(5)),
      ("option to extend for a further 1 year", [.years(1)], nil),
      ("6 months", [.months(6)], nil),
      ("none", [], nil),
      ("-", [], nil), ("–", [], nil), ("—", [], nil),
    ])
  func parses(_ raw: String, _ periods: [Length], _ initial: Length?) throws {
    let options = try #require(OptionsParser.parse(raw).options)
    #expect(options.periods == periods)
    #expect(options.initialTerm == initial)
  }

  // '✓' and '\u{FFFD}' have no word or number in them: found by the options fuzzer, which read
  // them as no options without a word.
  @Test(
    "unreadable options warn and stay unknown",
    arguments: ["subject to performance", "✓", "\u{FFFD}", "?"])
  func unreadable(_ text: String) {
    let reading = OptionsParser.parse(text)
    #expect(reading.options == nil)
    #expect(reading.findings.map(\.severity) == [.warning])
  }

  @Test("a blank cell says nothing", arguments: ["", " ", "\t", "\u{A0}", "\u{2000}\u{2000}"])
  func blank(_ text: String) {
    let reading = OptionsParser.parse(text)
    #expect(reading.options == nil)
    #expect(reading.findings.isEmpty)
  }

  @Test("the maximum extent follows from the end: 5+2+2 from 31 March 2020")
  func maximumExtent() throws {
    let options = try #require(OptionsParser.parse("5+2+2").options)
    #expect(options.maximumExtent(from: try #require(Day("2020-03-31"))).iso == "2024-03-31")
    #expect(options.summary == "2 × 2 years")
  }

  @Test(
    "lengths",
    arguments: [
      ("6 months", Length.months(6)), ("12 months", .months(12)), ("1 year", .years(1)),
      ("90 days", .days(90)),
    ])
  func lengths(_ text: String, _ length: Length) {
    #expect(LengthParser.parse(text) == length)
  }
}

@Suite("Commissioning grid stages")
struct StageParserTests {
  @Test(
    "cells as the councils write them",
    arguments: [
      ("A", [Stage.analyse], Severity?.none), ("P/K", [.plan, .keyDecision], nil),
      ("R/A", [.review, .analyse], nil), ("P/D/R", [.plan, .do, .review], nil),
      ("DK", [.do, .keyDecision], .note), ("D/X", [.do], .warning),
    ])
  func stages(_ raw: String, _ stages: [Stage], _ severity: Severity?) {
    let (parsed, findings) = StageParser.parse(raw)
    #expect(parsed == stages)
    #expect(findings.map(\.severity).max() == severity)
  }
}
