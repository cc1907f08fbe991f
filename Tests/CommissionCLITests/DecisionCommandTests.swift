import Foundation
import Testing

@testable import CommissionCLI

@Suite("commission decision")
struct DecisionCommandTests {
  @Test(
    "the three Kent records in every format",
    arguments: ["15-00067", "15-00068", "16-00038"], ["markdown", "text", "html", "json"])
  func records(_ number: String, _ format: String) {
    let run = commission([
      "decision", "--spec", "Examples/decision-\(number).json", "--format", format,
    ])
    #expect(run.code == 0)
    // The July 2015 register reads without a warning; the March 2016 one has 31.
    #expect(run.stderr == (number.hasPrefix("15") ? "" : kentReading))
    let ext = ["markdown": "md", "text": "txt", "html": "html", "json": "json"][format] ?? format
    assertGolden(run.stdout, "decision-\(number).\(ext)")
    if format == "text" { #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }) }
  }

  @Test("flags override the spec, and a register on the command line overrides the spec's")
  func overrides() {
    let run = commission([
      "decision", "--spec", "Examples/decision-16-00038.json", "--decision-number", "16/00099",
      "--contracts", "schw-hv-fnp", "--format", "json",
    ])
    #expect(run.code == 0)
    #expect(run.stdout.contains(#""decisionNumber": "16/00099""#))
    #expect(run.stdout.contains(#""totalCost": {"# + "\n" + #"    "amount": "11302200.00""#))
    let other = commission(
      [
        "decision", "--spec", "Examples/decision-16-00038.json", "--group", "g", "--to",
        "2016-09-30",
        "--contracts", "a", "--format", "json", "-",
      ],
      stdin: "id,service,value,value_basis,end,group\na,Meals,\"£1,200,000\",annual,2016-06-30,g\n")
    #expect(other.code == 0)
    #expect(other.stdout.contains(#""amount": "300000.00""#))
  }

  /// The limit through the command: 10.0% of £4,852,760 is within it, a pound more is over.
  @Test(
    "vary from flags: the modification limit at 10.0% and just over",
    arguments: [("£485,276", false), ("£485,277", true), ("-£485,277", true)])
  func vary(_ change: String, _ over: Bool) {
    let run = commission([
      "decision", "--kind", "vary", "--group", "childrens-public-health", "--contracts",
      "schw-school-ph-kchft", "--change", change, "--decision-number", "16/00099", "--format",
      "json", "--as-of", "2016-03-22", "--meeting-date", "2016-07-05", "--committee", "C",
    ])
    #expect(run.code == 0)
    #expect(run.stdout.contains(#""kind": "vary""#))
    #expect(run.stdout.contains(#""code": "modification-over-limit""#) == over)
  }

  @Test("award from flags: the terms, the whole value, the dates back from the contract's start")
  func award() {
    let run = commission([
      "decision", "--kind", "award", "--group", "childrens-public-health", "--provider", "Acme",
      "--service", "school nursing", "--value", "£600,000", "--contract-start", "2017-04-01",
      "--contract-end", "2019-03-31", "--decision-number", "16/00099", "--format", "markdown",
      "--as-of", "2016-03-22",
    ])
    #expect(run.code == 0)
    #expect(
      run.stdout.contains(
        "enter into a contract with Acme, to deliver school nursing for two years from"))
    // A value of unstated basis is the whole contract's: under the £1m threshold.
    #expect(run.stdout.contains("This is not a key decision: the contract value of £600,000.00"))
    // A new provider: three months' mobilisation from 1 January, the decision before it.
    #expect(run.stdout.contains("- Mobilisation starts: 1 January 2017"))
    #expect(run.stdout.contains("- Decision by: 31 December 2016"))
  }

  @Test(
    "errors: unknown contracts, a bad spec, a missing spec, no group",
    arguments: [
      (
        ["decision", "--spec", "Examples/decision-16-00038.json", "--contracts", "schw-hv-fpn"],
        Int32(65),
        "commission: the record names 'schw-hv-fpn', not in group 'childrens-public-health'; did you mean 'schw-hv-fnp'?\n"
      ),
      (
        ["decision", "--spec", "no-such.json"], 66,
        "commission: cannot open 'no-such.json': no such file\n"
      ),
      (
        ["decision", "--spec", "Examples"], 66,
        "commission: cannot open 'Examples': a folder, not a file\n"
      ),
      (
        ["decision"], 64,
        "commission: missing '--group <name>' (or \"group\" in the spec); for example --group childrens-public-health\n"
      ),
      (
        ["decision", "--group", "childrens-public-health", "--kind", "renew"], 64,
        "commission: the value 'renew' is invalid for '--kind'; use one of extend, award, vary\nRun 'commission --help' for usage.\n"
      ),
      (
        ["decision", "--group", "childrens-public-health", "--change", "lots"], 64,
        "commission: the value 'lots' is invalid for '--change'; use money like £250,000 or -£250,000\nRun 'commission --help' for usage.\n"
      ),
      (
        ["decision", "--group", "childrens-public-health", "--kind", "vary"], 65,
        "commission: a variation modifies one contract; the spec names 0 (give \"contracts\": [\"id\"] or --contracts id)\n"
      ),
      (
        ["decision", "--group", "childrens-public-health", "--format", "svg"], 64,
        "commission: the value 'svg' is invalid for 'decision --format'; use markdown or text or html or json or docx\n"
      ),
    ])
  func errors(_ arguments: [String], _ code: Int32, _ message: String) {
    let run = commission(arguments)
    #expect(run.code == code)
    #expect(run.stderr == message)
  }
}
