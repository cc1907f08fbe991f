import Foundation
import Testing

@testable import CommissionCLI

@Suite("commission gantt")
struct GanttCommandTests {
  @Test(
    "the bundled register at 80, 100 and 160 columns, Unicode and ASCII",
    arguments: [80, 100, 160], [false, true])
  func bundled(_ width: Int, _ ascii: Bool) {
    var arguments = ["gantt", "--as-of", "2016-03-22", "--width", String(width)]
    if ascii { arguments.append("--ascii") }
    let run = commission(arguments)
    #expect(run.code == 0)
    #expect(run.stderr == kentReading)
    assertGolden(run.stdout, "gantt-kent-2016-03-w\(width)\(ascii ? "-ascii" : "").txt")
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= width })
    if ascii {
      #expect(
        run.stdout.unicodeScalars.allSatisfy { $0.isASCII || "£–’·…é".unicodeScalars.contains($0) })
    }
  }

  @Test(
    "the March 2016 alignment overlaid: text, SVG and JSON", arguments: ["text", "svg", "json"])
  func overlay(_ format: String) {
    let run = commission([
      "gantt", "--group", "childrens-public-health", "--start", "2017-04-01", "--as-of",
      "2016-03-22",
      "--format", format,
    ])
    #expect(run.code == 0)
    assertGolden(run.stdout, "gantt-kent-2016-03-camhs.\(format == "text" ? "txt" : format)")
  }

  @Test("the whole register as SVG")
  func svg() {
    let run = commission(["gantt", "--as-of", "2016-03-22", "--format", "svg"])
    #expect(run.code == 0)
    assertGolden(run.stdout, "gantt-kent-2016-03.svg")
  }

  @Test("no colour when NO_COLOR is set, even on a terminal")
  func noColor() {
    var environment = Environment(
      currentDirectory: repositoryRoot.path, variables: ["TERM": "xterm-256color"],
      isTerminal: true, today: fixedToday)
    var out = ""
    var err = ""
    _ = Commission.run(
      ["gantt", "--as-of", "2016-03-22"], environment: environment, stdout: &out, stderr: &err)
    #expect(out.contains("\u{1B}["))
    environment.variables["NO_COLOR"] = "1"
    out = ""
    _ = Commission.run(
      ["gantt", "--as-of", "2016-03-22"], environment: environment, stdout: &out, stderr: &err)
    #expect(!out.contains("\u{1B}["))
  }

  @Test(
    "what cannot be drawn, and usage errors",
    arguments: [
      (
        [
          "gantt", "--width", "40", "--scale", "month", "--from", "2016-03-01", "--until",
          "2019-05-31", "--as-of", "2016-03-22",
        ], Int32(1),
        "commission: a width of 40 is too small to draw 39 months; use --width 41 or more, a shorter window (--from, --until) or --scale year\n"
      ),
      (
        ["gantt", "--start", "2017-04-01"], 64,
        "commission: '--target' and '--start' need '--group <name>'; for example --group childrens-public-health\n"
      ),
      (
        ["gantt", "--format", "csv"], 64,
        "commission: the value 'csv' is invalid for 'gantt --format'; use text or svg or json\n"
      ),
      (
        ["expiring", "--by", "2016-09-30", "--format", "svg"], 64,
        "commission: the value 'svg' is invalid for 'expiring --format'; use text or json or csv\n"
      ),
      (
        ["gantt", "--from", "2017-01-01", "--until", "2016-01-01"], 1,
        "commission: the window 2017-01-01 to 2016-01-01 is empty; --from must come before --until\n"
      ),
    ])
  func failures(_ arguments: [String], _ code: Int32, _ message: String) {
    let run = commission(arguments)
    #expect(run.code == code)
    #expect(run.stderr == message)
  }
}

@Suite("The Gantt window asked for")
struct GanttWindowTests {
  @Test(
    "a window widened to whole units says so; one that falls on whole units does not",
    arguments: [
      ("80", "01/01/2016", "30 Jun 2017", false),
      ("80", "02/01/2016", "30 Jun 2017", true),
      ("80", "01/01/2016", "29 Jun 2017", true),
      ("40", "01/01/2016", "30 Jun 2017", true),
    ])
  func widened(width: String, from: String, until: String, said: Bool) {
    let run = commission([
      "gantt", "--group", "childrens-public-health", "--start", "2017-04-01", "--from", from,
      "--until", until, "--as-of", "2016-03-22", "--width", width,
    ])
    #expect(run.code == 0)
    let text = run.stdout.replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("widened to whole") == said, "\(run.stdout)")
  }
}
