/// A disagreement between the commissioning grid and the register.
public struct PlanMismatch: Hashable, Sendable {
  public enum Kind: String, Sendable {
    /// The contract ends before the row's Do stage starts: a gap in service.
    case gapBeforeDo = "gap-before-do"
    /// The row's key decision falls after the contract has ended.
    case keyDecisionAfterExpiry = "key-decision-after-expiry"
    /// The row's cycle runs past the contract's maximum extent.
    case cyclePastMaximumExtent = "cycle-past-maximum-extent"
  }

  public var kind: Kind
  public var row: GridRow
  public var contractIds: [String]
  public var message: String
}

/// Compares each grid row linked to contracts with those contracts' ends (DOMAIN.md section 4).
public enum PlanConsistency {
  /// Every mismatch, in grid order, one per row and kind.
  ///
  /// - Complexity: O(rows × linked contracts).
  public static func mismatches(grid: [GridRow], contracts: [Contract]) -> [PlanMismatch] {
    // Only the contracts the grid links to are looked up (a register may hold a million rows).
    let linkedIds = Set(grid.flatMap(\.contracts))
    guard !linkedIds.isEmpty else { return [] }
    var byId: [String: Contract] = [:]
    for contract in contracts where linkedIds.contains(contract.id) && byId[contract.id] == nil {
      byId[contract.id] = contract
    }
    var out: [PlanMismatch] = []
    for row in grid {
      let linked = row.contracts.compactMap { byId[$0] }.filter { $0.endDay != nil }
      guard !linked.isEmpty else { continue }
      let title = row.description.isEmpty ? row.category : row.description
      let short = "'" + (title.count > 50 ? String(title.prefix(49)) + "…" : title) + "'"
      func name(_ contracts: [Contract]) -> String {
        guard contracts.count == 1, let only = contracts.first else {
          return "\(contracts.count) of its \(linked.count) linked contracts"
        }
        return only.service.isEmpty ? only.id : only.service
      }
      func add(_ kind: PlanMismatch.Kind, _ about: [Contract], _ message: String) {
        out.append(
          PlanMismatch(
            kind: kind, row: row, contractIds: about.map(\.id), message: short + ": " + message))
      }
      // A gap: the service ends before the row's Do starts (the latest linked end counts, with
      // its options: taking them up would close the gap).
      let latest = linked.compactMap { $0.maximumExtent ?? $0.endDay }.max() ?? Day(ordinal: 0)
      if let firstDo = row.cells.first(where: { $0.stages.contains(.do) })?.quarter,
        latest < firstDo.firstDay.previous
      {
        let gap = (firstDo.firstDay - latest).days - 1
        add(
          .gapBeforeDo, linked,
          "\(linked.count == 1 ? name(linked) + " ends" : "its linked contracts end by") \(DateStyle.long(latest)) but Do starts \(firstDo), a gap of \(gap) days in service"
        )
      }
      // The key decision comes after a linked contract has ended.
      if let key = row.cells.first(where: { $0.stages.contains(.keyDecision) })?.quarter {
        let expired = linked.filter { ($0.endDay ?? key.firstDay) < key.firstDay }
        if let first = expired.compactMap(\.endDay).min() {
          let coveredByOptions = expired.allSatisfy { ($0.maximumExtent ?? first) >= key.lastDay }
          add(
            .keyDecisionAfterExpiry, expired,
            "key decision in \(key), after \(name(expired)) \(expired.count == 1 ? "ends" : "have ended, the first on") \(DateStyle.long(first))"
              + (coveredByOptions ? " (within the options, if they are taken up)" : ""))
        }
      }
      // Planning (the stages before Do) still running after a contract can have ended, options
      // and all.
      let planning = row.cells.prefix { !$0.stages.contains(.do) }
      if let lastPlanning = planning.last?.quarter {
        let overrun = linked.filter {
          ($0.maximumExtent ?? $0.endDay ?? lastPlanning.firstDay) < lastPlanning.firstDay
        }
        if let limit = overrun.compactMap({ $0.maximumExtent ?? $0.endDay }).min() {
          let whole = planning.first.map { $0.quarter.firstDay > limit } ?? false
          add(
            .cyclePastMaximumExtent, overrun,
            (whole ? "the whole cycle starts after " : "planning runs to \(lastPlanning), after ")
              + "\(name(overrun)) can have ended (\(DateStyle.long(limit)), options included)")
        }
      }
    }
    return out
  }
}
