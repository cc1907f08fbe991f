import Foundation
import Testing

@testable import CommissionCLI

@Suite("commission whatif")
struct WhatIfCommandTests {
  static let examples = [
    "Examples/2015-synchronise-to-september-2016.json",
    "Examples/2016-align-with-camhs-april-2017.json",
    "Examples/2016-stagger-ends.json", "Examples/2016-procurement-slips-three-months.json",
  ]

  @Test(
    "the four examples side by side, in 100 columns, as text, JSON and CSV",
    arguments: ["text", "json", "csv"])
  func examples(_ format: String) {
    let run = commission(
      ["whatif"] + Self.examples + ["--as-of", "2016-03-22", "--format", format])
    #expect(run.code == 0)
    #expect(run.stderr == kentReading)
    assertGolden(run.stdout, "whatif-examples.\(format == "text" ? "txt" : format)")
    if format == "text" {
      #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }
  }

  @Test("--gantt stacks each scenario's timeline on one window")
  func gantt() {
    let run = commission([
      "whatif", "Examples/2016-align-with-camhs-april-2017.json", "Examples/2016-stagger-ends.json",
      "--gantt", "--as-of", "2016-03-22",
    ])
    #expect(run.code == 0)
    assertGolden(run.stdout, "whatif-gantt.txt")
  }

  /// A contract one scenario adds is absent from another that never had it, not "removed";
  /// one a scenario removes is "removed".
  @Test("a contract added in one scenario is absent, not removed, in another")
  func absentNotRemoved() throws {
    let folder = try temporaryFolder("whatif-absent")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("id,service,provider,group,value,end\nc1,Svc one,P,g,£100000,2016-09-30\n".utf8)
      .write(to: folder.appendingPathComponent("min.csv"))
    let scenarios = [
      (
        "add.json",
        #"{"add": {"id": "new", "service": "New svc", "end": "2018-03-31", "group": "g"}}"#
      ),
      ("ext.json", #"{"extend": "c1", "by": "6 months"}"#),
      ("rm.json", #"{"remove": "c1"}"#),
    ]
    for (name, change) in scenarios {
      try Data(#"{"version": 1, "register": "min.csv", "changes": [\#(change)]}"#.utf8)
        .write(to: folder.appendingPathComponent(name))
    }
    let run = commission(
      ["whatif", "add.json", "ext.json", "rm.json", "--as-of", "2016-03-22"], directory: folder)
    #expect(run.code == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map {
      $0.split(separator: " ").joined(separator: " ")
    }
    #expect(lines.contains("New svc absent 31 Mar 2018 * absent absent"), "\(run.stdout)")
    #expect(
      lines.contains("Svc one (P) 30 Sep 2016 30 Sep 2016 31 Mar 2017 * removed *"), "\(run.stdout)"
    )
  }

  @Test("a cycle between two files is a clear error, not a hang")
  func cycle() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "whatif-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(#"{"version": 1, "extends": "b.json", "changes": []}"#.utf8).write(
      to: folder.appendingPathComponent("a.json"))
    try Data(#"{"version": 1, "extends": "a.json", "changes": []}"#.utf8).write(
      to: folder.appendingPathComponent("b.json"))
    let run = commission(["whatif", "a.json"], directory: folder)
    #expect(run.code == 65)
    #expect(
      run.stderr == "commission: a.json: error: 'extends' makes a cycle: a.json → b.json → a.json\n"
    )
  }

  @Test(
    "errors: no scenario, a missing file, an unknown contract",
    arguments: [
      (
        ["whatif"], Int32(64),
        "commission: missing scenario files; for example: commission whatif Examples/2016-stagger-ends.json\n"
      ),
      (["whatif", "nope.json"], 66, "commission: cannot open 'nope.json': no such file\n"),
      (["whatif", "Examples"], 66, "commission: cannot open 'Examples': a folder, not a file\n"),
    ])
  func errors(_ arguments: [String], _ code: Int32, _ message: String) {
    let run = commission(arguments)
    #expect(run.code == code)
    #expect(run.stderr == message)
  }
}
