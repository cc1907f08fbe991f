import Testing

@testable import Commissioning

struct MoneyCase: CustomTestStringConvertible, Sendable {
  var raw: String
  var pence: Int64?
  var currency = "GBP"
  var basis: ValueBasis = .unknown
  var severity: Severity?
  var estimate = false
  var unit: Int64 = 1
  var annual: Int64?
  var total: Int64?
  var term: Length?
  var testDescription: String { "'\(raw)'" }
}

@Suite("Money parser")
struct MoneyParserTests {
  static let cases: [MoneyCase] = [
    MoneyCase(raw: "£4,852,760", pence: 485_276_000),
    // Found while building the bad-input corpus: too large, too precise, accounting brackets.
    MoneyCase(raw: "£99,999,999,999,999,999", pence: nil, severity: .error),
    MoneyCase(raw: "£92,233,720,368,547,758", pence: 9_223_372_036_854_775_800, severity: .warning),
    MoneyCase(raw: "£1.1234567890123456789012", pence: nil, severity: .error),
    // Found by the money fuzzer: what the reports write reads back, up to the very last penny.
    MoneyCase(raw: "£8,000,000,000,000,000.00", pence: 800_000_000_000_000_000, severity: .warning),
    MoneyCase(raw: "8bn", pence: 800_000_000_000_000_000, severity: .warning, unit: 1_000_000),
    MoneyCase(raw: "£92,233,720,368,547,758.07", pence: .max, severity: .warning),
    MoneyCase(raw: "£92,233,720,368,547,758.08", pence: nil, severity: .error),
    MoneyCase(raw: "9,223,372,036,854", pence: nil, severity: .error, unit: 1_000_000),
    MoneyCase(raw: "(£5,000)", pence: -500_000, severity: .warning),
    MoneyCase(raw: "(£1.2m)", pence: -120_000_000, severity: .warning),
    MoneyCase(raw: "£5,000 (annual)", pence: 500_000, basis: .annual, annual: 500_000),
    MoneyCase(raw: "£4,737,872.20", pence: 473_787_220),
    MoneyCase(raw: "£22,604,400", pence: 2_260_440_000),
    MoneyCase(raw: "–£4,859, 856", pence: 485_985_600, severity: .note),
    MoneyCase(raw: "–£414,379", pence: 41_437_900, severity: .note),
    MoneyCase(
      raw: "£5,743, 000 (annual)", pence: 574_300_000, basis: .annual, severity: .note,
      annual: 574_300_000),
    MoneyCase(raw: "£67,9004.80", pence: 67_900_480, severity: .warning),
    MoneyCase(raw: "£19.925, 000", pence: 1_992_500_000, severity: .warning),
    MoneyCase(raw: "£23m", pence: 2_300_000_000),
    MoneyCase(raw: "£3.9M", pence: 390_000_000),
    MoneyCase(raw: "£298K", pence: 29_800_000),
    MoneyCase(raw: "£69K", pence: 6_900_000),
    MoneyCase(raw: "£1 million in total", pence: 100_000_000, basis: .total, total: 100_000_000),
    MoneyCase(raw: "circa £55m", pence: 5_500_000_000, severity: .note, estimate: true),
    MoneyCase(
      raw: "circa £55m (for KCC and NHS CCGs)", pence: 5_500_000_000, severity: .note,
      estimate: true),
    MoneyCase(
      raw: "£1.5m (2 year contract)", pence: 150_000_000, basis: .total, severity: .note,
      total: 150_000_000, term: .years(2)),
    MoneyCase(
      raw: "£275,000 annually for 3 years", pence: 27_500_000, basis: .annual, annual: 27_500_000,
      term: .years(3)),
    MoneyCase(raw: "£44,400 per annum", pence: 4_440_000, basis: .annual, annual: 4_440_000),
    MoneyCase(raw: "£76,031 (annual)", pence: 7_603_100, basis: .annual, annual: 7_603_100),
    MoneyCase(raw: "£230,801 (total)", pence: 23_080_100, basis: .total, total: 23_080_100),
    MoneyCase(
      raw: "£90,000 (annual) £270,000 (total)", pence: 9_000_000, basis: .annual, annual: 9_000_000,
      total: 27_000_000),
    MoneyCase(raw: "£40,000 matched by Social Care £40,000", pence: 4_000_000, severity: .warning),
    MoneyCase(
      raw: "£1.3m contract part funded by CCGs £1.2m annual grant", pence: 130_000_000,
      severity: .warning, annual: 120_000_000),
    MoneyCase(raw: "75,224.4", pence: 7_522_440_000, unit: 1000),
    MoneyCase(raw: "400.7", pence: 40_070_000, unit: 1000),
    MoneyCase(raw: "12,500", pence: 1_250_000, severity: .note),
    MoneyCase(raw: "£44, 000", pence: 4_400_000, severity: .note),
    MoneyCase(raw: "Contract 1 - £80,564", pence: 8_056_400),
    MoneyCase(raw: "-£500", pence: -50_000, severity: .warning),
    // More than two decimals is a sum finer than a penny, rounded with a note; not 'irregular
    // digit grouping'. Exact ones ('£1.5000') need no word.
    MoneyCase(raw: "£0.005", pence: 1, severity: .note),
    MoneyCase(raw: "£0.000001", pence: 0, severity: .note),
    MoneyCase(raw: "£1.2345", pence: 123, severity: .note),
    MoneyCase(raw: "£1.5000", pence: 150),
    MoneyCase(raw: "£1.2345.67", pence: 1_234_567, severity: .warning),
    // Groupings a spreadsheet or word processor produces: spaces of every kind, apostrophes.
    MoneyCase(raw: "£1 500 000", pence: 150_000_000, severity: .note),
    MoneyCase(raw: "£1\u{A0}500\u{A0}000", pence: 150_000_000, severity: .note),
    MoneyCase(raw: "£1\u{202F}500\u{202F}000.50", pence: 150_000_050, severity: .note),
    MoneyCase(raw: "£1\u{2009}500\u{2009}000", pence: 150_000_000, severity: .note),
    MoneyCase(raw: "£1'500'000", pence: 150_000_000, severity: .note),
    MoneyCase(raw: "£1\u{2019}500\u{2019}000", pence: 150_000_000, severity: .note),
    MoneyCase(raw: "1 500 000", pence: 150_000_000, severity: .note),
    // A group of two or four digits does not join: what is left is said, never dropped.
    MoneyCase(raw: "£1 5000", pence: 100, severity: .warning),
    MoneyCase(raw: "£1 50", pence: 100, severity: .warning),
    // Two spaces between groups are two figures, not one.
    MoneyCase(raw: "£1  500", pence: 100, severity: .warning),
    MoneyCase(raw: "£1,500 500", pence: 150_000, severity: .warning),
    // Scientific notation, as Excel shows a number it has rounded: read exactly, with a warning.
    MoneyCase(raw: "1.5E+07", pence: 1_500_000_000, severity: .warning),
    MoneyCase(raw: "1.23457E+11", pence: 12_345_700_000_000, severity: .warning),
    MoneyCase(raw: "£2e6", pence: 200_000_000, severity: .warning),
    MoneyCase(raw: "1.5E-02", pence: 2, severity: .warning),
    MoneyCase(raw: "£1e30", pence: nil, severity: .error),
    MoneyCase(raw: "£9.2E+16", pence: 9_200_000_000_000_000_000, severity: .warning),
    MoneyCase(raw: "£9.3E+16", pence: nil, severity: .error),
    // Words: thousands to trillions.
    MoneyCase(raw: "£3tn", pence: 300_000_000_000_000, severity: .warning),
    // The plausibility warning at its boundary: £10 billion warns, a penny less does not.
    MoneyCase(raw: "£9,999,999,999.99", pence: 999_999_999_999),
    MoneyCase(raw: "£10bn", pence: 1_000_000_000_000, severity: .warning),
    MoneyCase(raw: "-£10bn", pence: -1_000_000_000_000, severity: .warning),
    // Found by the attack run: what is not read whole says so.
    MoneyCase(raw: "£9e16 per month", pence: nil, severity: .error),
    MoneyCase(raw: "£5 USD", pence: 500, severity: .warning),
    MoneyCase(raw: "USD £5", pence: 500, severity: .warning),
    MoneyCase(raw: "£100k - 200k", pence: 10_000_000, severity: .warning),
    MoneyCase(raw: "£1,000 for 0 months", pence: 100_000, severity: .warning),
    MoneyCase(raw: "£1,000 (0 years)", pence: 100_000, severity: .warning),
    MoneyCase(raw: "£1,000 over 99999999999 years", pence: 100_000, severity: .warning),
    // The term's bounds: 100 years reads, 101 does not; 1,200 months reads, 1,201 does not.
    MoneyCase(
      raw: "£1,000 over 100 years", pence: 100_000, basis: .total, severity: .note,
      total: 100_000, term: .years(100)),
    MoneyCase(raw: "£1,000 over 101 years", pence: 100_000, severity: .warning),
    MoneyCase(
      raw: "£1,000 over 1200 months", pence: 100_000, basis: .total, severity: .note,
      total: 100_000, term: .months(1200)),
    MoneyCase(raw: "£1,000 over 1201 months", pence: 100_000, severity: .warning),
    MoneyCase(
      raw: "£1.2m over 3 years + 2 years", pence: 120_000_000, basis: .total, severity: .warning,
      total: 120_000_000, term: .years(3)),
    MoneyCase(raw: "£1,000 2099-2015", pence: 100_000, severity: .warning),
    MoneyCase(
      raw: "£1,000 2015-2065", pence: 100_000, basis: .total, severity: .note, total: 100_000,
      term: .years(50)),
    MoneyCase(raw: "£1,000 2015-2066", pence: 100_000, severity: .warning),
    MoneyCase(raw: "E+07", pence: nil, severity: .warning),
    MoneyCase(raw: "£1.000.000,50", pence: 100_000_050, severity: .warning),
    MoneyCase(raw: "£1.000,5", pence: 100_050, severity: .warning),
    MoneyCase(raw: "1e-400", pence: 0, severity: .warning),
    // A formula is not its value.
    MoneyCase(raw: "=SUM(A1:A3)", pence: nil, severity: .warning),
    MoneyCase(raw: " =B2*12", pence: nil, severity: .warning),
    MoneyCase(raw: "£92,233.72tn", pence: 9_223_372_000_000_000_000, severity: .warning),
    MoneyCase(raw: "£2.5 trillion", pence: 250_000_000_000_000, severity: .warning),
    MoneyCase(raw: "£1.234m", pence: 123_400_000),
    MoneyCase(raw: "£2 billion", pence: 200_000_000_000),
    MoneyCase(raw: "£92,233.73tn", pence: nil, severity: .error),
    // Other currencies: kept with their code, never converted.
    MoneyCase(raw: "500 USD", pence: 50_000, currency: "USD", severity: .warning),
    MoneyCase(raw: "EUR 1,234.56", pence: 123_456, currency: "EUR", severity: .warning),
    MoneyCase(raw: "€1,234.56", pence: 123_456, currency: "EUR", severity: .warning),
    MoneyCase(raw: "$2m", pence: 200_000_000, currency: "USD", severity: .warning),
    MoneyCase(raw: "US$2m", pence: 200_000_000, currency: "USD", severity: .warning),
    MoneyCase(raw: "GBP 1,000", pence: 100_000),
    MoneyCase(raw: "1,000 gbp", pence: 100_000),
    // Terms: a total over the stated term.
    MoneyCase(
      raw: "£1.2m over 3 years", pence: 120_000_000, basis: .total, severity: .note,
      total: 120_000_000, term: .years(3)),
    MoneyCase(
      raw: "£1,200,000 (3 years)", pence: 120_000_000, basis: .total, severity: .note,
      total: 120_000_000, term: .years(3)),
    MoneyCase(
      raw: "£1.2m (3 yrs)", pence: 120_000_000, basis: .total, severity: .note,
      total: 120_000_000, term: .years(3)),
    MoneyCase(
      raw: "£900,000 for 18 months", pence: 90_000_000, basis: .total, severity: .note,
      total: 90_000_000, term: .months(18)),
    MoneyCase(
      raw: "£1.2m 3-year contract", pence: 120_000_000, basis: .total, severity: .note,
      total: 120_000_000, term: .years(3)),
    MoneyCase(
      raw: "£1.2m 2015-2018", pence: 120_000_000, basis: .total, severity: .note,
      total: 120_000_000, term: .years(3)),
    MoneyCase(
      raw: "£400,000 2015/16", pence: 40_000_000, basis: .annual, severity: .note,
      annual: 40_000_000),
    MoneyCase(
      raw: "£1.2m total", pence: 120_000_000, basis: .total, total: 120_000_000),
    MoneyCase(
      raw: "£1.2m whole life", pence: 120_000_000, basis: .total, total: 120_000_000),
    // Every annual marker.
    MoneyCase(raw: "£100k pa", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(raw: "£100k p.a.", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(raw: "£100k p/a", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(raw: "£100k per year", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(raw: "£100k/yr", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(raw: "£100k / year", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(raw: "£100k a year", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(raw: "£100k annual", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(raw: "£100k yearly", pence: 10_000_000, basis: .annual, annual: 10_000_000),
    MoneyCase(
      raw: "£100k per annum for 3 years", pence: 10_000_000, basis: .annual,
      annual: 10_000_000, term: .years(3)),
    // A month's figure is made a year's, with a note; a rate is no contract value.
    MoneyCase(
      raw: "£10,000 per month", pence: 12_000_000, basis: .annual, severity: .note,
      annual: 12_000_000),
    MoneyCase(
      raw: "£10k pcm", pence: 12_000_000, basis: .annual, severity: .note, annual: 12_000_000),
    MoneyCase(raw: "£15 per hour", pence: nil, severity: .note),
    MoneyCase(raw: "£120 a week", pence: nil, severity: .note),
    // Figures that are not an amount say so.
    MoneyCase(raw: "£3zillion", pence: nil, severity: .warning),
    MoneyCase(raw: "N/A – formulaic hourly rate"),
    MoneyCase(raw: "Part of wider Agilisys Contract"),
    MoneyCase(raw: "Various (spot purchasing arrangements)"),
    MoneyCase(raw: "n/a"),
    MoneyCase(raw: ""),
  ]

  @Test("every form from the seeds", arguments: cases)
  func parses(_ c: MoneyCase) {
    let reading = MoneyParser.parse(c.raw, unitMultiplier: c.unit)
    #expect(reading.amount?.minorUnits == c.pence)
    if reading.amount != nil { #expect(reading.amount?.currency == c.currency) }
    #expect(reading.basis == c.basis)
    #expect(reading.isEstimate == c.estimate)
    #expect(reading.annual?.minorUnits == c.annual)
    #expect(reading.total?.minorUnits == c.total)
    #expect(reading.term == c.term)
    #expect(reading.findings.map(\.severity).max() == c.severity)
    #expect((reading.amount == nil) == (reading.noValue != nil))
  }

  @Test("no-value texts say why")
  func noValueReasons() {
    #expect(
      MoneyParser.parse("N/A – formulaic hourly rate").noValue
        == "'N/A – formulaic hourly rate': priced by a rate, no contract value")
    #expect(
      MoneyParser.parse("Part of wider Agilisys Contract").noValue
        == "'Part of wider Agilisys Contract': part of another contract")
  }

  @Test("irregular grouping warnings quote the text and the reading")
  func warnings() {
    #expect(
      MoneyParser.parse("£67,9004.80").findings.map(\.message) == [
        "'£67,9004.80' has irregular digit grouping; read as £679,004.80"
      ])
    #expect(
      MoneyParser.parse("£19.925, 000").findings.first?.message
        == "'£19.925, 000' uses '.' as a thousands separator; read as £19,925,000")
    #expect(
      MoneyParser.parse("£1.2345").findings.map(\.message) == [
        "'£1.2345' is finer than a penny; rounded to £1.23"
      ])
  }
}

@Suite("A lookalike unit after a figure is not read as a smaller figure")
struct UnreadUnitTests {
  /// `£5K` with the Kelvin sign read as £5 was a thousandth of what was written, silently.
  @Test(
    "a character after a figure that no unit reads means no value, with a warning naming it",
    arguments: [
      ("£5\u{212A}", "U+212A"),
      ("£5\u{41C}", "U+041C"),
      ("£2\u{BD}m", "U+00BD"),
      ("£5\u{FF4B}", "U+FF4B"),
      ("£5 \u{212A}", "U+212A"),
      ("£5  \u{212A} a year", "U+212A"),
    ])
  func unread(_ cell: String, _ code: String) {
    let reading = MoneyParser.parse(cell)
    #expect(reading.amount == nil)
    #expect(reading.findings.contains { $0.severity == .warning && $0.message.contains(code) })
  }

  @Test(
    "what may follow a figure reads as before",
    arguments: [
      ("£5k", 500_000), ("£1’500’000", 150_000_000), ("£5\u{A0}000", 500_000),
      ("£1m–£2m", 100_000_000), ("3×£5k", 500_000),
      ("£1,000 (Café)", 100_000), ("£1,000 “approx”", 100_000), ("£5 k", 500_000),
    ] as [(String, Int64)])
  func known(_ cell: String, _ pence: Int64) {
    #expect(MoneyParser.parse(cell).amount?.minorUnits == pence, "\(cell)")
  }
}
