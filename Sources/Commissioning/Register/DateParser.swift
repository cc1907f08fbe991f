/// How precisely a date was written.
public enum DatePrecision: String, Sendable, Hashable {
  case day
  case month
  /// A quarter of a financial year: `Q2 2016/17`.
  case quarter
  /// A half of a financial year: `H1 2017/18`.
  case half
  /// A whole financial year: `2016/17`.
  case financialYear = "financial-year"
  case year
}

/// Which column a date came from: month and year precision resolve to the period's first day for a
/// start and its last day for an end.
public enum DateRole: Sendable {
  case start
  case end
  case review
}

/// Why a cell gives no date: open-ended arrangements differ from unknown ends.
public enum UndatedKind: String, Sendable, Hashable {
  /// No end by design: `Open ended`, `Ongoing; spot contract`, `Spot purchasing (no end date)`.
  case openEnded = "open-ended"
  /// An end exists but the register does not say it: `TBC`, `Various`, `None`, empty.
  case unknown
}

/// A cell that gave no usable date, and why.
public struct Undated: Hashable, Sendable {
  public var kind: UndatedKind
  /// A short reason in plain words, quoting the raw text: `'TBC': to be confirmed`.
  public var reason: String
}

/// What a date cell says, read without loss: the day, its precision, and every assumption made.
public struct DateReading: Hashable, Sendable {
  /// The resolved day (for an end: the last day of a month-only or year-only period).
  public var day: Day?
  public var precision: DatePrecision = .day
  /// The start of a range such as `runs from 1 August 2012 to 31 July 2016`.
  public var rangeStart: Day?
  /// Options written after an end date, as in `March 2017 +1` (years implied) or `+1+1` (two).
  public var options: [Length] = []
  /// The first option written after the end date.
  public var option: Length? { options.first }
  /// Why there is no day, when there is none.
  public var undated: Undated?
  /// Assumptions and problems, to become diagnostics at the cell's location.
  public var findings: [Finding] = []

  public static let empty = DateReading(
    day: nil, undated: Undated(kind: .unknown, reason: "no end date given"))
}

/// Reads the dates councils write in their registers, byte by byte.
///
/// All dates are UK day-first; two-digit years are 20YY. Recognised: ISO `2016-09-30`,
/// `30/9/2017`, `30-09-16`, `31.03.2017`, `30th September 2016`, `31 <sup>st</sup> March 2017`,
/// `1st Aug 2016`, `March 2016` (month precision), `2017` (year precision), ranges (`from … to …`),
/// a trailing option (`March 2017 +1`), and undated phrases (`TBC`, `Open ended`, …).
public enum DateParser {
  /// Reads a cell's text as a date for the given role.
  ///
  /// - Parameter yearStart: the month the council's financial year starts (April, 4, in England),
  ///   for `Q2 2016/17`, `H1 2017/18` and `2016/17`.
  public static func parse(_ text: String, role: DateRole, yearStart: Int = 4) -> DateReading {
    text.withBytes { parse($0, role: role, yearStart: yearStart) }
  }

  /// Reads a cell's bytes as a date for the given role.
  public static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, role: DateRole, yearStart: Int = 4
  ) -> DateReading {
    if let reading = fastReading(bytes, role: role) { return reading }
    return generalReading(bytes, role: role, yearStart: yearStart)
  }

  /// The token-by-token reading of any cell: what ``fastReading(_:role:)`` must agree with.
  static func generalReading(
    _ bytes: UnsafeBufferPointer<UInt8>, role: DateRole, yearStart: Int = 4
  ) -> DateReading {
    // ISO dates, which canonical registers and exports use.
    if bytes.count == 10, let day = Day.parseISO(bytes), (1990...2100).contains(day.year) {
      return DateReading(day: day)
    }
    if let day = excelSerial(bytes) { return excelSerialReading(day, bytes) }
    let tokens = TextScanner.tokens(bytes)
    if tokens.isEmpty { return .empty }
    var candidates: [Candidate] = []
    var invalid: [Candidate] = []
    var options: [Length] = []
    var optionTokens = 0..<0
    var i = 0
    var consumed = [Bool](repeating: false, count: tokens.count)
    while i < tokens.count {
      if let (candidate, next) =
        FinancialPeriod.match(tokens, at: i, bytes: bytes, yearStart: yearStart)
        ?? match(tokens, at: i, bytes: bytes)
      {
        if candidate.invalid {
          invalid.append(candidate)
        } else {
          candidates.append(candidate)
        }
        for k in i..<next { consumed[k] = true }
        i = next
      } else if case .punct(UInt8(ascii: "+")) = tokens[i].kind, i + 1 < tokens.count,
        tokens[i + 1].kind == .number, tokens[i + 1].digits <= 2, !candidates.isEmpty
      {
        var length = Length.years(Int(tokens[i + 1].value))
        var next = i + 2
        if next < tokens.count, tokens[next].kind == .word {
          if isWord(tokens[next], bytes, oneOf: ["month", "months", "m"]) {
            length = .months(Int(tokens[i + 1].value))
            next += 1
          } else if isWord(tokens[next], bytes, oneOf: ["year", "years", "yr", "yrs", "y"]) {
            next += 1
          }
        }
        // `+1+1` is two options, each a year: every one counts toward the maximum extent.
        options.append(length)
        optionTokens = (options.count == 1 ? i : optionTokens.lowerBound)..<next
        for k in i..<next { consumed[k] = true }
        i = next
      } else {
        i += 1
      }
    }
    var reading = DateReading()
    let raw = String(decoding: bytes, as: UTF8.self)
    for candidate in invalid {
      reading.findings.append(
        Finding(
          .error,
          "\(quoted(candidate.text)) is not a date (\(candidate.month > 12 ? "no month \(candidate.month)" : "no day \(candidate.day)"))"
        ))
    }
    guard !candidates.isEmpty else {
      reading.undated =
        invalid.isEmpty
        ? undated(raw, bytes: bytes, tokens: tokens)
        : Undated(kind: .unknown, reason: "not a date (\(quoted(raw)))")
      return reading
    }
    if let option = options.first {
      reading.options = options
      let optionText = String(
        decoding: UnsafeBufferPointer(
          rebasing: bytes[
            tokens[optionTokens.lowerBound].start..<tokens[optionTokens.upperBound - 1].end]),
        as: UTF8.self)
      reading.findings.append(
        Finding(
          .note,
          options.count == 1
            ? "\(quoted(raw)) carries an extension option '\(optionText)'; read as \(option) beyond the end"
            : "\(quoted(raw)) carries \(options.count) extension options '\(optionText)'; read as "
              + options.map(\.description).joined(separator: " + ") + " beyond the end"
        ))
    }
    for candidate in candidates {
      reading.findings.append(contentsOf: candidate.findings(raw: raw, role: role))
    }
    let isRange =
      candidates.count == 2
      && (hasWord(
        tokens, bytes, oneOf: ["to", "until", "till", "and"],
        between: candidates[0].tokens.upperBound, candidates[1].tokens.lowerBound)
        || hasPunct(
          tokens, UInt8(ascii: "-"), between: candidates[0].tokens.upperBound,
          candidates[1].tokens.lowerBound))
    if isRange {
      let start = candidates[0].resolved(for: .start)
      let end = candidates[1].resolved(for: role == .start ? .start : .end)
      if role == .start {
        reading.day = start
        reading.precision = candidates[0].precision
      } else {
        reading.day = end
        reading.rangeStart = start
        reading.precision = candidates[1].precision
      }
      reading.findings.append(
        Finding(.note, "\(quoted(raw)) is a range; read start \(start.iso) and end \(end.iso)"))
      return reading
    }
    var chosen = candidates[0]
    if candidates.count > 1 {
      chosen =
        role == .start
        ? candidates.min { $0.resolved(for: role) < $1.resolved(for: role) } ?? chosen
        : candidates.max { $0.resolved(for: role) < $1.resolved(for: role) } ?? chosen
      reading.findings.append(
        Finding(
          .warning,
          "\(quoted(raw)) holds \(candidates.count) dates; read the \(role == .start ? "earliest" : "latest"), \(chosen.resolved(for: role).iso)"
        ))
    } else if hasFreeText(tokens, consumed, bytes) {
      reading.findings.append(
        Finding(
          .note, "\(quoted(raw)) has words around its date; read \(chosen.resolved(for: role).iso)")
      )
    }
    reading.day = chosen.resolved(for: role)
    reading.precision = chosen.precision
    return reading
  }

  // MARK: - Candidates

  struct Candidate {
    var year: Int
    var month: Int
    var day: Int  // 0 when the precision is month or year
    var precision: DatePrecision
    var tokens: Range<Int>
    var text: String
    var twoDigitYear = false
    var monthFirst = false
    var impossibleDay = false
    /// Shaped like a date but not one: no month 13, no day 0.
    var invalid = false
    /// A financial quarter, half or year: its first and last days, and how to name it.
    var period: FinancialPeriod?

    func resolved(for role: DateRole) -> Day {
      if let period { return role == .start ? period.first : period.last }
      switch precision {
      case .day:
        let last = Day.daysIn(month: month, year: year)
        return Day(validYear: year, month: month, day: min(day, last))
      case .month:
        let last = role == .start ? 1 : Day.daysIn(month: month, year: year)
        return Day(validYear: year, month: month, day: last)
      case .year, .quarter, .half, .financialYear:
        return role == .start
          ? Day(validYear: year, month: 1, day: 1) : Day(validYear: year, month: 12, day: 31)
      }
    }

    func findings(raw: String, role: DateRole) -> [Finding] {
      var findings: [Finding] = []
      let day = resolved(for: role)
      // Quoted only for a finding: most dates have none, and the quoting makes a string.
      lazy var quoted = DateParser.quotedText(text)
      if impossibleDay {
        findings.append(
          Finding(
            .warning,
            "\(quoted) is not a date (\(DateParser.monthNames[month - 1].capitalizedASCII) has \(Day.daysIn(month: month, year: year)) days); read as \(day.iso)"
          ))
      }
      if monthFirst {
        findings.append(
          Finding(
            .warning,
            "\(quoted) is not day-first (no month \(self.day)); read month-first as \(day.iso)"))
      }
      if twoDigitYear {
        findings.append(Finding(.note, "\(quoted) has a two-digit year; read as \(day.iso)"))
      }
      if let period, role != .review {
        findings.append(period.finding(quoted: quoted, role: role, day: day))
        return findings
      }
      switch precision {
      case .month where role != .review:
        findings.append(
          Finding(
            .note,
            "\(quoted) gives a month only; read as its \(role == .start ? "first" : "last") day, \(day.iso)"
          ))
      case .year where role != .review:
        findings.append(
          Finding(
            .warning,
            "\(quoted) gives a year only; read as its \(role == .start ? "first" : "last") day, \(day.iso)"
          ))
      default: break
      }
      if role == .end, precision == .day, !impossibleDay, !day.isLastOfMonth,
        day.next.isLastOfMonth, day.dayOfMonth == 30
      {
        findings.append(
          Finding(
            .note,
            "\(quoted) ends a day before the month's end; check it is not \(day.next.iso)"))
      }
      if year < 1990 || year > 2100 {
        findings.append(
          Finding(.warning, "\(quoted) is far from the register's era (year \(year))"))
      }
      return findings
    }
  }

  static func quotedText(_ text: String) -> String { quoted(text) }

  static let monthNames: [String] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// The month (1–12) a word names, full or abbreviated to three letters or more (`Sept`).
  static func monthNumber(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard token.kind == .word, token.wordLength >= 3, token.wordLength <= 9 else { return nil }
    // No two names share their first three letters: those pick the one name to compare.
    let start = token.start
    let key =
      UInt32(bytes[start] | 0x20) << 16 | UInt32(bytes[start + 1] | 0x20) << 8
      | UInt32(bytes[start + 2] | 0x20)
    guard let index = monthKeys.firstIndex(of: key) else { return nil }
    let name = monthBytes[index]
    guard token.wordLength <= name.count else { return nil }
    for k in 3..<token.wordLength where bytes[start + k] | 0x20 != name[k] { return nil }
    return index + 1
  }

  /// Each month's name as bytes, and its first three letters as one number, for
  /// ``monthNumber(_:_:)``.
  static let monthBytes: [[UInt8]] = monthNames.map { Array($0.utf8) }
  static let monthKeys: [UInt32] = monthBytes.map {
    UInt32($0[0]) << 16 | UInt32($0[1]) << 8 | UInt32($0[2])
  }

  static func isWord(
    _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, oneOf words: [StaticString]
  ) -> Bool {
    guard token.kind == .word else { return false }
    for word in words where word.utf8CodeUnitCount == token.wordLength {
      var equal = true
      word.withUTF8Buffer { w in
        for k in 0..<w.count where bytes[token.start + k] | 0x20 != w[k] {
          equal = false
          break
        }
      }
      if equal { return true }
    }
    return false
  }

  static func isOrdinal(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    isWord(token, bytes, oneOf: ["st", "nd", "rd", "th"])
  }

  static func hasWord(
    _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, oneOf words: [StaticString],
    between lower: Int, _ upper: Int
  ) -> Bool {
    guard lower < upper else { return false }
    return tokens[lower..<upper].contains { isWord($0, bytes, oneOf: words) }
  }

  static func hasPunct(_ tokens: [Token], _ byte: UInt8, between lower: Int, _ upper: Int) -> Bool {
    guard lower < upper, upper - lower == 1 else { return false }
    return tokens[lower].kind == .punct(byte)
  }

  static func hasFreeText(
    _ tokens: [Token], _ consumed: [Bool], _ bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for (index, token) in tokens.enumerated() where !consumed[index] && token.kind == .word {
      if !isWord(token, bytes, oneOf: ["of", "on", "the", "by", "end", "approx"]) { return true }
    }
    return false
  }

  /// Tries to read one date starting at token `i`; returns it and the index after it.
  static func match(
    _ tokens: [Token], at i: Int, bytes: UnsafeBufferPointer<UInt8>
  ) -> (Candidate, Int)? {
    let t = tokens[i]
    func text(_ range: Range<Int>) -> String {
      String(
        decoding: UnsafeBufferPointer(
          rebasing: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end]),
        as: UTF8.self)
    }
    func adjacentNumber(_ k: Int) -> Token? {
      k < tokens.count && tokens[k].kind == .number && !tokens[k].spaced ? tokens[k] : nil
    }
    if t.kind == .number {
      // Numeric forms: 2016-09-30, 30/9/2017, 30-09-16, 31.03.2017.
      if i + 4 < tokens.count, case .punct(let sep) = tokens[i + 1].kind, !tokens[i + 1].spaced,
        sep == UInt8(ascii: "/") || sep == UInt8(ascii: "-") || sep == UInt8(ascii: "."),
        let middle = adjacentNumber(i + 2), tokens[i + 3].kind == .punct(sep),
        !tokens[i + 3].spaced, let last = adjacentNumber(i + 4)
      {
        let range = i..<(i + 5)
        if t.digits == 4, middle.digits <= 2, last.digits <= 2 {
          return candidate(
            year: Int(t.value), month: Int(middle.value), day: Int(last.value),
            twoDigitYear: false, range: range, text: text(range))
        }
        if t.digits <= 2, middle.digits <= 2, last.digits == 2 || last.digits == 4 {
          return candidate(
            year: last.digits == 2 ? 2000 + Int(last.value) : Int(last.value),
            month: Int(middle.value), day: Int(t.value), twoDigitYear: last.digits == 2,
            range: range, text: text(range))
        }
      }
      // Worded forms: 30th September 2016, 31 <sup>st</sup> March 2017, 1 Oct 2015.
      if t.digits <= 2 {
        var k = i + 1
        if k < tokens.count, isOrdinal(tokens[k], bytes) { k += 1 }
        // Excel's `1-Sep-17` and `1/Sep/2017` put a mark either side of the month's name.
        if k + 1 < tokens.count, isNameSeparator(tokens[k]),
          monthNumber(tokens[k + 1], bytes) != nil
        {
          k += 1
        }
        if k < tokens.count, let month = monthNumber(tokens[k], bytes) {
          k += 1
          if k < tokens.count,
            tokens[k].kind == .punct(UInt8(ascii: ",")) || isNameSeparator(tokens[k])
          {
            k += 1
          }
          if k < tokens.count, tokens[k].kind == .number,
            tokens[k].digits == 4 || tokens[k].digits == 2
          {
            let range = i..<(k + 1)
            let year = tokens[k].digits == 2 ? 2000 + Int(tokens[k].value) : Int(tokens[k].value)
            return candidate(
              year: year, month: month, day: Int(t.value), twoDigitYear: tokens[k].digits == 2,
              range: range, text: text(range))
          }
        }
      }
      // A year on its own.
      if t.digits == 4, (1000...9999).contains(t.value) {
        let range = i..<(i + 1)
        return (
          Candidate(
            year: Int(t.value), month: 12, day: 0, precision: .year, tokens: range,
            text: text(range)), i + 1
        )
      }
      return nil
    }
    if let (month, day, year, range) = monthFirst(tokens, at: i, bytes: bytes) {
      return candidate(
        year: year, month: month, day: day, twoDigitYear: false, range: range, text: text(range))
    }
    // Month and year: March 2016, Sept 2016, June 16, and Excel's `Sep-17`.
    if let month = monthNumber(t, bytes) {
      var k = i + 1
      if k < tokens.count, tokens[k].kind == .punct(UInt8(ascii: ",")) || isNameSeparator(tokens[k])
      {
        k += 1
      }
      if k < tokens.count, tokens[k].kind == .number,
        tokens[k].digits == 4 || tokens[k].digits == 2
      {
        let range = i..<(k + 1)
        var c = Candidate(
          year: tokens[k].digits == 2 ? 2000 + Int(tokens[k].value) : Int(tokens[k].value),
          month: month, day: 0, precision: .month, tokens: range, text: text(range))
        c.twoDigitYear = tokens[k].digits == 2
        return (c, k + 1)
      }
    }
    return nil
  }

  /// Month first, as US text writes a day: `March 31, 2017`, `Mar 31st 2017`. Only with a
  /// four-digit year after the day, so `June 16` is still June 2016.
  static func monthFirst(_ tokens: [Token], at i: Int, bytes: UnsafeBufferPointer<UInt8>)
    -> (month: Int, day: Int, year: Int, tokens: Range<Int>)?
  {
    guard let month = monthNumber(tokens[i], bytes), i + 2 < tokens.count,
      tokens[i + 1].kind == .number, tokens[i + 1].digits <= 2, tokens[i + 1].spaced
    else { return nil }
    var k = i + 2
    if isOrdinal(tokens[k], bytes) { k += 1 }
    if k < tokens.count, tokens[k].kind == .punct(UInt8(ascii: ",")) { k += 1 }
    guard k < tokens.count, tokens[k].kind == .number, tokens[k].digits == 4 else { return nil }
    return (month, Int(tokens[i + 1].value), Int(tokens[k].value), i..<(k + 1))
  }

  /// The marks Excel's date formats put beside a month's name: `Sep-17`, `1-Sep-17`, `Sep/17`.
  static func isNameSeparator(_ token: Token) -> Bool {
    token.kind == .punct(UInt8(ascii: "-")) || token.kind == .punct(UInt8(ascii: "/"))
      || token.kind == .punct(UInt8(ascii: "."))
  }

  static func candidate(
    year: Int, month: Int, day: Int, twoDigitYear: Bool, range: Range<Int>, text: String
  ) -> (Candidate, Int)? {
    var month = month
    var day = day
    var monthFirst = false
    if month > 12, day <= 12, month <= 31 {
      swap(&month, &day)
      monthFirst = true
    }
    var c = Candidate(
      year: year, month: month, day: day, precision: .day, tokens: range, text: text)
    c.twoDigitYear = twoDigitYear
    c.monthFirst = monthFirst
    guard (1...12).contains(month), day >= 1, day <= 31 else {
      c.invalid = true
      return (c, range.upperBound)
    }
    c.impossibleDay = day > Day.daysIn(month: month, year: year)
    return (c, range.upperBound)
  }

  // MARK: - Undated texts

  /// Classifies a cell with no date in it: open-ended arrangements versus unknown ends.
  static func undated(
    _ raw: String, bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]
  ) -> Undated {
    let lower = raw.lowercased()
    // Foundation's `contains` (a search by canonical equivalence, some 7,000 instructions a
    // call) decides only when the needle's bytes are there: the needles are lowercase ASCII,
    // and no other text in a lowercased string is canonically equivalent to them.
    func has(_ needle: String) -> Bool {
      lower.containsIgnoringASCIICase(needle) && lower.contains(needle)
    }
    let shown = quoted(raw)
    if has("open ended") || has("open-ended") || has("no end date") || has("ongoing")
      || has("rolling") || has("spot") || has("indefinite") || has("evergreen")
    {
      let why =
        has("spot")
        ? "spot purchasing, open-ended"
        : has("rolling") ? "rolling, open-ended" : "open-ended"
      return Undated(kind: .openEnded, reason: "\(why) (\(shown))")
    }
    let why: String
    if has("tbc") || has("tba") || has("to be confirmed") || has("to be agreed") {
      why = "to be confirmed"
    } else if lower.trimmingASCIISpaces == "none" || has("n/a") || lower.trimmingASCIISpaces == "na"
      || has("not applicable")
    {
      why = "none given"
    } else if has("various") {
      why = "various ends"
    } else if has("as with") || has("part of") || has("linked to") || has("subject to") {
      why = "linked to something else"
    } else if has("annual") || has("quarterly") || has("monthly") || has("currently") {
      why = "a frequency, not a date"
    } else {
      why = "no date found"
    }
    return Undated(kind: .unknown, reason: "\(why) (\(shown))")
  }
}

// MARK: - Fast paths

extension DateParser {
  /// The reading of a cell in one of the forms that fill real registers (empty, ISO
  /// `2016-03-31`, `31/03/2016`, `31.03.2016`, `31-03-16`, `March 2017`), made straight from
  /// the bytes with no tokens, arrays or strings; nil for any other cell, and for one of these
  /// shapes the general reading says more about (a day 0 or 32, a month 13, a year-first order),
  /// which the caller then reads the general way.
  ///
  /// A date it reads goes through the general path's own ``Candidate`` and its findings, so the
  /// reading is the general one exactly: DateFastPathTests compares the two, whole, on a table
  /// of the forms and their near misses and on thousands of generated cells.
  static func fastReading(_ bytes: UnsafeBufferPointer<UInt8>, role: DateRole) -> DateReading? {
    if bytes.isEmpty { return .empty }
    if bytes.count == 10, let day = isoDay(bytes) { return DateReading(day: day) }
    guard let candidate = numericCandidate(bytes) ?? monthYearCandidate(bytes) else {
      return nil
    }
    var reading = DateReading()
    reading.findings = candidate.findings(raw: "", role: role)
    reading.day = candidate.resolved(for: role)
    reading.precision = candidate.precision
    return reading
  }

  /// A spreadsheet's date saved as its serial number, five digits alone (`43190`): Excel's days
  /// from 30 December 1899, for 1 January 2000 (36526) to 31 December 2099 (73050). Outside
  /// those, five digits are no date.
  static func excelSerial(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count == 5, bytes.allSatisfy(TextScanner.isDigit) else { return nil }
    let serial = bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
    guard (36526...73050).contains(serial), let epoch = Day(year: 1899, month: 12, day: 30) else {
      return nil
    }
    return Day(ordinal: epoch.ordinal + serial)
  }

  /// The day an Excel serial stands for, with the warning that says so.
  static func excelSerialReading(_ day: Day, _ bytes: UnsafeBufferPointer<UInt8>) -> DateReading {
    var reading = DateReading(day: day)
    let raw = String(decoding: bytes, as: UTF8.self)
    reading.findings.append(
      Finding(
        .warning,
        "'\(raw)' read as an Excel date serial, \(day.iso); format the column as dates to be sure"
      ))
    return reading
  }

  /// `2016-03-31` in the register's era, as the general path's first check reads it.
  static func isoDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    var year = 0
    var month = 0
    var day = 0
    for i in 0..<10 where i != 4 && i != 7 {
      let digit = Int(bytes[i]) &- 48
      guard digit >= 0, digit <= 9 else { return nil }
      if i < 4 {
        year = year * 10 + digit
      } else if i < 7 {
        month = month * 10 + digit
      } else {
        day = day * 10 + digit
      }
    }
    guard (1990...2100).contains(year) else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// The digits at `i` as a number and how many there were (at most five are read).
  static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (Int, Int) {
    var value = 0
    let start = i
    while i < bytes.count, i - start < 5, TextScanner.isDigit(bytes[i]) {
      value = value * 10 + Int(bytes[i] &- 48)
      i += 1
    }
    return (value, i - start)
  }

  /// `31/03/2016`, `31.03.2016`, `31-03-16` (day first, one mark twice, nothing else in the
  /// cell): a day that exists, else nil (a day 0 or 32 or a month 13 is the general path's to
  /// explain).
  static func numericCandidate(_ bytes: UnsafeBufferPointer<UInt8>) -> Candidate? {
    var i = 0
    let (day, dayDigits) = digitRun(bytes, &i)
    guard dayDigits >= 1, dayDigits <= 2, i < bytes.count else { return nil }
    let mark = bytes[i]
    guard mark == UInt8(ascii: "/") || mark == UInt8(ascii: "-") || mark == UInt8(ascii: ".")
    else { return nil }
    i += 1
    let (month, monthDigits) = digitRun(bytes, &i)
    guard monthDigits >= 1, monthDigits <= 2, i < bytes.count, bytes[i] == mark else {
      return nil
    }
    i += 1
    let (written, yearDigits) = digitRun(bytes, &i)
    guard yearDigits == 2 || yearDigits == 4, i == bytes.count else { return nil }
    let year = yearDigits == 2 ? 2000 + written : written
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
      return nil
    }
    var candidate = Candidate(
      year: year, month: month, day: day, precision: .day, tokens: 0..<5,
      text: String(decoding: bytes, as: UTF8.self))
    candidate.twoDigitYear = yearDigits == 2
    return candidate
  }

  /// `March 2017`, `Sept 2016`: a month's name (three letters or more), one space, a four-digit
  /// year, nothing else.
  static func monthYearCandidate(_ bytes: UnsafeBufferPointer<UInt8>) -> Candidate? {
    var i = 0
    while i < bytes.count, TextScanner.isLetter(bytes[i]) { i += 1 }
    let letters = i
    guard letters >= 3, letters <= 9, bytes.count == letters + 5, bytes[i] == 0x20 else {
      return nil
    }
    i += 1
    let (year, yearDigits) = digitRun(bytes, &i)
    let word = Token(kind: .word, start: 0, end: letters, spaced: true, wordLength: letters)
    guard yearDigits == 4, let month = monthNumber(word, bytes) else { return nil }
    return Candidate(
      year: year, month: month, day: 0, precision: .month, tokens: 0..<2,
      text: String(decoding: bytes, as: UTF8.self))
  }
}

extension String {
  /// The string without leading and trailing ASCII white space.
  var trimmingASCIISpaces: String {
    let utf8 = self.utf8
    guard let first = utf8.firstIndex(where: { $0 > 0x20 }),
      let last = utf8.lastIndex(where: { $0 > 0x20 })
    else { return "" }
    return String(self[first...last])
  }

  /// Whether `needle` (lowercase ASCII) occurs in the string, ASCII letters compared without
  /// case: a byte loop, for the parsers' hot path (no Foundation, no lowercased copy).
  func containsIgnoringASCIICase(_ needle: String) -> Bool {
    var haystack = self
    return haystack.withUTF8 { bytes in
      var pattern = needle
      return pattern.withUTF8 { pattern in
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return pattern.isEmpty }
        let first = pattern[0]
        for start in 0...(bytes.count - pattern.count) {
          let b = bytes[start]
          guard b == first || (b >= 0x41 && b <= 0x5A && b | 0x20 == first) else { continue }
          var i = 1
          while i < pattern.count {
            let c = bytes[start + i]
            let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            if lower != pattern[i] { break }
            i += 1
          }
          if i == pattern.count { return true }
        }
        return false
      }
    }
  }

  /// The first letter upper-cased (ASCII only).
  var capitalizedASCII: String {
    guard let first = first else { return self }
    return first.uppercased() + dropFirst()
  }
}
