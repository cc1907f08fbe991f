import Testing

@testable import Commissioning

/// One row per date form the seeds contain (DOMAIN.md section 3).
struct DateCase: CustomTestStringConvertible, Sendable {
  var raw: String
  var role: DateRole = .end
  var day: String?
  var precision: DatePrecision = .day
  /// The most severe finding expected, or nil for none.
  var severity: Severity?
  var undated: UndatedKind?
  var rangeStart: String?
  var option: Length?

  var testDescription: String { "'\(raw)'" }
}

@Suite("Date parser")
struct DateParserTests {
  static let cases: [DateCase] = [
    DateCase(raw: "2016-09-30", day: "2016-09-30"),
    // Financial quarters and halves (Q1 is April to June): the period's last day for an end,
    // its first for a start, with a note.
    DateCase(raw: "Q2 2016/17", day: "2016-09-30", precision: .quarter, severity: .note),
    DateCase(
      raw: "Q2 2016/17", role: .start, day: "2016-07-01", precision: .quarter, severity: .note),
    DateCase(raw: "2016-17 Q2", day: "2016-09-30", precision: .quarter, severity: .note),
    DateCase(raw: "2016/17 Q4", day: "2017-03-31", precision: .quarter, severity: .note),
    DateCase(raw: "Q1 2016/17", day: "2016-06-30", precision: .quarter, severity: .note),
    DateCase(raw: "Q3 2016/2017", day: "2016-12-31", precision: .quarter, severity: .note),
    DateCase(raw: "Quarter 2 2016/17", day: "2016-09-30", precision: .quarter, severity: .note),
    DateCase(raw: "Qtr 3 2016-17", day: "2016-12-31", precision: .quarter, severity: .note),
    DateCase(raw: "FY 2016/17 Q3", day: "2016-12-31", precision: .quarter, severity: .note),
    DateCase(raw: "H1 2017/18", day: "2017-09-30", precision: .half, severity: .note),
    DateCase(raw: "H2 2017/18", day: "2018-03-31", precision: .half, severity: .note),
    DateCase(raw: "Half 2 2017-18", day: "2018-03-31", precision: .half, severity: .note),
    DateCase(raw: "2016/17", day: "2017-03-31", precision: .financialYear, severity: .note),
    DateCase(
      raw: "2016/17", role: .start, day: "2016-04-01", precision: .financialYear, severity: .note),
    DateCase(raw: "2016-17", day: "2017-03-31", precision: .financialYear, severity: .note),
    DateCase(raw: "end of Q4 2019/20", day: "2020-03-31", precision: .quarter, severity: .note),
    // A quarter with no financial year is a calendar quarter, with a warning.
    DateCase(raw: "Q2 2016", day: "2016-06-30", precision: .quarter, severity: .warning),
    // Not a financial period: no quarter 5 or half 3, years that do not follow, a date.
    DateCase(raw: "Q5 2016/17", day: "2017-03-31", precision: .financialYear, severity: .note),
    DateCase(raw: "H3 2017/18", day: "2018-03-31", precision: .financialYear, severity: .note),
    DateCase(raw: "2016/18", day: "2016-12-31", precision: .year, severity: .warning),
    DateCase(
      raw: "2016-2017", day: "2017-12-31", precision: .year, severity: .warning,
      rangeStart: "2016-01-01"),
    DateCase(raw: "31 March 2016", day: "2016-03-31"),
    DateCase(raw: "March 2016", day: "2016-03-31", precision: .month, severity: .note),
    DateCase(
      raw: "March 2016", role: .start, day: "2016-03-01", precision: .month, severity: .note),
    DateCase(raw: "2017", day: "2017-12-31", precision: .year, severity: .warning),
    DateCase(raw: "2017", role: .start, day: "2017-01-01", precision: .year, severity: .warning),
    DateCase(raw: "1/4/2016", role: .start, day: "2016-04-01"),
    DateCase(raw: "30/9/2017", day: "2017-09-30"),
    DateCase(raw: "30-09-16", day: "2016-09-30", severity: .note),
    DateCase(raw: "31/03/17", day: "2017-03-31", severity: .note),
    DateCase(raw: "31-03-21", day: "2021-03-31", severity: .note),
    DateCase(raw: "02/06/2017", day: "2017-06-02"),
    DateCase(raw: "16/1/2018", day: "2018-01-16"),
    DateCase(raw: "31.03.2017", day: "2017-03-31"),
    DateCase(raw: "31-03-2017", day: "2017-03-31"),
    DateCase(raw: "31 <sup>st</sup> March 2017", day: "2017-03-31"),
    DateCase(raw: "30th September 2016", day: "2016-09-30"),
    DateCase(raw: "1st October 2015", role: .start, day: "2015-10-01"),
    DateCase(raw: "1st Aug 2016", day: "2016-08-01"),
    DateCase(raw: "Sept 2016", day: "2016-09-30", precision: .month, severity: .note),
    // Excel's mmm-yy and d-mmm-yy exports.
    DateCase(raw: "Sep-17", day: "2017-09-30", precision: .month, severity: .note),
    DateCase(raw: "Sep-2017", day: "2017-09-30", precision: .month, severity: .note),
    DateCase(raw: "1-Sep-17", role: .start, day: "2017-09-01", severity: .note),
    DateCase(raw: "30-Sep-2017", day: "2017-09-30"),
    DateCase(raw: "30/Sep/2017", day: "2017-09-30"),
    DateCase(raw: "31/09/2016", day: "2016-09-30", severity: .warning),
    DateCase(raw: "29/02/2017", day: "2017-02-28", severity: .warning),
    DateCase(raw: "12/31/2016", day: "2016-12-31", severity: .warning),
    DateCase(raw: "30/03/2017", day: "2017-03-30", severity: .note),
    DateCase(raw: "September 2034", day: "2034-09-30", precision: .month, severity: .note),
    DateCase(
      raw: "The Framework Agreement runs from 1 August 2012 to 31 July 2016", day: "2016-07-31",
      severity: .note, rangeStart: "2012-08-01"),
    DateCase(
      raw: "Contract 1 – 31st March 2017 Contract 2 1st Aug 2016", day: "2017-03-31",
      severity: .warning),
    DateCase(
      raw: "March 2017 +1", day: "2017-03-31", precision: .month, severity: .note, option: .years(1)
    ),
    DateCase(
      raw: "March 2017 + 1", day: "2017-03-31", precision: .month, severity: .note,
      option: .years(1)),
    DateCase(
      raw: "March 2019 + 2", day: "2019-03-31", precision: .month, severity: .note,
      option: .years(2)),
    DateCase(raw: "31/03/2017 + 6 months", day: "2017-03-31", severity: .note, option: .months(6)),
    DateCase(raw: "None", undated: .unknown),
    DateCase(raw: "n/a", undated: .unknown),
    DateCase(raw: "TBC", undated: .unknown),
    DateCase(raw: "tbc", undated: .unknown),
    DateCase(raw: "Open ended", undated: .openEnded),
    DateCase(raw: "Ongoing; spot contract", undated: .openEnded),
    DateCase(raw: "Spot purchasing (no end date)", undated: .openEnded),
    DateCase(raw: "Various", undated: .unknown),
    DateCase(raw: "As with Agilisys", undated: .unknown),
    DateCase(raw: "Linked to specific children", undated: .unknown),
    DateCase(raw: "", undated: .unknown),
    DateCase(raw: "31/13/2016", severity: .error, undated: .unknown),
    DateCase(raw: "0/3/2016", severity: .error, undated: .unknown),
    DateCase(raw: "0/0/0", undated: .unknown),
    DateCase(raw: "9999-12-31", day: "9999-12-31", severity: .warning),
  ]

  @Test("every form from the seeds", arguments: cases)
  func parses(_ c: DateCase) throws {
    let reading = DateParser.parse(c.raw, role: c.role)
    #expect(reading.day?.iso == c.day)
    if c.day != nil { #expect(reading.precision == c.precision) }
    #expect(reading.findings.map(\.severity).max() == c.severity)
    #expect(reading.undated?.kind == c.undated)
    #expect(reading.rangeStart?.iso == c.rangeStart)
    #expect(reading.option == c.option)
  }

  @Test("the impossible day's warning says why and what it became")
  func impossibleDayMessage() {
    let reading = DateParser.parse("31/09/2016", role: .end)
    #expect(
      reading.findings.map(\.message) == [
        "'31/09/2016' is not a date (September has 30 days); read as 2016-09-30"
      ])
  }

  @Test("an undated reason quotes the raw text")
  func undatedReason() {
    #expect(DateParser.parse("TBC", role: .end).undated?.reason == "to be confirmed ('TBC')")
    #expect(
      DateParser.parse("Ongoing; spot contract", role: .end).undated?.reason
        == "spot purchasing, open-ended ('Ongoing; spot contract')")
  }

  /// Why a cell has no date, as each kind of wording reads: the words match in any case, and
  /// only as the text reads (a letter with an accent on it is not the plain letter).
  @Test(
    "an undated cell's reason comes from its words",
    arguments: [
      ("ROLLING", "rolling, open-ended"),
      ("Spot", "spot purchasing, open-ended"),
      ("Spo\u{301}t", "no date found"),
      ("spot\u{301}", "no date found"),
      ("Ｓpot", "no date found"),
      ("TBA", "to be confirmed"),
      ("N/A", "none given"),
      (" none ", "none given"),
      ("Various", "various ends"),
      ("Part Of the framework", "linked to something else"),
      ("LIN\u{212A}ED TO health", "linked to something else"),
      ("Monthly", "a frequency, not a date"),
      ("whenever", "no date found"),
    ])
  func undatedReasons(raw: String, why: String) {
    let reason = DateParser.parse(raw, role: .end).undated?.reason
    #expect(reason?.hasPrefix(why + " (") == true, "\(raw): \(reason ?? "dated")")
  }

  @Test("review dates do not note their precision")
  func reviewDates() {
    let reading = DateParser.parse("April 2016", role: .review)
    #expect(reading.day?.iso == "2016-04-30")
    #expect(reading.findings.isEmpty)
  }
}

@Suite("Month first, as US text writes a day")
struct MonthFirstDateTests {
  /// `March 31, 2017` was read as March 2031 ("'March 31' has a two-digit year"), a deadline
  /// fourteen years late. With a four-digit year after the day it is that day; without one,
  /// `June 16` is still a month and a two-digit year.
  @Test(
    "a month, a day and a four-digit year",
    arguments: [
      ("March 31, 2017", "2017-03-31", DatePrecision.day),
      ("Mar 31st 2017", "2017-03-31", .day),
      ("March 31 2017", "2017-03-31", .day),
      ("Sept 1, 2016", "2016-09-01", .day),
      ("February 30, 2017", "2017-02-28", .day),
      ("June 16", "2016-06-30", .month),
      ("March 31, 17", "2031-03-31", .month),
      ("March 2017", "2017-03-31", .month),
    ])
  func monthFirst(_ text: String, _ iso: String, _ precision: DatePrecision) {
    let reading = DateParser.parse(text, role: .end)
    #expect(reading.day?.iso == iso, "\(text)")
    #expect(reading.precision == precision, "\(text)")
  }
}

@Suite("A spreadsheet's date saved as its serial number")
struct ExcelSerialDateTests {
  /// Five digits alone are Excel's days from 30 December 1899 for the years 2000 to 2099, read
  /// with a warning; one either side of that range, or another length, is read as before.
  @Test(
    "five digits in 2000 to 2099 read as an Excel serial, with a warning",
    arguments: [
      ("43190", "2018-03-31"), ("36526", "2000-01-01"), ("73050", "2099-12-31"),
      ("42643", "2016-09-30"), ("36525", nil), ("73051", nil), ("4319", nil), ("431900", nil),
      ("43190.5", nil),
    ] as [(String, String?)])
  func serial(_ text: String, _ iso: String?) {
    let reading = DateParser.parse(text, role: .end)
    // Not a serial: read as before (`4319` is a year, with its own warning), never as one.
    if let iso { #expect(reading.day?.iso == iso, "\(text)") }
    #expect(
      reading.findings.contains { $0.severity == .warning && $0.message.contains("Excel") }
        == (iso != nil), "\(text)")
  }
}
