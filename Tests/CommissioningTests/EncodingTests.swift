import Testing

@testable import Commissioning

/// One row per encoding a council's CSV arrives in.
struct EncodingCase: CustomTestStringConvertible, Sendable {
  var name: String
  var bytes: [UInt8]
  /// The encoding the note names, or nil for UTF-8.
  var encoding: TextEncoding?
  var byteOrderMark = false
  var testDescription: String { name }
}

@Suite("Text encodings")
struct EncodingTests {
  static let text = "service,value,end\nSchool Nursing,\"£1,500\",31/03/2017\nCafé,£9,2016/17 Q2\n"

  static func utf16(_ text: String, little: Bool, bom: Bool) -> [UInt8] {
    var out: [UInt8] = bom ? (little ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
    for unit in text.utf16 {
      let (lo, hi) = (UInt8(unit & 0xFF), UInt8(unit >> 8))
      out += little ? [lo, hi] : [hi, lo]
    }
    return out
  }

  static func utf32(_ text: String, little: Bool, bom: Bool) -> [UInt8] {
    var out: [UInt8] = bom ? (little ? [0xFF, 0xFE, 0, 0] : [0, 0, 0xFE, 0xFF]) : []
    for scalar in text.unicodeScalars {
      let v = scalar.value
      let bytes = (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) }
      out += little ? bytes : bytes.reversed()
    }
    return out
  }

  static let cases: [EncodingCase] = [
    EncodingCase(name: "UTF-8", bytes: Array(text.utf8)),
    EncodingCase(name: "UTF-8 with a BOM", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
    EncodingCase(
      name: "UTF-16LE with a BOM", bytes: utf16(text, little: true, bom: true),
      encoding: .utf16LittleEndian, byteOrderMark: true),
    EncodingCase(
      name: "UTF-16LE without a BOM", bytes: utf16(text, little: true, bom: false),
      encoding: .utf16LittleEndian),
    EncodingCase(
      name: "UTF-16BE with a BOM", bytes: utf16(text, little: false, bom: true),
      encoding: .utf16BigEndian, byteOrderMark: true),
    EncodingCase(
      name: "UTF-16BE without a BOM", bytes: utf16(text, little: false, bom: false),
      encoding: .utf16BigEndian),
    EncodingCase(
      name: "UTF-32LE with a BOM", bytes: utf32(text, little: true, bom: true),
      encoding: .utf32LittleEndian, byteOrderMark: true),
    EncodingCase(
      name: "UTF-32LE without a BOM", bytes: utf32(text, little: true, bom: false),
      encoding: .utf32LittleEndian),
    EncodingCase(
      name: "UTF-32BE without a BOM", bytes: utf32(text, little: false, bom: false),
      encoding: .utf32BigEndian),
    EncodingCase(
      name: "Windows-1252 (£ as A3, é as E9)",
      bytes: Array(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }),
      encoding: .windows1252),
  ]

  @Test("every encoding reads the same register, with a note naming it", arguments: cases)
  func reads(_ c: EncodingCase) throws {
    let register = try RegisterLoader.load(
      [RegisterInput(name: "t.csv", bytes: c.bytes)], name: "t")
    #expect(register.contracts.map(\.service) == ["School Nursing", "Café"])
    #expect(register.contracts.map(\.value.amount) == [Money(pounds: 1500), Money(pounds: 9)])
    #expect(register.contracts.map(\.endDay) == [Day("2017-03-31"), Day("2016-09-30")])
    let notes = register.diagnostics.map(\.message).filter { $0.hasPrefix("the file is ") }
    if let encoding = c.encoding {
      let how = c.byteOrderMark ? "" : " (no byte order mark; told by its bytes)"
      #expect(
        notes == [
          "the file is \(encoding.rawValue) text\(how); read as such, save it as CSV UTF-8 to be sure"
        ])
    } else {
      #expect(notes.isEmpty)
    }
  }

  @Test("text that looks like UTF-16 but does not decode is an error naming the encoding")
  func invalid() {
    // A lone high surrogate (D800) after a BOM; and an odd number of bytes.
    let lone: [UInt8] = [0xFF, 0xFE, 0x61, 0, 0x00, 0xD8, 0x62, 0]
    #expect(throws: RegisterError.encoding(file: "t.csv", encoding: .utf16LittleEndian)) {
      try RegisterLoader.load([RegisterInput(name: "t.csv", bytes: lone)], name: "t")
    }
    let odd: [UInt8] = [0xFF, 0xFE, 0x61, 0, 0x62]
    #expect(throws: RegisterError.encoding(file: "t.csv", encoding: .utf16LittleEndian)) {
      try RegisterLoader.load([RegisterInput(name: "t.csv", bytes: odd)], name: "t")
    }
  }

  @Test("the NUL pattern: a third of the expected positions NUL is UTF-16, one fewer is not")
  func nulThreshold() {
    // 24 bytes: 12 even positions of 'a', odd positions NUL in `nuls` of them (quarter = 6).
    func bytes(nuls: Int) -> [UInt8] {
      (0..<24).map { i in i % 2 == 0 ? 0x61 : (i / 2 < nuls ? 0 : 0x62) }
    }
    // Positions 1 and 3 (mod 4) each need a third of 6, 2 NULs: 4 NULs in all pass, 3 do not.
    let pass = bytes(nuls: 4)
    let fail = bytes(nuls: 3)
    #expect(pass.withUnsafeBufferPointer(TextEncoding.nulPattern) == .utf16LittleEndian)
    #expect(fail.withUnsafeBufferPointer(TextEncoding.nulPattern) == nil)
  }

  @Test("binary data is not taken for Windows-1252: the UTF-8 reader says where it fails")
  func binary() {
    let garbage: [UInt8] = [0x73, 0x2C, 0x65, 0x0A, 0xA5, 0x4D, 0xCA, 0x18, 0x25]
    #expect(throws: RegisterError.csv(file: "t.csv", .invalidUTF8(line: 2, column: 1))) {
      try RegisterLoader.load([RegisterInput(name: "t.csv", bytes: garbage)], name: "t")
    }
  }
}

@Suite("Tab-separated text: Excel's \"Unicode Text\" is UTF-16 with tabs between fields")
struct TabSeparatedTests {
  static let csv = """
    Contract Ref,Service,Provider,End Date,Annual Value,Group
    R1,"Home care, north",Acme Ltd,31/03/2017,"£100,000",g1
    R2,"Meals ""on"" wheels",Beta,30/06/2017,"£50,000",g1
    R3,Day care,Gamma,TBC,,g2

    """
  static let tsv = """
    Contract Ref\tService\tProvider\tEnd Date\tAnnual Value\tGroup
    R1\tHome care, north\tAcme Ltd\t31/03/2017\t£100,000\tg1
    R2\t"Meals ""on"" wheels"\tBeta\t30/06/2017\t£50,000\tg1
    R3\tDay care\tGamma\tTBC\t\tg2

    """

  static func contracts(_ bytes: [UInt8], cores: Int = 1) throws -> Register {
    try RegisterLoader.load(
      [RegisterInput(name: "r.csv", bytes: bytes)], name: "r",
      parallelism: Parallelism(cores: cores, minimumStretch: 1))
  }

  @Test(
    "tab-separated text reads as the same register as its CSV, UTF-8 or UTF-16, on any cores",
    arguments: [(false, 1), (true, 1), (false, 4), (true, 4)])
  func sameAsCSV(_ utf16: Bool, _ cores: Int) throws {
    let bytes =
      utf16
      ? EncodingTests.utf16(Self.tsv, little: true, bom: true) : Array(Self.tsv.utf8)
    let fromTabs = try Self.contracts(bytes, cores: cores)
    let fromCommas = try Self.contracts(Array(Self.csv.utf8))
    #expect(fromTabs.contracts.map(\.fields) == fromCommas.contracts.map(\.fields))
    #expect(fromTabs.contracts[0].service == "Home care, north")
    #expect(fromTabs.contracts[1].service == "Meals \"on\" wheels")
    #expect(
      fromTabs.diagnostics.contains {
        $0.message == "the header has tabs and no commas; read as tab-separated text"
      })
    #expect(!fromCommas.diagnostics.contains { $0.message.contains("tab-separated") })
  }

  /// Tabs are the separator only when the header has no comma between fields: one comma and
  /// the tabs are text in a field (and a one-column header without tabs is not a register).
  @Test(
    "the header decides: tabs and no comma between fields, or commas",
    arguments: [
      ("service\tend\nA\t2017-03-31\n", true),
      ("service,end\tdate\nA,2017-03-31\n", false),
      ("\"service\"\tend\nA\t2017-03-31\n", true),
    ])
  func header(_ text: String, _ tabs: Bool) throws {
    let register = try Self.contracts(Array(text.utf8))
    #expect(register.diagnostics.contains { $0.message.contains("tab-separated") } == tabs)
    #expect(register.contracts.count == 1)
    // The comma reader's view of a quoted tab-separated header is dropped, not warned of.
    #expect(!register.diagnostics.contains { $0.message.contains("after its closing quote") })
  }

  @Test("a one-column header without a tab is still refused for its missing columns")
  func oneColumn() {
    #expect(throws: RegisterError.self) { try Self.contracts(Array("service end\nA\n".utf8)) }
  }
}
