/// Escaping for the markup formats the planner writes: XML (SVG, HTML) and Markdown.
public enum Markup {
  /// Text escaped for XML and HTML (the SVG chart and the HTML record both use this one):
  /// `&`, `<`, `>`, quotes; every character XML 1.0 forbids dropped.
  ///
  /// XML 1.0 allows tab, newline, carriage return and U+0020 up, less the non-characters
  /// U+FFFE and U+FFFF (surrogates cannot occur in a Swift string). One forbidden character
  /// makes a whole SVG unreadable, so each is dropped; the carriage return goes too, as a
  /// parser folds it into a newline anyway.
  public static func escapeXML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // A bidirectional override or isolate would reorder the text around it in a browser (a
      // provider's name shown backwards): it becomes the replacement character, as in text.
      case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": out += "\u{FFFD}"
      default:
        guard isXMLText(scalar) else { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether XML 1.0 allows `scalar` in text (tab and newline among the controls; no CR).
  static func isXMLText(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: return true
    case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
    default: return true
    }
  }

  /// Text that Markdown shows as written: emphasis, links, headings, tables and inline HTML
  /// characters are backslash-escaped (CommonMark), so a service called `<script>` or
  /// `*urgent*` stays plain text; `&` is escaped only where it would start an entity.
  public static func escapeMarkdown(_ text: String) -> String {
    // By scalar: a '*' followed by a combining mark is one Character, but still emphasis.
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    func isEntityPart(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        || scalar == "#"
    }
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "<", ">":
        out.append("\\")
        out.append(scalar)
      case "&":
        // '&copy;' or '&#60;' would become a character: escape only those.
        var k = index + 1
        while k < scalars.count, isEntityPart(scalars[k]) { k += 1 }
        if k > index + 1 && k < scalars.count && scalars[k] == ";" { out.append("\\") }
        out.append(scalar)
      case "\n", "\r": out.append(" ")
      default: out.append(scalar)
      }
    }
    return String(out)
  }
}
