/// Unbalanced brackets and quotes in a name: a stray `[` in "Health Visiting and Family Nurse
/// Partnership[" is a transcription slip that would reach a formal Record of Decision unnoticed.
///
/// A byte-level scan, no regex (register loading is a hot path). Pairs are `()`, `[]`, `{}`,
/// straight double quotes (`"` opens, the next `"` at the same depth closes) and curly double
/// quotes `“ ”`. Single quotes and apostrophes are not checked: `Barnardo's` and `Children’s`
/// are words, not quotations.
enum Brackets {
  /// The first imbalance in `text`, described for a message (`'[' is never closed`), or `nil`.
  static func imbalance(in text: String) -> String? {
    var text = text
    return text.withUTF8 { imbalance(in: $0) }
  }

  static func imbalance(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var open: [UInt8] = []  // The closer each open mark is waiting for.
    var index = 0
    while index < bytes.count {
      let (mark, width) = Brackets.mark(bytes, at: index)
      index += width
      switch mark {
      case .none: continue
      case .open(let closer):
        open.append(closer)
      case .straightQuote:
        if open.last == straightQuote { open.removeLast() } else { open.append(straightQuote) }
      case .close(let closer):
        guard let expected = open.last else { return "'\(show(closer))' closes nothing" }
        guard expected == closer else {
          return "'\(show(closer))' where '\(show(expected))' was expected"
        }
        open.removeLast()
      }
    }
    guard let unclosed = open.last else { return nil }
    return "'\(show(opener(of: unclosed)))' is never closed"
  }

  private enum Mark {
    case none
    case open(UInt8)
    case close(UInt8)
    case straightQuote
  }

  private static let straightQuote = UInt8(ascii: "\"")
  /// Stand-ins for the curly double quotes, which are three bytes in UTF-8.
  private static let curlyClose: UInt8 = 1

  /// The mark at `index`, and how many bytes it takes.
  private static func mark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Mark, Int) {
    switch bytes[index] {
    case UInt8(ascii: "("): return (.open(UInt8(ascii: ")")), 1)
    case UInt8(ascii: "["): return (.open(UInt8(ascii: "]")), 1)
    case UInt8(ascii: "{"): return (.open(UInt8(ascii: "}")), 1)
    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return (.close(bytes[index]), 1)
    case straightQuote: return (.straightQuote, 1)
    case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80:
      // “ is E2 80 9C, ” is E2 80 9D.
      if bytes[index + 2] == 0x9C { return (.open(curlyClose), 3) }
      if bytes[index + 2] == 0x9D { return (.close(curlyClose), 3) }
      return (.none, 1)
    default: return (.none, 1)
    }
  }

  private static func opener(of closer: UInt8) -> UInt8 {
    switch closer {
    case UInt8(ascii: ")"): return UInt8(ascii: "(")
    case UInt8(ascii: "]"): return UInt8(ascii: "[")
    case UInt8(ascii: "}"): return UInt8(ascii: "{")
    case curlyClose: return 0  // Shown as “.
    default: return closer
    }
  }

  private static func show(_ mark: UInt8) -> String {
    switch mark {
    case curlyClose: return "”"
    case 0: return "“"
    default: return String(UnicodeScalar(mark))
    }
  }
}

extension RowReading {
  /// Warns of a name whose brackets or quotes do not pair, at its cell, quoting it as written.
  mutating func noteUnbalancedNames() {
    for column in Self.names {
      guard let problem = withBytes(column, { Brackets.imbalance(in: $0) }) else { continue }
      note([Finding(.warning, "\(column.rawValue) \(quoted(text(column))): \(problem)")], column)
    }
  }

  static let names: [Column] = [.service, .provider, .id]
}
