import Commissioning
import Foundation
import Testing

@testable import CommissionCLI

/// A register whose names are built to break markup: markup characters, a CDATA end, control
/// characters, right-to-left text and an override, emoji, and a 200-character name.
enum HostileRegister {
  static let long = String(repeating: "Supported living ", count: 12).prefix(199) + "x"
  static let names = [
    "Meals <on> wheels & \"co\"", "Day care ]]> night care", "Bus\u{01}\u{1B}[31m\u{7F}service",
    "خدمة الرعاية المنزلية", "Respite \u{202E}erac", "Family hubs 👩‍👩‍👧 and 🚌 transport",
    String(long),
  ]

  /// A folder holding the register as `register.csv`; the caller removes it.
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var csv = "id,service,provider,group,commissioner,value,end,extension_options\n"
    for (index, name) in names.enumerated() {
      let cell = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      let month = 4 + index
      csv +=
        "c\(index),\(cell),\(cell),g <&>,\(index == 2 ? cell : ""),£100000 per annum,"
        + "2016-\(month < 10 ? "0" : "")\(month)-30,+1\n"
    }
    try Data(csv.utf8).write(to: dir.appendingPathComponent("register.csv"))
    return dir
  }
}

@Suite("commission report: one HTML page for a programme")
struct ReportCommandTests {
  /// The whole-register page charts every programme whole, so an end in year 1 or 9999 (a
  /// typing slip the reader warns about) makes a window of millennia. Each month line read
  /// the window's month count afresh, counting every month: an end in year 17 took minutes,
  /// in year 1 hours. Now the count is made once; the generous limit fails a return to
  /// counting per line without making the suite depend on the machine's speed.
  @Test(
    "a window of millennia draws at once, from year 1 to 9999",
    arguments: ["0001-01-31", "0017-12-31", "9999-12-31"])
  func millennia(_ end: String) throws {
    let folder = try temporaryFolder("millennia")
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = "id,service,group,end,value\na,S,g,\(end),£1m\nb,T,g,2017-03-31,£1m\n"
    try Data(csv.utf8).write(to: folder.appendingPathComponent("r.csv"))
    let start = Date()
    let result = commission(["report", "r.csv", "--as-of", "2016-03-22"], directory: folder)
    #expect(Date().timeIntervalSince(start) < 20)
    #expect(result.code == 0)
    #expect(result.stdout.contains("<svg") && result.stdout.hasSuffix("</html>\n"))
  }

  static let arguments = [
    "report", "--group", "childrens-public-health", "--start", "2017-04-01", "--as-of",
    "2016-03-22",
  ]

  @Test("the children's public health programme, as a golden file")
  func golden() {
    let run = commission(Self.arguments)
    #expect(run.code == 0)
    #expect(run.stderr == kentReading)
    assertGolden(run.stdout, "report-childrens-public-health.html")
  }

  @Test("the page is self-contained, prints on A4 and names its parts for a screen reader")
  func structure() {
    let html = commission(Self.arguments).stdout
    for part in [
      "<html lang=\"en-GB\">", "<title>Programme report: childrens-public-health</title>",
      "@page { size: A4;", "page-break-before: always", "thead { display: table-header-group; }",
      "<caption>", "<th scope=\"col\"", "<th scope=\"row\"", "<svg xmlns=", "role=\"img\"",
      "<h2 id=\"assumptions\">", "decision by 30 Sep 2016",
      "Contracts/kent-2016-03/schw-providers.csv:79:13",
    ] {
      #expect(html.contains(part), "\(part)")
    }
    // Nothing is fetched: no script, no link, no source, no URL but the SVG namespace.
    for absent in ["<script", "<link", "src=", "url(http", "@import", "@font-face"] {
      #expect(!html.contains(absent), "\(absent)")
    }
    let urls = html.components(separatedBy: "http").count - 1
    #expect(urls == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
  }

  @Test("--output writes the page atomically and prints nothing")
  func output() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("programme.html").path
    let run = commission(Self.arguments + ["--output", path])
    #expect(run.code == 0)
    #expect(run.stdout.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == commission(Self.arguments).stdout)
    let missing = commission(Self.arguments + ["--output", dir.path + "/no/such/programme.html"])
    #expect(missing.code == 73)
  }

  @Test(
    "bad command lines: one line and the exit code other commands give",
    arguments: [
      (
        ["report", "--group", "nope", "--as-of", "2016-03-22"], 1, "no contract is in group 'nope'"
      ),
      (["report", "--format", "json"], 64, "use html"),
      (["report", "--to", "2017-03-31", "--start", "2017-04-01"], 64, "both set the target"),
      (["report", "--by", "soon"], 64, "is invalid for '--by <date>'"),
      (["report", "--sort", "value"], 64, "'--sort' is not an option of 'report'"),
    ])
  func refusals(_ arguments: [String], _ code: Int32, _ words: String) {
    let run = commission(arguments)
    #expect(run.code == code)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(words), "\(run.stderr)")
  }

  @Test("the whole register: every group on its own page, each with its chart")
  func wholeRegister() {
    let run = commission(["report", "--as-of", "2016-03-22"])
    #expect(run.code == 0)
    let groups = run.stdout.components(separatedBy: "<h2 id=\"group-").count - 1
    #expect(groups == 6)
    #expect(run.stdout.components(separatedBy: "<svg xmlns=").count - 1 == groups)
    // Each chart's ids are its own, so the page's patterns never collide.
    #expect(run.stdout.contains("id=\"chart-6-partner\""))
    #expect(run.stdout.contains("Next deadlines"))
  }
}

@Suite("Hostile names: the SVG and the HTML page stay well-formed and whole")
struct HostileNameTests {
  @Test("the SVG parses in Foundation and in Python's minidom; every name is there whole")
  func svg() throws {
    let dir = try HostileRegister.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = commission(
      ["gantt", "--format", "svg", "--as-of", "2016-03-22", "register.csv"], directory: dir)
    #expect(run.code == 0)
    let file = dir.appendingPathComponent("chart.svg")
    try Data(run.stdout.utf8).write(to: file)
    let check = try runTool([
      "python3", "-c", "import sys, xml.dom.minidom as m; m.parse(sys.argv[1]); print('ok')",
      file.path,
    ])
    #expect(check.status == 0 && check.output == "ok\n", "\(check.output)")
    #expect(!run.stdout.contains("]]>"))
    #expect(!run.stdout.contains("\u{202E}"))
    #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    let flat = run.stdout.replacingOccurrences(of: "</tspan><tspan", with: " <tspan")
    for name in HostileRegister.names where !name.contains("\u{01}") {
      let shown = Markup.escapeXML(name)
      let pieces = shown.split(separator: " ").map(String.init)
      #expect(pieces.allSatisfy { flat.contains($0) }, "\(name)")
    }
    #expect(flat.contains("Family hubs 👩‍👩‍👧 and 🚌 transport"))
  }

  @Test("the HTML page escapes every name and drops every control character")
  func html() throws {
    let dir = try HostileRegister.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = commission(["report", "--as-of", "2016-03-22", "register.csv"], directory: dir)
    #expect(run.code == 0)
    #expect(run.stdout.contains("Meals &lt;on&gt; wheels &amp; &quot;co&quot;"))
    #expect(run.stdout.contains("Alignment proposal: g &lt;&amp;&gt;"))
    #expect(!run.stdout.contains("<on>"))
    #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(run.stdout.contains(String(HostileRegister.long)))
  }
}

@Suite("--width: pixels for a drawing, columns for text")
struct DrawingWidthTests {
  static let svg = ["gantt", "--format", "svg", "--as-of", "2016-03-22"]

  @Test(
    "gantt --format svg takes 600 to 4000 pixels; one under or over is a usage error",
    arguments: [("600", 0), ("599", 64), ("4000", 0), ("4001", 64), ("1400", 0), ("wide", 64)])
  func svgWidths(_ width: String, _ code: Int32) {
    let run = commission(Self.svg + ["--width", width])
    #expect(run.code == code)
    if code == 0 {
      #expect(run.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\""))
    } else {
      #expect(
        run.stderr.hasPrefix(
          "commission: the value '\(width)' is invalid for '--width <pixels>' with a drawing; "
            + "use a number of pixels from 600 to 4000, like 1123 (A4 landscape)\n"))
    }
  }

  @Test("the same width is columns for text: 1123 is refused there, 1000 is not")
  func textWidths() {
    #expect(commission(["gantt", "--width", "1123", "--as-of", "2016-03-22"]).code == 64)
    #expect(commission(["gantt", "--width", "1000", "--as-of", "2016-03-22"]).code == 0)
    #expect(commission(["report", "--width", "599", "--as-of", "2016-03-22"]).code == 64)
    let report = commission(
      ["report", "--width", "1400"] + ReportCommandTests.arguments.dropFirst())
    #expect(report.stdout.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1400\""))
  }

  @Test("a drawing does not follow the terminal: COLUMNS changes nothing")
  func columnsIgnored() {
    let plain = commission(Self.svg)
    #expect(commission(Self.svg, variables: ["COLUMNS": "40"]).stdout == plain.stdout)
    #expect(plain.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1123\""))
  }
}
