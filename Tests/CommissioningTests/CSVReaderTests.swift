import Testing

@testable import Commissioning

/// Reads every record of `text` as strings.
func records(_ text: String) throws(CSVError) -> [[String]] {
  try records(Array(text.utf8))
}

func records(_ bytes: [UInt8]) throws(CSVError) -> [[String]] {
  try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> [[String]] in
    var reader = try CSVReader(bytes: buffer)
    var fields: [CSVField] = []
    var out: [[String]] = []
    while try reader.next(into: &fields) { out.append(fields.map { reader.string($0) }) }
    return out
  }
}

@Suite("CSV reader")
struct CSVReaderTests {
  @Test(
    "RFC 4180 forms",
    arguments: [
      ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
      ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
      ("a,b\r1,2", [["a", "b"], ["1", "2"]]),
      ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
      ("\u{FEFF}a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
      ("a\n\"x, y\"\n", [["a"], ["x, y"]]),
      ("a\n\"say \"\"hi\"\"\"\n", [["a"], ["say \"hi\""]]),
      ("a,b\n\"line 1\nline 2\",z\n", [["a", "b"], ["line 1\nline 2", "z"]]),
      ("a,b,c\n,,\n1,,3\n", [["a", "b", "c"], ["1", "", "3"]]),
      ("a,b\n1,\n", [["a", "b"], ["1", ""]]),
      ("a\n\n\n1\n", [["a"], ["1"]]),
      ("a,b\n\"q\"x,2\n", [["a", "b"], ["\"q\"x", "2"]]),
      ("£,–\n€,\"✓\"\n", [["£", "–"], ["€", "✓"]]),
    ])
  func reads(_ text: String, _ expected: [[String]]) throws {
    let got = try records(text).filter { !$0.allSatisfy(\.isEmpty) }
    #expect(got == expected)
  }

  @Test("an unterminated quote is an error at the opening quote")
  func unterminated() {
    #expect(throws: CSVError.unterminatedQuote(line: 2, column: 3)) {
      try records("a,b\n1,\"never closed\n3,4\n")
    }
  }

  @Test("invalid UTF-8 is an error at the first bad byte, counting characters")
  func invalidUTF8() {
    // Latin-1 '£' (0xA3) after 'é' on line 2, column 3.
    let bytes: [UInt8] = Array("a\n".utf8) + [0xC3, 0xA9, 0x41, 0xA3, 0x0A]
    #expect(throws: CSVError.invalidUTF8(line: 2, column: 3)) { try records(bytes) }
    #expect(throws: CSVError.invalidUTF8(line: 1, column: 1)) { try records([0xED, 0xA0, 0x80]) }
    #expect(throws: CSVError.invalidUTF8(line: 1, column: 2)) { try records([0x41, 0xC0, 0x80]) }
  }

  @Test("columns count characters, not bytes")
  func columns() throws {
    let bytes = Array("£a,–b,\"c\"\n".utf8)
    let columns = try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> [Int] in
      var reader = try CSVReader(bytes: buffer)
      var fields: [CSVField] = []
      _ = try reader.next(into: &fields)
      return fields.map { reader.column(of: $0) }
    }
    #expect(columns == [1, 4, 7])
  }

  @Test("written CSV reads back equal, formulas neutralised")
  func roundTrip() throws {
    let rows = [
      ["id", "service", "notes"], ["a", "Comma, inside", "quote \" here"],
      ["b", "line\nbreak", "=SUM(A1)"], ["c", "", "+1"],
    ]
    var writer = CSVWriter()
    for row in rows { writer.row(row) }
    let back = try records(writer.text)
    #expect(back[0...1] == rows[0...1])
    #expect(back[2] == ["b", "line\nbreak", "'=SUM(A1)"])
    #expect(back[3] == ["c", "", "'+1"])
  }
}
