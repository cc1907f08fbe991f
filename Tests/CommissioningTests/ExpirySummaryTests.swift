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
}
