import Testing

@testable import CommissionCLI
@testable import Commissioning

@Suite("Argument parsing")
struct InvocationTests {
  @Test("flags in both spellings, commands and registers")
  func parses() throws {
    let a = try Invocation.parse([
      "expiring", "--by", "2016-09-30", "--as-of=2016-03-22", "Contracts/kent-2016-03", "--format",
      "json", "--group=g", "--provider", "KCHFT", "--width", "80",
    ])
    #expect(a.command == .expiring)
    #expect(a.by == Day("2016-09-30"))
    #expect(a.asOf == Day("2016-03-22"))
    #expect(a.registers == ["Contracts/kent-2016-03"])
    #expect(a.format == .json)
    #expect(a.group == "g")
    #expect(a.provider == "KCHFT")
    #expect(a.width == 80)
    let b = try Invocation.parse(["check", "--strict", "-", "--", "--odd-name.csv"])
    #expect(b.command == .check)
    #expect(b.strict)
    #expect(b.registers == ["-", "--odd-name.csv"])
  }

  @Test(
    "errors name the flag and show an example",
    arguments: [
      (["expiring", "--foo"], "unknown option '--foo'"),
      (
        ["expiring", "--by", "31/09/2016"],
        "the value '31/09/2016' is invalid for '--by <date>': not a date (September has 30 "
          + "days); use a date like 2016-09-30, "
          + "30/09/2016 or 30 Sep 2016"
      ),
      (["expiring", "--by"], "missing value for '--by'; for example --by 2016-09-30"),
      (
        ["expiring", "--format", "xml"],
        "the value 'xml' is invalid for '--format <format>'; use one of text, json, csv, svg, markdown, html, ics, mermaid, ocds, docx, tidy, jsonl"
      ),
      (
        ["expiring", "--width", "10"],
        "the value '10' is invalid for '--width <n>'; use a number of columns from 40 to 1000, like 100"
      ),
      (
        ["expire"],
        "unknown command 'expire'; did you mean 'expiring' or 'export'? (the commands are "
          + "summary, expiring, check, align, gantt, decision, whatif, export, import, "
          + "report, opportunities, help, "
          + "completion)"
      ),
      (["check", "--strict=yes"], "'--strict' takes no value"),
      (
        ["align", "--group", "g", "--to", "2016-09-30", "--start", "2016-10-01"],
        "'--to' and '--start' both set the target; give one (for example --start 2017-04-01)"
      ),
      (
        ["decision", "--group", "g", "--to", "2017-06-30", "--start", "2017-04-01"],
        "'--to' and '--start' both set the target; give one (for example --start 2017-04-01)"
      ),
    ])
  func errors(_ arguments: [String], _ message: String) {
    #expect(throws: UsageError(message)) { try Invocation.parse(arguments) }
  }
}

extension InvocationTests {
  @Test(
    "command-line dates fall in the years 1900 to 2200, one day either side refused",
    arguments: [
      ("1899-12-31", false), ("1900-01-01", true), ("2200-12-31", true), ("2201-01-01", false),
      ("0001-01-01", false), ("9999-12-31", false),
    ])
  func dateRange(_ text: String, _ accepted: Bool) {
    for (command, flag) in [
      ("align", "--as-of"), ("expiring", "--by"), ("align", "--to"), ("align", "--start"),
      ("gantt", "--target"), ("decision", "--meeting-date"),
    ] {
      let parsed = try? Invocation.parse([command, flag, text])
      #expect((parsed != nil) == accepted, "\(flag) \(text)")
    }
    do {
      _ = try Invocation.parse(["align", "--start", text])
    } catch {
      #expect(
        error.message
          == "the value '\(text)' is invalid for '--start <date>'; use a date in the years 1900 to 2200, like 2016-09-30"
      )
    }
  }

  @Test(
    "--alarms: days from 0 to 3650",
    arguments: [
      ("0", [0]), ("3650", [3650]), ("3651", nil), ("-1", nil), ("99999999999", nil),
      ("180,90,30", [180, 90, 30]), ("30,3651", nil),
    ] as [(String, [Int]?)])
  func alarms(_ text: String, _ expected: [Int]?) {
    let parsed = try? Invocation.parse(["export", "--format", "ics", "--alarms", text])
    #expect(parsed?.alarms == expected)
  }
}

extension InvocationTests {
  @Test("--contracts given twice adds up, never the last one alone")
  func contractsRepeated() throws {
    let invocation = try Invocation.parse([
      "decision", "--group", "g", "--contracts", "a", "--contracts", "b, c",
    ])
    #expect(invocation.decisionFields.contracts == ["a", "b", "c"])
  }
}
