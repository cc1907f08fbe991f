import Testing

@testable import Commissioning

/// The byte-level fast paths for dates and money give the general reading exactly (the whole
/// reading struct: value, precision, basis, notes), or decline and leave the cell to it.
@Suite("Fast paths")
struct FastPathTests {
  static func general(_ text: String, _ role: DateRole) -> DateReading {
    text.withBytes { DateParser.generalReading($0, role: role) }
  }

  static func fast(_ text: String, _ role: DateRole) -> DateReading? {
    text.withBytes { DateParser.fastReading($0, role: role) }
  }

  static func general(_ text: String, unit: Int64) -> ValueReading {
    text.withBytes { MoneyParser.generalReading($0, unitMultiplier: unit) }
  }

  static func fast(_ text: String, unit: Int64) -> ValueReading? {
    text.withBytes { MoneyParser.fastReading($0, unit: unit) }
  }

  static let roles: [DateRole] = [.start, .end, .review]

  /// Dates the fast path must read itself (for every role), each as the general path does.
  static let fastDates: [String] = [
    "", "2016-03-31", "2016-02-29", "1990-01-01", "2100-12-31", "31/03/2016", "31.03.2016",
    "31-03-2016", "31/03/16", "31-03-16", "1/8/2020", "10/6/2023", "01/01/2016", "29/02/2016",
    "29/02/2000", "28/02/2015", "30/10/2016", "30/04/2016", "30/9/2017", "31/12/1989",
    "15/06/0000", "12/12/12", "March 2017", "Sept 2016", "sep 2016", "MAY 2016", "June 2016",
    "September 2016", "Mar 1900", "December 2101", "Feb 2016",
  ]

  /// Near misses: one digit more or less, day 0 or 32, month 0 or 13, Feb 29 in a common year,
  /// a space, a stray mark, other separators, words, two dates.
  static let nearDates: [String] = [
    "2016-3-31", "2016-03-3", "20160-03-31", "2016-02-30", "2015-02-29", "1989-12-31",
    "2101-01-01", "2016-13-01", "2016-00-10", "2016-01-00", "2016-01-32", "2016/03/31",
    "2016-03-31 ", " 2016-03-31", "1900-02-29", "32/03/2016", "0/03/2016", "31/0/2016",
    "31/13/2016", "13/31/2016", "31/04/2016", "29/02/2015", "29/02/1900", "29/02/15",
    "31/03/201", "31/03/20166", "311/03/2016", "31//03/2016", "31/03-2016", "31/03/2016 ",
    " 31/03/2016", "31/03/2016.", "31/03/2016+1", "31 /03/2016", "31/03/2016 +1",
    "31st March 2016", "31/03", "3/3/3", "031/03/2016", "31/003/2016", "31/03/016",
    "31/03/2016 to 31/03/2017", "Ma 2016", "March  2016", "March 16", "March 20166",
    "March 2016 +1", "March, 2016", "Marchx 2016", "Septembers 2016", "Mayo 2016",
    "Q2 2016", "2016/17", "Jan-17", "TBC", "March 201", "march2016", "Març 2016",
    "31/03/2016\u{00A0}", "31\u{2013}03\u{2013}2016", "00/00/0000", "31.3.16", "1.1.1990",
  ]

  @Test("a date form the fast path reads gives the general reading", arguments: fastDates)
  func fastDate(_ text: String) throws {
    for role in Self.roles {
      let fast = try #require(Self.fast(text, role), "'\(text)' not on the fast path")
      #expect(fast == Self.general(text, role), "'\(text)' as \(role)")
      #expect(DateParser.parse(text, role: role) == fast)
    }
  }

  @Test("a near miss is read as the general path reads it", arguments: nearDates)
  func nearDate(_ text: String) {
    for role in Self.roles {
      let general = Self.general(text, role)
      if let fast = Self.fast(text, role) { #expect(fast == general, "'\(text)' as \(role)") }
      #expect(DateParser.parse(text, role: role) == general)
    }
  }

  @Test("the notes a fast date carries are the general ones")
  func fastDateNotes() {
    #expect(
      Self.fast("31/03/16", .end)?.findings.map(\.message) == [
        "'31/03/16' has a two-digit year; read as 2016-03-31"
      ])
    #expect(Self.fast("30/10/2016", .end)?.findings.count == 1)
    #expect(Self.fast("30/10/2016", .review)?.findings == [])
    #expect(Self.fast("March 2017", .end)?.findings.count == 1)
    #expect(Self.fast("March 2017", .review)?.findings == [])
  }

  /// Values the fast path must read itself (in pounds and in a table of thousands).
  static let fastMoney: [String] = [
    "", "1684122", "1684122.00", "1684122.5", "£1,684,122.00", "1,684,122", "£3,531,353",
    "£2,976,743 (annual)", "£44,400 per annum", "£0", "0", "£1", "£12", "£123,456", "£1,000.5",
    "circa £0.8m", "circa £1.5M", "£2500k", "£298K", "£23m", "£3.9M", "£1,500k", "circa 5m",
    "circa £55m per annum", "£9,999,999,999.99", "99999999.99", "007", "£0,123",
  ]

  /// Near misses: groups of two or four, `.5`, `1.005`, negatives, a `+`, spaces, other marks,
  /// other currencies, words, figures near and past the implausible and the pence limits.
  static let nearMoney: [String] = [
    "1,68,4122", "1,6841,22", "12,34", "1234,567", "£1,684,12", "£1,684,1222", ".5", "£.5",
    "1.005", "£1.005", "1.5.5", "£1,684,122.", "-5", "£-5", "-£5", "+5", "£+5", "5 ",
    " 5", "£ 5", "£5 ", "5,", "£5,", "£5,000,", "£10,000,000,000", "£10,000,000,000.00",
    "9999999999.99", "£9,999,999,999.995", "99999999999999999", "999999999999999999999",
    "£5km", "£5 m", "£5e3", "1.5E+07", "5 (annual)", "5 per annum", "£5 (Annual)",
    "£5 (annual) ", "£5  per annum", "£5 (total)", "£5 pa", "Circa £5", "circa  £5",
    "circa£5", "c. £5", "$5", "€5", "£5 USD", "5 USD", "=5", "N/A", "TBC", "£1 500 000",
    "£1'500'000", "£1.000.000,50", "£19.925, 000", "(£5,000)", "£5/yr", "£10,000 per month",
    "£1.2m over 3 years", "2016", "2015-2018", "£2016 per annum", "£5.5m", "£5.55m", "£5.555m",
    "£0.005", "5%", "£5k (annual)", "£1,684,122.00\u{00A0}", "£5kk", "£5bn",
  ]

  static let units: [Int64] = [1, 1000, 1_000_000]

  @Test("a value form the fast path reads gives the general reading", arguments: fastMoney)
  func fastValue(_ text: String) throws {
    // In pounds the fast path reads it; in thousands or millions it may be too large to.
    _ = try #require(Self.fast(text, unit: 1), "'\(text)' not on the fast path")
    for unit in Self.units {
      let general = Self.general(text, unit: unit)
      if let fast = Self.fast(text, unit: unit) {
        #expect(fast == general, "'\(text)' in units of \(unit)")
      }
      #expect(MoneyParser.parse(text, unitMultiplier: unit) == general)
    }
  }

  @Test("a near miss is read as the general path reads it", arguments: nearMoney)
  func nearValue(_ text: String) {
    for unit in Self.units {
      let general = Self.general(text, unit: unit)
      if let fast = Self.fast(text, unit: unit) {
        #expect(fast == general, "'\(text)' in units of \(unit)")
      }
      #expect(MoneyParser.parse(text, unitMultiplier: unit) == general)
    }
  }

  @Test("the implausible-figure boundary: one penny under is fast, at it the general path warns")
  func implausibleBoundary() {
    #expect(Self.fast("£9,999,999,999.99", unit: 1)?.amount?.minorUnits == 999_999_999_999)
    #expect(Self.fast("£10,000,000,000", unit: 1) == nil)
    #expect(Self.general("£10,000,000,000", unit: 1).findings.count == 1)
  }

  // MARK: - Generated cells

  /// A fast form, then up to two edits near it: a byte inserted, removed or replaced.
  static func mutated(_ base: String, _ random: inout SeededGenerator) -> String {
    var chars = Array(base)
    let alphabet = Array("0123456789/-.,: +£kKmMe()ab \u{00A0}")
    for _ in 0..<Int(random.next() % 3) {
      let at = chars.isEmpty ? 0 : Int(random.next() % UInt64(chars.count))
      switch random.next() % 3 {
      case 0: chars.insert(random.pick(alphabet), at: at)
      case 1 where !chars.isEmpty: chars.remove(at: at)
      default: if !chars.isEmpty { chars[at] = random.pick(alphabet) }
      }
    }
    return String(chars)
  }

  static func number(_ random: inout SeededGenerator, digits: ClosedRange<Int>) -> String {
    let count = Int.random(in: digits, using: &random)
    return String((0..<count).map { _ in Character(String(random.next() % 10)) })
  }

  static func randomDate(_ random: inout SeededGenerator) -> String {
    let mark = random.pick(["/", "-", "."])
    switch random.next() % 4 {
    case 0:
      return number(&random, digits: 4...4) + "-" + number(&random, digits: 2...2) + "-"
        + number(&random, digits: 2...2)
    case 1:
      return String(Int.random(in: 0...33, using: &random)) + mark
        + String(Int.random(in: 0...14, using: &random)) + mark
        + random.pick([String(Int.random(in: 1985...2105, using: &random)), "16", "00", "99"])
    case 2:
      return random.pick(["March", "Sept", "sep", "JUNE", "Feb", "Ma", "Mayo", "Decembers"]) + " "
        + String(Int.random(in: 1985...2105, using: &random))
    default:
      return String(format2(Int.random(in: 0...33, using: &random))) + mark
        + format2(Int.random(in: 0...14, using: &random)) + mark
        + format2(Int.random(in: 0...99, using: &random))
    }
  }

  static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  static func randomMoney(_ random: inout SeededGenerator) -> String {
    var figure = number(&random, digits: 1...3)
    if random.next() % 2 == 0 {
      for _ in 0..<Int(random.next() % 5) { figure += "," + number(&random, digits: 3...3) }
    } else {
      figure += number(&random, digits: 0...12)
    }
    if random.next() % 3 == 0 { figure += "." + number(&random, digits: 1...3) }
    if random.next() % 4 == 0 { figure += random.pick(["k", "M", "m", "bn"]) }
    let sign = random.next() % 4 == 0 ? "" : "£"
    let estimate = random.next() % 5 == 0 ? "circa " : ""
    let suffix = random.pick(["", "", "", " (annual)", " per annum", " (total)"])
    return estimate + sign + figure + suffix
  }

  @Test("4,000 generated dates near the fast forms: fast == general, for every role")
  func generatedDates() {
    var random = SeededGenerator(state: 31_03_2016)
    var taken = 0
    for index in 0..<4000 {
      let base = Self.randomDate(&random)
      let text = index % 2 == 0 ? base : Self.mutated(base, &random)
      for role in Self.roles {
        guard let fast = Self.fast(text, role) else { continue }
        taken += 1
        #expect(fast == Self.general(text, role), "'\(text)' as \(role)")
      }
    }
    // Both paths are exercised: the fast one for a good share, the general for the rest.
    #expect(taken > 3000 && taken < 11_000, "\(taken) of 12,000 on the fast path")
  }

  @Test("4,000 generated values near the fast forms: fast == general, in each unit")
  func generatedValues() {
    var random = SeededGenerator(state: 1_684_122)
    var taken = 0
    for index in 0..<4000 {
      let base = Self.randomMoney(&random)
      let text = index % 2 == 0 ? base : Self.mutated(base, &random)
      for unit in Self.units {
        guard let fast = Self.fast(text, unit: unit) else { continue }
        taken += 1
        #expect(fast == Self.general(text, unit: unit), "'\(text)' in units of \(unit)")
      }
    }
    #expect(taken > 1500 && taken < 11_000, "\(taken) of 12,000 on the fast path")
  }

  static func general(options text: String) -> OptionsReading {
    text.withBytes { OptionsParser.generalReading($0) }
  }

  static func fast(options text: String) -> OptionsReading? {
    text.withBytes { OptionsParser.fastReading($0) }
  }

  static let fastOptionCells: [String] = [
    "1+1", "1+1+1", "3+1", "5+2+2", "0+1", "999+999", "10+2+2+2", "2 x 12 months",
    "2 x 1 years", "1 x 6 months", "0 x 12 months", "12 x 1 months", "001+01",
  ]

  static let nearOptionCells: [String] = [
    "1+", "+1", "1++1", "1+1 ", " 1+1", "1 + 1", "1000+1", "1+1000", "1+1+", "1+1a", "1+1y",
    "2 x 12 months ", "2 x 12 month", "2 x 12 Months", "2 x 12 mths", "2x12 months",
    "2  x 12 months", "2 X 12 months", "2 x 1 year", "2 x 1000 months", "1000 x 1 years",
    "2 * 12 months", "2 x 12", "2 x months", "up to two years", "1+1 years", "3+1 (options)",
    "none", "-", "+1+1", "1,1", "1.5+1",
  ]

  @Test("an options form the fast path reads gives the general reading", arguments: fastOptionCells)
  func fastOptions(_ text: String) throws {
    let fast = try #require(Self.fast(options: text), "'\(text)' not on the fast path")
    #expect(fast == Self.general(options: text))
    #expect(OptionsParser.parse(text) == fast)
  }

  @Test("an options near miss is read as the general path reads it", arguments: nearOptionCells)
  func nearOptions(_ text: String) {
    let general = Self.general(options: text)
    if let fast = Self.fast(options: text) { #expect(fast == general, "'\(text)'") }
    #expect(OptionsParser.parse(text) == general)
  }

  @Test("2,000 generated options cells near the fast forms: fast == general")
  func generatedOptions() {
    var random = SeededGenerator(state: 2_12)
    var taken = 0
    for index in 0..<2000 {
      var base = Self.number(&random, digits: 1...4)
      if random.next() % 2 == 0 {
        for _ in 0..<Int(random.next() % 4) { base += "+" + Self.number(&random, digits: 1...4) }
      } else {
        base +=
          " x " + Self.number(&random, digits: 1...4)
          + random.pick([" months", " years", " month", ""])
      }
      let text = index % 2 == 0 ? base : Self.mutated(base, &random)
      guard let fast = Self.fast(options: text) else { continue }
      taken += 1
      #expect(fast == Self.general(options: text), "'\(text)'")
    }
    #expect(taken > 300 && taken < 1900, "\(taken) of 2,000 on the fast path")
  }

  @Test("an empty extension-options cell says nothing, as the general reading of blanks does")
  func emptyOptions() {
    #expect(OptionsParser.parse("") == OptionsReading())
    #expect(OptionsParser.parse("  ") == OptionsReading())
  }
}
