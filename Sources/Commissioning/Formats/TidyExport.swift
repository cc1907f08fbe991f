/// One flat row per contract, every cell a plain value: for DuckDB, Spark and spreadsheet pivots.
///
/// The canonical CSV keeps cells as written (`01/09/2015`, `£6,587,617.27`) so it imports back
/// unchanged; engines cannot compute on those. Here dates are ISO with their precision beside,
/// money a plain decimal with its currency and basis, lists joined with `; `, and a cell the
/// register does not give is empty (CSV) or null (JSON Lines), never a guess.
public enum TidyExport {
  /// The columns, in order; Interchange.md documents each.
  public static let columns = [
    "id", "buyer", "service", "providers", "groups", "commissioner", "cpv", "start",
    "start_precision", "end", "end_precision", "max_end", "max_end_precision", "value",
    "currency", "value_basis", "annual_value", "options_left", "procurement_route", "source",
    "location",
  ]

  /// A cell: text, a decimal number, or nothing known.
  public enum Cell: Equatable, Sendable {
    case text(String)
    case number(String)
    case none
  }

  /// The contract's cells, in ``columns`` order.
  ///
  /// - Parameter council: the buyer when the contract's `buyer` cell is empty.
  public static func cells(_ c: Contract, council: String) -> [Cell] {
    let maxEnd = maximumExtent(c)
    let hasAmount = c.value.amount != nil
    return [
      text(c.id), text(c.buyer.isEmpty ? council : c.buyer), text(c.service),
      text(c.providers.joined(separator: "; ")), text(c.groups.joined(separator: "; ")),
      text(c.commissioner), text(mainCPV(c.cpvText) ?? ""),
      day(c.start.day), precision(c.start), day(c.end.day), precision(c.end),
      day(maxEnd.day), maxEnd.day == nil ? .none : text(maxEnd.precision),
      c.value.amount.map { .number($0.decimalString) } ?? .none,
      c.value.amount.map { .text($0.currency) } ?? .none,
      hasAmount ? text(c.value.basis.rawValue) : .none,
      annualValue(c), text(c.optionsLeft?.inMonths ?? ""), text(c.procurementRoute),
      text(c.source), text("\(c.location.file):\(c.location.line)"),
    ]
  }

  /// The main CPV code, the first in the cell, as its eight digits without the check digit
  /// (`85000000-9; 85300000` gives `85000000`); nil when the cell has no eight-digit code.
  public static func mainCPV(_ text: String) -> String? {
    CPVCode.codes(in: text).first?.digits
  }

  /// The annual value, only when the register states it or it follows from a total and a
  /// term: a figure of unknown basis is not called annual here.
  static func annualValue(_ c: Contract) -> Cell {
    guard !c.annualValueIsAssumed, let annual = c.annualValue else { return .none }
    return .number(annual.decimalString)
  }

  /// The maximum extent and how it is known: as the register states it (at the precision it
  /// is written), or `estimated`, the end with every option taken.
  static func maximumExtent(_ c: Contract) -> (day: Day?, precision: String) {
    if c.statedMaxEnd != nil {
      let reading = DateParser.parse(c.maxEndText, role: .end)
      return (c.statedMaxEnd, reading.day == nil ? "day" : reading.precision.rawValue)
    }
    return (c.maximumExtent, "estimated")
  }

  static func text(_ s: String) -> Cell { s.isEmpty ? .none : .text(s) }
  static func day(_ d: Day?) -> Cell { d?.writableISO.map { .text($0) } ?? .none }
  static func precision(_ r: DateReading) -> Cell {
    r.day?.writableISO == nil ? .none : .text(r.precision.rawValue)
  }

  /// Writes the header and one CSV row per contract, a row a `write`.
  public static func writeCSV<Target: TextOutputStream>(
    _ contracts: [Contract], council: String, to target: inout Target
  ) {
    var line = ""
    CSVWriter.append(columns.map { .text($0) }, to: &line)
    target.write(line)
    for contract in contracts {
      line.removeAll(keepingCapacity: true)
      CSVWriter.append(
        cells(contract, council: council).map { cell in
          switch cell {
          case .text(let s): return .text(s)
          case .number(let s): return .number(s)
          case .none: return .number("")
          }
        }, to: &line)
      target.write(line)
    }
  }

  /// Writes one compact JSON object per line (JSON Lines), keys as ``columns``, numbers as JSON
  /// numbers, unknowns as `null`.
  public static func writeJSONLines<Target: TextOutputStream>(
    _ contracts: [Contract], council: String, to target: inout Target
  ) {
    var line = ""
    for contract in contracts {
      line.removeAll(keepingCapacity: true)
      line.append("{")
      for (index, (key, cell)) in zip(columns, cells(contract, council: council)).enumerated() {
        if index > 0 { line.append(",") }
        JSON.escape(key, into: &line)
        line.append(":")
        switch cell {
        case .text(let s): JSON.escape(s, into: &line)
        case .number(let s): line.append(s)
        case .none: line.append("null")
        }
      }
      line.append("}\n")
      target.write(line)
    }
  }
}

/// A CPV (Common Procurement Vocabulary) code: eight digits, the first two the division, then
/// group, class, category and subcategory; `-9` after them is a check digit, not part of it.
public struct CPVCode: Hashable, Sendable, Comparable {
  /// The eight digits.
  public var digits: String

  /// The first `depth` digits (2 to 8): the division at 2, the group at 3, the class at 4.
  public func prefix(_ depth: Int) -> String { String(digits.prefix(max(2, min(8, depth)))) }

  public static func < (lhs: CPVCode, rhs: CPVCode) -> Bool { lhs.digits < rhs.digits }

  /// The codes in a cell, in order: each run of exactly eight digits; a check digit (`-9`) and
  /// the text between codes (`;`, `,`, spaces, labels) are passed over.
  public static func codes(in text: String) -> [CPVCode] {
    var found: [CPVCode] = []
    var run: [UInt8] = []
    for byte in text.utf8 {
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        run.append(byte)
        continue
      }
      if run.count == 8 { found.append(CPVCode(digits: String(decoding: run, as: UTF8.self))) }
      run.removeAll(keepingCapacity: true)
    }
    if run.count == 8 { found.append(CPVCode(digits: String(decoding: run, as: UTF8.self))) }
    return found
  }
}
