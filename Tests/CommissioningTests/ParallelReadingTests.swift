import Testing

@testable import Commissioning

/// A file read on several cores must give the same register as one core: the same contracts,
/// the same diagnostics in the same order, the same error.
@Suite("Reading a file's rows on several cores")
struct ParallelReadingTests {
  static let header = "id,service,provider,value,end,extension_options,group\n"

  /// Loads `text` on one core and on 2 to 6 (stretches of any size), and expects the same.
  func expectSameOnEveryCore(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws
  {
    let bytes = Array(text.utf8)
    let input = [RegisterInput(name: "r.csv", bytes: bytes)]
    let one = Result { () throws(RegisterError) in
      try RegisterLoader.load(input, name: "r", parallelism: .sequential)
    }
    for cores in 2...6 {
      let many = Result { () throws(RegisterError) in
        try RegisterLoader.load(
          input, name: "r", parallelism: Parallelism(cores: cores, minimumStretch: 1))
      }
      switch (one, many) {
      case (.success(let a), .success(let b)):
        #expect(a.contracts == b.contracts, "\(cores) cores", sourceLocation: sourceLocation)
        #expect(a.diagnostics == b.diagnostics, "\(cores) cores", sourceLocation: sourceLocation)
      case (.failure(let a), .failure(let b)):
        #expect(a == b, "\(cores) cores", sourceLocation: sourceLocation)
      default:
        Issue.record(
          "one core and \(cores) disagree: \(one) vs \(many)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test(
    "hostile files read the same on one core and on many",
    arguments: [
      // Quoted line breaks, doubled quotes and commas inside cells.
      "a,\"Care\nat home\",P,£1m,31/03/2017,,g\nb,\"x \"\"y\"\"\",Q,£2m,2017-03-31,,g\n"
        + "c,\"1,2\",R,,31 Mar 2017,+1,g\n",
      // A literal quote inside an unquoted cell flips the quote parity the cuts are found by.
      "a,12\" pipe,P,£1m,31/03/2017,,g\nb,\"two\nlines\",Q,£2m,31/03/2017,,g\n"
        + "c,\"more\nlines\nhere\",R,£3m,31/03/2017,,g\nd,plain,S,,,,\n",
      // Text after a closing quote, kept as written with a warning.
      "a,\"Care\"home,P,£1m,31/03/2017,,g\nb,x,Q,£2m,31/03/2017,,g\n",
      // Blank lines and rows of blank cells between rows.
      "a,x,P,£1m,31/03/2017,,g\n\n\n,,,,,,\nb,y,Q,£2m,31/03/2017,,g\n\r\n,,\nc,z,R,,,,\n",
      // CRLF and CR-only line ends.
      "a,x,P,£1m,31/03/2017,,g\r\nb,y,Q,£2m,31/03/2017,,g\r\nc,z,R,,,,\r\n",
      "a,x,P,£1m,31/03/2017,,g\rb,y,Q,£2m,31/03/2017,,g\rc,z,R,,,,\r",
      // Ids taken by earlier rows, stated and derived, and repeated rows.
      "a,x,P,£1m,31/03/2017,,g\na,x,P,£1m,31/03/2017,,g\na,y,Q,,,,\n,x,P,,,,\n,x,P,,,,\n"
        + "a-2,z,R,,,,\na,w,S,£9,2018-01-01,,\n",
      // Too many cells, too few, and a control character.
      "a,x,P,£1m,31/03/2017,,g,extra,more\nb,y\nc,z\u{1B}[31m,R,,,,\n",
      // An unterminated quote near the end, and one at the start: the same error either way.
      "a,x,P,£1m,31/03/2017,,g\nb,y,Q,£2m,31/03/2017,,g\nc,\"open,R,,,,\n",
      "a,\"open,P,£1m,31/03/2017,,g\nb,y,Q,£2m,31/03/2017,,g\nc,z,R,,,,\n",
    ])
  func hostile(rows: String) throws {
    try expectSameOnEveryCore("\u{FEFF}" + Self.header + rows)
    try expectSameOnEveryCore(Self.header + rows)
  }

  /// Cells as officers write them, quotes and line breaks included.
  static let cells = [
    "", "x", "Care at home", "\"Care, at home\"", "\"two\nlines\"", "12\" pipe", "\"a\"b",
    "£1.2m", "£882k pa", "TBC", "31/03/2017", "2017-03-31", "31 Mar 2017", "+1+1", "N/A",
    "\"\"\"quoted\"\"\"", "g1", "g1;g2", "-", "  spaced  ",
  ]

  @Test("300 seeded messy registers read the same on one core and on many", arguments: 0..<20)
  func seeded(seed: Int) throws {
    var random = SeededGenerator(state: UInt64(seed) &+ 0x9E37_79B9)
    for _ in 0..<15 {
      var text = Self.header
      for _ in 0..<Int(random.next() % 40) {
        let width = 1 + Int(random.next() % 8)
        let row = (0..<width).map { _ in random.pick(Self.cells) }.joined(separator: ",")
        text += row + random.pick(["\n", "\r\n", "\n\n", "\r"])
      }
      try expectSameOnEveryCore(text)
    }
  }

  @Test("cuts fall after line breaks, cover the rows, and count lines as the reader does")
  func cuts() throws {
    let text = Self.header + (1...200).map { "r\($0),\"s\n\($0)\",P,£1,31/03/2017,,g\r\n" }.joined()
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      let start = Self.header.utf8.count
      let stretches = RowSplitter.stretches(
        buffer, from: start, line: 2, lineStart: start, count: 4)
      #expect(stretches.count == 4)
      #expect(stretches.first?.start == start)
      #expect(stretches.last?.end == buffer.count)
      for (a, b) in zip(stretches, stretches.dropFirst()) {
        #expect(a.end == b.start)
        #expect(buffer[b.start - 1] == 0x0A)
        #expect(buffer[b.start] == UInt8(ascii: "r"))
        #expect(b.line == CSVReader.lineOf(offset: b.start, in: buffer).0)
      }
    }
  }

  @Test("a literal quote can put a cut inside a quoted cell, which the reading then refuses")
  func misleadingQuote() throws {
    // Parity is odd after `12"`, so the break inside "a\nb" looks like a boundary.
    let text = Self.header + "a,12\" pipe,P,,,,\n" + "b,\"a\nb\",Q,,,,\n"
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      let start = Self.header.utf8.count
      let stretches = RowSplitter.stretches(
        buffer, from: start, line: 2, lineStart: start, count: 2)
      #expect(stretches.count == 2)
      guard let cut = stretches.last?.start, stretches.count == 2 else { return }
      #expect(buffer[cut] == UInt8(ascii: "b"))
      #expect(buffer[cut + 1] == UInt8(ascii: "\""))
    }
    try expectSameOnEveryCore(text)
  }

  @Test(
    "line breaks count as the reader counts lines: LF, CRLF once, a lone CR",
    arguments: [
      ("a\nb\n", 2), ("a\r\nb\r\n", 2), ("a\rb\r", 2), ("a\r\n\r\nb", 2), ("ab", 0),
      // A CRLF across two words of eight bytes, and one inside a word; a CR ending a word.
      ("aaaaaaa\r\nbbbbbbb", 1), ("aaaaaa\r\nbbbbbbbb", 1), ("aaaaaaa\rbbbbbbbb", 1),
    ])
  func lineBreaks(text: String, breaks: Int) {
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      #expect(RowSplitter.lineBreaks(buffer, from: 0, to: buffer.count) == breaks)
    }
  }

  @Test(
    "line breaks counted eight bytes at a time as the byte-by-byte tally counts them",
    arguments: 0..<400)
  func lineBreaksByWord(seed: Int) {
    var random = SeededGenerator(state: UInt64(seed))
    // Bytes near the marks (LF, CR, their neighbours, NUL, 0x80, 0xFF), any length and start,
    // so words and CRLF pairs straddle every position.
    let alphabet: [UInt8] = [
      0x0A, 0x0D, 0x0D, 0x09, 0x0B, 0x0C, 0x0E, 0x00, 0x01, 0x80, 0x8A, 0x8D, 0xFF, 0x61,
    ]
    let bytes = (0..<Int.random(in: 0...80, using: &random)).map { _ in random.pick(alphabet) }
    let from = Int.random(in: 0...bytes.count, using: &random)
    let to = Int.random(in: from...bytes.count, using: &random)
    bytes.withUnsafeBufferPointer { buffer in
      var (odd, lines) = (false, 0)
      RowSplitter.tally(buffer, from: from, to: to, odd: &odd, lines: &lines)
      #expect(RowSplitter.lineBreaks(buffer, from: from, to: to) == lines)
    }
  }

  @Test(
    "a stretch's store is sized for its share of the file's lines, a sixteenth over, never past them",
    arguments: [
      (1000, 100, 1000, 100), (1000, 100, 500, 54), (1000, 100, 0, 1), (1000, 100, 1, 2),
      (0, 0, 10, 0), (1000, 1600, 1000, 1600), (1000, 1600, 10, 18),
    ])
  func storeSizing(bytes: Int, lines: Int, size: Int, rows: Int) {
    let context = RowContext(
      file: "f.csv", source: [], headers: [], columnIndex: [], extras: [], headerBasis: nil,
      yearStart: 4,
      aliases: [:], lines: lines, bytes: bytes)
    #expect(context.rows(in: size) == rows)
  }

  /// Cores, minimum stretch, bytes of rows, stretches.
  static let counts: [(Int, Int, Int, Int)] = [
    (1, 1 << 20, 100 << 20, 1), (2, 1 << 20, (1 << 20) - 1, 1), (2, 1 << 20, 1 << 20, 1),
    (2, 1 << 20, (2 << 20) - 1, 1), (2, 1 << 20, 2 << 20, 2), (4, 1 << 20, 3 << 20, 3),
    (2, 1 << 20, (16 << 20) - 1, 15), (2, 1 << 20, 16 << 20, 16), (2, 1 << 20, 17 << 20, 16),
  ]

  @Test(
    "a small file is one stretch; a large one is cut into stretches of the minimum, 8 a core",
    arguments: counts)
  func stretchCount(cores: Int, minimum: Int, bytes: Int, expected: Int) {
    #expect(Parallelism(cores: cores, minimumStretch: minimum).stretches(for: bytes) == expected)
  }
}

@Suite("Identity: ids are the same when their bytes are")
struct IdentityTests {
  @Test(
    "two spellings of é are two ids; the same bytes twice are a duplicate",
    arguments: [("caf\u{E9}", "caf\u{E9}", true), ("caf\u{E9}", "cafe\u{301}", false)])
  func bytes(first: String, second: String, duplicate: Bool) throws {
    let text = "id,service,end\n\(first),A,2017-03-31\n\(second),B,2017-03-31\n"
    let r = try RegisterLoader.load(
      [RegisterInput(name: "r.csv", bytes: Array(text.utf8))], name: "r")
    #expect(r.contracts.count == 2)
    #expect(r.diagnostics.contains { $0.message.hasPrefix("duplicate id") } == duplicate)
    #expect(r.contracts[1].id.utf8.elementsEqual(second.utf8) == !duplicate)
  }
}
