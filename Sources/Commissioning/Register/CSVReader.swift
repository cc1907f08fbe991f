/// One field of a CSV record: a byte range in the input and where it starts.
public struct CSVField: Sendable {
  /// Byte range of the content (inside the quotes when quoted).
  public var start: Int
  public var end: Int
  /// Whether the field was quoted, and whether it holds doubled quotes to unescape.
  public var quoted: Bool
  public var hasEscapedQuote: Bool
  /// 1-based line of the field's first byte, and the byte offset where that line starts.
  public var line: Int
  public var lineStart: Int
}

/// A fatal problem reading CSV: the file cannot be read as a table at all.
public enum CSVError: Error, Equatable, Sendable {
  case invalidUTF8(line: Int, column: Int)
  case unterminatedQuote(line: Int, column: Int)
}

/// A byte-level RFC 4180 reader over a whole file in memory.
///
/// Quoted fields with embedded commas, newlines and doubled quotes; CRLF, LF or CR line ends; a
/// leading UTF-8 byte order mark is skipped. Records are produced one at a time into a reused
/// buffer, so reading allocates nothing per row; field text is made only when asked for.
public struct CSVReader: ~Copyable {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The byte between fields: `,`, or a tab.
  let separator: UInt8
  var position: Int
  var line = 1
  var lineStart: Int
  /// Fields where a quote closed before the field ended (`"a"b`), for the caller to warn about.
  public private(set) var strayQuotes: [CSVField] = []

  /// - Parameter bytes: the whole input; it must stay alive while the reader is used.
  /// - Throws: ``CSVError/invalidUTF8(line:column:)`` when the input is not UTF-8.
  /// - Parameter separator: the byte between fields: a comma, or a tab for tab-separated text
  ///   (Excel's "Unicode Text").
  public init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ","))
    throws(CSVError)
  {
    self.bytes = bytes
    self.separator = separator
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    self.position = start
    self.lineStart = start
    if let bad = UTF8Validation.firstInvalidByte(bytes, from: start) {
      let (line, lineStart) = CSVReader.lineOf(offset: bad, in: bytes)
      throw .invalidUTF8(
        line: line, column: CSVReader.column(of: bad, lineStart: lineStart, in: bytes))
    }
  }

  /// A reader resuming at a record boundary already found (by ``RowSplitter``), over bytes
  /// already validated as UTF-8: the parallel parse's readers, one for each stretch of a file.
  init(
    resuming bytes: UnsafeBufferPointer<UInt8>, at position: Int, line: Int, lineStart: Int,
    separator: UInt8 = UInt8(ascii: ",")
  ) {
    self.bytes = bytes
    self.separator = separator
    self.position = position
    self.line = line
    self.lineStart = lineStart
  }

  /// Where the reader is: the next byte to read, its line, and where that line starts.
  var cursor: (position: Int, line: Int, lineStart: Int) { (position, line, lineStart) }

  /// Takes on another reader's stray quotes (a later stretch of the same file), in order.
  mutating func adoptStrayQuotes(_ fields: [CSVField]) {
    strayQuotes += fields
  }

  /// Reads the next record into `fields`; returns false at the end of the input.
  ///
  /// Blank lines are skipped. - Complexity: O(record length).
  public mutating func next(into fields: inout [CSVField]) throws(CSVError) -> Bool {
    fields.removeAll(keepingCapacity: true)
    let n = bytes.count
    // Skip blank lines.
    while position < n, bytes[position] == 0x0A || bytes[position] == 0x0D {
      consumeNewline()
    }
    guard position < n else { return false }
    while true {
      var field = CSVField(
        start: position, end: position, quoted: false, hasEscapedQuote: false, line: line,
        lineStart: lineStart)
      if position < n, bytes[position] == UInt8(ascii: "\"") {
        field.quoted = true
        let openLine = line
        let openColumn = CSVReader.column(of: position, lineStart: lineStart, in: bytes)
        position += 1
        field.start = position
        var closed = false
        while position < n {
          let b = bytes[position]
          if b == UInt8(ascii: "\"") {
            if position + 1 < n, bytes[position + 1] == UInt8(ascii: "\"") {
              field.hasEscapedQuote = true
              position += 2
              continue
            }
            field.end = position
            position += 1
            closed = true
            break
          } else if b == 0x0A || b == 0x0D {
            consumeNewline()
          } else {
            position += 1
          }
        }
        guard closed else { throw .unterminatedQuote(line: openLine, column: openColumn) }
        if position < n, bytes[position] != separator, bytes[position] != 0x0A,
          bytes[position] != 0x0D
        {
          // '"a"b': keep everything up to the separator, quotes and all.
          field.start -= 1
          field.quoted = false
          while position < n, bytes[position] != separator, bytes[position] != 0x0A,
            bytes[position] != 0x0D
          {
            position += 1
          }
          field.end = position
          strayQuotes.append(field)
        }
      } else {
        // Unquoted: scan to the next separator with a tight loop.
        var p = position
        while p < n {
          let b = bytes[p]
          if b == separator || b == 0x0A || b == 0x0D { break }
          p += 1
        }
        position = p
        field.end = p
      }
      fields.append(field)
      if position >= n { return true }
      if bytes[position] == separator {
        position += 1
        if position >= n {
          fields.append(
            CSVField(
              start: n, end: n, quoted: false, hasEscapedQuote: false, line: line,
              lineStart: lineStart))
          return true
        }
        continue
      }
      consumeNewline()
      return true
    }
  }

  private mutating func consumeNewline() {
    if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A {
      position += 2
    } else {
      position += 1
    }
    line += 1
    lineStart = position
  }

  /// The field's text, with doubled quotes unescaped.
  public func string(_ field: CSVField) -> String { Self.string(field, in: bytes) }

  /// A field's text in the bytes it was read from, with doubled quotes unescaped.
  static func string(_ field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> String {
    let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    guard field.hasEscapedQuote else { return String(decoding: slice, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(slice.count)
    var i = 0
    while i < slice.count {
      out.append(slice[i])
      i +=
        slice[i] == UInt8(ascii: "\"") && i + 1 < slice.count && slice[i + 1] == UInt8(ascii: "\"")
        ? 2 : 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The field's text without leading and trailing ASCII spaces and controls, made in one step
  /// from the bytes (the hot path of loading: no intermediate string).
  public func trimmedString(_ field: CSVField) -> String {
    guard !field.hasEscapedQuote else { return string(field).trimmingASCIISpaces }
    var start = field.start
    var end = field.end
    while start < end && bytes[start] <= 0x20 { start += 1 }
    while end > start && bytes[end - 1] <= 0x20 { end -= 1 }
    if start == end { return "" }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// Whether the field holds only ASCII spaces and controls: what `trimmedString` makes empty.
  public func isBlank(_ field: CSVField) -> Bool {
    var i = field.start
    while i < field.end {
      if bytes[i] > 0x20 { return false }
      i += 1
    }
    return true
  }

  /// The 1-based column (in characters) where the field starts, counting its opening quote.
  /// Where a field is, for a diagnostic: its file, line and column.
  func location(of field: CSVField, file: String) -> SourceLocation {
    SourceLocation(file: file, line: field.line, column: column(of: field))
  }

  public func column(of field: CSVField) -> Int {
    CSVReader.column(
      of: field.quoted ? field.start - 1 : field.start, lineStart: field.lineStart, in: bytes)
  }

  static func column(of offset: Int, lineStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var column = 1
    var i = lineStart
    while i < offset && i < bytes.count {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return column
  }

  static func lineOf(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    var line = 1
    var start = 0
    var i = 0
    while i < offset {
      if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
        line += 1
        start = i + 1
      }
      i += 1
    }
    return (line, start)
  }
}

/// UTF-8 validation with an ASCII fast path.
enum UTF8Validation {
  /// The offset of the first byte that is not part of valid UTF-8, or `nil`.
  static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    let n = bytes.count
    var i = start
    guard let base = bytes.baseAddress else { return nil }
    while i < n {
      // Eight ASCII bytes at a time.
      if i + 8 <= n {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var minimum: UInt32
      var scalar: UInt32
      switch b {
      case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
      case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
      case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
      default: return i
      }
      guard i + length <= n else { return i }
      for k in 1..<length {
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(c & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      i += length
    }
    return nil
  }
}
