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
  /// A term stated beside the value: `(2 year contract)`, `annually for 3 years`, `2015-2018`.
  public var term: Length?
  /// `circa £55m`, `approx.`, `estimated`.
  public var isEstimate = false
  /// Why there is no figure, when there is none: `'N/A – formulaic hourly rate': no value given`.
  public var noValue: String?
  public var findings: [Finding] = []

  /// Whether the figure is in pounds; another currency is kept, never converted or summed.
  public var isInPounds: Bool { amount.map { $0.currency == "GBP" } ?? true }
}

/// Reads money as councils write it, byte by byte, into integer pence.
///
/// `£4,852,760`, `£4,737,872.20`, `–£4,859, 856`, `£1 500 000` (spaces, no-break spaces or
/// apostrophes between groups), `1.5E+07` (a spreadsheet's scientific notation), `£23m`, `£3.9M`,
/// `£298K`, `£3tn`, `circa £55m`, `£1.5m (2 year contract)`, `£1.2m over 3 years`,
/// `£275,000 annually for 3 years`, `£44,400 per annum`, `£100k p.a.`, `£10,000 per month`,
/// `£90,000 (annual) £270,000 (total)`, `500 USD`, `EUR 1,234.56`, mis-grouped `£67,9004.80` and
/// `£19.925, 000` (with a warning), bare `75,224.4` in a table of thousands, and no-value texts
/// such as `N/A`. Whatever is not read whole says so: a value is never silently shrunk.
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
    var currency = "GBP"
    var basis: ValueBasis = .unknown
    var term: Length?
    /// `per hour`, `a week`: a rate, not a contract's value.
    var rate: String?
    var findings: [Finding] = []
    /// More pence than an Int64 holds: reported, never read.
    var tooLarge = false
  }

  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, unitMultiplier: Int64 = 1)
    -> ValueReading
  {
    if let reading = fastReading(bytes, unit: unitMultiplier) { return reading }
    return generalReading(bytes, unitMultiplier: unitMultiplier)
  }

  /// The character right after a digit (or after the spaces after it) that is not ASCII and not
  /// one the reader knows there (a currency sign, a dash or minus, a space, a quote), or nil.
  static func unreadAfterFigure(_ bytes: UnsafeBufferPointer<UInt8>) -> Character? {
    var i = 1
    while i < bytes.count {
      defer { i += 1 }
      guard TextScanner.isDigit(bytes[i - 1]) else { continue }
      // As a unit may follow its figure after a space (`£5 k`).
      while i < bytes.count && bytes[i] == UInt8(ascii: " ") { i += 1 }
      guard i < bytes.count, bytes[i] >= 0xC0 else { continue }
      let width = bytes[i] >= 0xF0 ? 4 : bytes[i] >= 0xE0 ? 3 : 2
      guard i + width <= bytes.count else { return nil }
      let character = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + width)]), as: UTF8.self)
      if !knownAfterFigure.contains(character) { return character.first }
    }
    return nil
  }

  /// `U+212A`, each scalar of a character.
  static func codePoints(_ character: Character) -> String {
    character.unicodeScalars.map {
      let hex = String($0.value, radix: 16, uppercase: true)
      return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }.joined(separator: " ")
  }

  /// What may follow a figure without being a unit: currency signs, dashes, the minus sign,
  /// spaces (no-break, thin, narrow), an ellipsis, `’` grouping thousands (`£1’500’000`) and
  /// `×` (`3×£5k`).
  static let knownAfterFigure: Set<String> = [
    "£", "€", "\u{A0}", "\u{2009}", "\u{202F}", "\u{2007}", "\u{2010}", "\u{2011}", "\u{2012}",
    "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{2026}", "\u{2019}", "\u{2018}", "\u{201C}",
    "\u{201D}", "×",
  ]

  /// The token-by-token reading of any cell: what ``fastReading(_:unit:)`` must agree with.
  static func generalReading(_ bytes: UnsafeBufferPointer<UInt8>, unitMultiplier: Int64 = 1)
    -> ValueReading
  {
    var reading = ValueReading()
    let tokens = TextScanner.tokens(bytes)
    let raw = String(decoding: bytes, as: UTF8.self)
    if tokens.isEmpty {
      reading.noValue = "no value given"
      return reading
    }
    if bytes.first(where: { $0 > 0x20 }) == UInt8(ascii: "=") {
      reading.noValue = "\(quoted(raw)): a spreadsheet formula, not its value"
      reading.findings.append(
        Finding(
          .warning,
          "\(quoted(raw)) is a spreadsheet formula, not its value; no value read (save the sheet's values)"
        ))
      return reading
    }
    if let unread = unreadAfterFigure(bytes) {
      // `£5K` with the Kelvin sign, `£5М` with a Cyrillic М: a unit that looks like one but is
      // not read would make the figure a thousandth or a millionth of what is written.
      reading.noValue = "\(quoted(raw)): '\(unread)' after a figure is not a unit this reads"
      reading.findings.append(
        Finding(
          .warning,
          "\(quoted(raw)) has '\(unread)' (\(codePoints(unread))) right after a figure, which "
            + "is not read as a unit; no value (write it as k, m or bn)"
        ))
      return reading
    }
    var used = TokenSet(count: tokens.count)
    let years = yearRange(tokens, bytes)
    if let years { used.insert(years.tokens) }
    var amounts = readAmounts(tokens, bytes, unit: unitMultiplier, skipping: years?.tokens)
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
      if tokens.contains(where: { $0.kind == .number }) && !looksLikeNoValue(raw) {
        reading.findings.append(
          Finding(.warning, "\(quoted(raw)) has figures but no amount could be read; no value"))
      }
      return reading
    }
    for amount in amounts { used.insert(amount.tokens) }
    assignBasisAndTerms(&amounts, tokens, bytes, years: years, used: &used, raw: raw)
    if amounts[0].tooLarge {
      // '£9e16 per month': a year's worth beyond pence is no value, never a figure used anyway.
      reading.findings += amounts[0].findings
      reading.noValue = "\(quoted(raw)): too large to be a contract value"
      return reading
    }
    if let rate = amounts[0].rate {
      reading.noValue = "\(quoted(raw)): a rate \(rate), no contract value"
      reading.findings.append(
        Finding(.note, "\(quoted(raw)) is a rate \(rate), not a contract value; no value"))
      return reading
    }
    compose(&reading, amounts, raw: raw)
    describe(&reading, amounts, tokens, bytes, raw: raw, used: used, unit: unitMultiplier)
    return reading
  }

  /// Reads every amount in the cell; when any amount carries a currency, bare numbers are not
  /// amounts (`£40,000 for 19 providers`).
  static func readAmounts(
    _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, unit: Int64, skipping: Range<Int>?
  ) -> [Amount] {
    let anySign = tokens.indices.contains { currencyMark(tokens, $0, bytes) != nil }
    var amounts: [Amount] = []
    var i = 0
    while i < tokens.count {
      if let skipping, skipping.contains(i) {
        i = skipping.upperBound
        continue
      }
      if let (amount, next) = readAmount(
        tokens, at: i, bytes: bytes, requireSign: anySign, unit: unit)
      {
        amounts.append(amount)
        i = next
      } else {
        i += 1
      }
    }
    return amounts
  }

  /// The figure, its basis and term, from the amounts read.
  static func compose(_ reading: inout ValueReading, _ amounts: [Amount], raw: String) {
    for amount in amounts { reading.findings.append(contentsOf: amount.findings) }
    let annual = amounts.first { $0.basis == .annual }
    let total = amounts.first { $0.basis == .total }
    reading.annual = annual.map { Money(minorUnits: $0.pence, currency: $0.currency) }
    reading.total = total.map { Money(minorUnits: $0.pence, currency: $0.currency) }
    // The first figure is the contract's value; a second one states the other basis or is noise.
    let primary = amounts[0]
    reading.basis = primary.basis
    reading.amount = Money(minorUnits: primary.pence, currency: primary.currency)
    reading.term = amounts.lazy.compactMap(\.term).first
  }

  /// The notes and warnings a reading needs: several amounts, free text, a derived annual value,
  /// no currency sign, a negative or estimated figure, another currency, figures left unread.
  static func describe(
    _ reading: inout ValueReading, _ amounts: [Amount], _ tokens: [Token],
    _ bytes: UnsafeBufferPointer<UInt8>, raw: String, used: TokenSet, unit: Int64
  ) {
    let primary = amounts[0]
    let money = Money(minorUnits: primary.pence, currency: primary.currency)
    let pair =
      amounts.count == 2 && reading.annual != nil && reading.total != nil
    if amounts.count > 1 && !pair {
      reading.findings.append(
        Finding(
          .warning,
          "\(quoted(raw)) holds \(amounts.count) amounts; read \(primary.text) as the contract's value"
        ))
    } else if let unread = unreadFigures(tokens, bytes, used: used) {
      reading.findings.append(
        Finding(
          .warning,
          "\(quoted(raw)): read \(money.formatted) and left \(quoted(unread)) unread; check the value"
        ))
    } else if wordCount(tokens, bytes) > 4 {
      reading.findings.append(
        Finding(.note, "\(quoted(raw)) is free text; read \(money.formatted)"))
    }
    if reading.basis == .total, let term = reading.term {
      reading.findings.append(
        Finding(
          .note,
          "\(quoted(raw)) is a total over \(term); its annual value is derived from that term"))
    }
    if !amounts.contains(where: \.hasSign) && unit == 1 {
      reading.findings.append(Finding(.note, "\(quoted(raw)) has no currency sign; read as pounds"))
    }
    if primary.currency != "GBP" {
      reading.findings.append(
        Finding(
          .warning,
          "\(quoted(raw)) is in \(primary.currency); kept as \(money.formatted), never converted or added to pounds"
        ))
    }
    if primary.pence < 0 {
      reading.findings.append(Finding(.warning, "\(quoted(raw)) is negative"))
    }
    if primary.pence.magnitude >= implausible {
      reading.findings.append(
        Finding(
          .warning,
          "\(quoted(raw)) is \(money.formatted), more than any council contract is worth; check the figure"
        ))
    }
    if reading.isEstimate {
      reading.findings.append(
        Finding(.note, "\(quoted(raw)) is an estimate; read \(money.formatted)"))
    }
  }

  /// £10 billion in pence: a figure at or above it is read, but warned of, since no council
  /// contract comes near it (a slip of `tn` for `m`, or a spreadsheet's stray exponent).
  static let implausible: UInt64 = 1_000_000_000_000

  // MARK: - One amount

  /// The digits of an amount as written: the whole number and its decimals, before any scale.
  struct Figure {
    var mantissa: Int64
    var decimals = 0
    var exponent = 0
    var irregular = false
    var pointAsThousands = false
    var straySpace = false
    /// The grouping by spaces or apostrophes, when it was one: `' '`, `'\''`.
    var spaceGrouped = false
    var scientific = false
    /// `1.000.000,50`: points for thousands, a comma for decimals.
    var european = false
    var overflow = false
  }

  /// Points before three-digit groups, then a comma before one or two digits: `1.000.000,50`.
  static func isEuropean(_ groups: [(sep: UInt8, token: Token)]) -> Bool {
    guard groups.count >= 2, let last = groups.last, last.sep == UInt8(ascii: ","),
      last.token.digits <= 2, !last.token.spaced
    else { return false }
    return groups.dropLast().allSatisfy { $0.sep == UInt8(ascii: ".") && $0.token.digits == 3 }
  }

  /// `E+07` or `E07` with no figure before it: an exponent, not an amount of £7.
  static func isBareExponent(_ tokens: [Token], _ i: Int, _ bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard !tokens[i].spaced, i >= 1 else { return false }
    var k = i - 1
    if case .punct(let sign) = tokens[k].kind,
      sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
    {
      guard k >= 1, !tokens[k].spaced else { return false }
      k -= 1
    }
    return DateParser.isWord(tokens[k], bytes, oneOf: ["e"])
  }

  /// Reads one amount at token `i`: an optional sign, a currency, digit groups, decimals, an
  /// exponent, a multiplier and a currency code after it.
  static func readAmount(
    _ tokens: [Token], at start: Int, bytes: UnsafeBufferPointer<UInt8>, requireSign: Bool,
    unit: Int64
  ) -> (Amount, Int)? {
    var i = start
    var negative = false
    var dashSeparator = false
    var currency: String?
    if case .punct(UInt8(ascii: "-")) = tokens[i].kind, i + 1 < tokens.count,
      !tokens[i + 1].spaced
    {
      // An ASCII '-' directly before a figure is a minus; a typographic dash is a separator.
      if tokens[i].end - tokens[i].start == 1 { negative = true } else { dashSeparator = true }
      i += 1
    }
    if let mark = currencyMark(tokens, i, bytes) {
      currency = mark.code
      i = mark.next
      if i < tokens.count, tokens[i].kind == .punct(UInt8(ascii: "-")) {
        negative = true
        i += 1
      }
    }
    guard i < tokens.count, tokens[i].kind == .number else { return nil }
    if isBareExponent(tokens, i, bytes) { return nil }
    if currency == nil && (negative || dashSeparator) && start == i - 1
      && tokens[start].spaced == false && start > 0
    {
      return nil
    }
    var (figure, j) = readFigure(tokens, at: i, bytes)
    // Multiplier: £23m, £3.9M, £298K, £1 million, £2bn, £3tn.
    var multiplier: Int64 = 1
    if j < tokens.count, tokens[j].kind == .word {
      if let scale = multiplierWord(tokens[j], bytes) {
        multiplier = scale
        j += 1
      } else if !tokens[j].spaced, currencyMark(tokens, j, bytes) == nil {
        return nil  // '3rd', '12months': a number in a word, not money.
      }
    }
    var conflict: String?
    if let mark = currencyMark(tokens, j, bytes), mark.isCode {
      if let currency, mark.code != currency { conflict = mark.code }  // '£5 USD'
      currency = currency ?? mark.code  // '500 USD'
      j = mark.next
    }
    if start > 0, let currency, let before = currencyMark(tokens, start - 1, bytes), before.isCode,
      before.next == start, before.code != currency
    {
      conflict = before.code  // 'USD £5'
    }
    if currency == nil {
      if requireSign { return nil }
      // A bare number followed by a unit word is a count, not money: '2 year contract', '19 providers'.
      if j < tokens.count, tokens[j].kind == .word, multiplier == 1 { return nil }
      if j < tokens.count, tokens[j].kind == .punct(UInt8(ascii: "%")) { return nil }
    }
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[tokens[start].start..<tokens[j - 1].end]),
      as: UTF8.self)
    let (pence, finerThanAPenny) = scaledPence(&figure, by: 100, multiplier, unit)
    var amount = Amount(
      pence: negative ? -pence : pence, tokens: start..<j, text: text, hasSign: currency != nil)
    amount.currency = currency ?? "GBP"
    if figure.overflow {
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
        Finding(
          .note,
          "'(\(text))' is in brackets; read as minus \(Money(minorUnits: pence, currency: amount.currency).formatted)"
        ))
    }
    if let conflict {
      amount.findings.append(
        Finding(
          .warning,
          "'\(text)' names two currencies, \(amount.currency) and \(conflict); read as \(amount.currency), check the figure"
        ))
    }
    amount.findings += figureFindings(
      figure, text: text, money: Money(minorUnits: amount.pence, currency: amount.currency),
      dashSeparator: dashSeparator, finerThanAPenny: finerThanAPenny)
    return (amount, j)
  }

  /// What the way a figure was written says about it.
  static func figureFindings(
    _ figure: Figure, text: String, money: Money, dashSeparator: Bool, finerThanAPenny: Bool
  ) -> [Finding] {
    var findings: [Finding] = []
    if figure.scientific {
      findings.append(
        Finding(
          .warning,
          "'\(text)' is in scientific notation, as a spreadsheet shows a number it has rounded; read as \(money.formatted), check the figure"
        ))
    }
    if figure.european {
      findings.append(
        Finding(
          .warning,
          "'\(text)' uses '.' for thousands and ',' for pence, as in Europe; read as \(money.formatted(alwaysShowPence: true))"
        ))
    }
    if figure.pointAsThousands {
      findings.append(
        Finding(.warning, "'\(text)' uses '.' as a thousands separator; read as \(money.formatted)")
      )
    } else if figure.irregular {
      findings.append(
        Finding(.warning, "'\(text)' has irregular digit grouping; read as \(money.formatted)"))
    }
    if figure.spaceGrouped {
      findings.append(
        Finding(
          .note,
          "'\(text)' groups its digits with spaces or apostrophes; read as \(money.formatted)"
        ))
    }
    if figure.straySpace {
      findings.append(Finding(.note, "'\(text)' has a stray space; read as \(money.formatted)"))
    }
    if dashSeparator {
      findings.append(
        Finding(.note, "'\(text)' starts with a dash; read as a separator, not a minus"))
    }
    if finerThanAPenny {
      findings.append(
        Finding(
          .note,
          "'\(text)' is finer than a penny; rounded to \(money.formatted(alwaysShowPence: true))"))
    }
    return findings
  }

  /// Reads the digits of an amount from the number token at `i`: groups separated by `,`, `.`,
  /// an apostrophe or a space (a no-break or narrow one too), decimals and an exponent.
  static func readFigure(
    _ tokens: [Token], at i: Int, _ bytes: UnsafeBufferPointer<UInt8>
  ) -> (Figure, Int) {
    let first = tokens[i]
    var figure = Figure(mantissa: first.value)
    figure.overflow = first.value == Int64.max
    var groups: [(sep: UInt8, token: Token)] = []
    var j = i + 1
    while j < tokens.count {
      if let (sep, next) = groupSeparator(tokens, j, bytes, first: first, groups: groups) {
        groups.append((sep, tokens[next]))
        if tokens[next].spaced && sep == UInt8(ascii: ",") { figure.straySpace = true }
        j = next + 1
      } else {
        break
      }
    }
    let scaledByWord = j < tokens.count && multiplierWord(tokens[j], bytes) != nil
    if isEuropean(groups) {
      // '£1.000.000,50': points group thousands and a comma gives the pence, as in Europe.
      for group in groups { appendDigits(&figure, group.token) }
      figure.decimals = groups[groups.count - 1].token.digits
      figure.european = true
      return (figure, j)
    }
    for (index, group) in groups.enumerated() {
      let isLast = index == groups.count - 1
      switch group.sep {
      case UInt8(ascii: "."):
        if isLast && group.token.digits <= 2 {
          figure.decimals = group.token.digits
        } else if group.token.digits == 3 && first.value != 0 && !scaledByWord {
          // '£19.925, 000': a point before three digits groups thousands (not for '£0.005', nor
          // before a multiplier: '£1.234m' is a decimal).
          figure.pointAsThousands = true
        } else {
          // '£0.005', '£1.2345': a decimal finer than a penny (the rounding says so), but a
          // point before other groups ('£1.2345.67') is no grouping we know.
          figure.decimals = group.token.digits
          figure.irregular = figure.irregular || !isLast
        }
      case UInt8(ascii: " "), UInt8(ascii: "'"):
        figure.spaceGrouped = true
      default:
        if group.token.digits != 3 { figure.irregular = true }
      }
      appendDigits(&figure, group.token)
    }
    if first.digits > 3 && !groups.isEmpty && groups[0].sep == UInt8(ascii: ",") {
      figure.irregular = true
    }
    if let (exponent, next) = exponent(tokens, j, bytes) {
      figure.exponent = exponent
      figure.scientific = true
      j = next
    }
    return (figure, j)
  }

  static func appendDigits(_ figure: inout Figure, _ token: Token) {
    for _ in 0..<token.digits {
      let (m, o) = figure.mantissa.multipliedReportingOverflow(by: 10)
      figure.mantissa = m
      figure.overflow = figure.overflow || o
    }
    let (s, o) = figure.mantissa.addingReportingOverflow(token.value)
    figure.mantissa = s
    figure.overflow = figure.overflow || o
  }

  /// The separator at `j` that joins the next digit group, and the group's token index.
  ///
  /// `,` or `.` directly between digits; `,` then a space before three digits (a stray space:
  /// `£4,859, 856`); an apostrophe (`1'500'000`) or one space of any kind (`1 500 000`,
  /// U+00A0, U+202F, U+2009, U+2019) before exactly three digits, after a first group of at most
  /// three and only while every group so far was joined the same way.
  static func groupSeparator(
    _ tokens: [Token], _ j: Int, _ bytes: UnsafeBufferPointer<UInt8>, first: Token,
    groups: [(sep: UInt8, token: Token)]
  ) -> (UInt8, Int)? {
    if j + 1 < tokens.count, case .punct(let sep) = tokens[j].kind, !tokens[j].spaced,
      tokens[j + 1].kind == .number
    {
      switch sep {
      case UInt8(ascii: ","), UInt8(ascii: "."):
        if tokens[j + 1].spaced {
          // '£4,859, 856' has a stray space; '£40,000, and' is a list: only 3-digit groups join.
          guard sep == UInt8(ascii: ","), tokens[j + 1].digits == 3 else { return nil }
        }
        return (sep, j + 1)
      case UInt8(ascii: "'"):
        guard tokens[j + 1].digits == 3, !tokens[j + 1].spaced, first.digits <= 3,
          groups.allSatisfy({ $0.sep == UInt8(ascii: "'") })
        else { return nil }
        return (sep, j + 1)
      default: return nil
      }
    }
    let token = tokens[j]
    // Nothing joins after decimals ('£1.50 500' is two figures).
    guard token.kind == .number, token.spaced, token.digits == 3, first.digits <= 3,
      groups.allSatisfy({ $0.sep == UInt8(ascii: " ") }),
      isOneSpace(bytes, from: tokens[j - 1].end, to: token.start)
    else { return nil }
    // Not when the group is a count: '£1 500 providers' stays £1 and 500 left unread.
    if j + 1 < tokens.count, tokens[j + 1].kind == .word, tokens[j + 1].spaced,
      multiplierWord(tokens[j + 1], bytes) == nil, !isCurrencyCode(tokens[j + 1], bytes)
    {
      return nil
    }
    return (UInt8(ascii: " "), j)
  }

  /// Whether the bytes between two tokens are one space: ASCII, no-break (U+00A0), thin
  /// (U+2009), narrow no-break (U+202F), or a typographic apostrophe (U+2019).
  static func isOneSpace(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
    switch to - from {
    case 1: return bytes[from] == 0x20
    case 2: return bytes[from] == 0xC2 && bytes[from + 1] == 0xA0
    case 3:
      return bytes[from] == 0xE2 && bytes[from + 1] == 0x80
        && (bytes[from + 2] == 0x89 || bytes[from + 2] == 0xAF || bytes[from + 2] == 0x99)
    default: return false
    }
  }

  /// `E+07`, `e30`, `E-2` directly after the digits: the exponent and the index after it.
  static func exponent(
    _ tokens: [Token], _ j: Int, _ bytes: UnsafeBufferPointer<UInt8>
  ) -> (Int, Int)? {
    guard j < tokens.count, !tokens[j].spaced, DateParser.isWord(tokens[j], bytes, oneOf: ["e"])
    else { return nil }
    var k = j + 1
    var negative = false
    if k < tokens.count, !tokens[k].spaced, case .punct(let sign) = tokens[k].kind,
      sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
    {
      negative = sign == UInt8(ascii: "-")
      k += 1
    }
    guard k < tokens.count, tokens[k].kind == .number, !tokens[k].spaced else { return nil }
    // Capped: an exponent past 99 is too large whatever the digits, and says so.
    let value = Int(min(tokens[k].value, 99))
    return (negative ? -value : value, k + 1)
  }

  /// pence = mantissa × factors × 10^exponent ÷ 10^decimals, rounded half up, formed in 128 bits
  /// so that no step on the way is refused; only the pence must fit in 64 bits.
  static func scaledPence(_ figure: inout Figure, by a: Int64, _ b: Int64, _ c: Int64)
    -> (Int64, Bool)
  {
    var scaled = Int128(figure.mantissa)
    var overflow = figure.overflow
    let shift = figure.decimals - figure.exponent
    // The factors, then one ten for each place a positive exponent moves the point right.
    var step = 0
    let steps = 3 + (shift < 0 ? min(-shift, 40) : 0)
    while step < steps && !overflow {
      let factor: Int128 =
        step == 0 ? Int128(a) : step == 1 ? Int128(b) : step == 2 ? Int128(c) : 10
      let (product, o) = scaled.multipliedReportingOverflow(by: factor)
      scaled = product
      overflow = o
      step += 1
    }
    var pence: Int64 = 0
    var finer = false
    if !overflow && shift > 30 {
      // '1e-400': far finer than a penny, so nothing, with the rounding's note.
      return (0, figure.mantissa != 0)
    }
    if !overflow {
      var divisor: Int128 = 1
      for _ in 0..<max(shift, 0) { divisor *= 10 }
      let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
      let rounded = quotient + (remainder * 2 >= divisor && divisor > 1 ? 1 : 0)
      finer = remainder != 0
      if let exact = Int64(exactly: rounded) { pence = exact } else { overflow = true }
    }
    figure.overflow = overflow
    return (pence, finer)
  }

  static func multiplierWord(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    if DateParser.isWord(token, bytes, oneOf: ["m", "million", "mn", "mil", "millions"]) {
      return 1_000_000
    }
    if DateParser.isWord(token, bytes, oneOf: ["k", "thousand", "thousands"]) { return 1000 }
    if DateParser.isWord(token, bytes, oneOf: ["bn", "billion", "b"]) { return 1_000_000_000 }
    if DateParser.isWord(token, bytes, oneOf: ["tn", "trillion"]) { return 1_000_000_000_000 }
    return nil
  }
  // MARK: - What is left

  /// The tokens of a cell that something has read, as bits (a cell rarely has more than 64
  /// tokens), so reading a value allocates nothing for it.
  struct TokenSet {
    private var bits: UInt64 = 0
    private var many: [Bool]?

    init(count: Int) { if count > 64 { many = [Bool](repeating: false, count: count) } }

    mutating func insert(_ k: Int) {
      if many != nil { many?[k] = true } else { bits |= 1 << UInt64(k) }
    }

    mutating func insert(_ range: Range<Int>) { for k in range { insert(k) } }

    func contains(_ k: Int) -> Bool { many.map { $0[k] } ?? (bits >> UInt64(k) & 1 == 1) }
  }

  /// Figures in the cell that no amount, term, year range or date used: `£1 5000` reads £1 and
  /// leaves `5000`. Counts before a word (`19 providers`) are not figures left unread.
  static func unreadFigures(
    _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, used: TokenSet
  ) -> String? {
    var k = 0
    var unread: [String] = []
    while k < tokens.count {
      if used.contains(k) || tokens[k].kind != .number {
        k += 1
        continue
      }
      // A date ('from 1 August 2009') is no figure left unread; nor a year of the register's era.
      if let (date, next) = DateParser.match(tokens, at: k, bytes: bytes),
        date.precision != .year || (1990...2100).contains(date.year)
      {
        k = next
        continue
      }
      // A count before a word ('19 providers') or a label after one ('Contract 1', 'Lot 2').
      let scaled = k + 1 < tokens.count && multiplierWord(tokens[k + 1], bytes) != nil
      let followedByWord = k + 1 < tokens.count && tokens[k + 1].kind == .word && !scaled
      let label = k > 0 && tokens[k - 1].kind == .word && tokens[k].spaced
      if !followedByWord && !label {
        let end = scaled ? tokens[k + 1].end : tokens[k].end
        unread.append(
          String(
            decoding: UnsafeBufferPointer(rebasing: bytes[tokens[k].start..<end]), as: UTF8.self))
      }
      k += scaled ? 2 : 1
    }
    return unread.isEmpty ? nil : unread.joined(separator: " ")
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
          "circa", "approx", "million", "each", "the", "and", "in", "over",
        ])
      return known ? count : count + 1
    }
  }

  /// Whether the text says there is no value (`N/A`, `TBC`, `part of …`), so figures in it
  /// (`N/A – 2 providers`) are not an amount that failed to read.
  static func looksLikeNoValue(_ raw: String) -> Bool {
    !noValueReason(raw).hasSuffix(": no amount found")
  }

  static func noValueReason(_ raw: String) -> String {
    let has = raw.containsIgnoringASCIICase
    // Made only when the words before do not decide: a lowered copy is a string a cell.
    var word: String { raw.trimmingASCIISpaces.lowercased() }
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
