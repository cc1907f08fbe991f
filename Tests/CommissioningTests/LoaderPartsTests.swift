import Testing

@testable import Commissioning

@Suite("Loader parts: the hot path's own helpers")
struct LoaderPartsTests {
  @Test(
    "ASCII case-insensitive search, as the parsers use it",
    arguments: [
      ("Part of the Block Contract", "part of", true),
      ("N/A – formulaic hourly rate", "formula", true),
      ("N/A – formulaic hourly rate", "n/a", true),
      ("TBC", "tbc", true),
      ("tb", "tbc", false),
      ("", "spot", false),
      ("Spot", "spot", true),
      ("Sp0t purchases", "spot", false),
      ("Café Various", "various", true),
      ("VARIOUSLY", "various", true),
    ])
  func containsIgnoringCase(_ text: String, _ needle: String, _ found: Bool) {
    #expect(text.containsIgnoringASCIICase(needle) == found)
  }

  @Test("the index table finds by hash and the caller's comparison, past collisions and growth")
  func indexTable() {
    var table = IndexTable()
    let keys = (0..<5_000).map { "id-\($0)" }
    for (position, key) in keys.enumerated() {
      // Every tenth key shares a hash with its neighbour: the comparison tells them apart.
      let hash = position % 10 == 1 ? IndexTable.hash(keys[position - 1]) : IndexTable.hash(key)
      table.insert(hash, position)
    }
    for (position, key) in keys.enumerated() {
      let hash = position % 10 == 1 ? IndexTable.hash(keys[position - 1]) : IndexTable.hash(key)
      #expect(table.find(hash, where: { keys[$0] == key }) == position)
    }
    #expect(table.find(IndexTable.hash("id-5000"), where: { keys[$0] == "id-5000" }) == nil)
  }

  @Test(
    "hashes alike in the 32 bits a slot keeps are told apart by the comparison, at every fill",
    arguments: [767, 768, 769, 1535, 1536, 1537])
  func indexTableTags(count: Int) {
    // Pairs of hashes that differ only above bit 32: the same slot and tag. 768 entries fill
    // the first 1,024 slots to the three quarters where the table grows.
    var table = IndexTable()
    for position in 0..<count {
      table.insert(UInt64(position / 2) | UInt64(position % 2) << 40, position)
    }
    for position in 0..<count {
      let hash = UInt64(position / 2) | UInt64(position % 2) << 40
      #expect(table.find(hash, where: { $0 == position }) == position)
    }
    #expect(table.find(UInt64(count), where: { _ in true }) == nil)
  }

  @Test("row hashes separate the parts: ('ab', 'c') is not ('a', 'bc')")
  func partsSeparated() {
    #expect(IndexTable.hash("ab", "c") != IndexTable.hash("a", "bc"))
    #expect(IndexTable.hash("ab", "c") == IndexTable.hash("ab", "c"))
  }

  @Test("duplicate rows are found among many, however far apart")
  func duplicateRows() throws {
    var csv = "id,service,provider,value,end\n"
    for i in 0..<3_000 { csv += "c\(i),Service \(i),P,£\(i),2017-03-31\n" }
    csv += "dup,Service 7,P,£7,2017-03-31\n"
    let r = try register(csv)
    let warnings = r.diagnostics.filter { $0.message.contains("a duplicate entry?") }
    #expect(warnings.map(\.location?.line) == [3_002])
    #expect(warnings.first?.message.contains("t.csv:9:1") == true)
  }

  @Test(
    "a control character is warned about once a line, where it is, and kept",
    arguments: [
      ("service,end\nYou\u{0}th,2016-09-30\n", ["2:4 U+0000 ␀"], 1),
      (
        "service,end\r\nA\u{1B}[31m\u{1B},2016-09-30\r\nB\u{7}, 2016\n",
        ["2:2 U+001B ␛", "3:2 U+0007 ␇"], 2
      ),
      ("\u{FEFF}service,end\n£\u{9B},2016\n", ["2:2 U+009B �"], 1),
      ("service,end\n\"two\nlines\",\tx\u{C}\n", ["3:10 U+000C ␌"], 1),
      ("service,end\n£1 – ok,2016\n", [], 1),
    ])
  func controlCharacters(text: String, expected: [String], rows: Int) throws {
    let register = try RegisterLoader.load(
      [RegisterInput(name: "c.csv", bytes: Array(text.utf8))], name: "c")
    let found = register.diagnostics.filter { $0.message.hasPrefix("control character") }
    let messages = expected.map { item in
      let parts = item.split(separator: " ")
      return
        "c.csv:\(parts[0]): warning: control character \(parts[1]) in this line; kept as written, shown as \(parts[2]) in text output"
    }
    #expect(found.map(\.description) == messages)
    // Nothing dropped: every row is a contract, its cell as written.
    #expect(register.contracts.count == rows)
  }
}

@Suite("Cells read in place: the bytes the parsers and the store take")
struct CellBytesTests {
  /// Reads the one data row of `csv` (a header `a,b` then the row), column `b` read as the
  /// service, and gives `body` the row, the reader and its fields.
  static func row<R>(
    _ csv: String, _ body: (RowReading, borrowing CSVReader, [CSVField]) throws -> R
  ) throws -> R {
    let data = Array(("a,b\n" + csv).utf8)
    return try data.withUnsafeBufferPointer { buffer in
      var reader = try CSVReader(bytes: buffer)
      var fields: [CSVField] = []
      _ = try reader.next(into: &fields)
      _ = try reader.next(into: &fields)
      var columnIndex = [Int](repeating: -1, count: Column.allCases.count)
      columnIndex[Column.service.slot] = 1
      return try body(
        RowReading(reader: reader, fields: fields, columnIndex: columnIndex), reader, fields)
    }
  }

  /// The row's reading of the service cell beside the old reading: a whole string, trimmed, the
  /// neutralising taken off.
  static func readings(_ csv: String) throws -> (inPlace: String, asString: String, bytes: [UInt8])
  {
    try row(csv) { row, reader, fields in
      let old = RegisterLoader.unneutralised(reader.trimmedString(fields[1]))
      return (row.text(.service), old, row.withBytes(.service) { Array($0) })
    }
  }

  @Test(
    "each cell's bytes are what the whole string was: trimmed, unescaped, neutralising off",
    arguments: [
      ("x,plain\n", "plain"),
      ("x,  spaced  \n", "spaced"),
      ("x,\t\u{1}tabbed\u{7F}\n", "tabbed\u{7F}"),
      ("x,\"a \"\"quoted\"\" b\"\n", "a \"quoted\" b"),
      ("x,\"  \"\"edge\"\"  \"\n", "\"edge\""),
      ("x,'=SUM(A1)\n", "=SUM(A1)"),
      ("x,''=A1\n", "'=A1"),
      ("x,'\tTab\n", "\tTab"),
      ("x,'plain\n", "'plain"),
      ("x,'\n", "'"),
      ("x,\"'=\"\"q\"\"\"\n", "=\"q\""),
      ("x,Cafe\u{301}\n", "Cafe\u{301}"),
      ("x,\n", ""),
      ("x,   \n", ""),
    ])
  func inPlace(_ csv: String, _ expected: String) throws {
    let reading = try Self.readings(csv)
    #expect(reading.inPlace.utf8.elementsEqual(expected.utf8))
    #expect(reading.asString.utf8.elementsEqual(expected.utf8))
    #expect(reading.bytes == Array(expected.utf8))
  }

  @Test("a column the row stops short of, or the file lacks, reads as empty")
  func missing() throws {
    try Self.row("x\n") { row, _, _ in
      #expect(row.isEmpty(.service) && row.cell(.service) == nil)
      #expect(row.isEmpty(.provider) && row.cell(.provider) == nil)
    }
  }

  /// A provider cell kept as the one provider without a list must be what splitting gives back
  /// whole; one byte more (a separator, a space at an end) and it is split as before.
  @Test(
    "a provider cell is one spelling as it stands only when splitting would give it back whole",
    arguments: [
      ("KCHFT", true),
      ("Kent Community Health NHS Foundation Trust", true),
      ("K", true),
      ("", false),
      ("KCHFT/MFT", false),
      ("T/A Limelight", false),
      ("KCHFT;", false),
      (";KCHFT", false),
      ("\tKCHFT", false),
      ("KCHFT\u{1}", false),
      ("KCHFT!", true),
    ])
  func oneSpelling(_ cell: String, _ whole: Bool) {
    let isOne = cell.withBytes { RowReading.isOneSpelling($0) }
    #expect(isOne == whole)
    if isOne { #expect(RowReading.providerSpellings(cell) == [cell]) }
  }

  /// The store reuses the list of the row before when a group cell repeats it byte for byte;
  /// canonically equal text in other bytes, or another cell, is split afresh.
  @Test("a repeated group cell shares the list; other bytes do not")
  func groupCells() throws {
    let csv = """
      id,service,end,group
      a,S,2017-03-31,g1; g2
      b,S,2017-03-31,g1; g2
      c,S,2017-03-31,caf\u{E9}
      d,S,2017-03-31,cafe\u{301}
      e,S,2017-03-31,
      f,S,2017-03-31,g1;g2
      g,S,2017-03-31,"g1; g2"
      h,S,2017-03-31,g3
      i,S,2017-03-31,g4

      """
    let register = try load(csv)
    let groups = register.contracts.map(\.groups)
    #expect(groups[0] == ["g1", "g2"] && groups[1] == ["g1", "g2"])
    #expect(Array(groups[2][0].utf8) == Array("caf\u{E9}".utf8))
    #expect(Array(groups[3][0].utf8) == Array("cafe\u{301}".utf8))
    #expect(groups[4].isEmpty)
    #expect(groups[5] == ["g1", "g2"] && groups[6] == ["g1", "g2"])
    #expect(groups[7] == ["g3"] && groups[8] == ["g4"])
  }
}
