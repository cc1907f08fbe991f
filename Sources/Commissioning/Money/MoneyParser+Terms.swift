/// The words around an amount: its basis (a year's or the whole term's), its term, a month's
/// figure or a rate, and year ranges such as `2015-2018`.
extension MoneyParser {
  // MARK: - Basis and term

  /// What the words around an amount say: its basis, its term, a rate, and the tokens they used.
  struct Terms {
    var basis = ValueBasis.unknown
    var term: Length?
    var monthly = false
    var rate: String?
    var used: [Range<Int>] = []
    /// Terms stated but not read: `0 months`, a second term, a term past a century.
    var problems: [String] = []
  }

  /// Gives each amount the basis and term its words state (after it up to the next amount, else
  /// before it), a year range's term to the first amount, and `per month` figures made annual.
  static func assignBasisAndTerms(
    _ amounts: inout [Amount], _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>,
    years: YearRange?, used: inout TokenSet, raw: String
  ) {
    for index in amounts.indices {
      let after =
        amounts[index].tokens
        .upperBound..<(index + 1 < amounts.count
        ? amounts[index + 1].tokens.lowerBound : tokens.count)
      let before =
        (index > 0 ? amounts[index - 1].tokens.upperBound : 0)..<amounts[index].tokens.lowerBound
      var terms = basisAndTerm(tokens, bytes, after)
      if terms.basis == .unknown && !terms.monthly && terms.rate == nil {
        let earlier = basisAndTerm(tokens, bytes, before)
        terms.basis = earlier.basis
        terms.monthly = earlier.monthly
        terms.rate = earlier.rate
        terms.term = terms.term ?? earlier.term
        terms.used += earlier.used
        terms.problems += earlier.problems
      }
      for range in terms.used { used.insert(range) }
      for problem in terms.problems {
        amounts[index].findings.append(Finding(.warning, "\(quoted(raw)): \(problem)"))
      }
      if index == 0, let years, !years.isUsable {
        amounts[index].findings.append(years.finding)
      } else if index == 0, let years, terms.term == nil {
        if years.isOneFinancialYear {
          terms.basis = terms.basis == .unknown ? .annual : terms.basis
        } else {
          terms.term = .years(years.last - years.first)
        }
        amounts[index].findings.append(years.finding)
      }
      // A stated term with no annual word makes the figure the whole term's: '£1.2m over 3 years'.
      if terms.term != nil && terms.basis == .unknown && !terms.monthly { terms.basis = .total }
      amounts[index].basis = terms.basis
      amounts[index].term = terms.term
      amounts[index].rate = terms.rate
      if terms.monthly { makeAnnual(&amounts[index], raw: raw) }
    }
  }

  /// `£10,000 per month` is £120,000 a year: the figure becomes the annual one, with a note.
  static func makeAnnual(_ amount: inout Amount, raw: String) {
    let (yearly, overflow) = amount.pence.multipliedReportingOverflow(by: 12)
    if overflow {
      amount.tooLarge = true
      amount.findings.append(
        Finding(
          .error, "\(quoted(raw)) is too large a year (12 months) to hold in pence; no value read"))
      return
    }
    let monthly = Money(minorUnits: amount.pence, currency: amount.currency)
    amount.pence = yearly
    amount.basis = .annual
    amount.findings.append(
      Finding(
        .note,
        "\(quoted(raw)) is \(monthly.formatted) a month; read as \(Money(minorUnits: yearly, currency: amount.currency).formatted) a year"
      ))
  }

  static func basisAndTerm(
    _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Terms {
    var terms = Terms()
    var k = range.lowerBound
    func word(_ offset: Int, _ words: [StaticString]) -> Bool {
      k + offset < range.upperBound && DateParser.isWord(tokens[k + offset], bytes, oneOf: words)
    }
    while k < range.upperBound {
      let t = tokens[k]
      let start = k
      if let (period, next) = periodMarker(tokens, bytes, k, range.upperBound) {
        switch period {
        case .year: terms.basis = .annual
        case .month: terms.monthly = true
        case .rate(let unit): terms.rate = unit
        }
        k = next
      } else if word(0, ["total", "lifetime"]) {
        terms.basis = .total
        k += 1
      } else if word(0, ["whole"]), word(1, ["life"]) {
        terms.basis = .total
        k += 2
      } else if t.kind == .number,
        let (length, next) = lengthAfter(tokens, bytes, k, range.upperBound)
      {
        let written = text(tokens, bytes, k..<next)
        if let length, let first = terms.term, first != length {
          terms.problems.append("states two terms, \(first) and '\(written)'; read \(first)")
        } else if let length {
          terms.term = length
        } else {
          terms.problems.append("'\(written)' is no term (from 1 month to 100 years); ignored")
        }
        k = next
      } else {
        k += 1
        continue
      }
      terms.used.append(start..<k)
    }
    return terms
  }

  enum Period {
    case year
    case month
    case rate(String)
  }

  /// `pa`, `p.a.`, `p/a`, `per annum`, `a year`, `/yr`, `annually`: a year; `per month`, `pcm`,
  /// `monthly`: a month; `per hour`, `a week`, `daily`: a rate. The period and the index after.
  static func periodMarker(
    _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int
  ) -> (Period, Int)? {
    func word(_ offset: Int, _ words: [StaticString]) -> Bool {
      k + offset < end && DateParser.isWord(tokens[k + offset], bytes, oneOf: words)
    }
    func punct(_ offset: Int, _ byte: UInt8) -> Bool {
      k + offset < end && tokens[k + offset].kind == .punct(byte) && !tokens[k + offset].spaced
    }
    if word(0, ["annual", "annually", "yearly", "pa", "annum", "pya"]) { return (.year, k + 1) }
    if word(0, ["monthly", "pcm"]) { return (.month, k + 1) }
    if word(0, ["hourly"]) { return (.rate("per hour"), k + 1) }
    if word(0, ["daily", "weekly", "nightly"]) { return (.rate("by the day or week"), k + 1) }
    // 'p.a.', 'p/a'
    if word(0, ["p"]), punct(1, UInt8(ascii: ".")) || punct(1, UInt8(ascii: "/")), word(2, ["a"]) {
      return (.year, punct(3, UInt8(ascii: ".")) ? k + 4 : k + 3)
    }
    let joins: Bool =
      word(0, ["per", "a", "an", "each", "every"])
      || (k < end && tokens[k].kind == .punct(UInt8(ascii: "/")))
    guard joins, k + 1 < end else { return nil }
    if word(1, ["year", "annum", "yr", "pa"]) { return (.year, k + 2) }
    if word(1, ["month", "mth"]) { return (.month, k + 2) }
    if word(1, ["calendar"]), word(2, ["month"]) { return (.month, k + 3) }
    let rates: [StaticString] = [
      "hour", "hr", "day", "week", "wk", "night", "session", "place", "child", "person", "unit",
      "visit",
    ]
    guard word(1, rates) else { return nil }
    let unit = tokens[k + 1]
    let name = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[unit.start..<unit.end]), as: UTF8.self)
    return (.rate("per " + name.lowercased()), k + 2)
  }

  /// `3 years`, `3-year`, `18 months`, `3 yrs` at `k`: the length (nil when it is none we can
  /// use: `0 months`, more than a century) and the index after it.
  static func lengthAfter(
    _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int
  ) -> (Length?, Int)? {
    var u = k + 1
    if u < end, tokens[u].kind == .punct(UInt8(ascii: "-")), !tokens[u].spaced { u += 1 }
    guard u < end else { return nil }
    let n = tokens[k].value
    let months: Int64
    if DateParser.isWord(tokens[u], bytes, oneOf: ["year", "years", "yr", "yrs", "yearly"]) {
      months = n > 100 ? 1201 : n * 12
    } else if DateParser.isWord(tokens[u], bytes, oneOf: ["month", "months", "mth", "mths", "mo"]) {
      months = n
    } else {
      return nil
    }
    return ((1...1200).contains(months) ? .months(Int(months)) : nil, u + 1)
  }

  static func text(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> String
  {
    String(
      decoding: UnsafeBufferPointer(
        rebasing: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end]),
      as: UTF8.self)
  }

  // MARK: - Year ranges

  /// `2015-2018`, `2015/16`, `2015–18`, `2015 to 2018` in a value cell.
  struct YearRange {
    var first: Int
    var last: Int
    var tokens: Range<Int>
    var text: String
    var isUsable = true

    /// `2015/16` and `2015-16` name one financial year: the figure is that year's.
    var isOneFinancialYear: Bool { last == first + 1 }

    var finding: Finding {
      guard isUsable else {
        return Finding(
          .warning, "'\(text)' is no term (years forwards, at most 50 of them); ignored")
      }
      return isOneFinancialYear
        ? Finding(
          .note, "'\(text)' names the financial year \(first)/\(last % 100); read as a year's value"
        )
        : Finding(
          .note,
          "'\(text)' is read as a term of \(last - first) years (April \(first) to March \(last))")
    }
  }

  static func yearRange(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> YearRange? {
    guard tokens.contains(where: { $0.kind == .number && $0.digits == 4 }) else { return nil }
    // Years inside dates ('from 1 August 2012 to 31 July 2016') are not a year range.
    var inDate = [Bool](repeating: false, count: tokens.count)
    var d = 0
    while d < tokens.count {
      if let (date, next) = DateParser.match(tokens, at: d, bytes: bytes), date.precision != .year {
        for k in d..<next { inDate[k] = true }
        d = next
      } else {
        d += 1
      }
    }
    for k in tokens.indices where tokens[k].kind == .number && tokens[k].digits == 4 && !inDate[k] {
      let first = Int(tokens[k].value)
      guard (1990...2100).contains(first), k + 2 < tokens.count else { continue }
      let joiner = tokens[k + 1]
      let joins =
        joiner.kind == .punct(UInt8(ascii: "-")) || joiner.kind == .punct(UInt8(ascii: "/"))
        || DateParser.isWord(joiner, bytes, oneOf: ["to", "until"])
      let second = tokens[k + 2]
      guard joins, second.kind == .number, second.digits == 4 || second.digits == 2,
        !inDate[k + 2]
      else { continue }
      // A year is never a figure after a currency sign, nor a range followed by a unit word.
      if k > 0, currencyMark(tokens, k - 1, bytes) != nil { continue }
      let last = second.digits == 2 ? first / 100 * 100 + Int(second.value) : Int(second.value)
      // Backwards or longer than 50 years: said, and no term read from it.
      let usable = last > first && last - first <= 50
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[tokens[k].start..<second.end]),
        as: UTF8.self)
      return YearRange(
        first: first, last: last, tokens: k..<(k + 3), text: text, isUsable: usable)
    }
    return nil
  }
}

// MARK: - The value_basis column

extension MoneyParser {
  /// A `value_basis` cell: `annual` or `total`, and for a total the term it is over, in the words
  /// a value cell uses for it (`total over 2 years`, `total (24 months)`, `total, 2-year`).
  public struct BasisCell: Hashable, Sendable {
    public var basis: ValueBasis
    public var term: Length?
  }

  /// Reads a `value_basis` cell with the value cell's own basis and term reading; `nil` when the
  /// cell says something else (an unknown word, no basis, a term that is none or two terms),
  /// which the caller warns of.
  public static func basisCell(_ text: String) -> BasisCell? {
    var text = text
    return text.withUTF8 { bytes -> BasisCell? in
      let tokens = TextScanner.tokens(bytes)
      guard !tokens.isEmpty else { return nil }
      let terms = basisAndTerm(tokens, bytes, 0..<tokens.count)
      guard terms.problems.isEmpty, !terms.monthly, terms.rate == nil, terms.basis != .unknown
      else { return nil }
      var used = [Bool](repeating: false, count: tokens.count)
      for range in terms.used { for k in range { used[k] = true } }
      for (k, token) in tokens.enumerated() where !used[k] {
        switch token.kind {
        case .punct: continue
        case .word where DateParser.isWord(token, bytes, oneOf: ["over", "for", "of", "value"]):
          continue
        default: return nil
        }
      }
      return BasisCell(basis: terms.basis, term: terms.term)
    }
  }
}
