/// A JSON value with ordered object keys, written by hand so output is stable and fast.
public indirect enum JSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// A decimal number written as given (`4852760.00`), for formats whose schema wants a number.
  case number(String)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (lhs: JSON, rhs: JSON) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// Money as INTERFACE.md fixes it: `{"amount": "4852760.00", "currency": "GBP"}`.
  public static func money(_ money: Money?) -> JSON {
    guard let money else { return .null }
    return .object([
      ("amount", .string(money.decimalString)), ("currency", .string(money.currency)),
    ])
  }

  /// A day as `YYYY-MM-DD`; `null` when there is none or it is outside ``Day/writable``.
  public static func day(_ day: Day?) -> JSON { day?.writableISO.map { .string($0) } ?? .null }
  public static func string(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }

  /// Pretty-printed with two-space indentation and a final newline.
  public func write<Target: TextOutputStream>(to target: inout Target) {
    var out = ""
    out.reserveCapacity(4096)
    render(into: &out, indent: 0)
    out.append("\n")
    target.write(out)
  }

  public var text: String {
    var s = ""
    write(to: &s)
    return s
  }

  func render(into out: inout String, indent: Int) {
    switch self {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .int(let i): out.append(String(i))
    case .number(let n): out.append(n)
    case .string(let s): JSON.escape(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out.append("[]")
        return
      }
      out.append("[\n")
      for (index, item) in items.enumerated() {
        out.append(String(repeating: " ", count: indent + 2))
        item.render(into: &out, indent: indent + 2)
        out.append(index + 1 < items.count ? ",\n" : "\n")
      }
      out.append(String(repeating: " ", count: indent))
      out.append("]")
    case .object(let pairs):
      if pairs.isEmpty {
        out.append("{}")
        return
      }
      out.append("{\n")
      for (index, (key, value)) in pairs.enumerated() {
        out.append(String(repeating: " ", count: indent + 2))
        JSON.escape(key, into: &out)
        out.append(": ")
        value.render(into: &out, indent: indent + 2)
        out.append(index + 1 < pairs.count ? ",\n" : "\n")
      }
      out.append(String(repeating: " ", count: indent))
      out.append("}")
    }
  }

  static func escape(_ s: String, into out: inout String) {
    out.append("\"")
    // Most text needs nothing escaped: one byte scan, then the string whole. 0xE2 leads the
    // line and paragraph separators (and other punctuation, which the slow path copies as is).
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
      out.append(s)
      out.append("\"")
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case "\u{2028}": out.append("\\u2028")
      case "\u{2029}": out.append("\\u2029")
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
  }
}
