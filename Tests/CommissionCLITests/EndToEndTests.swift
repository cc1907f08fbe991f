import Foundation
import Testing

/// The built `commission` binary beside the test bundle.
func builtBinary() -> URL? {
  if let testBinary { return testBinary }
  var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for _ in 0..<4 {
    let candidate = folder.appendingPathComponent("commission")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    folder = folder.deletingLastPathComponent()
  }
  let fallback = repositoryRoot.appendingPathComponent(".build/debug/commission")
  return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
}

/// Runs the binary as a user would, from the repository root.
func runBinary(_ arguments: [String], stdin: Data? = nil) throws -> (String, String, Int32) {
  let binary = try #require(builtBinary(), "the commission binary was not built")
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  process.currentDirectoryURL = repositoryRoot
  var environment = ProcessInfo.processInfo.environment
  environment.removeValue(forKey: "COLUMNS")
  process.environment = environment
  let out = Pipe()
  let err = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  try process.run()
  if let stdin { input.fileHandleForWriting.write(stdin) }
  try input.fileHandleForWriting.close()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self),
    process.terminationStatus
  )
}

@Suite("The built binary")
struct EndToEndTests {
  @Test("the README command prints the golden answer on stdout, nothing on stderr, exit 0")
  func readmeCommand() throws {
    let (out, err, code) = try runBinary([
      "expiring", "--by", "2016-09-30", "--as-of", "2016-03-22",
    ])
    #expect(code == 0)
    #expect(err == kentReading)
    assertGolden(out, "expiring-kent-2016-03-by-2016-09-30.txt")
  }

  @Test("an unterminated quote on standard input: one line, exit 65, no stack trace")
  func badInput() throws {
    let (out, err, code) = try runBinary(
      ["check", "-"], stdin: Data("service,end\n\"x,2016\n".utf8))
    #expect(code == 65)
    #expect(out == "")
    #expect(err == "commission: <stdin>:2:1: error: a quoted field opens here and never closes\n")
  }

  @Test(
    "a run ended by a signal mid-write leaves no partial file, no temporary file, no trace",
    arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXFSZ, SIGVTALRM])
  func interrupted(_ signalNumber: Int32) throws {
    let binary = try #require(builtBinary(), "the commission binary was not built")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "commission-kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // About 3 MB of export: three chunks of 1 MB, with a pause after each written chunk.
    var csv = "id,service,end\n"
    let long = String(repeating: "Supported accommodation for young people ", count: 25)
    for i in 0..<3_000 { csv += "c\(i),\(long)\(i),2017-03-31\n" }
    let register = folder.appendingPathComponent("r.csv")
    try Data(csv.utf8).write(to: register)
    let output = folder.appendingPathComponent("out.csv")
    let process = Process()
    process.executableURL = binary
    process.arguments = ["export", "--format", "csv", "--output", output.path, register.path]
    var environment = ProcessInfo.processInfo.environment
    environment["COMMISSION_TEST_WRITE_PAUSE_MS"] = "3000"
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    // Wait for the temporary file to appear: the write has begun.
    var started = false
    for _ in 0..<400 where !started {
      started = (try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains {
        $0.hasSuffix(".tmp")
      }
      if !started { usleep(25_000) }
    }
    #expect(started)
    kill(process.processIdentifier, signalNumber)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signalNumber)
    // No crash report (SIGQUIT printed one and then let the write finish).
    #expect(errors.fileHandleForReading.readDataToEndOfFile().isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.csv"])
  }
}
