import Commissioning
import Foundation
import Testing

@testable import CommissionCLI

@Suite("Streamed export output")
struct StreamingOutputTests {
  /// The export's output as `commission export` makes it, before it is written anywhere.
  static func exportOutput(_ format: String) throws -> CommandOutput {
    let invocation = try Invocation.parse(["export", "--format", format, "--as-of", "2016-03-22"])
    let environment = Environment(currentDirectory: repositoryRoot.path, today: fixedToday)
    return try Commission.exportRegister(
      invocation, format: try #require(OutputFormat(rawValue: format)), environment: environment
    ).0
  }

  /// The library's whole-string rendering of the bundled register in `format`.
  static func whole(_ format: String) throws -> String {
    let environment = Environment(currentDirectory: repositoryRoot.path, today: fixedToday)
    let register = try Files.loadRegister([], environment: environment).register
    let asOf = try #require(Day("2016-03-22"))
    switch format {
    case "csv": return register.canonicalCSV()
    case "json": return register.json().text
    case "ocds":
      return OCDSExport.package(register: register, contracts: register.contracts, asOf: asOf).text
    default:
      return ICalendarExport(register: register, contracts: register.contracts, asOf: asOf).text
    }
  }

  @Test(
    "a sink with a tiny buffer writes the same bytes as the whole string, in every format",
    arguments: ["csv", "json", "ocds", "ics"], [1, 7, 4_096, OutputSink.defaultCapacity])
  func tinyBuffer(_ format: String, _ capacity: Int) throws {
    guard case .stream(let body) = try StreamingOutputTests.exportOutput(format) else {
      Issue.record("export --format \(format) is not streamed")
      return
    }
    var chunks: [String] = []
    var sink = OutputSink(capacity: capacity) { chunks.append($0) }
    body(&sink)
    sink.flush()
    let whole = try StreamingOutputTests.whole(format)
    #expect(chunks.joined() == whole)
    #expect(chunks.allSatisfy { !$0.isEmpty })
    if capacity >= 4_096 {
      #expect(chunks.count >= whole.utf8.count / capacity)
    }
    if capacity >= OutputSink.defaultCapacity {
      // No piece of the Kent register is that long: every chunk is within the buffer.
      #expect(chunks.allSatisfy { $0.utf8.count <= capacity })
    }
    // The binary's own path: standard output a chunk at a time.
    let run = commission(["export", "-q", "--format", format, "--as-of", "2016-03-22"])
    #expect(run.stdout == whole)
  }

  @Test("the sink passes a piece longer than its buffer on whole, after what it held")
  func longPiece() {
    var chunks: [String] = []
    var sink = OutputSink(capacity: 4) { chunks.append($0) }
    sink.write("ab")
    sink.write("c")
    sink.write("defghij")
    sink.write("kl")
    sink.write("mn")
    sink.write("o")
    sink.flush()
    sink.flush()
    #expect(chunks == ["abc", "defghij", "klmn", "o"])
  }

  @Test("chunks reach a descriptor in order, every byte, whatever the buffer's size")
  func descriptorChunks() throws {
    let folder = try temporaryFolder("chunks")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("out").path
    let text = (0..<5_000).map { "line \($0) é\n" }.joined()
    for capacity in [1, 10, 1 << 16] {
      let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      let failure = ChunkWriter.stream(
        { sink in for line in text.split(separator: "\n") { sink.write(line + "\n") } },
        to: descriptor, capacity: capacity)
      close(descriptor)
      #expect(failure == nil)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }
  }

  @Test(
    "a write that fails mid-stream, chunks already written, leaves the old file and no temporary")
  func failsMidStream() throws {
    let folder = try temporaryFolder("midstream")
    defer { try? FileManager.default.removeItem(at: folder) }
    // About 4 MB of JSON export; the limit, 256 KB, lets four 64 KiB chunks through first.
    try largeRegister(rows: 20_000).write(to: folder.appendingPathComponent("big.csv"))
    try Data("old\n".utf8).write(to: folder.appendingPathComponent("out.json"))
    let result = try runShell(
      "trap '' XFSZ; ulimit -f 512; exec \"$BIN\" export -q --format json --as-of 2016-03-22"
        + " --output \"$T/out.json\" \"$T/big.csv\"", in: folder)
    #expect(result.code == 73)
    #expect(result.stderr == "commission: cannot write '\(folder.path)/out.json': File too large\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == ["big.csv", "out.json"])
    let old = try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8)
    #expect(old == "old\n")
  }

  @Test("the same export under the limit is written whole, as standard output would have it")
  func underTheLimit() throws {
    let folder = try temporaryFolder("underlimit")
    defer { try? FileManager.default.removeItem(at: folder) }
    try largeRegister(rows: 1_000).write(to: folder.appendingPathComponent("big.csv"))
    let result = try runShell(
      "trap '' XFSZ; ulimit -f 8192; \"$BIN\" export -q --format json --as-of 2016-03-22"
        + " --output \"$T/out.json\" \"$T/big.csv\" && exec \"$BIN\" export -q --format json"
        + " --as-of 2016-03-22 \"$T/big.csv\"", in: folder)
    #expect(result.code == 0)
    let written = try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8)
    #expect(written.utf8.count > 3 * OutputSink.defaultCapacity)
    #expect(written == result.stdout)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == ["big.csv", "out.json"])
  }
}

/// Text for people made terminal-safe a piece at a time gives the bytes the whole text made
/// safe at once gives, wherever the pieces split it, a CR before an LF above all.
@Suite("Terminal-safe streaming")
struct TerminalSafeStreamTests {
  @Test(
    "pieces made safe one by one equal the whole made safe",
    arguments: [
      ["a\r", "\nb"], ["a\r", "b"], ["a\r"], ["\r", "\r\n", "\u{1B}[31m", "x\r"], ["a\r\n", "b"],
      ["plain", " text\n"], ["\r"], ["a", "", "\r", "", "\n"],
    ])
  func pieces(_ pieces: [String]) {
    var chunks: [String] = []
    var sink = OutputSink(capacity: 3) { chunks.append($0) }
    TerminalSafeStream.write(into: &sink) { safe in
      for piece in pieces { safe.write(piece) }
    }
    sink.flush()
    #expect(chunks.joined() == pieces.joined().terminalSafe)
  }
}
