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
///
/// With `COMMISSION_TEST_BINARY` set to a built binary (a release build, say), runs that
/// instead, so the golden files check what ships; a test that leans on the fixed date then
/// sees the real one. Two tests cannot pass out of process and fail there with any binary: a
/// NUL in an argument (`alignAndHostile`) and a descriptor of the test process (`/dev/fd/N`).
func commission(
  _ arguments: [String], stdin: String = "", directory: URL = repositoryRoot,
  variables: [String: String] = [:]
) -> RunResult {
  if let binary = testBinary {
    return runTestBinary(binary, arguments, stdin: stdin, directory: directory, variables)
  }
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

/// The binary `COMMISSION_TEST_BINARY` names, if any: what ``commission(_:stdin:directory:variables:)``
/// and ``builtBinary()`` run instead of the debug build.
let testBinary = ProcessInfo.processInfo.environment["COMMISSION_TEST_BINARY"].flatMap {
  $0.isEmpty ? nil : URL(fileURLWithPath: $0)
}

/// Runs `binary` as ``commission(_:stdin:directory:variables:)`` runs the command in-process:
/// from `directory`, with only `variables` in its environment.
func runTestBinary(
  _ binary: URL, _ arguments: [String], stdin: String, directory: URL,
  _ variables: [String: String]
) -> RunResult {
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  process.currentDirectoryURL = directory
  process.environment = variables
  let out = Pipe()
  let err = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  do { try process.run() } catch { return RunResult(stdout: "", stderr: "\(error)", code: -1) }
  // Standard input is written and standard error read on threads of their own, so no pipe
  // fills while another is waited on. (SIGPIPE is left alone: children would inherit it.)
  let writer = Thread {
    if !stdin.isEmpty { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
  }
  writer.start()
  let errData = LockedData()
  let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
  reader.start()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  while !errData.done { usleep(1000) }
  return RunResult(
    stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData.data, as: UTF8.self), code: process.terminationStatus)
}

/// Bytes one thread reads and another waits for.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var value = Data()
  private var finished = false
  func set(_ data: Data) { lock.withLock { (value, finished) = (data, true) } }
  var done: Bool { lock.withLock { finished } }
  var data: Data { lock.withLock { value } }
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
