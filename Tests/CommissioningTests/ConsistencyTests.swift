import Testing

@testable import Commissioning

@Suite("Plan and register consistency")
struct ConsistencyTests {
  /// The mismatches of the bundled March 2016 register, by grid line and kind.
  static func kentMismatches() throws -> [PlanMismatch] {
    let register = try loadKent("kent-2016-03")
    return PlanConsistency.mismatches(grid: register.grid, contracts: register.contracts)
  }

  @Test("childminding: the whole cycle and its key decision sit in 2018/19, after expiry")
  func childminding() throws {
    let found = try Self.kentMismatches().filter { $0.contractIds == ["eyps-childminders"] }
    #expect(
      Set(found.map(\.kind)) == [.gapBeforeDo, .keyDecisionAfterExpiry, .cyclePastMaximumExtent])
    #expect(
      found.contains {
        $0.message.hasSuffix(
          "key decision in 2018/19 Q4, after Development and Support Services for Kent's 1,300 Childminders ends 31 March 2018"
        )
      })
  }

  @Test("catering, cleaning and waste frameworks end 31 July 2016 while Do starts in Q3: a gap")
  func facilities() throws {
    let found = try Self.kentMismatches().filter {
      $0.row.location.line == 5 && $0.row.location.file == "grid-eyps.csv"
    }
    #expect(found.map(\.kind) == [.gapBeforeDo])
    #expect(
      found.first?.message.hasSuffix(
        "its linked contracts end by 31 July 2016 but Do starts 2016/17 Q3, a gap of 61 days in service"
      ) == true)
  }

  @Test("family support contracts end June 2016 but their key decision is in 2016/17 Q3")
  func familySupport() throws {
    let found = try Self.kentMismatches().filter {
      $0.kind == .keyDecisionAfterExpiry && $0.contractIds.count == 10
    }
    #expect(found.count == 1)
    #expect(
      found.first?.message.hasSuffix(
        "key decision in 2016/17 Q3, after 10 of its 10 linked contracts have ended, the first on 30 June 2016"
      ) == true)
  }

  @Test("a key decision within the options says so; a row with no problem says nothing")
  func options() throws {
    let r = try register(
      "id,service,end\na,A,March 2017 +1\nb,B,2019-03-31\n")
    var grid = r.grid
    let location = SourceLocation(file: "g.csv", line: 2, column: 1)
    func cells(_ pairs: [(String, String)]) -> [GridRow.Cell] {
      pairs.compactMap { q, raw in
        FinancialQuarter(q).map {
          GridRow.Cell(quarter: $0, raw: raw, stages: StageParser.parse(raw).stages)
        }
      }
    }
    grid.append(
      GridRow(
        category: "C", description: "A", contracts: ["a"],
        cells: cells([("2017/18 Q3", "P/K"), ("2018/19 Q1", "D")]), location: location))
    grid.append(
      GridRow(
        category: "C", description: "B", contracts: ["b"],
        cells: cells([("2017/18 Q3", "P/K"), ("2018/19 Q1", "D")]), location: location))
    let found = PlanConsistency.mismatches(grid: grid, contracts: r.contracts)
    #expect(found.map(\.kind) == [.keyDecisionAfterExpiry])
    #expect(
      found.first?.message
        == "'A': key decision in 2017/18 Q3, after A ends 31 March 2017 (within the options, if they are taken up)"
    )
  }
}
