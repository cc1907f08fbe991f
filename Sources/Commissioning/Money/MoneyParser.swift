/// Whether a value is for one year or for the whole term.
public enum ValueBasis: String, Sendable, Hashable, CaseIterable {
  case annual
  case total
  case unknown
}

/// What a value cell says, read without loss.
public struct ValueReading: Hashable, Sendable {
  /// The figure the register gives for the contract (the annual one when both are given).
  public var amount: Money?
  public var basis: ValueBasis = .unknown
  /// The annual and total figures when the cell states them.
  public var annual: Money?
  public var total: Money?
  /// A term stated beside the value: `(2 year contract)`, `annually for 3 years`.
  public var term: Length?
  /// `circa £55m`, `approx.`, `estimated`.
  public var isEstimate = false
  /// Why there is no figure, when there is none: `'N/A – formulaic hourly rate': no value given`.
  public var noValue: String?
  public var findings: [Finding] = []
}

/// Reads money as councils write it, byte by byte, into integer pence.
///
/// `£4,852,760`, `£4,737,872.20`, `–£4,859, 856`, `£23m`, `£3.9M`, `£298K`, `£1 million`,
/// `circa £55m`, `£1.5m (2 year contract)`, `£275,000 annually for 3 years`, `£44,400 per annum`,
/// `£90,000 (annual) £270,000 (total)`, mis-grouped `£67,9004.80` and `£19.925, 000` (with a
/// warning), bare `75,224.4` in a table of thousands, and no-value texts such as `N/A`.
public enum MoneyParser {
  /// Reads a value cell. `unitMultiplier` is 1000 for a table in £000s.
  public static func parse(_ text: String, unitMultiplier: Int64 = 1) -> ValueReading {
    text.withBytes { parse($0, unitMultiplier: unitMultiplier) }
  }

  struct Amount {
    var pence: Int64
    var tokens: Range<Int>
    var text: String
    var hasSign: Bool
    var basis: ValueBasis = .unknown
    var term: Length?
    var findings: [Finding] = []
    /// More pence than an Int64 holds: reported, never read.
    var tooLarge = false
  }

  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, unitMultiplier: Int64 = 1)
    -> ValueReading
  {
    var reading = ValueReading()
    let tokens = TextScanner.tokens(bytes)
    let raw = String(decoding: bytes, as: UTF8.self)
    if tokens.isEmpty {
      reading.noValue = "no value given"
      return reading
    }
    let anySign = tokens.contains { $0.kind == .punct(0xA3) }
    var amounts: [Amount] = []
    var i = 0
    while i < tokens.count {
      if let (amount, next) = readAmount(
        tokens, at: i, bytes: bytes, requireSign: anySign, unit: unitMultiplier)
      {
        amounts.append(amount)
        i = next
      } else {
        i += 1
      }
    }
    reading.isEstimate = containsAny(
      tokens, bytes,
      [
        "circa", "c", "approx", "approximately", "around", "about", "estimated", "est",
        "estimate",
      ])
    for amount in amounts where amount.tooLarge { reading.findings += amount.findings }
    if amounts.contains(where: \.tooLarge) {
      amounts.removeAll(where: \.tooLarge)
      if amounts.isEmpty {
        reading.noValue = "\(quoted(raw)): too large to be a contract value"
        return reading
      }
    }
    guard !amounts.isEmpty else {
      reading.noValue = noValueReason(raw)
      return reading
    }
    // Basis and term: the words after each amount up to the next, else the words before it.
    for index in amounts.indices {
      let after =
        amounts[index].tokens
        .upperBound..<(index + 1 < amounts.count
        ? amounts[index + 1].tokens.lowerBound : tokens.count)
      let before =
        (index > 0 ? amounts[index - 1].tokens.upperBound : 0)..<amounts[index].tokens.lowerBound
      var (basis, term) = basisAndTerm(tokens, bytes, after)
      if basis == .unknown {
        let (b, t) = basisAndTerm(tokens, bytes, before)
        basis = b
        term = term ?? t
      }
      amounts[index].basis = basis
      amounts[index].term = term
    }
    for amount in amounts { reading.findings.append(contentsOf: amount.findings) }
    let annual = amounts.first { $0.basis == .annual }
    let total = amounts.first { $0.basis == .total }
    reading.annual = annual.map { Money(minorUnits: $0.pence) }
    reading.total = total.map { Money(minorUnits: $0.pence) }
    // The first figure is the contract's value; a second one states the other basis or is noise.
    let primary = amounts[0]
    reading.basis = primary.basis
    reading.amount = Money(minorUnits: primary.pence)
    reading.term = amounts.lazy.compactMap(\.term).first
    if amounts.count > 1 && !(annual != nil && total != nil && amounts.count == 2) {
      reading.findings.append(
        Finding(
          .warning,
          "\(quoted(raw)) holds \(amounts.count) amounts; read \(primary.text) as the contract's value"
        ))
    } else if wordCount(tokens, bytes) > 4 {
      reading.findings.append(
        Finding(
          .note, "\(quoted(raw)) is free text; read \(Money(minorUnits: primary.pence).formatted)"))
    }
    if reading.basis == .total, let term = reading.term {
      reading.findings.append(
        Finding(
          .note,
          "\(quoted(raw)) is a total over \(term); its annual value is derived from that term"))
    }
    if !anySign && unitMultiplier == 1 {
      reading.findings.append(Finding(.note, "\(quoted(raw)) has no currency sign; read as pounds"))
    }
    if primary.pence < 0 {
      reading.findings.append(Finding(.warning, "\(quoted(raw)) is negative"))
    }
    if reading.isEstimate {
      reading.findings.append(
        Finding(
          .note, "\(quoted(raw)) is an estimate; read \(Money(minorUnits: primary.pence).formatted)"
        ))
    }
    return reading
  }

  /// Reads one amount at token `i`: an optional sign, `£`, digit groups, decimals, a multiplier.
  static func readAmount(
    _ tokens: [Token], at start: Int, bytes: UnsafeBufferPointer<UInt8>, requireSign: Bool,
    unit: Int64
  ) -> (Amount, Int)? {
    var i = start
    var negative = false
    var dashSeparator = false
    var hasSign = false
    if case .punct(UInt8(ascii: "-")) = tokens[i].kind, i + 1 < tokens.count,
      !tokens[i + 1].spaced
    {
      // An ASCII '-' directly before a figure is a minus; a typographic dash is a separator.
      if tokens[i].end - tokens[i].start == 1 { negative = true } else { dashSeparator = true }
      i += 1
    }
    if tokens[i].kind == .punct(0xA3) {
      hasSign = true
      i += 1
      if i < tokens.count, tokens[i].kind == .punct(UInt8(ascii: "-")) {
        negative = true
        i += 1
      }
    }
    guard i < tokens.count, tokens[i].kind == .number else { return nil }
    if requireSign && !hasSign { return nil }
    if !hasSign && (negative || dashSeparator) && start == i - 1 && tokens[start].spaced == false
      && start > 0
    {
      return nil
    }
    let first = tokens[i]
    // Digit groups: the first, then ',' or '.' separated groups, possibly after a stray space.
    var groups: [(sep: UInt8, token: Token)] = []
    var j = i + 1
    var straySpace = false
    while j + 1 < tokens.count, case .punct(let sep) = tokens[j].kind,
      sep == UInt8(ascii: ",") || sep == UInt8(ascii: "."), !tokens[j].spaced,
      tokens[j + 1].kind == .number
    {
      if tokens[j + 1].spaced {
        // '£4,859, 856' has a stray space; '£40,000, and' is a list, so only 3-digit groups join.
        guard sep == UInt8(ascii: ","), tokens[j + 1].digits == 3 else { break }
        straySpace = true
      }
      groups.append((sep, tokens[j + 1]))
      j += 2
    }
    var mantissa = first.value
    var decimals = 0
    var irregular = false
    var pointAsThousands = false
    var overflow = first.value == Int64.max
    for (index, group) in groups.enumerated() {
      let isLast = index == groups.count - 1
      if group.sep == UInt8(ascii: ".") {
        if isLast && group.token.digits <= 2 {
          decimals = group.token.digits
        } else if group.token.digits == 3 && first.value != 0 {
          // '£19.925, 000': a point before three digits groups thousands (not for '£0.005').
          pointAsThousands = true
        } else {
          // '£0.005', '£1.2345': a decimal finer than a penny (the rounding says so), but a
          // point before other groups ('£1.2345.67') is no grouping we know.
          decimals = group.token.digits
          irregular = irregular || !isLast
        }
      } else if group.token.digits != 3 {
        irregular = true
      }
      for _ in 0..<group.token.digits {
        let (m, o) = mantissa.multipliedReportingOverflow(by: 10)
        mantissa = m
        overflow = overflow || o
      }
      let (s, o) = mantissa.addingReportingOverflow(group.token.value)
      mantissa = s
      overflow = overflow || o
    }
    if first.digits > 3 && !groups.isEmpty && groups[0].sep == UInt8(ascii: ",") {
      irregular = true
    }
    // Multiplier: £23m, £3.9M, £298K, £1 million, £2bn.
    var multiplier: Int64 = 1
    if j < tokens.count, tokens[j].kind == .word {
      if DateParser.isWord(tokens[j], bytes, oneOf: ["m", "million", "mn", "mil"]) {
        multiplier = 1_000_000
        j += 1
      } else if DateParser.isWord(tokens[j], bytes, oneOf: ["k", "thousand"]) {
        multiplier = 1000
        j += 1
      } else if DateParser.isWord(tokens[j], bytes, oneOf: ["bn", "billion"]) {
        multiplier = 1_000_000_000
        j += 1
      } else if !tokens[j].spaced {
        return nil  // '3rd', '12months': a number in a word, not money.
      }
    }
    if !hasSign {
      // A bare number followed by a unit word is a count, not money: '2 year contract', '19 providers'.
      if j < tokens.count, tokens[j].kind == .word, multiplier == 1 { return nil }
      if j < tokens.count, tokens[j].kind == .punct(UInt8(ascii: "%")) { return nil }
    }
    // pence = mantissa × 100 × multiplier × unit ÷ 10^decimals, rounded half up. The product is
    // formed in 128 bits, so '£8,000,000,000,000,000.00' is not refused for a step on the way;
    // the pence must fit in 64 bits.
    var pence: Int64 = 0
    var finerThanAPenny = false
    var scaled = Int128(mantissa)
    for factor in [100, multiplier, unit] where !overflow {
      let (product, o) = scaled.multipliedReportingOverflow(by: Int128(factor))
      scaled = product
      overflow = o
    }
    if !overflow && decimals <= 30 {
      var divisor: Int128 = 1
      for _ in 0..<decimals { divisor *= 10 }
      let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
      let rounded = quotient + (remainder * 2 >= divisor && divisor > 1 ? 1 : 0)
      finerThanAPenny = remainder != 0
      if let exact = Int64(exactly: rounded) { pence = exact } else { overflow = true }
    } else {
      overflow = true
    }
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[tokens[start].start..<tokens[j - 1].end]),
      as: UTF8.self)
    var amount = Amount(
      pence: negative ? -pence : pence, tokens: start..<j, text: text, hasSign: hasSign)
    let money = Money(minorUnits: amount.pence)
    if overflow {
      amount.pence = 0
      amount.tooLarge = true
      amount.findings.append(
        Finding(
          .error,
          "'\(text)' is too large or too precise to hold in pence (the most is \(Money(minorUnits: .max).formatted(alwaysShowPence: true))); no value read"
        ))
      return (amount, j)
    }
    // Accounting style: '(£5,000)' is minus £5,000.
    if start > 0, j < tokens.count, tokens[start - 1].kind == .punct(UInt8(ascii: "(")),
      tokens[j].kind == .punct(UInt8(ascii: ")")), !negative
    {
      amount.pence = -amount.pence
      amount.findings.append(
        Finding(.note, "'(\(text))' is in brackets; read as minus \(money.formatted)"))
    }
    if pointAsThousands {
      amount.findings.append(
        Finding(.warning, "'\(text)' uses '.' as a thousands separator; read as \(money.formatted)")
      )
    } else if irregular {
      amount.findings.append(
        Finding(.warning, "'\(text)' has irregular digit grouping; read as \(money.formatted)"))
    }
    if straySpace {
      amount.findings.append(
        Finding(.note, "'\(text)' has a stray space; read as \(money.formatted)"))
    }
    if dashSeparator {
      amount.findings.append(
        Finding(.note, "'\(text)' starts with a dash; read as a separator, not a minus"))
    }
    if finerThanAPenny {
      amount.findings.append(
        Finding(
          .note,
          "'\(text)' is finer than a penny; rounded to \(money.formatted(alwaysShowPence: true))"))
    }
    return (amount, j)
  }

  static func basisAndTerm(
    _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> (ValueBasis, Length?) {
    var basis = ValueBasis.unknown
    var term: Length?
    var k = range.lowerBound
    while k < range.upperBound {
      let t = tokens[k]
      if DateParser.isWord(t, bytes, oneOf: ["annual", "annually", "yearly", "pa", "annum"]) {
        basis = .annual
      } else if DateParser.isWord(t, bytes, oneOf: ["per", "a", "each"]), k + 1 < range.upperBound,
        DateParser.isWord(tokens[k + 1], bytes, oneOf: ["year", "annum", "yr"])
      {
        basis = .annual
        k += 1
      } else if DateParser.isWord(t, bytes, oneOf: ["total", "lifetime"]) {
        basis = .total
      } else if t.kind == .number, t.digits <= 2, k + 1 < range.upperBound,
        DateParser.isWord(tokens[k + 1], bytes, oneOf: ["year", "years", "yr", "yrs"])
      {
        term = .years(Int(t.value))
        // '(2 year contract)' states the total's term; 'annually for 3 years' keeps annual.
        if k + 2 < range.upperBound,
          DateParser.isWord(tokens[k + 2], bytes, oneOf: ["contract", "term", "period"]),
          basis == .unknown
        {
          basis = .total
        }
        k += 1
      }
      k += 1
    }
    return (basis, term)
  }

  static func containsAny(
    _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ words: [StaticString]
  ) -> Bool {
    tokens.contains { DateParser.isWord($0, bytes, oneOf: words) }
      || tokens.contains { $0.kind == .punct(UInt8(ascii: "~")) }
  }

  static func wordCount(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    tokens.reduce(0) { count, token in
      guard token.kind == .word, token.wordLength > 2 else { return count }
      let known = DateParser.isWord(
        token, bytes,
        oneOf: [
          "annual", "annually", "total", "per", "annum", "year", "years", "contract", "for",
          "circa", "approx", "million", "each", "the", "and", "in",
        ])
      return known ? count : count + 1
    }
  }

  static func noValueReason(_ raw: String) -> String {
    let has = raw.containsIgnoringASCIICase
    let word = raw.trimmingASCIISpaces.lowercased()
    let why: String
    if has("part of") || has("included in") || has("within") {
      why = "part of another contract"
    } else if has("formula") || has("rate") {
      why = "priced by a rate, no contract value"
    } else if has("spot") || has("various") {
      why = "various or spot purchases, no contract value"
    } else if has("tbc") || has("to be confirmed") {
      why = "to be confirmed"
    } else if has("n/a") || word == "none" || word == "na" || has("no value") {
      why = "no value given"
    } else {
      why = "no amount found"
    }
    return "\(quoted(raw)): \(why)"
  }
}
