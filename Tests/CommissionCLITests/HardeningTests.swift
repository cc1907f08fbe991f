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
    // The one line says the figure is implausible (it is read, and warned of); nothing else.
    #expect(
      run.stderr
        == "commission: 1 warning while reading overflow-annual; 'commission check' lists them\n")
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

extension HardeningTests {
  @Test(
    "gantt suggests only a width it accepts: 1000 columns hold 199 years, not 200",
    arguments: [
      // Two columns of indent under each name on its own line, and five cells a year.
      (
        "2199-03-31",
        "commission: a width of 40 is too small to draw 199 years; use --width 997 or more or a shorter window (--from, --until)\n"
      ),
      (
        "2199-04-01",
        "commission: 200 years cannot be drawn even at --width 1000; use a shorter window (--from, --until)\n"
      ),
    ])
  func ganttSuggestion(_ to: String, _ message: String) {
    let run = commission([
      "gantt", "--scale", "year", "--from", "2000-04-01", "--until", to, "--as-of", "2016-03-22",
      "--width", "40",
    ])
    #expect(run.code == 1)
    #expect(run.stderr == message)
  }
}

extension HardeningTests {
  @Test(
    "gantt names --scale year only when it would fit: 199 years at --width 1000, not 200",
    arguments: [
      (
        "40", "2199-03-31",
        "commission: 2388 months cannot be drawn even at --width 1000; use a shorter window (--from, --until) or --scale year\n"
      ),
      (
        "40", "2199-04-01",
        "commission: 2389 months cannot be drawn even at --width 1000; use a shorter window (--from, --until)\n"
      ),
      // 125 columns: 24 years of 5 cells fit under names on their own lines (2 + 120), 25 do not.
      (
        "125", "2024-03-31",
        "commission: a width of 125 is too small to draw 288 months; use --width 290 or more, a shorter window (--from, --until) or --scale year\n"
      ),
      (
        "125", "2024-04-01",
        "commission: a width of 125 is too small to draw 289 months; use --width 291 or more or a shorter window (--from, --until)\n"
      ),
    ])
  func ganttYearSuggestion(_ width: String, _ to: String, _ message: String) {
    let run = commission([
      "gantt", "--scale", "month", "--from", "2000-04-01", "--until", to, "--as-of", "2016-03-22",
      "--width", width,
    ])
    #expect(run.code == 1)
    #expect(run.stderr == message)
  }
}

extension HardeningTests {
  static let textCommands: [[String]] = [
    ["expiring", "--by", "2016-09-30"],
    ["expiring", "--by", "2016-09-30", "Contracts/kent-2015-07"],
    ["align"], ["align", "--group", "childrens-public-health"], ["align", "--all"],
    ["gantt", "--group", "childrens-public-health"],
    ["decision", "--spec", "Examples/decision-16-00038.json", "--format", "text"],
    [
      "whatif", "Examples/2016-stagger-ends.json",
      "Examples/2016-procurement-slips-three-months.json",
    ],
  ]

  @Test(
    "every text report keeps to --width, down to the least it accepts",
    arguments: textCommands, [40, 41, 63, 64, 80])
  func widths(_ command: [String], _ width: Int) {
    let run = commission(command + ["--as-of", "2016-03-22", "--width", String(width)])
    #expect(run.code == 0)
    let long = run.stdout.split(separator: "\n").filter { $0.count > width }
    #expect(long == [], "\(command) at \(width)")
  }
}

extension HardeningTests {
  @Test("expiring's JSON counts a total too large to annualise, apart from unknown values")
  func expiringJSONTooLarge() {
    let run = commission([
      "expiring", "--by", "2016-09-30", "--as-of", "2016-01-01", "--format", "json",
      HardeningTests.corpus + "overflow-total-38-days.csv",
    ])
    #expect(run.code == 0)
    #expect(run.stdout.contains("\"valuesUnknown\": 0"))
    #expect(run.stdout.contains("\"valuesTooLarge\": 1"))
  }
}

extension HardeningTests {
  /// A term from 0001-01-01 to 9999-12-31 with 99 years of options: the options run past 9999.
  static let farRegister =
    "id,service,provider,group,value,start,end,extension_options\n"
    + "a,Svc A,P1,g,100000,1/1/0001,31/12/9999,99 years\n"

  @Test(
    "exports write no date past 9999: left out with a warning",
    arguments: [
      (
        "mermaid",
        "commission: warning: 2 tasks with a date outside the years 0001 to 9999 left out of the chart"
      ),
      (
        "ocds",
        "commission: warning: 1 date outside the years 0001 to 9999 left out (null) of the releases (first: a, +10098-12-31)"
      ),
      ("json", nil),
    ] as [(String, String?)])
  func farDates(_ format: String, _ warning: String?) throws {
    let folder = try temporaryFolder("far-dates")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.farRegister.write(
      to: folder.appendingPathComponent("far.csv"), atomically: true, encoding: .utf8)
    // The built binary: the warning is written to standard error as the export is made.
    let run = try runShell(
      "exec \"$BIN\" export --format \(format) --as-of 2016-03-22 \"$T/far.csv\"", in: folder)
    #expect(run.code == 0)
    #expect(!run.stdout.contains("+10"))
    #expect(!run.stdout.contains("10000-"))
    if let warning { #expect(run.stderr.contains(warning + "\n")) }
  }
}
