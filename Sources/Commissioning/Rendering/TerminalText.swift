/// The one sanitiser for text meant for a terminal: nothing a register, a spec, a scenario,
/// `council.json` or a flag holds can move the cursor, set the title, write the clipboard
/// (OSC 52), switch character sets or reverse the reading order.
///
/// - C0 controls (ESC, which starts every CSI and OSC sequence, BEL, backspace, …) become their
///   Control Pictures symbol (`␛`, `␇`, `␈`), DEL `␡`: visible, so a reader sees that the source
///   held one.
/// - C1 controls (U+0080–U+009F, among them the one-byte CSI U+009B and OSC U+009D) and the
///   bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) become `�` (U+FFFD):
///   shown, not obeyed, so text never reads in an order other than its bytes'.
/// - Line and paragraph separators (U+2028, U+2029) are line breaks.
///
/// ``Swift/String/singleLine`` turns every line break and tab into a space as well (a table cell,
/// a label, a message); ``Swift/String/terminalSafe`` keeps newlines and tabs (a whole report).
enum TerminalText {
  /// What a scalar becomes on a terminal: `nil` to keep it as it is.
  @inline(__always)
  static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)
    case 0x7F: return "\u{2421}"
    case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
    case 0x2028, 0x2029: return "\n"
    default: return nil
    }
  }

  /// Whether any scalar in `text` would be changed, by exact byte patterns: `£` (C2 A3) and `…`
  /// (E2 80 A6) start like a C1 control and a bidi override but need no care, so a report full
  /// of them is returned after one scan instead of rebuilt scalar by scalar.
  /// - Parameter keepingLines: newlines and tabs are kept (``Swift/String/terminalSafe``).
  static func needsCare(_ text: String, keepingLines: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let n = bytes.count
      var i = 0
      while i < n {
        let b = bytes[i]
        if b < 0x20 {
          if !(keepingLines && (b == 0x0A || b == 0x09)) { return true }
        } else if b == 0x7F {
          return true
        } else if b == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
          return true
        } else if b == 0xE2, i + 2 < n {
          let (c, d) = (bytes[i + 1], bytes[i + 2])
          // U+2028–U+202E and U+2066–U+2069.
          if c == 0x80 && d >= 0xA8 && d <= 0xAE || c == 0x81 && d >= 0xA6 && d <= 0xA9 {
            return true
          }
        }
        i += 1
      }
      return false
    }
  }
}

extension String {
  /// The text on one line, for a table cell, a label or a diagnostic: line breaks and tabs
  /// become a space, and every other control, C1 control or bidirectional override its visible
  /// stand-in (``TerminalText``), so a register cell can neither break the layout nor drive the
  /// terminal. Text without such characters comes back as it is.
  public var singleLine: String {
    guard TerminalText.needsCare(self, keepingLines: false) else { return self }
    var out = String.UnicodeScalarView()
    var previous: Unicode.Scalar = "x"
    for scalar in unicodeScalars {
      var shown = scalar
      switch scalar.value {
      case 0x09, 0x0A, 0x0D, 0x2028, 0x2029:
        // A CRLF or a line break after a space adds no second space.
        if previous != " " { out.append(" ") }
        previous = " "
        continue
      default:
        if let replacement = TerminalText.replacement(for: scalar) { shown = replacement }
      }
      out.append(shown)
      previous = scalar
    }
    return String(out)
  }

  /// The text as a terminal may show it: newlines and tabs kept, a CRLF read as a newline, and
  /// every other control, C1 control or bidirectional override its visible stand-in
  /// (``TerminalText``). The one choke point every text report passes on its way out.
  /// - Complexity: O(n); text without such characters is returned after one scan of its bytes.
  public var terminalSafe: String {
    guard TerminalText.needsCare(self, keepingLines: true) else { return self }
    var out = String.UnicodeScalarView()
    var scalars = unicodeScalars.makeIterator()
    var pending = scalars.next()
    while let scalar = pending {
      pending = scalars.next()
      switch scalar.value {
      case 0x09, 0x0A: out.append(scalar)
      case 0x0D where pending == "\n": continue  // CRLF: the LF that follows stands for both.
      default: out.append(TerminalText.replacement(for: scalar) ?? scalar)
      }
    }
    return String(out)
  }
}
