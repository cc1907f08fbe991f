import Foundation
import Testing

@testable import CommissionCLI

/// The bad-input corpus: every file in `BadInput/` with the command to run on it, the exit code
/// and the one line the user sees (`cases.tsv`).
struct BadInputCase: CustomTestStringConvertible, Sendable {
  var file: String
  var arguments: [String]
  var code: Int32
  /// The exact standard error line, or (after `stdout:`) a line the command prints.
  var expected: String
  var testDescription: String { file }

  static let folder = repositoryRoot.appendingPathComponent("Tests/CommissionCLITests/BadInput")
  static let shown = "Tests/CommissionCLITests/BadInput"

  static let all: [BadInputCase] = {
    let url = folder.appendingPathComponent("cases.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 4, let code = Int32(parts[2]) else { return nil }
      let path = shown + "/" + parts[0]
      return BadInputCase(
        file: parts[0],
        arguments: parts[1].split(separator: " ").map {
          $0.replacingOccurrences(of: "{}", with: path)
        },
        code: code,
        expected: parts[3].replacingOccurrences(of: "{dir}", with: shown)
          .replacingOccurrences(of: "{root}", with: repositoryRoot.path))
    }
  }()
}

@Suite("Bad input: no crash, no hang, one clear line, the right exit code")
struct BadInputTests {
  @Test("every corpus file", arguments: BadInputCase.all)
  func corpus(_ c: BadInputCase) {
    let run = commission(c.arguments)
    #expect(run.code == c.code)
    if c.expected.hasPrefix("stdout:") {
      // An answer says on standard error how many warnings its reading had, and nothing else.
      #expect(
        run.stderr.split(separator: "\n").allSatisfy {
          $0.hasPrefix("commission: ") && $0.hasSuffix("; 'commission check' lists them")
        })
      #expect(run.stdout.contains(String(c.expected.dropFirst("stdout:".count))))
    } else {
      #expect(run.stderr == c.expected + "\n")
      // A failure prints nothing else: no partial output.
      #expect(run.stdout == "")
    }
  }

  @Test("the corpus has at least 40 files and every file has a case")
  func everyFileHasACase() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: BadInputCase.folder.path)
      .filter { $0 != "cases.tsv" }.sorted()
    #expect(files.count >= 40)
    #expect(files == BadInputCase.all.map(\.file).sorted())
  }

  /// Inputs too large to keep in the repository, made for the run.
  static func scratch(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "commission-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
  }

  @Test("a 10 MB field is read whole, and its row is kept")
  func tenMegabyteField() throws {
    let field = String(repeating: "Supported accommodation ", count: 440_000)
    let url = try BadInputTests.scratch(
      "big-field.csv", Array("service,end\n\"\(field)\",2016-09-30\n".utf8))
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let run = commission([
      "expiring", "--by", "2016-09-30", "--as-of", "2016-01-01", "--format", "csv", url.path,
    ])
    #expect(run.code == 0)
    #expect(run.stderr == "")
    #expect(run.stdout.utf8.count > 10_000_000)
  }

  @Test("100,000 columns: every unknown one is kept, the row is read")
  func hundredThousandColumns() throws {
    let headers = ["service", "end"] + (0..<100_000).map { "c\($0)" }
    let cells = ["Youth", "2016-09-30"] + (0..<100_000).map { String($0 % 10) }
    let csv = headers.joined(separator: ",") + "\n" + cells.joined(separator: ",") + "\n"
    let url = try BadInputTests.scratch("wide.csv", Array(csv.utf8))
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let run = commission(["export", "--format", "csv", url.path])
    #expect(run.code == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.split(separator: ",").count == 23 + 100_000)
  }

  @Test(
    "control characters in cells reach no text output: tables, timelines, records, messages",
    arguments: [
      "check", "expiring --by 2016-09-30", "align --group g", "align --all", "gantt",
      "gantt --ascii", "decision --group g", "decision --group g --format text",
      "decision --group g --format html", "whatif", "export --format mermaid",
      "gantt --format svg", "report", "report --group g",
    ])
  func controlCharactersStayOut(_ command: String) {
    var arguments = command.split(separator: " ").map(String.init)
    arguments += [BadInputCase.shown + "/control-characters.csv", "--as-of", "2016-03-22"]
    let run = commission(arguments)
    let shown = run.stdout + run.stderr
    #expect(!shown.isEmpty)
    let controls = shown.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
    }
    #expect(controls.isEmpty, "\(controls.map { String($0.value, radix: 16) })")
  }

  @Test("a register folder that cannot be read is a one-line error (exit 66), not a crash")
  func unreadableFolder() throws {
    let url = try BadInputTests.scratch("r.csv", Array("service,end\nYouth,2016-09-30\n".utf8))
    let folder = url.deletingLastPathComponent()
    defer {
      chmod(folder.path, 0o755)
      try? FileManager.default.removeItem(at: folder)
    }
    chmod(folder.path, 0o000)
    let run = commission(["check", folder.path])
    if geteuid() == 0 {
      // The superuser reads through permissions: the register loads.
      #expect(run.code == 0)
      #expect(run.stdout.contains("1 contract"))
    } else {
      #expect(run.code == 66)
      #expect(run.stderr == "commission: cannot open '\(folder.path)': the folder cannot be read\n")
    }
  }
}
