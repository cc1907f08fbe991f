import Testing

@testable import Commissioning

/// Results name the register's rows instead of holding copies of its contracts: each row read
/// through a result is the register's contract at that row, in the result's order.
@Suite("Results keep register rows, not copies")
struct ContractRowsTests {
  static func kent() throws -> Register { try loadKent("kent-2016-03") }

  @Test("the expiry report's rows are the register's, soonest end first, undated in order")
  func expiry() throws {
    let kent = try Self.kent()
    let report = ExpiryReport(register: kent, by: day("2016-09-30"), asOf: day("2016-03-22"))
    #expect(!report.contracts.isEmpty && !report.undated.isEmpty)
    for (index, position) in report.contracts.positions.enumerated() {
      #expect(report.contracts[index] == kent.contracts[position])
    }
    let ends = report.contracts.compactMap(\.endDay)
    #expect(ends.count == report.contracts.count && ends == ends.sorted())
    #expect(report.undated.positions == report.undated.positions.sorted())
    #expect(report.undated.allSatisfy { $0.endDay == nil })
  }

  @Test("each proposal reads its contract at its register row; setting one gives it its own")
  func proposals() throws {
    let kent = try Self.kent()
    let plan = AlignmentPlan(register: kent, target: .latestEnd, asOf: day("2016-03-22"))
    let index = Dictionary(uniqueKeysWithValues: kent.groupIndex.map { ($0.group, $0.members) })
    #expect(!plan.proposals.isEmpty)
    for proposal in plan.proposals {
      #expect(proposal.contracts.map(\.row) == index[proposal.group])
      for p in proposal.contracts { #expect(p.contract == kent.contracts[p.row]) }
    }
    var moved = try #require(plan.proposals.first?.contracts.first)
    var changed = moved.contract
    changed.service = "Renamed"
    moved.contract = changed
    #expect(moved.contract.service == "Renamed" && moved.row == 0)
    #expect(kent.contracts.allSatisfy { $0.service != "Renamed" })
  }

  @Test("the chart's undated and outside-window contracts are register rows")
  func chart() throws {
    let kent = try Self.kent()
    var options = GanttOptions()
    options.from = day("2016-04-01")
    options.to = day("2016-12-31")
    let chart = try GanttChart(register: kent, asOf: day("2016-03-22"), options: options)
    #expect(!chart.undated.isEmpty && !chart.outsideWindow.isEmpty)
    #expect(chart.undated.map(\.id) == kent.contracts.filter { $0.endDay == nil }.map(\.id))
    for (index, position) in chart.outsideWindow.positions.enumerated() {
      #expect(chart.outsideWindow[index] == kent.contracts[position])
    }
  }
}
