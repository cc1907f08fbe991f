import Testing

@testable import Commissioning

@Suite("A decision spec's dates are held to the command line's years")
struct DecisionSpecDateTests {
  static let keys = [
    "to", "start", "asOf", "meetingDate", "noticeDate", "contractStart", "contractEnd",
  ]

  @Test(
    "each date key: the first and last years of the range are read, one outside is refused",
    arguments: keys,
    [
      ("1899-12-31", false), ("1900-01-01", true), ("2200-12-31", true), ("2201-01-01", false),
      ("0001-01-01", false), ("9999-12-31", false),
    ])
  func boundary(_ key: String, _ example: (text: String, read: Bool)) throws {
    let json = Array(#"{"\#(key)": "\#(example.text)"}"#.utf8)
    if example.read {
      _ = try DecisionSpec.parse(json: json, file: "s.json")
    } else {
      #expect(
        throws: DecisionSpecError(
          file: "s.json",
          message: "'\(key)' must be a date in the years 1900 to 2200, not '\(example.text)'")
      ) {
        try DecisionSpec.parse(json: json, file: "s.json")
      }
    }
  }
}
