/// The options to extend a contract, as drafted: each option's length, in order.
public struct ExtensionOptions: Hashable, Sendable {
  /// Each option's length (`5+2+2` gives two options of two years).
  public var periods: [Length]
  /// The initial term, when the text states it (`3+1`, `five years, with an option …`).
  public var initialTerm: Length?
  /// `up to two years`: the options may be taken in shorter steps.
  public var upTo: Bool

  public init(periods: [Length], initialTerm: Length? = nil, upTo: Bool = false) {
    self.periods = periods
    self.initialTerm = initialTerm
    self.upTo = upTo
  }

  public static let none = ExtensionOptions(periods: [])

  /// The last day the options allow, from the current end.
  public func maximumExtent(from end: Day) -> Day {
    periods.reduce(end) { $0.extendingTerm(by: $1) }
  }

  /// `2 × 1 year`, `1 year`, `up to 2 years`.
  public var summary: String {
    guard !periods.isEmpty else { return "none" }
    if periods.count > 1, Set(periods).count == 1 {
      return "\(periods.count) × \(periods[0])"
    }
    let joined = periods.map(\.description).joined(separator: " + ")
    return upTo ? "up to \(joined)" : joined
  }
}

/// What an extension-options cell says.
public struct OptionsReading: Hashable, Sendable {
  public var options: ExtensionOptions?
  public var findings: [Finding] = []
}

/// Reads extension options as registers and notices write them.
///
/// `3+1`, `5+2+2`, `+1`, `up to two years`, `up to 24 months in 12 month increments`,
/// `2 x 12 months`, `12 months + 12 months`, `(12 months + 12 months)`,
/// `five years, with an option to extend for up to two years`,
/// `option to extend for a further 1 year`, `none`.
public enum OptionsParser {
  public static func parse(_ text: String) -> OptionsReading {
    text.withBytes { parse($0) }
  }

  struct Quantity {
    var count: Int
    var unit: Unit?
    var index: Int  // token index of the number
    var end: Int  // token index after the quantity
    enum Unit { case years, months, weeks, days }

    var length: Length? {
      switch unit {
      case .years, nil: return .years(count)
      case .months: return .months(count)
      case .weeks: return .days(count * 7)
      case .days: return .days(count)
      }
    }
  }

  static let numberWords: [StaticString] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
  ]

  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> OptionsReading {
    // An empty cell, as most are, says nothing: no string, tokens or findings to make.
    if bytes.isEmpty { return OptionsReading() }
    if let reading = fastReading(bytes) { return reading }
    return generalReading(bytes)
  }

  /// The token-by-token reading of any cell: what ``fastReading(_:)`` must agree with.
  static func generalReading(_ bytes: UnsafeBufferPointer<UInt8>) -> OptionsReading {
    let raw = String(decoding: bytes, as: UTF8.self)
    let tokens = TextScanner.tokens(bytes)
    var reading = OptionsReading()
    if tokens.isEmpty {
      // Blank says nothing; anything else ('✓', '?') is text we could not read, and says so.
      if !raw.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
        reading.findings.append(
          Finding(.warning, "could not read extension options \(quoted(raw)); options unknown"))
      }
      return reading
    }
    let lower = raw.lowercased().trimmingASCIISpaces
    if ["none", "n/a", "na", "no", "no options", "no extension", "nil", "-", "–", "—"].contains(
      lower)
    {
      reading.options = ExtensionOptions.none
      return reading
    }
    // Quantities: a number or number word, then an optional unit.
    var quantities: [Quantity] = []
    var k = 0
    while k < tokens.count {
      var count: Int?
      if tokens[k].kind == .number, tokens[k].digits <= 3 {
        count = Int(tokens[k].value)
      } else if let n = numberWords.firstIndex(where: {
        DateParser.isWord(tokens[k], bytes, oneOf: [$0])
      }) {
        count = n + 1
      } else if DateParser.isWord(tokens[k], bytes, oneOf: ["a", "an", "further", "additional"]),
        k + 1 < tokens.count,
        DateParser.isWord(tokens[k + 1], bytes, oneOf: ["year", "month"])
      {
        count = 1
      }
      guard let count else {
        k += 1
        continue
      }
      var end = k + 1
      var unit: Quantity.Unit?
      if end < tokens.count {
        let t = tokens[end]
        if DateParser.isWord(t, bytes, oneOf: ["year", "years", "yr", "yrs", "y"]) {
          unit = .years
        } else if DateParser.isWord(t, bytes, oneOf: ["month", "months", "mth", "mths", "m"]) {
          unit = .months
        } else if DateParser.isWord(t, bytes, oneOf: ["week", "weeks", "wk", "wks", "w"]) {
          unit = .weeks
        } else if DateParser.isWord(t, bytes, oneOf: ["day", "days", "d"]) {
          unit = .days
        }
        if unit != nil { end += 1 }
      }
      quantities.append(Quantity(count: count, unit: unit, index: k, end: end))
      k = end
    }
    guard !quantities.isEmpty else {
      reading.findings.append(
        Finding(.warning, "could not read extension options \(quoted(raw)); options unknown"))
      return reading
    }
    func isPunct(_ index: Int, _ byte: UInt8) -> Bool {
      index >= 0 && index < tokens.count && tokens[index].kind == .punct(byte)
    }
    let keyword = tokens.firstIndex {
      DateParser.isWord(
        $0, bytes,
        oneOf: ["option", "options", "extend", "extension", "extensions", "further", "plus"])
    }
    let upTo = tokens.indices.contains { i in
      i + 1 < tokens.count && DateParser.isWord(tokens[i], bytes, oneOf: ["up"])
        && DateParser.isWord(tokens[i + 1], bytes, oneOf: ["to"])
    }
    var options = ExtensionOptions(periods: [], upTo: upTo)
    // '2 x 12 months': a count of equal options.
    if quantities.count == 2, quantities[0].unit == nil,
      tokens[quantities[0].end..<quantities[1].index].contains(where: {
        DateParser.isWord($0, bytes, oneOf: ["x", "times"]) || $0.kind == .punct(UInt8(ascii: "*"))
      })
    {
      if let length = quantities[1].length {
        options.periods = Array(repeating: length, count: quantities[0].count)
      }
      reading.options = options
      return reading
    }
    // 'up to 24 months in 12 month increments'.
    if let incrementIndex = tokens.firstIndex(where: {
      DateParser.isWord($0, bytes, oneOf: ["increments", "increment", "periods", "tranches"])
    }), quantities.count >= 2,
      let step = quantities.last(where: { $0.end <= incrementIndex }),
      let whole = quantities.first, let total = months(of: whole), let size = months(of: step),
      size > 0, total % size == 0
    {
      options.periods = Array(repeating: .months(size), count: total / size)
      reading.options = options
      return reading
    }
    let plusJoined = quantities.indices.dropFirst().allSatisfy {
      isPunct(quantities[$0].index - 1, UInt8(ascii: "+"))
    }
    let unitless = quantities.allSatisfy { $0.unit == nil }
    if quantities.count >= 2, plusJoined, unitless,
      !isPunct(quantities[0].index - 1, UInt8(ascii: "+"))
    {
      // '3+1', '5+2+2': an initial term in years, then options in years.
      options.initialTerm = .years(quantities[0].count)
      options.periods = quantities.dropFirst().compactMap(\.length)
      reading.findings.append(
        Finding(
          .note,
          "\(quoted(raw)) read as an initial term of \(Length.years(quantities[0].count)) and \(options.summary) of options"
        ))
    } else if let keyword, quantities.count >= 2, quantities[0].index < keyword,
      quantities[0].unit != nil
    {
      // 'five years, with an option to extend for up to two years'.
      options.initialTerm = quantities[0].length
      options.periods = quantities.dropFirst().compactMap(\.length)
    } else {
      options.periods = quantities.compactMap(\.length)
      if unitless {
        reading.findings.append(
          Finding(.note, "\(quoted(raw)) gives no unit; read as years (\(options.summary))"))
      }
    }
    reading.options = options
    return reading
  }

  // MARK: - Fast path

  /// The two forms most registers write, read straight from the bytes: `3+1` or `5+2+2` (an
  /// initial term then options, in years; at most three digits each, no spaces) and `2 x 12
  /// months` or `2 x 1 years` (single spaces, lower case). Nil for anything else, which the
  /// general reading takes; the same reading as it, note and all (FastPathTests compares them).
  static func fastReading(_ bytes: UnsafeBufferPointer<UInt8>) -> OptionsReading? {
    var i = 0
    func count() -> Int? {
      var value = 0
      let start = i
      while i < bytes.count, i - start < 4, TextScanner.isDigit(bytes[i]) {
        value = value * 10 + Int(bytes[i] &- 48)
        i += 1
      }
      return (1...3).contains(i - start) ? value : nil
    }
    guard let first = count(), i < bytes.count else { return nil }
    if bytes[i] == UInt8(ascii: "+") {
      var periods: [Length] = []
      while i < bytes.count, bytes[i] == UInt8(ascii: "+") {
        i += 1
        guard let next = count() else { return nil }
        periods.append(.years(next))
      }
      guard i == bytes.count else { return nil }
      let options = ExtensionOptions(periods: periods, initialTerm: .years(first))
      let raw = String(decoding: bytes, as: UTF8.self)
      let note = Finding(
        .note,
        "\(quoted(raw)) read as an initial term of \(Length.years(first)) and \(options.summary) of options"
      )
      return OptionsReading(options: options, findings: [note])
    }
    guard bytes.hasPrefix(" x ", at: i) else { return nil }
    i += 3
    guard let size = count() else { return nil }
    let length: Length
    if bytes.hasPrefix(" months", at: i) {
      (length, i) = (.months(size), i + 7)
    } else if bytes.hasPrefix(" years", at: i) {
      (length, i) = (.years(size), i + 6)
    } else {
      return nil
    }
    guard i == bytes.count else { return nil }
    return OptionsReading(
      options: ExtensionOptions(periods: Array(repeating: length, count: first)))
  }

  static func months(of quantity: Quantity) -> Int? {
    switch quantity.length {
    case .months(let m): return m
    default: return nil
    }
  }
}
