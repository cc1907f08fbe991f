/// Writes RFC 4180 CSV: fields quoted when they hold a comma, quote or line break.
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) are prefixed with `'`, so an exported register cannot carry formula injection.
public struct CSVWriter {
  public private(set) var text = ""

  public init() {}

  /// Appends one record. Numbers (decimal strings we produced) are written as they are.
  public mutating func row(_ cells: [Cell]) { CSVWriter.append(cells, to: &text) }

  public mutating func row(_ cells: [String]) { row(cells.map { Cell.text($0) }) }

  /// Appends one record to `out`, as ``row(_:)-([Cell])`` appends it to ``text``: for writers
  /// that make a row at a time and hand it on (``CanonicalCSVStream``).
  public static func append(_ cells: [Cell], to out: inout String) {
    for (index, cell) in cells.enumerated() {
      if index > 0 { out.append(",") }
      switch cell {
      case .number(let s): out.append(s)
      case .text(let s): CSVWriter.appendField(CSVWriter.neutralised(s), to: &out)
      }
    }
    out.append("\n")
  }

  /// Appends one record exactly as given (quoted where needed, nothing neutralised): for files
  /// the planner reads back, not for spreadsheets.
  public mutating func rawRow(_ cells: [String]) {
    for (index, cell) in cells.enumerated() {
      if index > 0 { text.append(",") }
      CSVWriter.appendField(cell, to: &text)
    }
    text.append("\n")
  }

  public enum Cell {
    case text(String)
    case number(String)
  }

  static func neutralised(_ s: String) -> String {
    startsLikeFormula(s.utf8[...]) ? "'" + s : s
  }

  /// Whether a spreadsheet would run the text as a formula (it starts with `=`, `+`, `-`, `@`,
  /// tab or carriage return), or it already reads as neutralised (`'=A1`, `''=A1`): those get
  /// one more `'`, so the loader, which removes one, gives back exactly what was written.
  static func startsLikeFormula<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
    for b in bytes {
      switch b {
      case UInt8(ascii: "'"): continue
      case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
        return true
      default: return false
      }
    }
    return false
  }

  static func appendField(_ s: String, to out: inout String) {
    let needsQuotes = s.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else {
      out.append(s)
      return
    }
    // By scalar, not by Character: a quote followed by a combining mark is one Character that
    // is not '"', but its quote still ends a field (found by the CSV fuzzer).
    out.append("\"")
    for scalar in s.unicodeScalars {
      if scalar == "\"" { out.unicodeScalars.append(scalar) }
      out.unicodeScalars.append(scalar)
    }
    out.append("\"")
  }
}
