/// A token of a register cell, as the value parsers see it.
///
/// Cells are scanned once, byte by byte, into numbers, ASCII words and punctuation; HTML tags
/// (`<sup>`) are skipped and non-ASCII dashes become `-`. No `String` is made per token.
struct Token {
  enum Kind: Equatable {
    case number
    case word
    case punct(UInt8)
  }

  var kind: Kind
  /// Byte range in the cell.
  var start: Int
  var end: Int
  /// Whether white space (or a skipped tag) came before this token.
  var spaced: Bool
  /// For numbers: the value (saturating) and how many digits were written.
  var value: Int64 = 0
  var digits: Int = 0
  /// For words: how many letters.
  var wordLength: Int = 0
}

enum TextScanner {
  static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }

  /// Splits a cell into tokens.
  static func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(8)
    var i = 0
    var spaced = true
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if isDigit(b) {
        let start = i
        var value: Int64 = 0
        while i < n, isDigit(bytes[i]) {
          let (m, o1) = value.multipliedReportingOverflow(by: 10)
          let (s, o2) = m.addingReportingOverflow(Int64(bytes[i] - 48))
          value = (o1 || o2) ? Int64.max : s
          i += 1
        }
        tokens.append(
          Token(
            kind: .number, start: start, end: i, spaced: spaced, value: value, digits: i - start))
        spaced = false
      } else if isLetter(b) {
        let start = i
        while i < n, isLetter(bytes[i]) || bytes[i] == UInt8(ascii: "'") { i += 1 }
        tokens.append(
          Token(
            kind: .word, start: start, end: i, spaced: spaced,
            wordLength: i - start))
        spaced = false
      } else if b == UInt8(ascii: "<") {
        // An HTML tag such as <sup> or </li>: skip it whole when it closes on this cell.
        var j = i + 1
        while j < n, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "<") { j += 1 }
        if j < n, bytes[j] == UInt8(ascii: ">") {
          i = j + 1
          spaced = true
        } else {
          tokens.append(Token(kind: .punct(b), start: i, end: i + 1, spaced: spaced))
          i += 1
          spaced = false
        }
      } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (0x90...0x95).contains(bytes[i + 2]) {
        // Hyphens and en/em dashes (U+2010–U+2015) read as '-'.
        tokens.append(
          Token(kind: .punct(UInt8(ascii: "-")), start: i, end: i + 3, spaced: spaced))
        i += 3
        spaced = false
      } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x88, bytes[i + 2] == 0x92 {
        // U+2212 MINUS SIGN.
        tokens.append(
          Token(kind: .punct(UInt8(ascii: "-")), start: i, end: i + 3, spaced: spaced))
        i += 3
        spaced = false
      } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA3 {
        // '£' as its own punctuation byte.
        tokens.append(Token(kind: .punct(0xA3), start: i, end: i + 2, spaced: spaced))
        i += 2
        spaced = false
      } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x82, bytes[i + 2] == 0xAC {
        // '€' as one punctuation byte (Latin-1's generic currency sign, 0xA4, stands for it).
        tokens.append(Token(kind: .punct(0xA4), start: i, end: i + 3, spaced: spaced))
        i += 3
        spaced = false
      } else if b <= 0x20 || b >= 0x80 {
        // White space and any other non-ASCII character separate tokens.
        if b >= 0xC0 {
          i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        } else {
          i += 1
        }
        spaced = true
      } else {
        tokens.append(Token(kind: .punct(b), start: i, end: i + 1, spaced: spaced))
        i += 1
        spaced = false
      }
    }
    return tokens
  }
}

extension String {
  /// Runs `body` over this string's UTF-8 bytes without copying when the string is native.
  @inline(__always)
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var copy = self
    return copy.withUTF8(body)
  }
}
