/// A quarter, half or whole of a council's financial year, as registers write an end:
/// `Q2 2016/17`, `2016-17 Q2`, `Quarter 2 2016/17`, `H1 2017/18`, `FY 2016/17 Q3`, `2016/17`.
///
/// The year starts in the council's month (April in England: Q1 is April to June), so
/// `Q2 2016/17` ends on 30 September 2016. `Q2 2016`, with no financial year, is read as the
/// calendar quarter with a warning, since it could be either.
struct FinancialPeriod: Hashable {
  enum Kind: Hashable {
    case quarter(Int)
    case half(Int)
    case year
  }

  var kind: Kind
  var first: Day
  var last: Day
  /// `2016/17`, or `2016` for a calendar quarter.
  var yearLabel: String
  var isCalendar = false

  var precision: DatePrecision {
    switch kind {
    case .quarter: return .quarter
    case .half: return .half
    case .year: return .financialYear
    }
  }

  /// The note (a warning for a calendar quarter) that says how the period was read.
  func finding(quoted: String, role: DateRole, day: Day) -> Finding {
    let which = role == .start ? "first" : "last"
    if isCalendar {
      return Finding(
        .warning,
        "\(quoted) names no financial year; read as the calendar quarter's \(which) day, \(day.iso)"
      )
    }
    let name: String
    switch kind {
    case .quarter(let q): name = "quarter \(q) of the financial year \(yearLabel)"
    case .half(let h): name = "half \(h) of the financial year \(yearLabel)"
    case .year: name = "the financial year \(yearLabel)"
    }
    return Finding(.note, "\(quoted) is \(name); read as its \(which) day, \(day.iso)")
  }

  /// The period in `yearStart`'s financial year beginning in `startYear`.
  init?(kind: Kind, startYear: Int, yearStart: Int, label: String) {
    let months: Int
    let offset: Int
    switch kind {
    case .quarter(let q):
      guard (1...4).contains(q) else { return nil }
      (months, offset) = (3, 3 * (q - 1))
    case .half(let h):
      guard (1...2).contains(h) else { return nil }
      (months, offset) = (6, 6 * (h - 1))
    case .year: (months, offset) = (12, 0)
    }
    guard (1...12).contains(yearStart), (1000...9998).contains(startYear) else { return nil }
    let yearFirst = Day(validYear: startYear, month: yearStart, day: 1)
    let first = yearFirst.adding(Months(offset))
    self.kind = kind
    self.first = first
    self.last = first.adding(Months(months)).previous
    self.yearLabel = label
  }

  // MARK: - Reading

  /// Reads a financial period at token `i`, as a date candidate and the index after it.
  static func match(
    _ tokens: [Token], at i: Int, bytes: UnsafeBufferPointer<UInt8>, yearStart: Int
  ) -> (DateParser.Candidate, Int)? {
    // '[FY] 2016/17 [Q2|H1|Quarter 2]'
    var k = i
    if DateParser.isWord(tokens[k], bytes, oneOf: ["fy"]) { k += 1 }
    if let (startYear, label, afterYear) = financialYear(tokens, at: k, bytes) {
      if let (kind, next) = part(tokens, at: afterYear, bytes) {
        return candidate(kind, startYear, label, yearStart, tokens, i..<next, bytes)
      }
      return candidate(.year, startYear, label, yearStart, tokens, i..<afterYear, bytes)
    }
    // '[Q2|H1|Quarter 2] [FY] 2016/17', or a calendar 'Q2 2016'.
    guard let (kind, afterPart) = part(tokens, at: i, bytes), afterPart < tokens.count else {
      return nil
    }
    k = afterPart
    if DateParser.isWord(tokens[k], bytes, oneOf: ["fy"]), k + 1 < tokens.count { k += 1 }
    if let (startYear, label, next) = financialYear(tokens, at: k, bytes) {
      return candidate(kind, startYear, label, yearStart, tokens, i..<next, bytes)
    }
    guard case .quarter = kind, tokens[k].kind == .number, tokens[k].digits == 4 else {
      return nil
    }
    let year = Int(tokens[k].value)
    guard var match = candidate(kind, year, String(year), 1, tokens, i..<(k + 1), bytes) else {
      return nil
    }
    match.0.period?.isCalendar = true
    return match
  }

  static func candidate(
    _ kind: Kind, _ startYear: Int, _ label: String, _ yearStart: Int, _ tokens: [Token],
    _ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>
  ) -> (DateParser.Candidate, Int)? {
    guard
      let period = FinancialPeriod(
        kind: kind, startYear: startYear, yearStart: yearStart, label: label)
    else { return nil }
    let text = String(
      decoding: UnsafeBufferPointer(
        rebasing: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end]),
      as: UTF8.self)
    var c = DateParser.Candidate(
      year: period.last.year, month: period.last.month, day: 0, precision: period.precision,
      tokens: range, text: text)
    c.period = period
    return (c, range.upperBound)
  }

  /// `2016/17`, `2016-17`, `2016/2017` at `k` (consecutive years): the first year, the label
  /// and the index after it. `2016-2017` is left to the date parser, which reads it as a range.
  static func financialYear(_ tokens: [Token], at k: Int, _ bytes: UnsafeBufferPointer<UInt8>)
    -> (Int, String, Int)?
  {
    guard k + 2 < tokens.count, tokens[k].kind == .number, tokens[k].digits == 4,
      case .punct(let sep) = tokens[k + 1].kind, !tokens[k + 1].spaced,
      sep == UInt8(ascii: "/") || sep == UInt8(ascii: "-"),
      tokens[k + 2].kind == .number, !tokens[k + 2].spaced
    else { return nil }
    let first = Int(tokens[k].value)
    let second = tokens[k + 2]
    switch second.digits {
    case 2 where Int(second.value) == (first + 1) % 100: break
    case 4 where sep == UInt8(ascii: "/") && Int(second.value) == first + 1: break
    default: return nil
    }
    // '2016-17-03' is no financial year.
    if k + 3 < tokens.count, tokens[k + 3].kind == .punct(sep), !tokens[k + 3].spaced {
      return nil
    }
    return (first, "\(first)/" + Day.twoDigits((first + 1) % 100), k + 3)
  }

  /// `Q2`, `Qtr 2`, `Quarter 2`, `H1`, `Half 1` at `k`: the part and the index after it.
  static func part(_ tokens: [Token], at k: Int, _ bytes: UnsafeBufferPointer<UInt8>)
    -> (Kind, Int)?
  {
    guard k + 1 < tokens.count, tokens[k + 1].kind == .number, tokens[k + 1].digits == 1 else {
      return nil
    }
    let n = Int(tokens[k + 1].value)
    let joined = !tokens[k + 1].spaced
    if DateParser.isWord(tokens[k], bytes, oneOf: ["quarter", "qtr"])
      || (joined && DateParser.isWord(tokens[k], bytes, oneOf: ["q"]))
    {
      return (1...4).contains(n) ? (.quarter(n), k + 2) : nil
    }
    if DateParser.isWord(tokens[k], bytes, oneOf: ["half"])
      || (joined && DateParser.isWord(tokens[k], bytes, oneOf: ["h"]))
    {
      return (1...2).contains(n) ? (.half(n), k + 2) : nil
    }
    return nil
  }
}
