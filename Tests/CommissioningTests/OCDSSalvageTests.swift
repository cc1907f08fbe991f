import Foundation
import Testing

@testable import Commissioning

/// `import --from ocds` loses no value silently: each assumption is a note, each value left
/// empty a warning, with the release's place and the text as written.
@Suite("OCDS import salvage")
struct OCDSSalvageTests {
  /// One release with a buyer, a tender value and a contract period, each part replaceable.
  static func release(
    ocid: String = "ocds-1", date: String = "2020-01-01T00:00:00Z",
    value: String = #"{"amount": 100, "currency": "GBP"}"#,
    period: String = #"{"startDate": "2020-04-01T00:00:00Z", "endDate": "2021-03-31T00:00:00Z"}"#,
    buyer: String = #"{"name": "Anytown Council"}"#
  ) -> String {
    #"{"ocid": "\#(ocid)", "date": "\#(date)", "buyer": \#(buyer), "tender": {"title": "Care", "#
      + #""value": \#(value), "contractPeriod": \#(period)}}"#
  }

  static func read(_ text: String) throws -> OCDSImport.Result {
    try OCDSImport.read(Array(text.utf8), file: "r.json")
  }

  static func messages(_ result: OCDSImport.Result) -> [String] {
    result.diagnostics.map(\.description)
  }

  @Test(
    "a date that is not a date is left empty with a warning naming the field and the text",
    arguments: [
      ("endDate", "end", "2020-02-30T00:00:00Z"), ("endDate", "end", "2019-02-29T00:00:00Z"),
      ("endDate", "end", "2021-13-01"), ("startDate", "start", "not a date"),
      ("maxExtentDate", "max extent", "2021-02-29"),
    ])
  func invalidDates(key: String, field: String, text: String) throws {
    let result = try Self.read(Self.release(period: #"{"\#(key)": "\#(text)"}"#))
    let column: Column = key == "endDate" ? .end : key == "startDate" ? .start : .maxEnd
    #expect((result.rows[0][column] ?? "") == "")
    #expect(
      Self.messages(result).contains(
        "r.json:1:1: warning: ocds-1: \(field): '\(text)' is not a date; left empty"))
  }

  @Test("a leap day that exists, and a null date, say nothing")
  func validDates() throws {
    let result = try Self.read(
      Self.release(period: #"{"startDate": "2020-02-29T00:00:00Z", "endDate": null}"#))
    #expect(result.rows[0][.start] == "2020-02-29")
    #expect(!Self.messages(result).contains { $0.contains("is not a date") })
  }

  @Test(
    "amounts: read on their decimal text, rounded half away from zero, each change noted",
    arguments: [
      ("100", "£100.00", nil),
      ("0.005", "£0.01", "note: ocds-1: amount: '0.005' rounded to the penny: £0.01"),
      ("0.0049999", "£0.00", "note: ocds-1: amount: '0.0049999' rounds to £0.00"),
      ("1e-5", "£0.00", "note: ocds-1: amount: '1e-5' rounds to £0.00"),
      ("1.005", "£1.01", "note: ocds-1: amount: '1.005' rounded to the penny: £1.01"),
      ("2.675", "£2.68", "note: ocds-1: amount: '2.675' rounded to the penny: £2.68"),
      ("-2.675", "-£2.68", "note: ocds-1: amount: '-2.675' rounded to the penny: -£2.68"),
      ("1.25e2", "£125.00", nil),
      ("8999999999999999.99", "£8,999,999,999,999,999.99", nil),
      ("9000000000000000", nil, "warning: ocds-1: amount: '9000000000000000' is too large"),
      ("9007199254740993", nil, "warning: ocds-1: amount: '9007199254740993' is too large"),
      ("12345678901234567890", nil, "warning: ocds-1: amount: '12345678901234567890' is too"),
      ("1e400", nil, "warning: ocds-1: amount: '1e400' is too large"),
      ("1" + String(repeating: "0", count: 400), nil, "warning: ocds-1: amount: '10000"),
      (#""1,000""#, "£1,000.00", "note: ocds-1: amount given as text '1,000'; read as £1,000.00"),
      (#""£2,500.50""#, "£2,500.50", "note: ocds-1: amount given as text '£2,500.50'"),
      (#""1,00""#, nil, "warning: ocds-1: amount: '1,00' is not an amount of money; left empty"),
      ("null", nil, "warning: ocds-1: amount: null is not a number; left empty"),
      ("true", nil, "warning: ocds-1: amount: 1 is not a number; left empty"),
    ] as [(String, String?, String?)])
  func amounts(amount: String, value: String?, message: String?) throws {
    let result = try Self.read(Self.release(value: #"{"amount": \#(amount), "currency": "GBP"}"#))
    #expect(result.rows[0][.value] == value)
    let amountNotes = Self.messages(result).filter { $0.contains("amount") }
    if let message {
      #expect(amountNotes.count == 1)
      #expect(amountNotes.first?.contains(message) == true)
    } else {
      #expect(amountNotes.isEmpty)
    }
  }

  @Test("a value of exactly nought still says so; a sub-penny one does not claim it")
  func zero() throws {
    let zero = Self.messages(try Self.read(Self.release(value: #"{"amount": 0.00}"#)))
    #expect(zero.contains { $0.hasSuffix("the source gives a value of 0") })
    let small = Self.messages(try Self.read(Self.release(value: #"{"amount": 0.001}"#)))
    #expect(!small.contains { $0.hasSuffix("the source gives a value of 0") })
  }

  @Test(
    "currency: missing or null read as GBP, lower case as upper, each with a note",
    arguments: [
      (#"{"amount": 5}"#, "note: ocds-1: no currency given; read as GBP"),
      (#"{"amount": 5, "currency": null}"#, "note: ocds-1: no currency given; read as GBP"),
      (#"{"amount": 5, "currency": "gbp"}"#, "note: ocds-1: currency 'gbp' read as GBP"),
      (#"{"amount": 5, "currency": "GBP"}"#, nil),
    ] as [(String, String?)])
  func currency(value: String, message: String?) throws {
    let result = try Self.read(Self.release(value: value))
    #expect(result.rows[0][.value] == "£5.00")
    let notes = Self.messages(result).filter { $0.contains("currency") }
    #expect(notes == (message.map { ["r.json:1:1: \($0)"] } ?? []))
  }

  @Test(
    "no buyer, or a blank buyer name, is a note",
    arguments: [
      (#"{}"#, true), (#"{"name": ""}"#, true), (#"{"name": "  "}"#, true),
      (#"{"name": "A"}"#, false),
    ])
  func buyer(buyer: String, noted: Bool) throws {
    let result = try Self.read(Self.release(buyer: buyer))
    #expect(
      Self.messages(result).contains("r.json:1:1: note: ocds-1: no buyer named; left empty")
        == noted)
  }

  @Test("a UTF-8 byte-order mark is skipped with a note, in a document and in JSON Lines")
  func byteOrderMark() throws {
    for text in [Self.release(), Self.release() + "\n" + Self.release(ocid: "ocds-2")] {
      let result = try OCDSImport.read([0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "r.json")
      #expect(result.rows.first?[.value] == "£100.00")
      #expect(
        Self.messages(result).first
          == "r.json:1:1: note: the file begins with a UTF-8 byte-order mark; skipped")
    }
  }

  @Test(
    "duplicate ocids: the latest is kept; on a tied date, the last of those tied, said so",
    arguments: [
      (["2020-01-01", "2020-01-01"], "kept the last of 2 releases dated 2020-01-01", 2),
      (["2020-01-01", "2020-01-01", "2020-01-01"], "kept the last of 3 releases dated", 3),
      (["2020-01-02", "2020-01-01", "2020-01-01"], "kept the latest release (2020-01-02)", 1),
      (["2020-01-01", "2020-01-02", "2020-01-02"], "kept the last of 2 releases dated", 3),
      (["2020-01-01", "2020-01-02"], "kept the latest release (2020-01-02)", 2),
    ])
  func duplicates(dates: [String], note: String, keptLine: Int) throws {
    let lines = dates.enumerated().map { n, date in
      Self.release(date: date, value: #"{"amount": \#(n + 1), "currency": "GBP"}"#)
    }
    let result = try Self.read(lines.joined(separator: "\n"))
    #expect(result.rows.count == 1)
    #expect(result.rows[0][.value] == "£\(keptLine).00")
    #expect(Self.messages(result).contains { $0.contains(note) })
  }

  @Test("pence from text: the limit, one under and at it; not a number")
  func penceText() {
    #expect(OCDSImport.pence("8999999999999999.99")?.pence == 899_999_999_999_999_999)
    #expect(OCDSImport.pence("8999999999999999.995") == nil)
    #expect(OCDSImport.pence("9000000000000000") == nil)
    #expect(OCDSImport.pence("0e400")?.pence == 0)
    #expect(OCDSImport.pence("1.2.3") == nil)
    #expect(OCDSImport.pence("") == nil)
    #expect(OCDSImport.pence("1e") == nil)
  }
}
