import Foundation
import Testing

/// Headless Chromium, a real client, loading what the planner writes for a browser.
///
/// Where Chromium is not installed the tests say so on standard output and pass; under
/// `CI=true` they must run (`.ci/run` installs the Debian package first).
enum Chromium {
  /// The browser's path, or `nil` when it is not on the `PATH`.
  static let path: String? = {
    guard
      let found = try? runTool(["sh", "-c", "command -v chromium || command -v chromium-browser"]),
      found.status == 0
    else { return nil }
    let path = found.output.trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? nil : path
  }()

  /// Whether a test may go on: `false` (with a printed line) when Chromium is absent outside CI.
  static func available(_ test: String) -> Bool {
    if path != nil { return true }
    if ProcessInfo.processInfo.environment["CI"] == "true" {
      Issue.record("chromium is not installed, and CI=true requires it (see .ci/run)")
    } else {
      print("SKIPPED \(test): chromium is not installed (apt-get install chromium)")
    }
    return false
  }

  /// The problems Chromium reports loading `file`: console messages (an uncaught error, a
  /// refused resource) and, for XML, the parser's error page.
  static func problems(loading file: URL) throws -> [String] {
    let run = try runTool([
      "timeout", "90", path ?? "chromium", "--headless", "--no-sandbox", "--disable-gpu",
      "--enable-logging=stderr", "--v=0", "--dump-dom", file.absoluteString,
    ])
    var problems = run.output.split(separator: "\n").map(String.init).filter {
      $0.contains(":CONSOLE") || $0.contains("Uncaught")
    }
    if run.output.contains("<parsererror") { problems.append("XML parser error page") }
    if run.status != 0 { problems.append("exit \(run.status)") }
    if !run.output.contains("</svg>") { problems.append("no SVG in the page's DOM") }
    return problems
  }

  static func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }
}

@Suite("Headless Chromium loads the report page and the SVG chart without an error")
struct ChromiumTests {
  @Test("the programme page, the whole register's page and the chart load cleanly")
  func cleanLoads() throws {
    guard Chromium.available("ChromiumTests.cleanLoads") else { return }
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let pages: [(String, [String])] = [
      ("programme.html", ReportCommandTests.arguments),
      ("register.html", ["report", "--as-of", "2016-03-22"]),
      ("chart.svg", ["gantt", "--format", "svg", "--as-of", "2016-03-22"]),
      (
        "proposal.svg",
        [
          "gantt", "--format", "svg", "--group", "childrens-public-health", "--start",
          "2017-04-01", "--as-of", "2016-03-22",
        ]
      ),
    ]
    for (name, arguments) in pages {
      let run = commission(arguments)
      #expect(run.code == 0)
      let file = try Chromium.write(run.stdout, name, in: dir)
      #expect(try Chromium.problems(loading: file).isEmpty, "\(name)")
    }
    // The hostile register's chart and page too.
    let hostile = try HostileRegister.folder()
    defer { try? FileManager.default.removeItem(at: hostile) }
    for (name, arguments) in [
      ("hostile.svg", ["gantt", "--format", "svg"]), ("hostile.html", ["report"]),
    ] {
      let run = commission(
        arguments + ["--as-of", "2016-03-22", "register.csv"], directory: hostile)
      let file = try Chromium.write(run.stdout, name, in: dir)
      #expect(try Chromium.problems(loading: file).isEmpty, "\(name)")
    }
  }

  @Test("the check can fail: a script error and a malformed SVG are both caught")
  func checkCanFail() throws {
    guard Chromium.available("ChromiumTests.checkCanFail") else { return }
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = try Chromium.write(
      "<!DOCTYPE html><html><body><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"
        + "<script>undefinedFunction()</script></body></html>", "bad.html", in: dir)
    #expect(try Chromium.problems(loading: script).contains { $0.contains("Uncaught") })
    let svg = try Chromium.write(
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a & b</text></svg>", "bad.svg", in: dir)
    #expect(try Chromium.problems(loading: svg).contains("XML parser error page"))
  }
}
