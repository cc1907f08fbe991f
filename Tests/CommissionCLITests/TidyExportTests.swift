import Commissioning
import Foundation
import Testing

@Suite("export --format tidy and jsonl")
struct TidyExportTests {
  @Test("the tidy export of a group matches its golden file")
  func golden() {
    let run = commission([
      "export", "--format", "tidy", "--group", "childrens-public-health", "--as-of", "2016-03-22",
    ])
    #expect(run.code == 0)
    assertGolden(run.stdout, "export-childrens-public-health-tidy.csv")
  }

  /// The total over 24 months (1 Apr 2015 to 31 Mar 2017) is £3,293,808.635 a year, rounded
  /// half away from zero; the register on standard input is "the council"'s.
  @Test("cells: ISO dates with precision, plain decimals, empty when unknown, buyer defaulted")
  func cells() throws {
    let csv = """
      id,service,provider,buyer,cpv,value,value_basis,start,end,extension_options
      a,Care,Acme,,85000000-9; 85300000,"£6,587,617.27",total,1 Apr 2015,March 2017,1 year
      b,Meals,Beta,Medway Council,,N/A,,,TBC,

      """
    let run = commission(["export", "-", "--format", "tidy", "--as-of", "2016-03-22"], stdin: csv)
    #expect(run.code == 0)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0] == TidyExport.columns.joined(separator: ","))
    #expect(
      lines[1].hasPrefix(
        "a,the council,Care,Acme,,,85000000,2015-04-01,day,2017-03-31,month,"
          + "2018-03-31,estimated,6587617.27,GBP,total,3293808.64,12 months,"))
    #expect(lines[2].hasPrefix("b,Medway Council,Meals,Beta,,,,,,,,,,,,,,,,"))
  }

  @Test("CPV codes: runs of eight digits, check digits and labels passed over")
  func cpvCodes() {
    #expect(CPVCode.codes(in: "85000000-9; 85300000").map(\.digits) == ["85000000", "85300000"])
    #expect(CPVCode.codes(in: "853000001, 1234567").isEmpty)
    let code = CPVCode.codes(in: "85312000")
    #expect(code.map { $0.prefix(3) } == ["853"])
    #expect(code.map { $0.prefix(4) } == ["8531"])
  }

  @Test(
    "DuckDB answers the expiring question from the tidy export with expiring's rows",
    .enabled(
      if: PythonTools.canValidateExports,
      "needs python3 with duckdb, or pip and PyPI; always runs with CI=true"))
  func duckDB() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tidy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let tidy = folder.appendingPathComponent("kent.csv").path
    let jsonl = folder.appendingPathComponent("kent.jsonl").path
    let asOf = ["--as-of", "2016-03-22"]
    #expect(commission(["export", "--format", "tidy", "--output", tidy] + asOf).code == 0)
    #expect(commission(["export", "--format", "jsonl", "--output", jsonl] + asOf).code == 0)
    let expiring = folder.appendingPathComponent("expiring.csv").path
    #expect(
      commission(
        ["expiring", "--by", "2016-09-30", "--format", "csv", "--output", expiring] + asOf
      )
      .code == 0)
    let script = repositoryRoot.appendingPathComponent(
      "Tests/CommissionCLITests/Scripts/duckdb_expiring.py")
    let (status, output) = try runTool([
      "python3", script.path, tidy, jsonl, expiring, "2016-09-30",
      repositoryRoot.appendingPathComponent(".build/validate-venv").path,
    ])
    #expect(status == 0, "\(output)")
    // The 58 dated contracts of the expiring golden file; its undated rows have no end.
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.contains("duckdb: 58 ids as expiring gives them"), "\(output)")
    #expect(lines.contains("jsonl: 137 rows"))
  }
}
