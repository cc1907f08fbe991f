import CommissionCLI
import Commissioning
import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Golden")

/// What one run of the command produced.
struct RunResult {
  var stdout: String
  var stderr: String
  var code: Int32
}

/// Runs `commission` in-process from the repository root, with a fixed system date so a test
/// that forgets `--as-of` cannot pass by the calendar's luck.
func commission(
  _ arguments: [String], stdin: String = "", directory: URL = repositoryRoot,
  variables: [String: String] = [:]
) -> RunResult {
  let input = Array(stdin.utf8)
  let environment = Environment(
    currentDirectory: directory.path, variables: variables, isTerminal: false,
    today: fixedToday, executablePath: nil,
    readStandardInput: { input })
  var out = ""
  var err = ""
  let code = Commission.run(arguments, environment: environment, stdout: &out, stderr: &err)
  return RunResult(stdout: out, stderr: err, code: code)
}

/// Compares `actual` with the golden file `name`; `RECORD_GOLDEN=1` rewrites it and fails.
func assertGolden(
  _ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let url = goldenFolder.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    try? FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
    try? Data(actual.utf8).write(to: url)
    Issue.record(
      "recorded golden file \(name); run again without RECORD_GOLDEN",
      sourceLocation: sourceLocation)
    return
  }
  guard let data = try? Data(contentsOf: url) else {
    Issue.record(
      "no golden file \(name); run with RECORD_GOLDEN=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != actual else { return }
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let line =
    zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
  Issue.record(
    """
    \(name) differs at line \(line + 1):
      expected: \(line < e.count ? String(e[line]) : "<end of file>")
      actual:   \(line < a.count ? String(a[line]) : "<end of file>")
    (RECORD_GOLDEN=1 swift test rewrites golden files)
    """, sourceLocation: sourceLocation)
}

/// The "system date" in-process tests see: far from every `--as-of` they pass.
let fixedToday = Day(ordinal: 22_280)  // 2031-01-01

/// The line every answer from the bundled register prints on standard error: the warnings behind
/// it, which `check` lists.
let kentReading =
  "commission: 32 warnings while reading kent-2016-03; 'commission check' lists them\n"

/// Runs a tool found on the `PATH` (`python3`, `bash`), standard output and standard error
/// together, for the tests that check our output with real clients.
func runTool(_ arguments: [String]) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return (process.terminationStatus, output)
}
