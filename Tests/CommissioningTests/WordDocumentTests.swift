import Testing

@testable import Commissioning

/// A reader for the stored archives ``ZipArchive`` writes, from the end record back: what
/// an unzipper does, so the tests check the offsets and sizes a reader follows.
struct StoredZip {
  var entries: [(name: String, data: [UInt8], crc: UInt32)] = []

  init?(_ bytes: [UInt8]) {
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    let end = bytes.count - 22
    guard end >= 0, u32(end) == 0x0605_4B50 else { return nil }
    let count = u16(end + 10)
    var at = u32(end + 16)
    for _ in 0..<count {
      guard u32(at) == 0x0201_4B50 else { return nil }
      let nameLength = u16(at + 28)
      let size = u32(at + 20)
      let local = u32(at + 42)
      let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      guard u32(local) == 0x0403_4B50, u16(local + 8) == 0, u16(local + 26) == nameLength
      else { return nil }
      let start = local + 30 + nameLength + u16(local + 28)
      entries.append((name, Array(bytes[start..<(start + size)]), UInt32(u32(at + 16))))
      at += 46 + nameLength + u16(at + 30) + u16(at + 32)
    }
  }

  func text(_ name: String) -> String? {
    entries.first { $0.name == name }.map { String(decoding: $0.data, as: UTF8.self) }
  }
}

@Suite("ZIP and Word writing")
struct WordDocumentTests {
  @Test(
    "CRC-32 of the known vectors",
    arguments: [
      ("", UInt32(0)), ("a", 0xE8B7_BE43), ("abc", 0x3524_41C2), ("123456789", 0xCBF4_3926),
      ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
    ])
  func crc(_ text: String, _ expected: UInt32) {
    #expect(CRC32.checksum(Array(text.utf8)) == expected)
  }

  @Test("CRC-32 of every byte value, and of a megabyte of zeros")
  func crcBinary() {
    #expect(CRC32.checksum((0...255).map { UInt8($0) }) == 0x2905_8C73)
    #expect(CRC32.checksum([UInt8](repeating: 0, count: 1 << 20)) == 0xA738_EA1C)
  }

  @Test("an archive reads back entry for entry, with its CRCs, sizes and UTF-8 names")
  func zipReadsBack() throws {
    var zip = ZipArchive()
    try zip.add("a.txt", Array("hello".utf8))
    try zip.add("folder/b.bin", (0...255).map { UInt8($0) })
    try zip.add("empty", [])
    try zip.add("naïve €.xml", Array("<x/>".utf8))
    let bytes = zip.bytes
    let read = try #require(StoredZip(bytes))
    #expect(read.entries.map(\.name) == ["a.txt", "folder/b.bin", "empty", "naïve €.xml"])
    #expect(read.text("a.txt") == "hello")
    #expect(read.entries[1].data == (0...255).map { UInt8($0) })
    #expect(read.entries[2].data.isEmpty)
    for entry in read.entries { #expect(entry.crc == CRC32.checksum(entry.data)) }
    // Local header: version 2.0, UTF-8 names flag, stored, 1980-01-01 00:00.
    #expect(Array(bytes[0..<14]) == [0x50, 0x4B, 3, 4, 20, 0, 0, 8, 0, 0, 0, 0, 0x21, 0])
    // Two archives of the same entries are the same bytes: no clock inside.
    var again = ZipArchive()
    try again.add("a.txt", Array("hello".utf8))
    try again.add("folder/b.bin", (0...255).map { UInt8($0) })
    try again.add("empty", [])
    try again.add("naïve €.xml", Array("<x/>".utf8))
    #expect(again.bytes == bytes)
  }

  @Test("an empty archive is just the end record")
  func emptyZip() {
    #expect(ZipArchive().bytes == [0x50, 0x4B, 5, 6] + [UInt8](repeating: 0, count: 18))
  }

  @Test(
    "hostile text is escaped and XML's forbidden characters dropped",
    arguments: [
      ("a < b", "a &lt; b"), ("R&D", "R&amp;D"), ("x ]]> y", "x ]]&gt; y"),
      ("\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"), ("bell\u{07}nul\u{00}esc\u{1B}", "bellnulesc"),
      ("tab\there", "tab here"), ("cr\r", "cr"), ("\u{FFFE}\u{FFFF}ok", "ok"),
      ("emoji 😀 and é", "emoji 😀 and é"), ("<w:t>x</w:t>", "&lt;w:t&gt;x&lt;/w:t&gt;"),
      ("abc\u{202E}def", "abc\u{FFFD}def"),
    ])
  func escaping(_ raw: String, _ expected: String) {
    #expect(WordXML.text(raw) == expected)
  }

  @Test("a run's newlines become line breaks; its text keeps its spaces")
  func runs() {
    #expect(
      WordDocument.run(.init("one\ntwo", bold: true))
        == "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">one</w:t><w:br/>"
        + "<w:t xml:space=\"preserve\">two</w:t></w:r>")
    #expect(WordDocument.run(.init("a\r\nb")).components("<w:br/>") == 1)
  }

  @Test("a table's heading row alone repeats and does not split; short rows are padded")
  func table() {
    var doc = WordDocument(title: "t")
    doc.table(
      [.init("Name", width: 6_000), .init("Cost", width: 3_026, alignRight: true)],
      [[.init("  A  ")], [.init("B"), .init("£1.00"), .init("dropped")]])
    let xml = doc.documentXML
    #expect(xml.components("<w:tblHeader/>") == 1)
    #expect(xml.components("<w:cantSplit/>") == 3)
    #expect(xml.components("<w:tc>") == 6)
    #expect(xml.contains(">A</w:t>") && !xml.contains("dropped"))
    #expect(xml.contains("<w:tblW w:w=\"9026\" w:type=\"dxa\"/>"))
    #expect(xml.components("<w:jc w:val=\"right\"/>") == 3)
  }

  @Test("the package holds every part Word needs, [Content_Types].xml first")
  func package() throws {
    var doc = WordDocument(title: "A & B <c>", subject: "s")
    doc.title("Title")
    doc.bullet([.init("item")])
    let read = try #require(StoredZip(doc.package()))
    #expect(
      read.entries.map(\.name) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
        "word/numbering.xml", "word/settings.xml", "word/footer1.xml",
      ])
    #expect(
      read.text("docProps/core.xml")?.contains("<dc:title>A &amp; B &lt;c&gt;</dc:title>") == true)
    let document = try #require(read.text("word/document.xml"))
    #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
    #expect(document.contains("<w:numId w:val=\"1\"/>"))
    #expect(read.text("word/footer1.xml")?.contains("w:instr=\" PAGE \"") == true)
    // Every part the content types name is in the archive, and every relationship's target.
    let types = try #require(read.text("[Content_Types].xml"))
    for entry in read.entries where entry.name.hasPrefix("word/") && !entry.name.contains("_rels") {
      #expect(types.contains("PartName=\"/\(entry.name)\""), "\(entry.name)")
    }
    #expect(doc.package() == doc.package())
  }
}

extension String {
  /// How many times `piece` occurs.
  fileprivate func components(_ piece: String) -> Int { ranges(of: piece).count }
}
