import Testing

@testable import Commissioning

/// A seeded generator (SplitMix64): the same cases on every run.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// One of `items`, by the next number (the same pick on every run).
  mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

@Suite("Properties")
struct PropertyTests {
  @Test("money sums are exact or report overflow, never wrap: 10,000 seeded pairs")
  func moneySums() {
    var random = SeededGenerator(state: 2016)
    for _ in 0..<10_000 {
      let a = Int64.random(in: Int64.min / 2...Int64.max, using: &random)
      let b = Int64.random(in: Int64.min / 2...Int64.max, using: &random)
      let sum = Money(minorUnits: a).adding(Money(minorUnits: b))
      let (exact, overflow) = a.addingReportingOverflow(b)
      if overflow {
        #expect(sum == nil)
      } else {
        #expect(sum?.minorUnits == exact)
      }
    }
  }

  @Test("alignment never proposes an end earlier than a contract's current end: 1,000 registers")
  func alignmentNeverShortens() throws {
    var random = SeededGenerator(state: 322)
    for _ in 0..<1_000 {
      var csv = "id,service,end,value,extension_options,group\n"
      let count = Int.random(in: 1...8, using: &random)
      for i in 0..<count {
        let end =
          Day(ordinal: Int.random(in: 16_000...18_000, using: &random)).iso
        let value = Int.random(in: 0...2_000_000, using: &random)
        let options = ["", "1 year", "3+1", "up to two years"].randomElement(using: &random) ?? ""
        csv +=
          "c\(i),S\(i),\(Int.random(in: 0..<10, using: &random) == 0 ? "TBC" : end),£\(value),\(options),g\n"
      }
      let r = try register(csv)
      let targets: [AlignmentTarget] = [
        .latestEnd, .end(Day(ordinal: Int.random(in: 15_500...18_500, using: &random))),
        .newServiceStart(Day(ordinal: Int.random(in: 15_500...18_500, using: &random))),
      ]
      for target in targets {
        guard
          let proposal = try? AlignmentProposal(
            register: r, group: "g", target: target, asOf: Day(ordinal: 16_500))
        else { continue }
        for p in proposal.contracts {
          if let current = p.currentEnd, let proposed = p.proposedEnd {
            #expect(proposed >= current, "\(p.contract.id): \(current.iso) → \(proposed.iso)")
          }
          if p.extends, let cost = p.cost { #expect(cost.minorUnits >= 0) }
        }
      }
    }
  }
}
