import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

/// Issue 17's numbers and output safety, end to end through the command layer.
@Suite("Hardening: huge numbers, hostile text, widths, colour")
struct HardeningTests {
  static let corpus = "Tests/CommissionCLITests/BadInput/"

  @Test(
    "an annual value near the largest amount, extended 24 months and 3 days: no trap",
    arguments: [
      ["align", "--group", "g"], ["align", "--all"], ["gantt", "--group", "g"],
      ["decision", "--group", "g", "--format", "text"], ["decision", "--group", "g"],
      ["export", "--format", "ics"],
      [
        "export", "--format", "ics", "--group", "g", "--to",
        "2018-10-03",
      ],
      ["align", "--group", "g", "--format", "json"], ["expiring", "--by", "2019-01-01"],
    ])
  func hugeAnnualValue(_ arguments: [String]) {
    let run = commission(
      arguments + ["--as-of", "2016-01-01", HardeningTests.corpus + "overflow-annual.csv"])
    #expect(run.code == 0)
    #expect(run.stderr == "")
    if arguments[0] == "align" && arguments.count == 3 || arguments[0] == "decision" {
      #expect(run.stdout.contains("too large to compute"))
    }
  }
}

extension HardeningTests {
  @Test("an end of 9999-12-31 is written as a one-day event, never DTEND 100000101")
  func icsYear9999() {
    let run = commission([
      "export", "--format", "ics", "--as-of", "2016-03-22", HardeningTests.corpus + "year-9999.csv",
    ])
    #expect(run.code == 0)
    #expect(run.stdout.contains("DTSTART;VALUE=DATE:99991231"))
    #expect(!run.stdout.contains("DATE:1000"))
  }
}
