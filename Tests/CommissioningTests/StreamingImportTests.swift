import Foundation
import Testing

@testable import Commissioning

/// The imports read a file an element at a time (memory and timings are in Performance.md).
@Suite("Streaming imports")
struct StreamingImportTests {
  /// A release of `n` with a start and a duration, one line of JSON.
  static func release(_ n: Int, days: String = "365") -> String {
    #"{"ocid": "ocds-\#(n)", "date": "2020-01-01T00:00:00Z", "tender": {"title": "Service \#(n)", "#
      + #""contractPeriod": {"startDate": "2020-04-01T00:00:00Z", "durationInDays": \#(days)}}}"#
  }

  @Test("the scanner hands out each element of a 5,000-element array in turn, strings respected")
  func scannerElements() throws {
    let elements = (0..<5_000).map { #"{"a": "x,]}\"\\", "n": [\#($0), -1.5e3, true, null]}"# }
    let text = "[" + elements.joined(separator: ",\n ") + "]"
    let bytes = Array(text.utf8)
    var seen = 0
    try bytes.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(buffer)
      try scanner.beginArray()
      while let range = try scanner.nextElement() {
        #expect(String(decoding: buffer[range], as: UTF8.self) == elements[seen])
        seen += 1
      }
      #expect(scanner.peek() == nil)
    }
    #expect(seen == 5_000)
  }

  @Test(
    "the scanner refuses what is not JSON, and says where",
    arguments: [
      ("[1, 2", JSONScanner.Problem.endsEarly),
      ("[1 2]", .invalid(offset: 3)),
      ("{\"a\" 1}", .invalid(offset: 5)),
      ("[01]", .invalid(offset: 2)),
      ("[tru]", .invalid(offset: 4)),
      ("[\"\\x\"]", .invalid(offset: 3)),
      ("[\"a\nb\"]", .invalid(offset: 3)),
      ("{\"a\": 1,}", .invalid(offset: 8)),
      (String(repeating: "[", count: 513) + String(repeating: "]", count: 513), .tooDeep),
    ])
  func scannerProblems(text: String, problem: JSONScanner.Problem) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(buffer)
      #expect(throws: problem) { _ = try scanner.value() }
    }
  }

  @Test("an OCDS package of 3,000 releases, as an array and as JSON Lines, gives the same rows")
  func ocdsForms() throws {
    let releases = (0..<3_000).map { Self.release($0) }
    let package = "{\"uri\": \"x\", \"releases\": [\n" + releases.joined(separator: ",\n") + "\n]}"
    let forms = [
      package, "[" + releases.joined(separator: ",") + "]", releases.joined(separator: "\n"),
    ]
    var results: [[String]] = []
    for form in forms {
      var services: [String] = []
      let summary = try OCDSImport.read(Array(form.utf8), file: "r.json") { row, _ in
        services.append(row[.service] ?? "")
      }
      #expect(summary.rows == 3_000 && summary.releases == 3_000 && summary.withEnd == 3_000)
      results.append(services)
    }
    #expect(results[0] == (0..<3_000).map { "Service \($0)" })
    #expect(results[1] == results[0] && results[2] == results[0])
  }

  @Test("repeated ocids: the latest release wins, in the order each ocid first appears")
  func ocdsLatestWins() throws {
    let text = """
      {"releases": [
        {"ocid": "b", "date": "2020-01-01", "tender": {"title": "B old"}},
        {"ocid": "a", "date": "2020-01-01", "tender": {"title": "A"}},
        {"ocid": "b", "date": "2021-01-01", "tender": {"title": "B new"}},
        {"ocid": "b", "date": "2019-01-01", "tender": {"title": "B older"}}
      ]}
      """
    let result = try OCDSImport.read(Array(text.utf8), file: "r.json")
    #expect(result.rows.map { $0[.service] } == ["B new", "A"])
    #expect(result.releases == 4)
    #expect(
      result.diagnostics.map(\.description) == [
        "r.json:1:1: note: ocid b appears 3 times; kept the latest release (2021-01-01)",
        "r.json:1:1: note: b: no buyer named; left empty",
        "r.json:1:1: note: a: no buyer named; left empty",
      ])
  }

  @Test(
    "a bad value inside one document is placed by line and column",
    arguments: [
      ("{\"releases\": [\n  {\"ocid\": \"a\"},\n  {\"ocid\": x}\n]}", "r.json:3:12"),
      ("{\"releases\": [\n  {\"ocid\": \"a\"}", "r.json:1:1"),
    ])
  func ocdsErrorPlaces(text: String, place: String) {
    #expect(
      throws: OCDSImport.ImportError(message: place + ": error: not valid JSON or JSON Lines")
    ) { try OCDSImport.read(Array(text.utf8), file: "r.json") }
  }

  @Test(
    "durationInDays is read from 0 to 36,500 days; outside, a warning and no end",
    arguments: [
      ("-1", false), ("0", true), ("36500", true), ("36501", false),
      ("9223372036854775807", false),
    ])
  func durationBound(days: String, read: Bool) throws {
    let result = try OCDSImport.read(Array(Self.release(1, days: days).utf8), file: "r.json")
    #expect(result.rows.count == 1)
    #expect((result.rows[0][.end] ?? "").isEmpty == !read)
    let warning =
      "r.json:1:1: warning: ocds-1: a duration of \(days) days is not between 0 and 36,500 (100 years); ignored"
    #expect(result.diagnostics.map(\.description).contains(warning) == !read)
  }

  @Test("a register JSON of 3,000 contracts streams, unknown columns given before the first")
  func registerJSONStream() throws {
    var csv = "id,service,end,colour\n"
    for i in 0..<3_000 { csv += "c\(i),Service \(i),31/03/2017,\(i == 2_999 ? "red" : "")\n" }
    let register = try RegisterLoader.load(
      [RegisterInput(name: "r.csv", bytes: Array(csv.utf8))], name: "r")
    let json = Array(register.json().text.utf8)
    var headers: [String]?
    var ids: [String] = []
    try RegisterJSONImport.read(
      json, file: "e.json", begin: { headers = $0 },
      each: { row in
        #expect(headers == ["colour"])
        ids.append(row.cells[.id] ?? "")
      })
    #expect(ids == (0..<3_000).map { "c\($0)" })
  }
}
