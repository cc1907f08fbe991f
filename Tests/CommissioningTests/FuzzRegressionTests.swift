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
}
