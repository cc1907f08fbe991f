import Foundation
import Testing

@testable import Commissioning

/// Foundation reads JSON `true` as the number 1 and `1.0` or `1e18` as doubles that `as? Int`
/// accepts; a council or scenario file must say what it means (hostile-input report, issue 17).
@Suite("JSON numbers in council.json and scenarios: whole, not boolean, not negative")
struct JSONNumberTests {
  static func council(_ json: String) -> CouncilRules? {
    try? CouncilRules.parse(json: Array(json.utf8), file: "council.json")
  }

  static func scenario(_ change: String) -> Scenario? {
    try? Scenario.parse(
      json: Array("{\"version\": 1, \"changes\": [\(change)]}".utf8), file: "s.json")
  }

  @Test(
    "whole numbers only",
    arguments: [
      ("0", 0), ("-1", -1), ("28", 28), ("9223372036854775807", Int.max),
      ("true", nil), ("false", nil), ("1.0", nil), ("1e18", nil), ("1.5", nil),
      ("18446744073709551615", nil), ("\"5\"", nil),
    ] as [(String, Int?)])
  func wholeNumber(_ text: String, _ expected: Int?) throws {
    let value = try JSONSerialization.jsonObject(
      with: Data(text.utf8), options: [.fragmentsAllowed])
    #expect(JSONReading.wholeNumber(value) == expected)
  }

  @Test(
    "keyDecisionThreshold: zero or more pounds, not a boolean; one penny under zero is refused",
    arguments: [
      ("\"0\"", Int64?.some(0)), ("0", 0), ("\"-0.01\"", nil), ("-0.01", nil), ("\"-5\"", nil),
      ("-5", nil), ("true", nil), ("false", nil), ("\"500000.00\"", 50_000_000),
      ("1000000", 100_000_000),
    ])
  func threshold(_ text: String, _ pence: Int64?) {
    let rules = JSONNumberTests.council("{\"keyDecisionThreshold\": \(text)}")
    #expect(rules?.keyDecisionThreshold.minorUnits == pence)
    let rule = JSONNumberTests.scenario("{\"rules\": {\"keyDecisionThreshold\": \(text)}}")
    guard case .rules(let parsed)? = rule?.changes.first?.kind else {
      #expect(pence == nil)
      return
    }
    #expect(parsed.keyDecisionThreshold?.minorUnits == pence)
  }

  @Test(
    "financialYearStart: a month 1 to 12, not true (January)",
    arguments: [("1", 1), ("12", 12), ("0", nil), ("13", nil), ("true", nil), ("4.0", nil)]
      as [(String, Int?)])
  func financialYearStart(_ text: String, _ month: Int?) {
    #expect(
      JSONNumberTests.council("{\"financialYearStart\": \(text)}")?.financialYearStart == month)
  }

  @Test("a scenario's version must be the whole number 1", arguments: ["1", "true", "1.0"])
  func version(_ text: String) {
    let s = try? Scenario.parse(json: Array("{\"version\": \(text)}".utf8), file: "s.json")
    #expect((s != nil) == (text == "1"))
  }

  @Test(
    "a negative length is refused, not read as its size",
    arguments: [
      ("6 months", true), ("0 months", true), ("-6 months", false), ("- 6 months", false),
      ("\u{2212}6 months", false), ("minus 6 months", false), ("6 months ago", false),
      ("-0 days", false),
    ])
  func negativeLengths(_ text: String, _ accepted: Bool) {
    #expect((LengthParser.parse(text) != nil) == accepted)
    #expect((JSONNumberTests.council("{\"defaultLeadTime\": \"\(text)\"}") != nil) == accepted)
    let extend = JSONNumberTests.scenario("{\"extend\": \"a\", \"by\": \"\(text)\"}")
    #expect((extend != nil) == accepted)
  }
}
