import Foundation
import Testing

@testable import Commissioning

@Suite("Calendar days")
struct CalendarTests {
  @Test(
    "ISO round trip and components",
    arguments: [
      ("1970-01-01", 0), ("2016-02-29", 16_860), ("2016-09-30", 17_074), ("2000-03-01", 11_017),
      ("1900-01-01", -25_567), ("2200-12-31", 84_370),
    ])
  func iso(_ text: String, _ ordinal: Int) throws {
    let day = try #require(Day(text))
    #expect(day.ordinal == ordinal)
    #expect(day.iso == text)
  }

  @Test(
    "impossible days are rejected",
    arguments: [
      "2016-09-31", "2015-02-29", "2016-13-01", "2016-9-30", "20160930", "2016-00-10",
      "2o16-01-01", "2016-0a-10", "2016-01-1x", "2016/01/01", "2016-01-01 ",
    ])
  func impossible(_ text: String) {
    #expect(Day(text) == nil)
  }

  @Test("terms are inclusive: 1 Oct 2015 to 30 Sep 2016 is 366 days (2016 is a leap year)")
  func inclusiveTerm() throws {
    let start = try #require(Day("2015-10-01"))
    let end = try #require(Day("2016-09-30"))
    #expect((end - start).days + 1 == 366)
  }

  @Test(
    "extending a term keeps month ends on month ends",
    arguments: [
      ("2016-09-30", 6, "2017-03-31"), ("2017-01-31", 1, "2017-02-28"),
      ("2016-01-31", 1, "2016-02-29"),
      ("2016-08-31", 7, "2017-03-31"), ("2017-03-31", 12, "2018-03-31"),
      ("2016-03-15", 1, "2016-04-15"),
      ("2016-02-29", 12, "2017-02-28"),
    ])
  func extendTerm(_ end: String, _ months: Int, _ expected: String) throws {
    let day = try #require(Day(end))
    #expect(day.extendingTerm(by: Months(months)).iso == expected)
  }

  /// DOMAIN.md section 6: months count by the day of the month; a month's last day goes to the
  /// target month's last day; a day the target month lacks becomes its last day.
  @Test(
    "calendar months by the day of the month, month ends to month ends",
    arguments: [
      ("2017-03-30", 3, "2017-06-30"), ("2017-03-30", 2, "2017-05-30"),
      ("2016-09-30", 6, "2017-03-31"), ("2017-06-30", 1, "2017-07-31"),
      ("2017-02-28", 1, "2017-03-31"), ("2016-02-28", 1, "2016-03-28"),
      ("2016-02-29", 1, "2016-03-31"), ("2016-02-29", 12, "2017-02-28"),
      ("2015-02-28", 12, "2016-02-29"), ("2017-01-31", 1, "2017-02-28"),
      ("2016-01-31", 1, "2016-02-29"), ("2017-01-30", 1, "2017-02-28"),
      ("2016-01-30", 1, "2016-02-29"), ("2016-01-29", 1, "2016-02-29"),
      ("2017-01-29", 1, "2017-02-28"), ("2017-03-31", 1, "2017-04-30"),
      ("2017-04-30", 1, "2017-05-31"), ("2017-05-30", 1, "2017-06-30"),
      ("2016-11-30", 2, "2017-01-31"), ("2016-12-15", 1, "2017-01-15"),
      ("2016-12-31", 2, "2017-02-28"), ("2017-03-30", 0, "2017-03-30"),
      ("2017-06-30", -3, "2017-03-31"), ("2017-06-29", -3, "2017-03-29"),
      ("2017-03-31", -1, "2017-02-28"),
    ])
  func calendarMonths(_ end: String, _ months: Int, _ expected: String) throws {
    let day = try #require(Day(end))
    #expect(day.extendingTerm(by: Months(months)).iso == expected)
  }

  @Test(
    "months and days at each boundary: a day under, on and over a whole month",
    arguments: [
      ("2017-03-30", "2017-06-29", 2, 30), ("2017-03-30", "2017-06-30", 3, 0),
      ("2017-03-30", "2017-07-01", 3, 1), ("2016-09-30", "2017-03-30", 5, 30),
      ("2016-09-30", "2017-03-31", 6, 0), ("2016-09-30", "2017-04-01", 6, 1),
      ("2017-01-31", "2017-02-27", 0, 27), ("2017-01-31", "2017-02-28", 1, 0),
      ("2017-01-31", "2017-03-01", 1, 1), ("2016-01-31", "2016-02-28", 0, 28),
      ("2016-01-31", "2016-02-29", 1, 0), ("2017-01-30", "2017-02-28", 1, 0),
      ("2017-02-28", "2017-03-30", 0, 30), ("2017-02-28", "2017-03-31", 1, 0),
      ("2016-02-28", "2016-03-28", 1, 0), ("2016-02-29", "2016-03-30", 0, 30),
      ("2016-02-29", "2016-03-31", 1, 0), ("2016-02-29", "2017-02-27", 11, 27),
      ("2016-02-29", "2017-02-28", 12, 0), ("2016-12-31", "2017-01-30", 0, 30),
      ("2016-12-31", "2017-01-31", 1, 0), ("2016-12-15", "2017-01-15", 1, 0),
      ("2016-12-15", "2017-01-14", 0, 30), ("2017-03-30", "2017-03-30", 0, 0),
      ("2017-03-30", "2017-03-29", 0, 0), ("2017-06-30", "2016-06-30", 0, 0),
    ])
  func monthsAtBoundary(_ from: String, _ to: String, _ months: Int, _ days: Int) throws {
    let start = try #require(Day(from))
    let end = try #require(Day(to))
    let result = monthsAndDays(from: start, to: end)
    #expect(result.months == months)
    #expect(result.days == days)
    // The months are the most that fit: one more passes `to`.
    if end > start {
      #expect(start.extendingTerm(by: Months(result.months)) + DayCount(result.days) == end)
      #expect(start.extendingTerm(by: Months(result.months + 1)) > end)
    }
  }

  @Test("a three-month extension from 30 Mar costs exactly a quarter of the annual value")
  func threeMonthsCost() throws {
    let from = try #require(Day("2017-03-30"))
    let (m, d) = monthsAndDays(from: from, to: try #require(Day("2017-06-30")))
    let annual = Money(minorUnits: 473_787_220)
    let cost = annual.scaled(by: Int64(m * 365 + d * 12), over: 12 * 365)
    #expect(cost == annual.scaled(by: 3, over: 12))
  }

  @Test("adding months clamps to the month's last day: 31 Jan + 1 month")
  func addingMonths() throws {
    #expect(try #require(Day("2017-01-31")).adding(Months(1)).iso == "2017-02-28")
    #expect(try #require(Day("2016-01-31")).adding(Months(1)).iso == "2016-02-29")
    #expect(try #require(Day("2017-04-01")).adding(Months(-12)).iso == "2016-04-01")
  }

  @Test(
    "months and days between term ends",
    arguments: [
      ("2016-09-30", "2017-03-31", 6, 0), ("2016-08-31", "2017-03-31", 7, 0),
      ("2017-03-30", "2017-03-31", 0, 1), ("2016-09-30", "2016-09-30", 0, 0),
      ("2016-06-15", "2016-09-30", 3, 15),
    ])
  func monthsBetween(_ from: String, _ to: String, _ months: Int, _ days: Int) throws {
    let result = monthsAndDays(from: try #require(Day(from)), to: try #require(Day(to)))
    #expect(result.months == months)
    #expect(result.days == days)
  }

  @Test("every day from 1900 to 2200 agrees with Foundation's Gregorian calendar")
  func agreesWithFoundation() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let first = try #require(Day("1900-01-01"))
    let last = try #require(Day("2200-12-31"))
    var mismatches = 0
    for ordinal in first.ordinal...last.ordinal {
      let date = Date(timeIntervalSince1970: Double(ordinal) * 86_400)
      let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
      let day = Day(ordinal: ordinal)
      let (y, m, d) = day.components
      let foundationWeekday = ((c.weekday ?? 0) + 5) % 7 + 1  // Sunday 1 → ISO 7
      if y != c.year || m != c.month || d != c.day || day.weekday != foundationWeekday
        || Day(year: y, month: m, day: d) != day
      {
        mismatches += 1
      }
    }
    #expect(mismatches == 0)
  }

  @Test(
    "UK financial quarters",
    arguments: [
      ("2016-04-01", "2016/17 Q1"), ("2016-06-30", "2016/17 Q1"), ("2016-07-01", "2016/17 Q2"),
      ("2016-12-31", "2016/17 Q3"), ("2017-01-01", "2016/17 Q4"), ("2017-03-31", "2016/17 Q4"),
      ("1999-04-01", "1999/00 Q1"),
    ])
  func quarters(_ day: String, _ label: String) throws {
    let quarter = FinancialQuarter(containing: try #require(Day(day)))
    #expect(quarter.description == label)
    #expect(FinancialQuarter(label) == quarter)
  }

  @Test("quarter bounds")
  func quarterBounds() throws {
    let q4 = try #require(FinancialQuarter("2016/17 Q4"))
    #expect(q4.firstDay.iso == "2017-01-01")
    #expect(q4.lastDay.iso == "2017-03-31")
    #expect(q4.next.description == "2017/18 Q1")
    #expect(FinancialQuarter("2016-2017 Q2")?.description == "2016/17 Q2")
    #expect(FinancialQuarter("2016/18 Q1") == nil)
    #expect(FinancialQuarter("Q5 2016/17") == nil)
  }
}

@Suite("Money")
struct MoneyTests {
  @Test("formatting and decimal strings")
  func formatting() {
    #expect(Money(minorUnits: 485_276_000).formatted == "£4,852,760")
    #expect(Money(minorUnits: 473_787_220).formatted == "£4,737,872.20")
    #expect(Money(minorUnits: 485_276_000).decimalString == "4852760.00")
    #expect(Money(minorUnits: -5).decimalString == "-0.05")
    #expect(Money(minorUnits: 99).formatted(alwaysShowPence: true) == "£0.99")
  }

  @Test("pro rata scaling rounds half away from zero, in 128 bits")
  func scaling() {
    // Six months of £22,604,400 a year.
    #expect(Money(pounds: 22_604_400).scaled(by: 6, over: 12)?.minorUnits == 1_130_220_000)
    // 15 days of £828,758 a year: 34,058.547… → £34,058.55.
    #expect(Money(pounds: 828_758).scaled(by: 15, over: 365)?.minorUnits == 3_405_855)
    #expect(Money(minorUnits: -3).scaled(by: 1, over: 2)?.minorUnits == -2)
    #expect(Money(minorUnits: Int64.max).scaled(by: 2, over: 1) == nil)
    #expect(Money(minorUnits: Int64.max / 2).scaled(by: 4, over: 4)?.minorUnits == Int64.max / 2)
  }

  @Test("sums report overflow and currency mismatch")
  func sums() {
    #expect(Money(minorUnits: Int64.max).adding(Money(minorUnits: 1)) == nil)
    #expect(Money(minorUnits: 1).adding(Money(minorUnits: 1, currency: "EUR")) == nil)
    #expect(Money(minorUnits: 1).adding(Money(minorUnits: 2))?.minorUnits == 3)
  }

  @Test(
    "plain decimals",
    arguments: [
      ("1000000", 100_000_000), ("4852760.00", 485_276_000), ("-12.5", -1250), ("0.01", 1),
    ])
  func decimals(_ text: String, _ pence: Int64) {
    #expect(Money(decimal: text)?.minorUnits == pence)
  }

  @Test("bad decimals", arguments: ["", "1.234", "1,000", "£5", "99999999999999999999", "1.2.3"])
  func badDecimals(_ text: String) {
    #expect(Money(decimal: text) == nil)
  }
}
