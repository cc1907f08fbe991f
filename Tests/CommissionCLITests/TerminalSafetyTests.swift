import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

/// Hostile text from every user source (register cells, `council.json`'s name, a decision spec,
/// `--subject`, a scenario's name, extension options that Mermaid writes as `Options:` lines)
/// through every text renderer: no escape, no C1 control, no bidi override reaches the output.
@Suite("Terminal safety: one sanitiser for every text output")
struct TerminalSafetyTests {
  static let hostile = [
    "\u{1B}[2J\u{1B}]0;pwned\u{07}",  // CSI clear screen, OSC window title
    "\u{1B}]52;c;ZXZpbA==\u{07}",  // OSC 52: write the clipboard
    "\u{9B}31m\u{9D}0;x\u{9C}",  // the same as one-byte C1 controls
    "abc\u{202E}fdp.exe\u{202C}",  // right-to-left override
    "\u{2066}x\u{2069}\u{2067}y\u{2069}\u{202A}z\u{202D}",  // isolates and embeddings
    "one\rtwo\u{08}\u{7F}\u{2028}three",  // carriage return, backspace, DEL, line separator
  ]

  /// Scalars that must never appear in text output.
  static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x09, 0x0B..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  static func unsafe(_ text: String) -> [UInt32] {
    text.unicodeScalars.filter(forbidden).map(\.value)
  }

  /// A folder with a register, a council and a spec and scenario, every text field hostile.
  static func folder(_ bad: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("terminal-safety-\(UUID().uuidString)")
    let register = dir.appendingPathComponent("register")
    try FileManager.default.createDirectory(at: register, withIntermediateDirectories: true)
    func json(_ object: Any, _ name: String) throws {
      try JSONSerialization.data(withJSONObject: object).write(
        to: dir.appendingPathComponent(name))
    }
    try json(["name": bad, "decisionMaker": bad], "register/council.json")
    let cell = "\"" + bad.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    let csv = """
      id,service,provider,group,value,end,extension_options,notes
      a,\(cell),\(cell),g,£100000 per annum,2016-09-30,\(cell) 1 year,\(cell)
      b,Meals,\(cell),g,£200000 per annum,2017-03-31,+1,x
      c,\(cell),Acme,g,,not a date \(cell),,
      """
    try Data(csv.utf8).write(to: register.appendingPathComponent("register.csv"))
    try json(
      [
        "version": 1, "register": "register", "group": "g", "to": "2017-03-31",
        "asOf": "2016-03-22", "decisionNumber": "16/00001", "subject": bad, "purpose": bad,
        "alternatives": bad, "reportAuthor": bad, "director": bad, "committee": bad,
        "decisionMaker": bad,
      ], "spec.json")
    try json(
      [
        "version": 1, "name": bad, "description": bad, "register": "register",
        "asOf": "2016-03-22",
        "changes": [["extend": "a", "by": "6 months"]],
      ], "scenario.json")
    return dir
  }

  static let commands: [[String]] = [
    ["expiring", "--by", "2017-12-31", "register"],
    ["align", "--group", "g", "register"],
    ["align", "--all", "register"],
    ["align", "register"],
    ["gantt", "--group", "g", "register"],
    ["gantt", "--group", "g", "--to", "2017-03-31", "register"],
    ["decision", "--spec", "spec.json", "--format", "text"],
    ["decision", "--spec", "spec.json", "--format", "markdown"],
    ["decision", "--group", "g", "--subject", "{bad}", "register"],
    ["whatif", "scenario.json"],
    ["export", "--format", "mermaid", "register"],
    ["check", "register"],
    ["expiring", "--by", "2017-12-31", "--group", "{bad}", "register"],
  ]

  @Test("hostile text through every text renderer", arguments: hostile, commands)
  func renderers(_ bad: String, _ command: [String]) throws {
    let dir = try TerminalSafetyTests.folder(bad)
    defer { try? FileManager.default.removeItem(at: dir) }
    let arguments = command.map { $0 == "{bad}" ? bad : $0 } + ["--as-of", "2016-03-22"]
    let run = commission(arguments, directory: dir)
    // Every command runs; the unknown group is the one that fails, with its one line.
    #expect(run.code == (command.contains("{bad}") && command[0] == "expiring" ? 1 : 0))
    #expect(!run.stdout.isEmpty || !run.stderr.isEmpty)
    #expect(TerminalSafetyTests.unsafe(run.stdout) == [], "stdout of \(command)")
    #expect(TerminalSafetyTests.unsafe(run.stderr) == [], "stderr of \(command)")
  }

  static func terminal(_ variables: [String: String] = ["TERM": "xterm-256color"]) -> Environment {
    Environment(
      currentDirectory: repositoryRoot.path, variables: variables, isTerminal: true,
      today: fixedToday)
  }

  @Test("a coloured timeline carries its own colour codes and nothing else", arguments: hostile)
  func colouredGantt(_ bad: String) throws {
    let dir = try TerminalSafetyTests.folder(bad)
    defer { try? FileManager.default.removeItem(at: dir) }
    var environment = TerminalSafetyTests.terminal()
    environment.currentDirectory = dir.path
    var out = ""
    var err = ""
    _ = Commission.run(
      ["gantt", "--group", "g", "--as-of", "2016-03-22", "register"], environment: environment,
      stdout: &out, stderr: &err)
    #expect(out.contains("\u{1B}[0m"))
    // Take out every SGR sequence the renderer writes: no other escape may be left.
    var rest = out
    while let range = rest.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) {
      rest.removeSubrange(range)
    }
    #expect(TerminalSafetyTests.unsafe(rest) == [])
  }

  @Test("data formats are sanitised on a terminal and left byte for byte in a pipe")
  func dataFormats() throws {
    let bad = TerminalSafetyTests.hostile[0]
    let dir = try TerminalSafetyTests.folder(bad)
    defer { try? FileManager.default.removeItem(at: dir) }
    for isTerminal in [true, false] {
      var environment = TerminalSafetyTests.terminal()
      environment.currentDirectory = dir.path
      environment.isTerminal = isTerminal
      var out = ""
      var err = ""
      _ = Commission.run(
        ["export", "--format", "csv", "register"], environment: environment, stdout: &out,
        stderr: &err)
      #expect(out.contains("\u{1B}[2J") == !isTerminal)
      #expect(TerminalSafetyTests.unsafe(out).isEmpty == isTerminal)
    }
  }

  @Test(
    "colour only on a terminal that can show it",
    arguments: [
      (["TERM": "xterm-256color"], true), (["TERM": "dumb"], false), (["TERM": ""], false),
      ([:], false), (["TERM": "xterm", "NO_COLOR": "1"], false),
    ])
  func colour(_ variables: [String: String], _ expected: Bool) {
    var out = ""
    var err = ""
    _ = Commission.run(
      ["gantt", "--as-of", "2016-03-22"], environment: TerminalSafetyTests.terminal(variables),
      stdout: &out, stderr: &err)
    #expect(out.contains("\u{1B}[") == expected)
  }

  @Test(
    "singleLine and terminalSafe: each control's stand-in",
    arguments: [
      ("a\u{1B}b", "a␛b", "a␛b"), ("a\tb\nc", "a b c", "a\tb\nc"), ("a\r\nb", "a b", "a\nb"),
      ("a\rb", "a b", "a␍b"), ("\u{9B}x", "�x", "�x"), ("x\u{202E}y", "x�y", "x�y"),
      ("x\u{2069}y\u{2066}", "x�y�", "x�y�"), ("a\u{2028}b", "a b", "a\nb"),
      ("plain – text ·", "plain – text ·", "plain – text ·"), ("x\u{7F}", "x␡", "x␡"),
      // The characters either side of each range stay as they are.
      (
        "\u{A0}\u{2029}\u{202F}\u{2065}\u{206A}", "\u{A0} \u{202F}\u{2065}\u{206A}",
        "\u{A0}\n\u{202F}\u{2065}\u{206A}"
      ),
    ])
  func standIns(_ input: String, _ single: String, _ safe: String) {
    #expect(input.singleLine == single)
    #expect(input.terminalSafe == safe)
  }
}

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Every character XML 1.0 forbids, from any source, is dropped from the SVG and the HTML.
@Suite("XML safety: the SVG timeline and the HTML record parse whatever the input holds")
struct XMLSafetyTests {
  static let forbidden = [
    "\u{FFFE}", "\u{FFFF}", "a\u{01}b", "\u{1B}[31m", "\u{0B}\u{0C}", "x\ry", "<&\"'>",
  ]

  /// Whether Foundation's XML parser reads the document to its end without an error.
  static func parses(_ text: String) -> Bool {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse() && parser.parserError == nil
  }

  @Test(
    "SVG and HTML parse as XML with each forbidden character in every field",
    arguments: forbidden,
    [
      ["gantt", "--group", "g", "--format", "svg", "register"],
      ["decision", "--spec", "spec.json", "--format", "html"],
      ["report", "--group", "g", "register"],
    ])
  func documents(_ bad: String, _ command: [String]) throws {
    let dir = try TerminalSafetyTests.folder(bad)
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = commission(command + ["--as-of", "2016-03-22"], directory: dir)
    #expect(run.code == 0)
    // The SVG is XML: it must parse. The HTML (a doctype, `<meta charset>`, `&nbsp;`) is not,
    // so for it the forbidden characters must be gone and the markup characters escaped.
    if command[0] == "gantt" {
      #expect(XMLSafetyTests.parses(run.stdout))
    } else {
      #expect(!run.stdout.contains("<&"))
    }
    let left = run.stdout.unicodeScalars.filter {
      !Markup.isXMLText($0) && $0 != "\r"
    }
    #expect(left.isEmpty)
  }

  @Test(
    "escapeXML keeps the characters either side of each forbidden range",
    arguments: [
      ("\u{08}\u{09}\u{0A}\u{0B}\u{0D}\u{1F}\u{20}", "\u{09}\u{0A}\u{20}"),
      ("\u{FFFD}\u{FFFE}\u{FFFF}\u{10000}", "\u{FFFD}\u{10000}"),
      ("\u{7F}\u{85}", "\u{7F}\u{85}"),
      // Bidirectional overrides and isolates, with their neighbours either side kept.
      ("\u{2029}\u{202A}\u{202E}\u{202F}", "\u{2029}\u{FFFD}\u{FFFD}\u{202F}"),
      ("\u{2065}\u{2066}\u{2069}\u{206A}", "\u{2065}\u{FFFD}\u{FFFD}\u{206A}"),
    ])
  func escapeXML(_ input: String, _ expected: String) {
    #expect(Markup.escapeXML(input) == expected)
  }
}
