import CommissionCLI
import Commissioning
import Foundation
import Testing

/// `import --from ocds` of a file read in place (mapped): the latest release of each ocid, its
/// buyer, CPV codes and postcode carried to the register and on to an export, and the input cap
/// keeping its meaning for a mapped file.
@Suite("National OCDS import command")
struct NationalImportCommandTests {
  static let fixture = "Tests/CommissioningTests/Fixtures/ocds/national-4.jsonl"

  /// Runs the command in-process, its standard error collected as the import writes it.
  func run(_ arguments: [String]) -> (code: Int32, out: String, messages: String) {
    let messages = MessageBox()
    var environment = Environment(currentDirectory: repositoryRoot.path, today: fixedToday)
    environment.writeStandardError = { messages.append($0) }
    var out = ""
    var err = ""
    let code = Commission.run(arguments, environment: environment, stdout: &out, stderr: &err)
    return (code, out, messages.text + err)
  }

  @Test("buyer, CPV and postcode go from the releases to the register and on to its export")
  func carried() throws {
    let imported = run(["import", Self.fixture, "--from", "ocds"])
    #expect(imported.code == 0)
    #expect(
      imported.messages.hasSuffix(
        "imported 2 contracts from 4 releases: 2 with end dates, 1 with extension options\n"))
    #expect(imported.messages.contains("the tender title was double-encoded UTF-8; repaired"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "national-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let register = folder.appendingPathComponent("national.csv")
    try Data(imported.out.utf8).write(to: register)
    let exported = commission(["export", register.path, "--format", "csv", "--as-of", "2020-01-01"])
    #expect(exported.code == 0)
    let lines = exported.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasSuffix(",buyer,cpv,buyer_postcode") == true)
    let kent = try #require(lines.first { $0.hasPrefix("ocds-a/") })
    #expect(kent.contains(",Home care (amended),Care Co,"))
    #expect(kent.hasSuffix(",Kent County Council,85000000; 85310000,ME14 1XQ"))
  }

  @Test(
    "a mapped file at the input cap is read; one byte over it is refused unread",
    arguments: [(0, Int32(0)), (-1, Int32(65))])
  func cap(offset: Int, code: Int32) throws {
    let path = repositoryRoot.appendingPathComponent(Self.fixture).path
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    let result = run(
      ["import", Self.fixture, "--from", "ocds", "--max-input-size", String(size + offset)])
    #expect(result.code == code)
    if code != 0 {
      #expect(
        result.messages.contains(
          "'\(Self.fixture)' is larger than the input size cap of \(size - 1) bytes; raise it"))
    }
  }
}
