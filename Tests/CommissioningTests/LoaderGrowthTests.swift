import Testing

@testable import Commissioning

/// The loader's duplicate handling on thousands of rows: each row's id and diagnostic exactly as
/// a search from suffix 2 gives them (the search now resumes; timings are in Performance.md).
@Suite("Loader growth: duplicates in bulk")
struct LoaderGrowthTests {
  @Test("3,000 rows with no id and one service and provider: suffixes 2, 3, … and a note each")
  func derivedDuplicates() throws {
    var csv = "service,provider,end\n"
    for _ in 0..<3_000 { csv += "Meals,MFT,2017-03-31\n" }
    let r = try load(csv)
    let base = "meals-mft"
    #expect(r.contracts.map(\.id) == [base] + (2...3_000).map { "\(base)-\($0)" })
    let notes = r.diagnostics.filter { $0.message.hasPrefix("derived id") }
    #expect(notes.count == 2_999)
    #expect(
      notes.last?.description
        == "test.csv:3001:1: note: derived id 'meals-mft' is taken (test.csv:2:1); this row is 'meals-mft-3000'"
    )
    // The rows are the same: the first is the original, each later one a duplicate entry.
    #expect(r.diagnostics.filter { $0.message.hasSuffix("a duplicate entry?") }.count == 2_999)
  }

  @Test("3,000 rows with one explicit id: errors naming the first, renamed x-2 … x-3000")
  func explicitDuplicates() throws {
    var csv = "id,service,end\n"
    for i in 0..<3_000 { csv += "x,Service \(i),2017-03-31\n" }
    let r = try load(csv)
    #expect(r.contracts.map(\.id) == ["x"] + (2...3_000).map { "x-\($0)" })
    let errors = r.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 2_999)
    #expect(
      errors[1_000].description
        == "test.csv:1003:1: error: duplicate id 'x' (first at test.csv:2:1); this row is kept as 'x-1002'"
    )
  }

  @Test("a suffix taken by a row of its own is skipped, before and after the search resumes")
  func suffixTakenByARow() throws {
    let csv = """
      id,service,end
      x-2,A,2017-03-31
      x,B,2017-03-31
      x,C,2017-03-31
      x-4,D,2017-03-31
      x,E,2017-03-31
      x-3,F,2017-03-31
      x,G,2017-03-31

      """
    let r = try load(csv)
    // x-3 is given to C, so the explicit x-3 below is itself a duplicate (x-3-2).
    #expect(r.contracts.map(\.id) == ["x-2", "x", "x-3", "x-4", "x-5", "x-3-2", "x-6"])
    #expect(
      r.diagnostics.map(\.description) == [
        "test.csv:4:1: error: duplicate id 'x' (first at test.csv:3:1); this row is kept as 'x-3'",
        "test.csv:6:1: error: duplicate id 'x' (first at test.csv:3:1); this row is kept as 'x-5'",
        "test.csv:7:1: error: duplicate id 'x-3' (first at test.csv:4:1); this row is kept as 'x-3-2'",
        "test.csv:8:1: error: duplicate id 'x' (first at test.csv:3:1); this row is kept as 'x-6'",
      ])
  }

  @Test("3,000 repeated headers: one warning each, at its own column, on every line it starts")
  func repeatedHeaders() throws {
    // A two-byte character and a quoted header over two lines: columns count characters, and
    // restart on the line a field starts on.
    var header = "id,\"é\nservice\",end"
    var expected: [(line: Int, column: Int)] = []
    var column = 10  // `service",end` on line 2: the next header starts at column 13.
    column += 3
    for _ in 0..<3_000 {
      header += ",service"
      expected.append((2, column + 1))
      column += 8
    }
    let r = try load(header + "\na,Meals,2017-03-31\n")
    let warnings = r.diagnostics.filter { $0.message.hasPrefix("column 'service' repeats") }
    #expect(warnings.count == 3_000)
    #expect(warnings.map(\.location?.line) == expected.map(\.line))
    #expect(warnings.map(\.location?.column) == expected.map(\.column))
  }
}
