/// Text that was UTF-8, read as Windows-1252 and written again as UTF-8: `â€¯` for a narrow
/// no-break space, `Ã©` for é, `â€™` for ’, `Â£` for £, as real Contracts Finder notices carry.
///
/// A string is repaired only when the whole of it round-trips: each character goes back to its
/// Windows-1252 byte, and the bytes are valid UTF-8 with at least one multibyte sequence.
/// Anything else (a real `Ã` beside ASCII, text mixing repaired and correct characters) is left
/// as written, so correct text is never changed by a guess. Byte-level, one pass, no table
/// lookups beyond a switch.
public enum Mojibake {
  /// The repaired text, or nil when `text` is not wholly double-encoded UTF-8.
  /// - Complexity: O(n) in the string's UTF-8 length; ASCII returns at the first scan.
  public static func repaired(_ text: String) -> String? {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 >= 0x80 }) else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    for scalar in text.unicodeScalars {
      guard let byte = windows1252Byte(scalar.value) else { return nil }
      bytes.append(byte)
    }
    // Every character was one byte; a non-ASCII one makes a multibyte sequence if it is valid.
    guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    return String(validating: bytes, as: UTF8.self)
  }

  /// The Windows-1252 byte that decodes to `scalar`, or nil when none does. The five bytes
  /// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are taken as their C1 control
  /// characters, as decoders that pass them through produce.
  static func windows1252Byte(_ scalar: UInt32) -> UInt8? {
    switch scalar {
    case 0..<0x80, 0xA0...0xFF, 0x81, 0x8D, 0x8F, 0x90, 0x9D: return UInt8(scalar)
    case 0x20AC: return 0x80
    case 0x201A: return 0x82
    case 0x0192: return 0x83
    case 0x201E: return 0x84
    case 0x2026: return 0x85
    case 0x2020: return 0x86
    case 0x2021: return 0x87
    case 0x02C6: return 0x88
    case 0x2030: return 0x89
    case 0x0160: return 0x8A
    case 0x2039: return 0x8B
    case 0x0152: return 0x8C
    case 0x017D: return 0x8E
    case 0x2018: return 0x91
    case 0x2019: return 0x92
    case 0x201C: return 0x93
    case 0x201D: return 0x94
    case 0x2022: return 0x95
    case 0x2013: return 0x96
    case 0x2014: return 0x97
    case 0x02DC: return 0x98
    case 0x2122: return 0x99
    case 0x0161: return 0x9A
    case 0x203A: return 0x9B
    case 0x0153: return 0x9C
    case 0x017E: return 0x9E
    case 0x0178: return 0x9F
    default: return nil
    }
  }
}
