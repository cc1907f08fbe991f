/// A calendar day in the proleptic Gregorian calendar, with no time and no time zone.
///
/// Stored as the number of days since 1970-01-01, so comparison and day arithmetic are integer
/// operations and give the same answer on every machine. Conversions use Howard Hinnant's
/// `days_from_civil` / `civil_from_days` algorithms.
public struct Day: Hashable, Comparable, Sendable {
  /// Days since 1970-01-01 (negative before it), within ``ordinalLimit`` either way.
  public var ordinal: Int

  /// The furthest a day can lie from 1970-01-01: about 2.7 million years.
  ///
  /// Day arithmetic saturates here instead of trapping, so a lead time or notice period of
  /// `Int.max` days gives a far-off (and plainly absurd) day, never a crash; the calendar
  /// conversions stay well inside `Int` for every ordinal in range. Readers bound their counts
  /// (``CouncilRules/maximumDays``) long before this limit matters.
  public static let ordinalLimit = 1_000_000_000

  /// A day from its ordinal (days since 1970-01-01), clamped to ±``ordinalLimit``.
  public init(ordinal: Int) {
    self.ordinal = Swift.min(Swift.max(ordinal, -Day.ordinalLimit), Day.ordinalLimit)
  }

  /// The day with this year, month and day of month, or `nil` when no such day exists.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
      abs(year) <= Day.yearLimit
    else {
      return nil
    }
    self.ordinal = Day.ordinal(year: year, month: month, day: day)
  }

  /// Years beyond this (either way) are not days: well past ``ordinalLimit``, well inside `Int`.
  static let yearLimit = 3_000_000

  /// The day with this year, month and day of month; the caller guarantees the date exists.
  init(validYear year: Int, month: Int, day: Int) {
    self.init(ordinal: Day.ordinal(year: year, month: month, day: day))
  }

  /// Year, month (1–12) and day of month (1–31).
  public var components: (year: Int, month: Int, day: Int) {
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return (y, m, d)
  }

  public var year: Int { components.year }
  public var month: Int { components.month }
  public var dayOfMonth: Int { components.day }

  /// ISO weekday: 1 is Monday, 7 is Sunday.
  public var weekday: Int {
    let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (ISO 4).
    return (w < 0 ? w + 7 : w) + 1
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func ordinal(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The first day of this day's month.
  public var firstOfMonth: Day {
    let c = components
    return Day(validYear: c.year, month: c.month, day: 1)
  }

  /// The last day of this day's month.
  public var lastOfMonth: Day {
    let c = components
    return Day(validYear: c.year, month: c.month, day: Day.daysIn(month: c.month, year: c.year))
  }

  /// Whether this is the last day of its month.
  public var isLastOfMonth: Bool { self == lastOfMonth }
}

extension Day: CustomStringConvertible, LosslessStringConvertible {
  /// ISO 8601, `YYYY-MM-DD`.
  public var description: String { iso }

  /// Reads an ISO `YYYY-MM-DD` day, as used on the command line and in JSON.
  public init?(_ description: String) {
    var text = description
    guard let day = text.withUTF8({ Day.parseISO($0) }) else { return nil }
    self = day
  }

  static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    // No arrays: the first one built costs the runtime more than the whole parse.
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        let digit = Int(bytes[i]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    return Day(year: year, month: month, day: day)
  }

  /// ISO 8601, `YYYY-MM-DD` (years outside 0–9999 are written with a sign, as ISO allows).
  public var iso: String {
    let (y, m, d) = components
    let year: String
    if (0...9999).contains(y) {
      year = String(repeating: "0", count: 4 - String(y).count) + String(y)
    } else {
      year = y < 0 ? "-" + String(-y) : "+" + String(y)
    }
    return year + "-" + Day.twoDigits(m) + "-" + Day.twoDigits(d)
  }

  /// The days an ISO date with a four-digit year names, 0001-01-01 to 9999-12-31: the one rule
  /// for every writer of ISO dates (JSON, OCDS, Mermaid, iCalendar). A day outside is left out
  /// (`null` in JSON, the item in a chart or calendar), with a warning where a command writes it,
  /// never written as `+10000-01-01`, which RFC 3339 and those readers refuse.
  public static let writable =
    Day(validYear: 1, month: 1, day: 1)...Day(validYear: 9999, month: 12, day: 31)

  /// ``iso`` when the day is ``writable``, else nil.
  public var writableISO: String? { Day.writable.contains(self) ? iso : nil }

  static func twoDigits(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}

extension Day {
  public static func - (lhs: Day, rhs: DayCount) -> Day { lhs + DayCount(clampedNegating: rhs) }
  public static func - (lhs: Day, rhs: Day) -> DayCount { DayCount(lhs.ordinal - rhs.ordinal) }

  /// The day `rhs` days on, saturating at ±``ordinalLimit`` (never trapping on a huge count).
  public static func + (lhs: Day, rhs: DayCount) -> Day {
    let (sum, overflow) = lhs.ordinal.addingReportingOverflow(rhs.days)
    return Day(ordinal: overflow ? (rhs.days < 0 ? Int.min : Int.max) : sum)
  }

  /// The next day.
  public var next: Day { Day(ordinal: ordinal + 1) }
  /// The previous day.
  public var previous: Day { Day(ordinal: ordinal - 1) }

  /// This day moved by whole months; a day past the target month's end becomes its last day.
  ///
  /// 31 January + 1 month is 28 (or 29) February. For the end of an inclusive term use
  /// ``extendingTerm(by:)`` instead, which keeps month ends on month ends.
  public func adding(_ months: Months) -> Day {
    let (y, m, d) = components
    // Counts past the calendar's range saturate: the result is then clamped by `init(ordinal:)`.
    let bound = Day.yearLimit * 12
    let count = Swift.min(Swift.max(months.count, -bound), bound)
    let total = y * 12 + (m - 1) + count
    let year = total >= 0 ? total / 12 : (total - 11) / 12
    let month = total - year * 12 + 1
    return Day(validYear: year, month: month, day: min(d, Day.daysIn(month: month, year: year)))
  }

  /// The last day of an inclusive term that ends today, lengthened by whole calendar months.
  ///
  /// Months count by the day of the month (DOMAIN.md section 6): a term ending 30 March extended
  /// by three months ends 30 June, so a pro-rata cost is exactly three twelfths. From a month's
  /// last day the result is the target month's last day (30 September + 6 is 31 March, 28 February
  /// 2017 + 1 is 31 March); where the day does not exist in the target month its last day stands
  /// in (31 or 30 January + 1 is 28 February, 29 in a leap year). Moving the day after instead
  /// made 30 March + 3 months 29 June, and 30 March to 30 June three months and a day.
  public func extendingTerm(by months: Months) -> Day {
    let moved = adding(months)
    // A day saturated at the calendar's limit stays there: moving it to its month's end would
    // step back inside the range and break monotonicity at the far past.
    guard isLastOfMonth, abs(moved.ordinal) < Day.ordinalLimit else { return moved }
    return moved.lastOfMonth
  }

  /// The last day of an inclusive term lengthened by `length`.
  public func extendingTerm(by length: Length) -> Day {
    switch length {
    case .days(let n): return self + DayCount(n)
    case .months(let n): return extendingTerm(by: Months(n))
    }
  }
}

/// A signed number of days between two calendar days.
public struct DayCount: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var days: Int
  public init(_ days: Int) { self.days = days }
  /// `-count`, with `Int.min` (which has no negation) read as `-Int.max`.
  init(clampedNegating count: DayCount) { days = count.days == .min ? .max : -count.days }
  public static func < (lhs: DayCount, rhs: DayCount) -> Bool { lhs.days < rhs.days }
  public var description: String { days == 1 || days == -1 ? "\(days) day" : "\(days) days" }
}

/// A signed number of whole calendar months.
public struct Months: Hashable, Comparable, Sendable {
  public var count: Int
  public init(_ count: Int) { self.count = count }
  public static func < (lhs: Months, rhs: Months) -> Bool { lhs.count < rhs.count }
}

/// A length of time as commissioners write it: whole months (and years, as twelve months) or days.
public enum Length: Hashable, Sendable, CustomStringConvertible {
  case months(Int)
  case days(Int)

  /// `n` years as months (saturating: a count too large for months stays the largest).
  public static func years(_ n: Int) -> Length {
    let (months, overflow) = n.multipliedReportingOverflow(by: 12)
    return .months(overflow ? (n < 0 ? .min : .max) : months)
  }

  /// "6 months", "1 year", "2 years 6 months", "90 days".
  public var description: String {
    switch self {
    case .days(let n): return n == 1 ? "1 day" : "\(n) days"
    case .months(let n):
      let years = n / 12
      let months = n % 12
      var parts: [String] = []
      if years != 0 { parts.append(years == 1 ? "1 year" : "\(years) years") }
      if months != 0 || years == 0 { parts.append(months == 1 ? "1 month" : "\(months) months") }
      return parts.joined(separator: " ")
    }
  }

  /// In months as procurement papers say lead times: `12 months`, `6 months`, `90 days`.
  public var inMonths: String {
    switch self {
    case .days: return description
    case .months(let n): return n == 1 ? "1 month" : "\(n) months"
    }
  }

  /// Short form for tables: `+1y`, `+6m`, `+1y6m`, `+90d`.
  public var compact: String {
    switch self {
    case .days(let n): return "\(n)d"
    case .months(let n):
      let years = n / 12
      let months = n % 12
      if months == 0 { return "\(years)y" }
      if years == 0 { return "\(months)m" }
      return "\(years)y\(months)m"
    }
  }
}

/// The length between two days as whole months plus remaining days, counting inclusive terms.
///
/// `from` is the last day of the current term and `to` the proposed last day; the result is the
/// largest whole months `m` such that `from.extendingTerm(by: m) <= to`, and the days left over:
/// 30 Mar to 29 Jun is 2 months 30 days, to 30 Jun 3 months, to 1 Jul 3 months 1 day.
public func monthsAndDays(from: Day, to: Day) -> (months: Int, days: Int) {
  guard to > from else { return (0, 0) }
  let (fy, fm, _) = from.components
  let (ty, tm, _) = to.components
  // `from` moved by the months between the two months lands in `to`'s month, at or after `to`
  // only when its day of the month is later: the estimate is then one too many, never more.
  var months = (ty - fy) * 12 + (tm - fm)
  while months > 0 && from.extendingTerm(by: Months(months)) > to { months -= 1 }
  // At the calendar's saturated end a month more no longer moves the day, and the loop must stop
  // there rather than count for ever.
  while case let further = from.extendingTerm(by: Months(months + 1)), further <= to,
    further > from.extendingTerm(by: Months(months))
  {
    months += 1
  }
  let reached = from.extendingTerm(by: Months(months))
  return (months, (to - reached).days)
}
