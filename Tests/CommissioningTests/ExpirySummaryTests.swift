import Testing

@testable import Commissioning

/// The expiring summary's sum and what it leaves out or assumes: every contract is counted once,
/// under the reason it is or is not in the sum.
@Suite("Expiry summary")
struct ExpirySummaryTests {
  func summary(_ rows: String) throws -> ExpiryReport.AnnualTotal {
    let register = try load("service,value,start,end\n" + rows)
    let by = try #require(Day("2017-12-31"))
    let asOf = try #require(Day("2016-01-01"))
    return ExpiryReport(register: register, by: by, asOf: asOf).annualTotal
  }

  @Test("totals with no term are not 'with no value'; other currencies are not added")
  func leftOut() throws {
    let sum = try summary(
      "A,\"£1,200,000 total\",,2017-03-31\nB,\"£1,200,000 total\",,2017-03-31\nC,500 USD,,2017-03-31\n"
        + "D,TBC,,2017-03-31\nE,\"£100,000 pa\",,2017-03-31\n")
    #expect(sum.total == Money(pounds: 100_000))
    #expect(sum.totalsWithoutTerm == 2)
    #expect(sum.otherCurrencies == ["USD": 1])
    #expect(sum.unknown == 1)
    #expect(
      sum.caveats == ["2 totals with no term, not added", "1 in USD, not added", "1 with no value"])
  }

  @Test("a total with a term, an estimate and an assumed basis are added and said")
  func assumed() throws {
    let sum = try summary(
      "A,\"£1,200,000 over 3 years\",,2017-03-31\nB,circa £55m,,2017-03-31\n"
        + "C,\"£300,000 total\",2014-04-01,2017-03-31\n")
    // £400,000 + £55,000,000 (unknown basis, counted as annual) + £300,000 ÷ 3 = £55,500,000.
    #expect(sum.total == Money(pounds: 55_500_000))
    #expect(sum.annualised == 2)
    #expect(sum.estimates == 1)
    #expect(sum.assumed == 1)
    #expect(
      sum.caveats == [
        "1 of unknown basis counted as annual", "2 totals made a year's over the term",
        "1 estimate",
      ])
  }

  @Test(
    "the legend names every kind of period the End column shows",
    arguments: [
      ([], "Month-only ends are the month's last day."),
      ([.day, .month], "Month-only ends are the month's last day."),
      ([.month, .quarter], "Month and quarter ends are the period's last day."),
      ([.half], "Half-year ends are the period's last day."),
      (
        [.month, .quarter, .financialYear, .year],
        "Month, quarter, financial-year and year-only ends are the period's last day."
      ),
    ] as [([DatePrecision], String)])
  func legend(_ precisions: [DatePrecision], _ expected: String) {
    #expect(ExpiryReport.periodLegend(Set(precisions)) == expected)
  }

  @Test("a sum past what pence hold says so in JSON; an unreadable start is noted")
  func overflowAndStart() throws {
    let register = try load(
      "service,value,start,end\nA,\"£50,000,000,000,000,000\",,2017-03-31\n"
        + "B,\"£50,000,000,000,000,000\",,2017-03-31\nC,£1.2m total,banana,2017-03-31\n")
    let by = try #require(Day("2017-12-31"))
    let report = ExpiryReport(register: register, by: by, asOf: by)
    #expect(report.annualTotal.overflow)
    var json = ""
    report.json.write(to: &json)
    #expect(json.contains("\"sumOverflowed\": true"))
    #expect(
      register.diagnostics.map(\.message).contains(
        "no usable start date: no date found ('banana'); the term is unknown"))
  }
}
