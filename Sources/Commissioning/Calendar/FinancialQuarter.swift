/// A quarter of a UK financial year, which runs from 1 April to 31 March.
///
/// Q1 is April–June, Q2 July–September, Q3 October–December and Q4 January–March of the following
/// calendar year. `2016/17 Q4` is January–March 2017.
public struct FinancialQuarter: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The calendar year in which the financial year starts (2016 for 2016/17).
  public var startYear: Int
  /// 1 to 4.
  public var quarter: Int

  public init(startYear: Int, quarter: Int) {
    self.startYear = startYear
    self.quarter = quarter
  }

  /// The quarter that contains `day`.
  public init(containing day: Day) {
    let (y, m, _) = day.components
    if m >= 4 {
      self.init(startYear: y, quarter: (m - 4) / 3 + 1)
    } else {
      self.init(startYear: y - 1, quarter: 4)
    }
  }

  /// Reads `2016/17 Q1` (also `2016-17 Q1`, `2016/2017 Q1`, `Q1 2016/17`).
  public init?(_ text: String) {
    var digits: [Int] = []
    var current = -1
    var quarter = -1
    var previous: Character = " "
    for ch in text {
      if let d = ch.wholeNumberValue, ch.isASCII {
        if previous == "Q" || previous == "q" {
          quarter = d
        } else {
          // Capped: a long run of digits ('Ref 12345678901234567890') is no year, not a trap.
          current = min((current < 0 ? 0 : current * 10) + d, 100_000)
        }
      } else if current >= 0 {
        digits.append(current)
        current = -1
      }
      previous = ch
    }
    if current >= 0 { digits.append(current) }
    guard digits.count == 2, (1...4).contains(quarter), (1000...9999).contains(digits[0]) else {
      return nil
    }
    let follows =
      digits[1] < 100 ? digits[1] == (digits[0] + 1) % 100 : digits[1] == digits[0] + 1
    guard follows else { return nil }
    self.init(startYear: digits[0], quarter: quarter)
  }

  public var firstDay: Day {
    quarter == 4
      ? Day(validYear: startYear + 1, month: 1, day: 1)
      : Day(validYear: startYear, month: 3 * quarter + 1, day: 1)
  }

  public var lastDay: Day { firstDay.adding(Months(3)).previous }

  public var next: FinancialQuarter {
    quarter == 4
      ? FinancialQuarter(startYear: startYear + 1, quarter: 1)
      : FinancialQuarter(startYear: startYear, quarter: quarter + 1)
  }

  /// `2016/17`.
  public var yearLabel: String {
    let end = (startYear + 1) % 100
    return "\(startYear)/" + Day.twoDigits(end)
  }

  /// `2016/17 Q1`.
  public var description: String { "\(yearLabel) Q\(quarter)" }

  public static func < (lhs: FinancialQuarter, rhs: FinancialQuarter) -> Bool {
    (lhs.startYear, lhs.quarter) < (rhs.startYear, rhs.quarter)
  }
}
