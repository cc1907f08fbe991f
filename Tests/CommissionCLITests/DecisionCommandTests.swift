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
        ["decision", "--group", "childrens-public-health", "--format", "svg"], 64,
        "commission: the value 'svg' is invalid for 'decision --format'; use markdown or text or html or json\n"
      ),
    ])
  func errors(_ arguments: [String], _ code: Int32, _ message: String) {
    let run = commission(arguments)
    #expect(run.code == code)
    #expect(run.stderr == message)
  }
}
