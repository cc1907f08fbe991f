import Commissioning
import Foundation
import Testing

@testable import CommissionCLI

/// `check`, `opportunities` and the small reports (`align`, `whatif`, `summary`) in the
/// formats that were made whole before they streamed: the streamed bytes are the old
/// whole-string rendering's, on the bundled register and on a messy one of thousands of rows.
@Suite("Streamed outputs")
struct StreamedOutputsTests {
  /// One output: its arguments on the bundled register (run from the repository's root) and on
  /// the messy one (run from a folder holding `messy.csv` and `messy-scenario.json`).
  struct Output: Sendable {
    var bundled: [String]
    var messy: [String]
    /// Whether the messy register gives it thousands of rows, so thousands of pieces.
    var large = false
    /// The fewest pieces on the bundled register (an answer with nothing to list is one).
    var fewestPieces = 3
  }

  static let group = "childrens-public-health"
  static let scenario = "Examples/2016-stagger-ends.json"

  /// The outputs that stream, by name.
  static let outputs: [String: Output] = [
    "check text": .init(bundled: ["check"], messy: ["check", "messy.csv"], large: true),
    "check json": .init(
      bundled: ["check", "--format", "json"], messy: ["check", "messy.csv", "--format", "json"],
      large: true),
    "check strict warnings text": .init(
      bundled: ["check", "--strict", "--min-severity", "warning"],
      messy: ["check", "messy.csv", "--strict", "--min-severity", "warning"], large: true),
    "check errors json": .init(
      bundled: ["check", "--strict", "--min-severity", "error", "--format", "json"],
      messy: ["check", "messy.csv", "--min-severity", "error", "--format", "json"]),
    "opportunities text": .init(
      bundled: ["opportunities", "Examples/contracts-finder-sample-100.csv", "--width", "100"],
      messy: ["opportunities", "messy.csv", "--width", "100"], large: true),
    "opportunities json": .init(
      bundled: ["opportunities", "Examples/contracts-finder-sample-100.csv", "--format", "json"],
      messy: ["opportunities", "messy.csv", "--format", "json"], large: true),
    "opportunities tidy": .init(
      bundled: ["opportunities", "Examples/contracts-finder-sample-100.csv", "--format", "tidy"],
      messy: ["opportunities", "messy.csv", "--format", "tidy"], large: true),
    "opportunities kent json": .init(
      bundled: ["opportunities", "--format", "json"],
      messy: ["opportunities", "messy.csv", "--buyer", "Swale", "--format", "json"],
      fewestPieces: 1),
    "opportunities buyer text": .init(
      bundled: ["opportunities", "Examples/contracts-finder-sample-100.csv", "--buyer", "BFI"],
      messy: ["opportunities", "messy.csv", "--buyer", "Medway Council", "--width", "80"]),
    "align group json": .init(
      bundled: ["align", "--group", group, "--format", "json"],
      messy: ["align", "messy.csv", "--group", "g1", "--format", "json"]),
    "align group csv": .init(
      bundled: ["align", "--group", group, "--format", "csv"],
      messy: ["align", "messy.csv", "--group", "g1", "--format", "csv"]),
    "align group text": .init(
      bundled: ["align", "--group", group, "--width", "100"],
      messy: ["align", "messy.csv", "--group", "g1", "--width", "100"]),
    "align overview text": .init(
      bundled: ["align", "--width", "100"], messy: ["align", "messy.csv", "--width", "100"],
      large: true),
    "align overview json": .init(
      bundled: ["align", "--format", "json"], messy: ["align", "messy.csv", "--format", "json"],
      large: true),
    "whatif gantt text": .init(
      bundled: ["whatif", scenario, "--gantt", "--width", "100"],
      messy: [
        "whatif", "messy-scenario.json", "--gantt", "--width", "100", "--from", "2016-01-01",
        "--until", "2020-12-31",
      ]),
    "whatif text": .init(
      bundled: ["whatif", scenario, "--width", "100"],
      messy: ["whatif", "messy-scenario.json", "--width", "100"]),
    "whatif json": .init(
      bundled: ["whatif", scenario, "--format", "json"],
      messy: ["whatif", "messy-scenario.json", "--format", "json"]),
    "whatif csv": .init(
      bundled: ["whatif", scenario, "--format", "csv"],
      messy: ["whatif", "messy-scenario.json", "--format", "csv"]),
    "summary text": .init(
      bundled: ["summary", "--width", "100"], messy: ["summary", "messy.csv", "--width", "100"]),
    "summary json": .init(
      bundled: ["summary", "--format", "json"], messy: ["summary", "messy.csv", "--format", "json"]),
  ]

  /// The size and FNV-1a hash of each output as the whole-string renderers made it, before
  /// they streamed (recorded at c6660f0), on the bundled register and on the messy one.
  static let recorded: [String: String] = [
    "align group csv": "1020:5b81311e2a312732",
    "align group csv messy": "18888:9012ac1599ff8514",
    "align group json": "16135:d17b8ae8ff5fe8c6",
    "align group json messy": "227469:7979e9a6ae9141c8",
    "align group text": "4466:91c632e3097809ba",
    "align group text messy": "60670:fcb9b81553a6c053",
    "align overview json": "9868:97111baf712245d5",
    "align overview json messy": "430683:c4e608cd6351662e",
    "align overview text": "5165:5fa88250531165a1",
    "align overview text messy": "253776:edbddd0ced6ee6d8",
    "check errors json": "9644:81833a0091b3cc88",
    "check errors json messy": "68353:5805437c6bdcb1fd",
    "check json": "37459:3f2ef059749e9572",
    "check json messy": "649530:aab78b172db12db3",
    "check strict warnings text": "6118:6aef326de97714e",
    "check strict warnings text messy": "150307:8fac0c723dfd51a",
    "check text": "21505:7f08e45dd1ae40ca",
    "check text messy": "330135:a02050bd55215d07",
    "opportunities buyer text": "735:b87bb4157c0fbcb5",
    "opportunities buyer text messy": "461503:61932b0afe07a06b",
    "opportunities json": "48022:1c353f6d093f574f",
    "opportunities json messy": "3781573:56a159d411e306cb",
    "opportunities kent json": "526:12b2a4a291140ca9",
    "opportunities kent json messy": "3804789:a9208cd86660e6d6",
    "opportunities text": "6748:7c9f6bab2fbafbc0",
    "opportunities text messy": "530305:1dc073c512eea152",
    "opportunities tidy": "18461:22c869a44850dd23",
    "opportunities tidy messy": "782636:88a98c384d511565",
    "summary json": "5174:8c15ad38fb21d324",
    "summary json messy": "32389:a8a561e34237f326",
    "summary text": "2041:f7a7d0cd3312e3a3",
    "summary text messy": "9348:207972acf1876357",
    "whatif csv": "897:b8a260c61d184185",
    "whatif csv messy": "17216:78fc52e02e1f64c1",
    "whatif gantt text": "3630:a6ccad5cc096e062",
    "whatif gantt text messy": "58827:99355ee1ab53f404",
    "whatif json": "4419:c4b3a91b486c608c",
    "whatif json messy": "56155:f87fa86dc2ad69dc",
    "whatif text": "2173:9649dfa5b528d543",
    "whatif text messy": "29589:d00a56864bd8d146",
  ]

  /// A scenario on the messy register: one group staggered, another aligned.
  static let messyScenario = """
    {
      "version": 1,
      "name": "messy: stagger g1, align g2",
      "register": "messy.csv",
      "asOf": "2016-03-22",
      "changes": [
        { "stagger": "g1", "from": "2016-12-31", "every": "3 months" },
        { "align": "g2", "start": "2017-07-01" }
      ]
    }
    """

  /// A folder holding the messy register (3,000 rows, with buyers) and its scenario.
  static func messyFolder(rows: Int = 3_000) throws -> URL {
    let folder = try temporaryFolder("streamed-outputs")
    try Data(MessyRegister.csv(rows: rows, buyers: true).utf8).write(
      to: folder.appendingPathComponent("messy.csv"))
    try Data(messyScenario.utf8).write(to: folder.appendingPathComponent("messy-scenario.json"))
    return folder
  }

  static func arguments(_ output: String, messy: Bool) -> [String] {
    let table = outputs[output]
    return ((messy ? table?.messy : table?.bundled) ?? []) + ["-q", "--as-of", "2016-03-22"]
  }

  @Test(
    "streamed, each output is the old whole-string rendering's bytes, written in small pieces",
    arguments: outputs.keys.sorted(), [false, true])
  func sameBytesInPieces(_ output: String, _ messy: Bool) throws {
    let folder = try messy ? StreamedOutputsTests.messyFolder() : repositoryRoot
    defer { if messy { try? FileManager.default.removeItem(at: folder) } }
    let arguments = StreamedOutputsTests.arguments(output, messy: messy)
    let name = output + (messy ? " messy" : "")
    // The binary's own path, a 64 KiB chunk at a time, gives the recorded bytes.
    let run = commission(arguments, directory: folder)
    #expect(
      StreamedReportsTests.fingerprint(run.stdout) == StreamedOutputsTests.recorded[name],
      "\(name): \(run.stderr)")
    let pieces = try StreamedReportsTests.pieces(arguments: arguments, in: folder, named: name)
    let text = pieces.joined()
    #expect(run.stdout == text)
    StreamedReportsTests.expectSmallPieces(
      pieces, fewest: messy ? 3 : StreamedOutputsTests.outputs[output]?.fewestPieces ?? 3,
      thousands: messy && StreamedOutputsTests.outputs[output]?.large == true)
  }

  @Test(
    "on a terminal each output is the pipe's made safe, as when it was one string",
    arguments: outputs.keys.sorted())
  func terminal(_ output: String) throws {
    let folder = try StreamedOutputsTests.messyFolder(rows: 300)
    defer { try? FileManager.default.removeItem(at: folder) }
    StreamedReportsTests.expectTerminalSafe(
      StreamedOutputsTests.arguments(output, messy: true), in: folder)
  }
}
