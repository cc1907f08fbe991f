import Commissioning
import Foundation
import Testing

@testable import CommissionCLI

/// `expiring`, `align --all` and `gantt` in the formats that were made whole before they
/// streamed: the streamed bytes are the old whole-string rendering's, and no piece is large.
@Suite("Streamed reports")
struct StreamedReportsTests {
  /// The outputs that stream, by name, and the arguments that make each.
  static let outputs: [String: [String]] = [
    "expiring json": ["expiring", "--by", "2018-03-31", "--format", "json"],
    "expiring text": ["expiring", "--by", "2018-03-31", "--width", "100"],
    "align json": ["align", "--all", "--format", "json"],
    "align csv": ["align", "--all", "--format", "csv"],
    "gantt json": ["gantt", "--format", "json"],
    "gantt svg": ["gantt", "--format", "svg"],
  ]

  /// The size and FNV-1a hash of each output as the whole-string renderers made it, before
  /// they streamed (recorded at 0583f14), on the bundled register and on ``MessyRegister``.
  static let recorded: [String: String] = [
    "align csv": "10084:bf6162788d4d449",
    "align csv messy": "399090:b56c0b797f881246",
    "align json": "122855:8cd72fc22321fe43",
    "align json messy": "6028882:ccedd59138551ffd",
    "expiring json": "101329:b77401eed543e380",
    "expiring json messy": "1054526:b68b17d19b25a178",
    "expiring text": "12143:9b66842315697578",
    "expiring text messy": "143097:576c65b5a783ca24",
    "gantt json": "135023:8f06f7549945b2f6",
    "gantt json messy": "1484459:16a67fbde7421619",
    "gantt svg": "111826:264b87468cd7795a",
    "gantt svg messy": "712421:103100c0aa2c5f07",
  ]

  /// A 64-bit FNV-1a hash of the text's bytes, with their count: a fingerprint of an output
  /// too large to keep as a golden file.
  static func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return "\(text.utf8.count):\(String(hash, radix: 16))"
  }

  /// The full arguments for `output` on the bundled register or the messy one (named from
  /// its folder, so the locations in the output do not depend on where that folder is).
  static func arguments(_ output: String, messy: Bool) -> [String] {
    (outputs[output] ?? []) + ["-q", "--as-of", "2016-03-22"] + (messy ? ["messy.csv"] : [])
  }

  /// The pieces the command's writer hands its sink, in order: a sink of one byte passes
  /// every write on as it is. Records an issue when the output is not streamed.
  static func pieces(_ output: String, messy: Bool, in directory: URL) throws -> [String] {
    try pieces(arguments: arguments(output, messy: messy), in: directory, named: output)
  }

  /// The pieces the command that `arguments` name hands its sink, run in `directory`.
  static func pieces(arguments: [String], in directory: URL, named output: String) throws
    -> [String]
  {
    let invocation = try Invocation.parse(arguments)
    let environment = Environment(currentDirectory: directory.path, today: fixedToday)
    let command = try #require(invocation.command)
    guard case .stream(let body) = try Commission.execute(command, invocation, environment).0
    else {
      Issue.record("\(output) is not streamed")
      return []
    }
    var pieces: [String] = []
    var sink = OutputSink(capacity: 1) { pieces.append($0) }
    body(&sink)
    sink.flush()
    return pieces
  }

  @Test(
    "streamed, each output is the old whole-string rendering's bytes, written in small pieces",
    arguments: outputs.keys.sorted(), [false, true])
  func sameBytesInPieces(_ output: String, _ messy: Bool) throws {
    let folder = try temporaryFolder("streamed")
    defer { try? FileManager.default.removeItem(at: folder) }
    if messy {
      try Data(MessyRegister.csv(rows: 3_000).utf8).write(
        to: folder.appendingPathComponent("messy.csv"))
    }
    let directory = messy ? folder : repositoryRoot
    let pieces = try StreamedReportsTests.pieces(output, messy: messy, in: directory)
    let text = pieces.joined()
    let name = output + (messy ? " messy" : "")
    #expect(StreamedReportsTests.fingerprint(text) == StreamedReportsTests.recorded[name])
    // The binary's own path, a 64 KiB chunk at a time, gives the same bytes.
    let run = commission(
      StreamedReportsTests.arguments(output, messy: messy), directory: directory)
    #expect(run.stdout == text)
    StreamedReportsTests.expectSmallPieces(pieces, fewest: 3, thousands: messy)
  }

  /// Each piece under the sink's capacity, at least `fewest` of them; for an output of
  /// thousands of rows, a piece for each, none more than a sliver of the whole.
  static func expectSmallPieces(_ pieces: [String], fewest: Int, thousands: Bool) {
    let largest = pieces.map(\.utf8.count).max() ?? 0
    #expect(pieces.count >= fewest)
    #expect(largest < OutputSink.defaultCapacity)
    if thousands {
      #expect(pieces.count > 1_000)
      #expect(largest * 50 < pieces.joined().utf8.count)
    }
  }

  /// The command's text on a terminal: the pipe's output made safe, with the same status, and
  /// no escape or carriage return (the messy names hold both) reaching the screen.
  static func expectTerminalSafe(_ arguments: [String], in folder: URL) {
    let pipe = commission(arguments, directory: folder)
    let environment = Environment(
      currentDirectory: folder.path, variables: ["TERM": "dumb"], isTerminal: true,
      today: fixedToday)
    var screen = ""
    var errors = ""
    let code = Commission.run(
      arguments, environment: environment, stdout: &screen, stderr: &errors)
    #expect(code == pipe.code)
    #expect(screen == pipe.stdout.terminalSafe)
    #expect(!screen.contains("\u{1B}"))
    #expect(!screen.unicodeScalars.contains("\r"))
  }

  @Test(
    "on a terminal each output is the pipe's made safe, as when it was one string",
    arguments: outputs.keys.sorted())
  func terminal(_ output: String) throws {
    let folder = try temporaryFolder("streamed-tty")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(MessyRegister.csv(rows: 300).utf8).write(
      to: folder.appendingPathComponent("messy.csv"))
    let arguments = StreamedReportsTests.arguments(output, messy: true)
    #expect(commission(arguments, directory: folder).code == 0)
    StreamedReportsTests.expectTerminalSafe(arguments, in: folder)
  }
}
