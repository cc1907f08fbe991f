import Foundation
import Testing

@testable import Commissioning

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
  "Fixtures/ocds")

func importFixture(_ name: String) throws -> OCDSImport.Result {
  try OCDSImport.read(
    [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name))), file: name)
}

@Suite("Interchange")
struct InterchangeTests {
  @Test("the Kent registers export to canonical CSV and import back equal")
  func kentRoundTrip() throws {
    for folder in ["kent-2016-03", "kent-2015-07"] {
      let register = try loadKent(folder)
      let csv = register.canonicalCSV()
      let back = try RegisterLoader.load(
        [RegisterInput(name: "export.csv", bytes: Array(csv.utf8))], council: register.council,
        name: folder)
      #expect(back.contracts.count == register.contracts.count)
      for (a, b) in zip(register.contracts, back.contracts) {
        #expect(a.canonicalRow == b.canonicalRow)
        // Unknown columns by header: their order across several files is not meaningful.
        #expect(
          Dictionary(uniqueKeysWithValues: a.extra.map { ($0.header, $0.value) })
            == Dictionary(uniqueKeysWithValues: b.extra.map { ($0.header, $0.value) }))
        #expect(a.endDay == b.endDay && a.value == b.value && a.maximumExtent == b.maximumExtent)
      }
    }
  }

  @Test(
    "round trip as a property: 1,000 generated messy rows export and import equal, formulas neutralised"
  )
  func roundTripProperty() throws {
    var random = SeededGenerator(state: 20_160_322)
    let texts = [
      "Meals", "Comma, inside", "quote \" here", "line\nbreak", "=SUM(A1)", "+44 20", "-dash",
      "@home", "\tTab", "'=already neutral", "'quoted'",
      "£67,9004.80", "–£4,859, 856", "circa £55m", "31/09/2016", "March 2017 +1", "TBC",
      "Open ended", "",
      "31 <sup>st</sup> March 2017", "£1.5m (2 year contract)", "5+2+2", "up to two years",
      "Barnardo's", "é ü ß ✓",
      // A syntax character followed by a combining mark is one Character, not the character.
      "\"\u{059E}nnual\"", ",\u{0301}", "a\r\nb",
    ]
    var rows = 0
    for registerIndex in 0..<200 {
      var writer = CSVWriter()
      writer.row([
        "id", "service", "provider", "value", "end", "extension_options", "notes", "colour",
      ])
      for rowIndex in 0..<5 {
        writer.row([
          "r\(registerIndex)-\(rowIndex)", random.pick(texts) + " service", random.pick(texts),
          random.pick(texts),
          random.pick(texts), random.pick(texts), random.pick(texts), random.pick(texts),
        ])
        rows += 1
      }
      let original = try RegisterLoader.load(
        [RegisterInput(name: "g.csv", bytes: Array(writer.text.utf8))], name: "g")
      let exported = original.canonicalCSV()
      #expect(
        !exported.contains("\n=") && !exported.contains(",=") && !exported.contains(",+")
          && !exported.contains(",@"))
      let back = try RegisterLoader.load(
        [RegisterInput(name: "e.csv", bytes: Array(exported.utf8))], name: "g")
      #expect(back.contracts.map(\.canonicalRow) == original.contracts.map(\.canonicalRow))
      #expect(back.contracts.map(\.extra) == original.contracts.map(\.extra))
      let fromJSON = try jsonRoundTrip(original)
      #expect(fromJSON.map(\.canonicalRow) == original.contracts.map(\.canonicalRow))
      #expect(fromJSON.map(\.extra) == original.contracts.map(\.extra))
    }
    #expect(rows == 1000)
  }

  /// The register's JSON export, read back contract by contract.
  func jsonRoundTrip(_ register: Register) throws -> [Contract] {
    var text = ""
    register.json().write(to: &text)
    return try RegisterJSONImport.read(Array(text.utf8), file: "e.json").map { row in
      try RegisterLoader.contract(
        row: row.cells, extra: row.extra, council: register.council, file: "e.json"
      ).0
    }
  }

  @Test("the Kent registers export to JSON and import back equal, unknown columns in order")
  func kentJSONRoundTrip() throws {
    for folder in ["kent-2016-03", "kent-2015-07"] {
      let register = try loadKent(folder)
      let back = try jsonRoundTrip(register)
      #expect(back.count == register.contracts.count)
      for (a, b) in zip(register.contracts, back) {
        #expect(a.canonicalRow == b.canonicalRow)
        #expect(a.endDay == b.endDay && a.value == b.value && a.maximumExtent == b.maximumExtent)
      }
      // The export's column union puts each contract's unknown columns in first-seen order,
      // which is the order a CSV export and import gives them.
      let viaCSV = try RegisterLoader.load(
        [RegisterInput(name: "e.csv", bytes: Array(register.canonicalCSV().utf8))],
        council: register.council, name: folder)
      #expect(back.map(\.extra) == viaCSV.contracts.map(\.extra))
    }
  }

  @Test(
    "a register JSON export that cannot be read says why in one line",
    arguments: [
      ("[1, 2", "e.json: error: not valid JSON: the text ends before the JSON is complete"),
      (
        #"{"releases": []}"#,
        "e.json: error: not a register export: expected an object with a 'contracts' array (commission export --format json)"
      ),
      (#"{"contracts": [{"id": "a"}]}"#, "e.json: error: contract 1 has no 'asWritten' object"),
      (
        #"{"contracts": [{"asWritten": {"end": 2017}}]}"#,
        "e.json: error: contract 1: 'end' must be text, as written in the register"
      ),
      (
        #"{"contracts": [{"asWritten": {"end": "2017"}}, {"asWritten": {"ends": "x"}}]}"#,
        "e.json: error: contract 2: 'asWritten' names 'ends', which is not a canonical column"
      ),
      (
        #"{"contracts": [{"asWritten": {}, "extra": {"colour": null}}]}"#,
        "e.json: error: contract 1: extra column 'colour' must be text"
      ),
      (
        #"{"contracts": [{"asWritten": []}]}"#,
        "e.json: error: contract 1: 'asWritten' must be an object of column names to text"
      ),
    ])
  func registerJSONErrors(text: String, message: String) {
    #expect(throws: OCDSImport.ImportError(message: message)) {
      try RegisterJSONImport.read(Array(text.utf8), file: "e.json")
    }
  }

  @Test(
    "a file that is not JSON says where, or why, in one reason",
    arguments: [
      ("", "not valid JSON: the file is empty"),
      (" \n", "not valid JSON: the file is empty"),
      ("{\"a\": 1,\n \"b\": x}", "not valid JSON near line 2, column 7"),
      ("{\"£\": x}", "not valid JSON near line 1, column 7"),
      ("[1, 2", "not valid JSON: the text ends before the JSON is complete"),
      (String(repeating: "[", count: 513), "not valid JSON: nested more than 512 levels deep"),
      (
        String(repeating: "{\"a\":", count: 1000) + "1" + String(repeating: "}", count: 1000),
        "not valid JSON: nested more than 512 levels deep"
      ),
    ])
  func jsonReasons(text: String, reason: String) {
    #expect(throws: JSONReading.Failure(reason: reason)) { try JSONReading.value(Array(text.utf8)) }
  }

  @Test("512 levels of nesting are read")
  func jsonDepthLimit() throws {
    let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(try JSONReading.value(Array(text.utf8)) is [Any])
  }

  @Test("a register JSON's contracts are found by line, and their warnings name the column")
  func registerJSONPlaces() throws {
    let text = """
      {"contracts": [
        {"asWritten": {"service": "Meals", "end": "31/03/2017"}},
        {"note": "asWritten", "text": "say \\"asWritten\\": here",
         "asWritten" : {"service": "Transport – £", "end": "31/09/2016", "value": "£1.3m and £1.2m"}}
      ]}
      """
    let rows = try RegisterJSONImport.read(Array(text.utf8), file: "e.json")
    #expect(rows.map(\.location.line) == [2, 4])
    #expect(rows.map(\.location.column) == [4, 4])
    let (_, found) = try RegisterLoader.contract(
      row: rows[1].cells, extra: rows[1].extra, council: .default, file: "e.json",
      at: rows[1].location)
    #expect(
      found.map(\.description).contains(
        "e.json:4:4: warning: end: '31/09/2016' is not a date (September has 30 days); read as 2016-09-30"
      ))
    #expect(
      found.map(\.description).contains(
        "e.json:4:4: warning: value: '£1.3m and £1.2m' holds 2 amounts; read £1.3m as the contract's value"
      ))
    // Without a place, diagnostics stay where the one-row CSV has them.
    let (_, unplaced) = try RegisterLoader.contract(
      row: rows[1].cells, council: .default, file: "e.json")
    #expect(unplaced.allSatisfy { $0.location?.line == 2 && !$0.message.hasPrefix("end: ") })
  }

  @Test(
    "a hand-edited register JSON: cells as written, extras by the columns list, empty extras dropped"
  )
  func registerJSONEdited() throws {
    let text = #"""
      {"columns": ["id", "service", "end", "zeta", "alpha"],
       "contracts": [{"asWritten": {"service": "Meals", "end": "31/03/2017"},
                      "extra": {"alpha": "1", "zeta": "2", "empty": ""}}]}
      """#
    let rows = try RegisterJSONImport.read(Array(text.utf8), file: "e.json")
    #expect(rows.count == 1)
    #expect(rows[0].cells == [.service: "Meals", .end: "31/03/2017"])
    #expect(rows[0].extra.map(\.header) == ["zeta", "alpha"])
    let contract = try RegisterLoader.contract(
      row: rows[0].cells, extra: rows[0].extra, council: .default, file: "e.json"
    ).0
    #expect(contract.endDay == day("2017-03-31"))
  }

  @Test(
    "neutralising is undone exactly: no cell a spreadsheet would run, every cell back as written",
    arguments: [
      "=A1", "'=A1", "''=A1", "'", "''", "'plain", "-5", "+44", "@home", "plain", "\tTab",
      "'\tTab", "\r", "", "£1,000", "'quoted'",
    ])
  func neutralising(_ text: String) {
    let written = CSVWriter.neutralised(text)
    #expect(RegisterLoader.unneutralised(written) == text)
    #expect(!"=+-@\t\r".utf8.contains(written.utf8.first ?? 0))
  }

  @Test("a formula exports neutralised and imports as written")
  func formulas() throws {
    let r = try register("id,service,end\na,=HYPERLINK(\"x\"),2017-03-31\n")
    let csv = r.canonicalCSV()
    #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
    let back = try RegisterLoader.load(
      [RegisterInput(name: "e.csv", bytes: Array(csv.utf8))], name: "e")
    #expect(back.contracts.first?.service == "=HYPERLINK(\"x\")")
    // Text written with the apostrophe already in front keeps it.
    let quoted = try RegisterLoader.load(
      [RegisterInput(name: "q.csv", bytes: Array("id,service,end\na,'=A1,2017\n".utf8))], name: "q")
    #expect(quoted.contracts.first?.service == "=A1")
    var writer = CSVWriter()
    writer.row(["'=A1", "'plain"])
    #expect(writer.text == "''=A1,'plain\n")
    let again = try register("id,service,notes,end\na,x,\"''=A1\",2017\n")
    #expect(again.contracts.first?.notes == "'=A1")
  }

  @Test(
    "ICS: all-day events with an exclusive DTEND, CRLF, 75-octet folding, escaping, stable UIDs")
  func ics() throws {
    let r = try register(
      "id,service,provider,end,extension_options\nhv,\"Health, Visiting; and \\ FNP\",KCHFT,2017-03-31,+1\n"
    )
    let a = ICalendarExport(register: r, contracts: r.contracts, asOf: day("2016-03-22")).text
    let b = ICalendarExport(register: r, contracts: r.contracts, asOf: day("2016-03-22")).text
    #expect(a == b)
    #expect(a.contains("\r\n") && !a.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let physical = a.components(separatedBy: "\r\n")
    #expect(physical.allSatisfy { $0.utf8.count <= 75 })
    let unfolded = a.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    #expect(unfolded.contains("DTSTART;VALUE=DATE:20170331"))
    #expect(unfolded.contains("DTEND;VALUE=DATE:20170401"))
    #expect(unfolded.contains("UID:hv-end@commissioning-planner"))
    #expect(unfolded.contains("UID:hv-maximum-extent@commissioning-planner"))
    #expect(unfolded.contains("SUMMARY:Contract ends: Health\\, Visiting\\; and \\\\ FNP (KCHFT)"))
    #expect(unfolded.filter { $0 == "BEGIN:VALARM" }.count == 6)
    #expect(unfolded.contains("TRIGGER:-P180D"))
  }

  /// A folded line's physical lines, as bytes (split at CRLF), and the line unfolded again.
  func physicalLines(_ folded: String) -> (lines: [[UInt8]], unfolded: [UInt8]) {
    var lines: [[UInt8]] = [[]]
    for byte in folded.utf8 {
      if byte == 0x0A, lines[lines.count - 1].last == 0x0D {
        lines[lines.count - 1].removeLast()
        lines.append([])
      } else {
        lines[lines.count - 1].append(byte)
      }
    }
    // Every continuation line starts with the one space folding added.
    return (lines, lines[0] + lines.dropFirst().flatMap { $0.dropFirst() })
  }

  @Test(
    "folding keeps every physical line within 75 octets and never splits a UTF-8 character",
    arguments: [
      String(repeating: "£–✓", count: 40),
      // One Character (a letter and 100 combining marks, 201 octets) is folded too.
      "a" + String(repeating: "\u{0301}", count: 100),
    ])
  func folding(_ value: String) {
    let line = "DESCRIPTION:" + value
    let (lines, unfolded) = physicalLines(ICalendarExport.fold(line))
    #expect(lines.count > 1)
    for part in lines {
      #expect(part.count <= 75)
      #expect(String(validating: part, as: UTF8.self) != nil)
    }
    #expect(unfolded == Array(line.utf8))
  }

  /// The writers look at scalars: '"', ',', ':' or '*' followed by a combining mark is one
  /// Character that equals none of them, but is still the syntax character to a reader.
  @Test(
    "writers escape a syntax character followed by a combining mark",
    arguments: [
      ("csv", "a\"\u{0301}b", "\"a\"\"\u{0301}b\"\n"),
      ("ics", "a,\u{0301}b;\u{0301}\\\u{0301}", "a\\,\u{0301}b\\;\u{0301}\\\\\u{0301}"),
      ("ics", "one\r\ntwo\u{7F}", "one\\ntwo"),
      (
        "mermaid", "Sewage:\u{0301} #\u{0301}1;\u{0301}",
        "Sewage#58;\u{0301} #35;\u{0301}1#59;\u{0301}"
      ),
      ("mermaid", "a\r\nb", "a  b"),
      ("markdown", "*\u{0301}urgent*\u{0301}", "\\*\u{0301}urgent\\*\u{0301}"),
      ("markdown", "a\r\nb &copy;\u{0301}", "a  b \\&copy;\u{0301}"),
      ("markdown", "&copy; &#60; R&D", "\\&copy; \\&\\#60; R&D"),
    ])
  func combiningMarks(_ format: String, _ text: String, _ expected: String) {
    var written = ""
    switch format {
    case "csv":
      var writer = CSVWriter()
      writer.row([text])
      written = writer.text
    case "ics": written = ICalendarExport.escape(text)
    case "mermaid": written = MermaidExport.escape(text)
    default: written = Markup.escapeMarkdown(text)
    }
    #expect(Array(written.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test("Mermaid: exclusive ends, escaped titles, as-of marker")
  func mermaid() throws {
    let r = try register(
      "id,service,provider,start,end,group\na,\"Sewage: #1; phase\",Co,2016-04-01,2017-03-31,g\n")
    let text = MermaidExport.gantt(register: r, contracts: r.contracts, asOf: day("2016-03-22"))
    #expect(text.contains("    Sewage#58; #35;1#59; phase (Co) :a, 2016-04-01, 2017-04-01\n"))
    #expect(text.contains("As of 22 March 2016 :vert, asof, 2016-03-22, 0d"))
    #expect(text.hasPrefix("gantt\n"))
  }

  @Test(
    "OCDS import: real Contracts Finder lines, entities decoded, options salvaged, zero values noted"
  )
  func importRealLines() throws {
    let result = try importFixture("contractsfinder-3.jsonl")
    #expect(result.rows.count == 3)
    #expect(result.rows[0][.service] == "UK Film Presence at Cannes 2020 - AWARD")
    #expect(result.rows[0][.end] == "2020-12-08")
    #expect(result.rows[0][.value] == "£93,527.00")
    #expect(result.rows[0][.valueBasis] == "total")
    #expect(
      result.rows[2][.extensionOptions]
        == "option to extend for up to 2 further periods of 12 months")
    #expect(result.diagnostics.contains { $0.message.hasSuffix("the source gives a value of 0") })
    #expect(!result.rows.contains { ($0[.service] ?? "").contains("&#039;") })
  }

  @Test(
    "OCDS import: record packages, arrays, single releases, durations, lots, latest release wins")
  func importShapes() throws {
    let record = try importFixture("record-package.json")
    #expect(record.rows.first?[.service] == "Meals & More")
    #expect(record.rows.first?[.provider] == "Acme 'Foods'")
    #expect(record.rows.first?[.end] == "2023-04-01")
    #expect(record.rows.first?[.maxEnd] == "2024-03-31")
    #expect(record.rows.first?[.value] == "£120,000.50")
    let array = try importFixture("release-array.json")
    #expect(
      array.rows.map { $0[.id] } == ["ocds-y-1", "ocds-y-2", "ocds-y-3/lot1", "ocds-y-3/lot2"])
    #expect(array.rows[0][.service] == "Newer title (3+1)")
    #expect(array.rows[0][.end] == "2020-03-31")
    #expect(array.rows[0][.extensionOptions] == "(3+1)")
    #expect(array.rows[1][.end] == "")
    #expect(array.rows[2][.group] == "ocds-y-3" && array.rows[3][.group] == "ocds-y-3")
    #expect(
      array.diagnostics.map(\.message).contains(
        "ocid ocds-y-1 appears 2 times; kept the latest release (2019-06-01T00:00:00Z)"))
    let single = try importFixture("single-release.json")
    #expect(
      single.rows.first?[.notes]
        == "extended the contract term from 31 December 2021 to 30 June 2022")
    #expect(throws: OCDSImport.ImportError.self) { try importFixture("not-ocds.json") }
  }

  @Test(
    "HTML entities",
    arguments: [
      ("UK&#039;s &amp; Co", "UK's & Co"), ("&lt;b&gt;", "<b>"), ("&#x2019;", "\u{2019}"),
      ("a & b", "a & b"),
      ("&unknown;", "&unknown;"), ("&pound;5", "£5"),
    ])
  func entities(_ raw: String, _ decoded: String) {
    #expect(OCDSImport.decode(raw) == decoded)
  }

  @Test(
    "OCDS export: awards and contracts linked, periods, an exercised extension as an amendment, grid milestones"
  )
  func ocdsExport() throws {
    let r = try register(
      "id,service,provider,value,start,original_end,end,extension_options\nhv,HV,KCHFT,\"£1,000\",2015-10-01,2016-09-30,2017-03-31,+1\n"
    )
    let json = OCDSExport.package(register: r, contracts: r.contracts, asOf: day("2016-03-22")).text
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let release = try #require((object["releases"] as? [[String: Any]])?.first)
    let contract = try #require((release["contracts"] as? [[String: Any]])?.first)
    let award = try #require((release["awards"] as? [[String: Any]])?.first)
    #expect(contract["awardID"] as? String == award["id"] as? String)
    let period = try #require(contract["period"] as? [String: Any])
    #expect(period["endDate"] as? String == "2017-03-31T00:00:00Z")
    #expect(period["maxExtentDate"] as? String == "2018-03-31T00:00:00Z")
    #expect(((contract["value"] as? [String: Any])?["amount"] as? NSNumber)?.doubleValue == 1000)
    let amendment = try #require((contract["amendments"] as? [[String: Any]])?.first)
    #expect((amendment["rationale"] as? String)?.hasPrefix("Extension exercised") == true)
    let kent = try loadKent("kent-2016-03")
    let kentJSON = OCDSExport.package(
      register: kent, contracts: kent.contracts, asOf: day("2016-03-22")
    ).text
    #expect(kentJSON.contains(#""type": "approval""#) && kentJSON.contains(#""type": "delivery""#))
  }
}
