import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

@Suite("commission align")
struct AlignCommandTests {
  static let camhs = [
    "align", "--group", "childrens-public-health", "--start", "2017-04-01", "--as-of", "2016-03-22",
  ]

  @Test(
    "March 2016: the CAMHS alignment as text, JSON and CSV", arguments: ["text", "json", "csv"])
  func march2016(_ format: String) {
    let run = commission(AlignCommandTests.camhs + ["--format", format])
    #expect(run.code == 0)
    #expect(run.stderr == kentReading)
    assertGolden(run.stdout, "align-kent-2016-03-camhs.\(format == "text" ? "txt" : format)")
    if format == "text" {
      #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }
  }

  @Test("the JSON carries the keys INTERFACE.md fixes, money as decimal strings")
  func jsonKeys() throws {
    let run = commission(AlignCommandTests.camhs + ["--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["group"] as? String == "childrens-public-health")
    #expect(json["target"] as? String == "2017-03-31")
    #expect(
      (json["totalCost"] as? [String: String]) == ["amount": "14142959.00", "currency": "GBP"])
    let deadlines = try #require(json["deadlines"] as? [String: Any])
    #expect(deadlines["decisionBy"] as? String == "2016-09-30")
    #expect(deadlines["noticeBy"] as? String == "2016-09-01")
    #expect(deadlines["committeeMeeting"] as? String == "2016-09-06")
    #expect(deadlines["procurementStartBy"] as? String == "2016-10-01")
    // Every flag and deadline reason is an object with a code.
    let timetable = try #require(json["timetable"] as? [[String: Any]])
    let ccg = timetable.filter { $0["owner"] as? String == "West Kent CCG" }
    #expect(
      ccg.first { $0["kind"] as? String == "procurement-start" }?["date"] as? String
        == "2016-04-01")
    #expect(timetable.allSatisfy { (($0["rule"] as? [String: Any])?["code"] as? String) != nil })
    let contracts = try #require(json["contracts"] as? [[String: Any]])
    let camhs = try #require(contracts.first { $0["id"] as? String == "camhs-spft" })
    #expect(camhs["cost"] is NSNull)
    #expect(camhs["currentEnd"] as? String == "2016-08-31")
    #expect(camhs["proposedEnd"] as? String == "2017-03-31")
    #expect(camhs["extensionDays"] as? Int == 212)
    #expect(camhs["withinOptions"] as? Bool == false)
    #expect(camhs["councilLed"] as? Bool == false)
    let flags = try #require(camhs["flags"] as? [[String: Any]])
    #expect(flags.first?["code"] as? String == "partner-led")
    #expect(flags.first?["commissioner"] as? String == "West Kent CCG")
    #expect(flags.allSatisfy { $0["code"] is String && $0["message"] is String })
    #expect((json["keyDecision"] as? [String: Any])?["required"] as? Bool == true)
  }

  @Test(
    "July 2015: the latest end is the target, three costs unknown, key decision on annual values")
  func july2015() {
    let run = commission([
      "align", "--group", "childrens-public-health", "--as-of", "2015-07-22",
      "Contracts/kent-2015-07",
    ])
    #expect(run.code == 0)
    assertGolden(run.stdout, "align-kent-2015-07.txt")
    #expect(run.stdout.contains("£6,128,699.00"))
  }

  @Test(
    "without --group: every group, its spread and whether it is aligned",
    arguments: ["text", "json"])
  func groups(_ format: String) {
    let run = commission(["align", "--as-of", "2016-03-22", "--format", format])
    #expect(run.code == 0)
    assertGolden(run.stdout, "align-kent-2016-03-groups.\(format == "text" ? "txt" : "json")")
  }

  @Test("--all never cuts a group name, at any width", arguments: [40, 60, 80, 90, 100, 120])
  func allNamesWhole(_ width: Int) {
    let run = commission(["align", "--all", "--as-of", "2016-04-22", "--width", String(width)])
    #expect(run.code == 0)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    for group in [
      "childrens-public-health", "early-help-family-support", "learning-disability-day-services",
      "school-facilities", "supported-accommodation", "troubled-families",
    ] {
      #expect(lines.contains { $0 == group || $0.hasPrefix(group + " ") })
    }
    #expect(!run.stdout.contains("…"))
  }

  @Test("--all: every group's proposal on a line, with the totals", arguments: [80, 100])
  func all(_ width: Int) {
    let run = commission(["align", "--all", "--as-of", "2016-04-22", "--width", String(width)])
    #expect(run.code == 0)
    assertGolden(run.stdout, "align-kent-2016-03-all-w\(width).txt")
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= width })
    // The children's public health group as `align --group` costs it to its latest end.
    let alone = commission([
      "align", "--group", "childrens-public-health", "--as-of", "2016-04-22",
    ])
    #expect(alone.stdout.contains("£14,110,669.14"))
    // CAMHS is the CCG's: its unknown cost no longer marks the council's total as incomplete.
    #expect(run.stdout.contains("£14,110,669.14 "))
  }

  @Test("--all as CSV: the proposal rows of every group, the group first")
  func allCSV() {
    let run = commission(["align", "--all", "--as-of", "2016-04-22", "--format", "csv"])
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("group,id,service,") == true)
    // Every grouped contract: 5 + 11 + 6 + 3 + 24 + 5 (the groups of `align`).
    #expect(lines.count == 1 + 54)
  }

  @Test(
    "what cannot be done, and usage errors",
    arguments: [
      (
        ["align", "--group", "nope", "Contracts/kent-2015-07"], Int32(1),
        "commission: no contract is in group 'nope'; the groups are childrens-public-health\n"
      ),
      (
        ["align", "--to", "2016-09-30"], 64,
        "commission: '--to' and '--start' need '--group <name>' or '--all'; for example --group childrens-public-health\n"
      ),
      (
        ["align", "--format", "csv"], 64,
        "commission: the value 'csv' is invalid for 'align --format' without '--group' or '--all'; use text or json\n"
      ),
      (
        ["align", "--all", "--group", "g"], 64,
        "commission: '--all' and '--group' both choose the groups; give one\n"
      ),
    ])
  func failures(_ arguments: [String], _ code: Int32, _ message: String) {
    let run = commission(arguments)
    #expect(run.code == code)
    #expect(run.stderr == message)
  }

  @Test("a group whose ends are all unknown needs a target")
  func allUnknown() {
    let run = commission(["align", "--group", "g", "-"], stdin: "service,end,group\nA,TBC,g\n")
    #expect(run.code == 1)
    #expect(
      run.stderr
        == "commission: no contract in group 'g' has an end date; give a target with --to or --start\n"
    )
  }
}
