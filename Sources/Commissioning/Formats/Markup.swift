/// Escaping for the markup formats the planner writes: XML (SVG, HTML) and Markdown.
public enum Markup {
  /// Text escaped for XML and HTML: `&`, `<`, `>`, quotes; control characters other than tab
  /// and newline dropped.
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
      default:
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Text that Markdown shows as written: emphasis, links, headings, tables and inline HTML
  /// characters are backslash-escaped (CommonMark), so a service called `<script>` or
  /// `*urgent*` stays plain text; `&` is escaped only where it would start an entity.
  public static func escapeMarkdown(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    let characters = Array(text)
    for (index, ch) in characters.enumerated() {
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "<", ">":
        out += "\\" + String(ch)
      case "&":
        // '&copy;' or '&#60;' would become a character: escape only those.
        var k = index + 1
        while k < characters.count,
          characters[k].isLetter || characters[k].isNumber || characters[k] == "#"
        {
          k += 1
        }
        out += k > index + 1 && k < characters.count && characters[k] == ";" ? "\\&" : "&"
      case "\n", "\r": out += " "
      default: out.append(ch)
      }
    }
    return out
  }
}
