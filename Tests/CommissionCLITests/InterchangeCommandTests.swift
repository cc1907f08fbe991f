import Foundation
import Testing

@testable import CommissionCLI

@Suite("commission export and import")
struct InterchangeCommandTests {
  @Test(
    "exports of the children's public health group, with its alignment",
    arguments: ["csv", "json", "ics", "mermaid", "ocds"])
  func exports(_ format: String) {
    let run = commission([
      "export", "--format", format, "--group", "childrens-public-health", "--start", "2017-04-01",
      "--as-of", "2016-03-22",
    ])
    #expect(run.code == 0)
    #expect(run.stderr == kentReading)
    assertGolden(run.stdout, "export-childrens-public-health.\(format)")
  }

  @Test(
    "import of real Contracts Finder lines: the canonical CSV, and the report on standard error")
  func importOCDS() {
    let messages = MessageBox()
    var environment = Environment(currentDirectory: repositoryRoot.path, today: fixedToday)
    environment.writeStandardError = { messages.append($0) }
    var out = ""
    var err = ""
    let code = Commission.run(
      [
        "import", "Tests/CommissioningTests/Fixtures/ocds/contractsfinder-3.jsonl", "--from",
        "ocds",
      ],
      environment: environment, stdout: &out, stderr: &err)
    #expect(code == 0)
    assertGolden(out, "import-contractsfinder-3.csv")
    #expect(
      messages.text.hasSuffix(
        "imported 3 contracts from 3 releases: 3 with end dates, 1 with extension options\n"))
  }

  @Test("export --format json then import --from json gives the CSV export, byte for byte")
  func importJSON() {
    for folder in ["Contracts/kent-2016-03", "Contracts/kent-2015-07"] {
      let json = commission(["export", folder, "--format", "json", "--as-of", "2016-03-22"])
      let csv = commission(["export", folder, "--format", "csv", "--as-of", "2016-03-22"])
      #expect(json.code == 0 && csv.code == 0)
      let messages = MessageBox()
      var environment = Environment(currentDirectory: repositoryRoot.path, today: fixedToday)
      environment.writeStandardError = { messages.append($0) }
      environment.readStandardInput = { Array(json.stdout.utf8) }
      var out = ""
      var err = ""
      let code = Commission.run(
        ["import", "-", "--from", "json"], environment: environment, stdout: &out, stderr: &err)
      #expect(code == 0)
      #expect(out == csv.stdout)
      #expect(messages.text.hasSuffix("contracts from a register JSON export\n"))
    }
  }

  @Test("import of a foreign-headed CSV reports the mapping")
  func importCSV() {
    let messages = MessageBox()
    var environment = Environment(currentDirectory: repositoryRoot.path, today: fixedToday)
    environment.writeStandardError = { messages.append($0) }
    environment.readStandardInput = {
      Array(
        "Title of agreement,Supplier Name,Contract value (£),Contract end date\nMeals,Acme,\"£1,000\",31/03/2017\n"
          .utf8)
    }
    var out = ""
    var err = ""
    let code = Commission.run(
      ["import", "-", "--from", "csv"], environment: environment, stdout: &out, stderr: &err)
    #expect(code == 0)
    #expect(out.hasPrefix("id,service,provider,department,group,value,"))
    #expect(out.contains("meals-acme,Meals,Acme,,,\"£1,000\",total,,,31/03/2017,"))
    #expect(
      messages.text.contains("<stdin>:1:1: note: column 'Title of agreement' read as 'service'"))
  }

  @Test(
    "the ICS and OCDS exports of the bundled register pass icalendar and the OCDS schema",
    .enabled(
      if: PythonTools.canValidateExports,
      "needs python3 with icalendar and jsonschema, or pip and PyPI; always runs with CI=true"))
  func validatedByThirdParties() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "exports-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let ics = folder.appendingPathComponent("kent.ics").path
    let ocds = folder.appendingPathComponent("kent.json").path
    #expect(
      commission(["export", "--format", "ics", "--as-of", "2016-03-22", "--output", ics]).code == 0)
    #expect(
      commission(["export", "--format", "ocds", "--as-of", "2016-03-22", "--output", ocds]).code
        == 0)
    let scripts = repositoryRoot.appendingPathComponent("Tests/CommissionCLITests/Scripts")
    let (status, output) = try runTool([
      "python3", scripts.appendingPathComponent("validate_exports.py").path, ics, ocds,
      scripts.appendingPathComponent("ocds-release-schema.json").path,
      repositoryRoot.appendingPathComponent(".build/validate-venv").path,
    ])
    #expect(status == 0, "\(output)")
    #expect(output.contains("icalendar: ") && output.contains("jsonschema: 137 releases valid"))
  }

  @Test(
    "errors",
    arguments: [
      (
        ["import", "x.json"], Int32(64),
        "commission: missing or invalid '--from <format>'; use --from ocds, --from csv or --from json\n"
      ),
      (
        ["import", "nope.json", "--from", "ocds"], 66,
        "commission: cannot open 'nope.json': no such file\n"
      ),
      (
        ["import", "Contracts", "--from", "ocds"], 66,
        "commission: cannot open 'Contracts': a folder, not a file\n"
      ),
      (
        ["import", "Tests/CommissioningTests/Fixtures/ocds/not-ocds.json", "--from", "ocds"], 65,
        "commission: Tests/CommissioningTests/Fixtures/ocds/not-ocds.json:1:1: error: no OCDS release found (expected releases, records or an object with an ocid)\n"
      ),
      (
        ["export", "--format", "pdf"], 64,
        "commission: the value 'pdf' is invalid for '--format <format>'; use one of text, json, csv, svg, markdown, html, ics, mermaid, ocds, docx, tidy, jsonl\n"
      ),
      (
        ["export", "--format", "text"], 64,
        "commission: the value 'text' is invalid for 'export --format'; use csv or json or ics or mermaid or ocds or tidy or jsonl\n"
      ),
    ])
  func errors(_ arguments: [String], _ code: Int32, _ message: String) {
    let run = commission(arguments)
    #expect(run.code == code)
    #expect(run.stderr.hasPrefix(message))
  }
}

/// Collects what a command writes to standard error through the environment.
final class MessageBox: @unchecked Sendable {
  private var parts: [String] = []
  private let lock = NSLock()
  func append(_ text: String) { lock.withLock { parts.append(text) } }
  var text: String { lock.withLock { parts.joined() } }
}
