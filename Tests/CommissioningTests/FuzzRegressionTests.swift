import Foundation
import Testing

@testable import Commissioning

/// Every input the fuzzers (Tests/Fuzz) have crashed or tripped, kept as it was found.
let fuzzFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent(
    "Fixtures/fuzz")

@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  @Test("an OCDS award with no contract period imports as an undated contract, not an error")
  func awardWithoutPeriod() throws {
    let bytes = [UInt8](
      try Data(contentsOf: fuzzFixtures.appendingPathComponent("ocds-award-without-period.json")))
    let result = try OCDSImport.read(bytes, file: "f.json")
    #expect(result.rows.count == 1)
    let (contract, _) = try RegisterLoader.contract(
      row: result.rows[0], council: .default, file: "f.json")
    #expect(contract.service == "Award")
    #expect(contract.endDay == nil)
    #expect(contract.end.undated != nil)
  }

  @Test("a header with a 60-digit number is no financial quarter, and the file loads")
  func headerWithLongNumber() throws {
    let bytes = [UInt8](
      try Data(contentsOf: fuzzFixtures.appendingPathComponent("csv-header-long-number.csv")))
    let register = try RegisterLoader.load([RegisterInput(name: "f.csv", bytes: bytes)], name: "f")
    #expect(register.grid.isEmpty)
    #expect(!register.contracts.isEmpty)
    #expect(FinancialQuarter("2016/17 Q1 " + String(repeating: "9", count: 40)) == nil)
    #expect(FinancialQuarter("2016/17 Q1")?.firstDay.iso == "2016-04-01")
  }

  @Test("a procurement route cut at its 40-character limit reads back as itself")
  func routeCutAtADash() throws {
    let bytes = [UInt8](
      try Data(contentsOf: fuzzFixtures.appendingPathComponent("csv-route-cut-at-a-dash.csv")))
    let register = try RegisterLoader.load([RegisterInput(name: "f.csv", bytes: bytes)], name: "f")
    let again = try RegisterLoader.load(
      [RegisterInput(name: "e.csv", bytes: Array(register.canonicalCSV().utf8))], name: "f")
    #expect(again.contracts.map(\.canonicalRow) == register.contracts.map(\.canonicalRow))
    #expect(
      register.contracts.first?.procurementRoute == "adult-services-figures-carry-no-sign-and")
  }

  @Test("a quote followed by a combining mark is doubled on export, and the row reads back")
  func quoteThenCombiningMark() throws {
    let bytes = [UInt8](
      try Data(
        contentsOf: fuzzFixtures.appendingPathComponent("csv-quote-then-combining-mark.csv")))
    let register = try RegisterLoader.load([RegisterInput(name: "f.csv", bytes: bytes)], name: "f")
    #expect(register.contracts.first?.groups == ["\"£23,184,000\"\u{059E}nnual"])
    let again = try RegisterLoader.load(
      [RegisterInput(name: "e.csv", bytes: Array(register.canonicalCSV().utf8))], name: "f")
    #expect(again.contracts.map(\.canonicalRow) == register.contracts.map(\.canonicalRow))
  }

  @Test("a register JSON contract with no text is refused by its line, not as an empty file")
  func registerJSONEmptyContract() throws {
    let bytes = [UInt8](
      try Data(contentsOf: fuzzFixtures.appendingPathComponent("registerjson-empty-contract.json")))
    let rows = try RegisterJSONImport.read(bytes, file: "f.json")
    let empty = try #require(
      rows.first { $0.cells.values.allSatisfy(\.isEmpty) && $0.extra.isEmpty })
    #expect(empty.location.line == 41)
    #expect(throws: RegisterError.emptyRow(at: empty.location)) {
      try RegisterLoader.contract(
        row: empty.cells, extra: empty.extra, council: .default, file: "f.json", at: empty.location)
    }
  }

  @Test(
    "slugs read back as themselves",
    arguments: [
      "adult services figures carry no £ sign and read",
      "Competitive Dialogue", "  --Open--  ", "Barnardo's", "£",
      "a b c d e f g h i j k l m n o p q r s t",
    ])
  func slugIsStable(_ text: String) {
    let once = RegisterLoader.slug(text, limit: 40)
    #expect(RegisterLoader.slug(once, limit: 40) == once)
    #expect(once.utf8.count <= 40 && !once.hasSuffix("-") && !once.hasPrefix("-"))
  }

  /// The repository: four folders above the fixtures (Tests/CommissioningTests/Fixtures/fuzz).
  static let root = fuzzFixtures.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Runs a tool from the repository root; its exit status and what it printed.
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = root
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  /// The fuzz targets are built outside SwiftPM (libFuzzer needs its own flags), so nothing else
  /// would notice them falling behind the library. Type-checking them takes seconds.
  @Test("the fuzz targets type-check against the library, and every target gets seeds")
  func fuzzTargetsStayCurrent() throws {
    let sources = try FileManager.default.subpathsOfDirectory(
      atPath: FuzzRegressionTests.root.appendingPathComponent("Sources/Commissioning").path
    ).filter { $0.hasSuffix(".swift") }.sorted().map { "Sources/Commissioning/" + $0 }
    let check = try FuzzRegressionTests.run(
      ["swiftc", "-typecheck", "-parse-as-library", "-module-name", "Commissioning"] + sources
        + ["Tests/Fuzz/FuzzTargets.swift"])
    #expect(check.status == 0, "\(check.output)")

    let seeds = FileManager.default.temporaryDirectory.appendingPathComponent(
      "commission-seeds-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: seeds) }
    let made = try FuzzRegressionTests.run(["python3", "Tests/Fuzz/seeds.py", seeds.path])
    #expect(made.status == 0, "\(made.output)")
    for target in ["csv", "date", "money", "options", "scenario", "spec", "ocds", "registerjson"] {
      let files = try FileManager.default.contentsOfDirectory(
        atPath: seeds.appendingPathComponent(target).path)
      #expect(!files.isEmpty, "no seeds for \(target)")
    }
  }
}
