/// How many terminal columns text takes: the measure every table, timeline and report pads, cuts
/// and wraps by, so that `--width N` holds on screen and not only in characters.
///
/// Per grapheme (`Character`): 2 for an East Asian Wide or Fullwidth character or an emoji shown
/// as a picture (a ZWJ family is one grapheme, two columns), 0 for one made only of combining
/// marks or zero-width characters, else 1. A close approximation of `wcswidth` by ranges, with no
/// tables and no Foundation.
enum DisplayWidth {
  /// The columns one grapheme takes on a terminal.
  static func of(_ character: Character) -> Int {
    // Plain ASCII, the usual case, decides at once.
    if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
    var visible = false
    for scalar in character.unicodeScalars {
      // An emoji presentation selector turns a text-style symbol into a two-column picture.
      if scalar.value == 0xFE0F, visible { return 2 }
      if isWide(scalar.value) { return 2 }
      if !isZeroWidth(scalar.value) { visible = true }
    }
    return visible ? 1 : 0
  }

  /// The columns of text whose every scalar is a grapheme on its own (ASCII, Latin letters and
  /// signs such as `£` and `é` written precomposed, dashes, quotes, `…`, `€`): the sum of
  /// ``simple(_:)``, with no grapheme breaking, which timeline labels and tables spent most of
  /// their time in; `nil` for any other text.
  static func simpleWidths(_ text: String) -> Int? {
    var total = 0
    for scalar in text.unicodeScalars {
      guard let w = simple(scalar) else { return nil }
      total += w
    }
    return total
  }

  /// The columns of a scalar that never joins a grapheme with its neighbours (no combining
  /// mark, joiner or selector follows from these ranges alone), as ``of(_:)`` counts it; `nil`
  /// for any other.
  static func simple(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0..<0x20, 0x7F: return 0
    case 0x20..<0x300, 0x2010...0x2027, 0x20AC: return 1
    default: return nil
    }
  }

  /// East Asian Wide and Fullwidth blocks, and emoji that terminals draw two columns wide.
  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
      0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
      0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
      0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
      0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x16FE0...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
      0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
      0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Combining marks, joiners, variation selectors and other characters that take no column.
  static func isZeroWidth(_ v: UInt32) -> Bool {
    switch v {
    case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
      0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F,
      0x2028...0x202E, 0x2060...0x206F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF,
      0x1F3FB...0x1F3FF, 0xE0000...0xE0FFF:
      return true
    default:
      return false
    }
  }
}

extension String {
  /// The columns the text takes on a terminal (``DisplayWidth``); the count of characters for
  /// ASCII.
  public var displayWidth: Int {
    // Printable ASCII, the usual case: one column a byte.
    if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
    if let total = DisplayWidth.simpleWidths(self) { return total }
    var total = 0
    for character in self { total += DisplayWidth.of(character) }
    return total
  }

  /// The longest start of the text at most `width` columns wide: whole graphemes only, so a cut
  /// never splits an emoji sequence or leaves half a wide character.
  public func prefix(displayWidth width: Int) -> String {
    if DisplayWidth.simpleWidths(self) != nil {
      // Each scalar is a grapheme of its own (a CR LF pair takes no column, so is never split).
      var used = 0
      var end = unicodeScalars.startIndex
      for index in unicodeScalars.indices {
        let w = DisplayWidth.simple(unicodeScalars[index]) ?? 1
        if used + w > width { break }
        used += w
        end = unicodeScalars.index(after: index)
      }
      return String(unicodeScalars[..<end])
    }
    var used = 0
    var end = startIndex
    for index in indices {
      let w = DisplayWidth.of(self[index])
      if used + w > width { break }
      used += w
      end = self.index(after: index)
    }
    return String(self[..<end])
  }

  /// The longest end of the text at most `width` columns wide, in whole graphemes.
  public func suffix(displayWidth width: Int) -> String {
    var used = 0
    var start = endIndex
    while start > startIndex {
      let before = index(before: start)
      let w = DisplayWidth.of(self[before])
      if used + w > width { break }
      used += w
      start = before
    }
    return String(self[start...])
  }
}
