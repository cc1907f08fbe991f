import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

@Suite("commission summary, expiring --sort, check --min-severity")
struct SummaryCommandTests {
  @Test("summary of the bundled register as text (80 and 100 columns) and JSON, golden")
  func summaryGolden() {
    for (width, name) in [
      ("80", "summary-kent-2016-03-w80.txt"), ("100", "summary-kent-2016-03.txt"),
    ] {
      let run = commission(["summary", "--as-of", "2016-03-22", "--width", width])
      #expect(run.code == 0)
      #expect(run.stderr == kentReading)
      assertGolden(run.stdout, name)
      #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= Int(width) ?? 0 })
    }
    let json = commission(["summary", "--as-of", "2016-03-22", "--format", "json"])
    #expect(json.code == 0)
    assertGolden(json.stdout, "summary-kent-2016-03.json")
  }

  @Test("summary refuses the formats it does not write")
  func summaryFormats() {
    let run = commission(["summary", "--as-of", "2016-03-22", "--format", "csv"])
    #expect(run.code == 64)
    #expect(run.stderr.contains("use text or json"))
  }

  @Test("expiring --sort: each key, golden-free checks on the bundled register")
  func expiringSort() throws {
    func services(_ sort: String) -> [String] {
      let run = commission([
        "expiring", "--by", "2016-09-30", "--as-of", "2016-03-22", "--format", "csv", "--sort",
        sort,
      ])
      return run.stdout.split(separator: "\n").dropFirst().map(String.init)
    }
    let byEnd = services("end")
    let byDefault = commission([
      "expiring", "--by", "2016-09-30", "--as-of", "2016-03-22", "--format", "csv",
    ]).stdout.split(separator: "\n").dropFirst().map(String.init)
    #expect(byEnd == byDefault)
    for key in ["value", "provider", "group"] {
      let rows = services(key)
      #expect(rows.count == byEnd.count)
      #expect(Set(rows) == Set(byEnd))
    }
    #expect(services("value") != byEnd)
  }

  @Test(
    "unknown values for --sort and --min-severity are usage errors that list the choices",
    arguments: [
      (
        ["expiring", "--by", "2016-09-30", "--sort", "size"],
        "commission: the value 'size' is invalid for '--sort <key>'; use one of end, value, provider, group"
      ),
      (
        ["check", "--min-severity=info"],
        "commission: the value 'info' is invalid for '--min-severity <level>'; use one of note, warning, error"
      ),
      (
        ["check", "--sort", "value"],
        "commission: '--sort' is not an option of 'check'; see 'commission check --help'"
      ),
      (
        ["expiring", "--by", "2016-09-30", "--min-severity", "warning"],
        "commission: '--min-severity' is not an option of 'expiring'; see 'commission expiring --help'"
      ),
    ])
  func badValues(_ arguments: [String], _ message: String) {
    let run = commission(arguments)
    #expect(run.code == 64)
    #expect(run.stderr.split(separator: "\n").first.map(String.init) == message)
    #expect(run.stdout.isEmpty)
  }

  @Test("check --min-severity warning hides the notes, and the summary counts them")
  func minSeverity() {
    let all = commission(["check", "Contracts/kent-2016-03"])
    let warnings = commission(["check", "--min-severity", "warning", "Contracts/kent-2016-03"])
    #expect(all.code == warnings.code)
    let allLines = all.stdout.split(separator: "\n")
    let shown = warnings.stdout.split(separator: "\n")
    #expect(!shown.contains { $0.contains(": note: ") })
    #expect(
      shown.filter { $0.contains(": warning: ") }.count
        == allLines.filter { $0.contains(": warning: ") }.count)
    let notes = allLines.filter { $0.contains(": note: ") }.count
    #expect(notes > 0)
    #expect(warnings.stdout.hasSuffix(" notes; \(notes) notes hidden\n"))
    let errorsOnly = commission(["check", "--min-severity", "error", "Contracts/kent-2016-03"])
    #expect(
      errorsOnly.stdout.hasSuffix(
        "notes hidden; \(shown.filter { $0.contains(": warning: ") }.count) warnings hidden\n"))
  }
}
