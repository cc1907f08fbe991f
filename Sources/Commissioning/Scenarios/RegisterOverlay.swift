/// A scenario's register as its baseline plus the rows the scenario changed: a copy-on-write
/// overlay, so a change to one contract of a million neither copies the other 999,999 nor
/// rewrites a CSV row.
///
/// Rows are named by *slot*: the baseline's positions `0..<n`, then the added contracts from
/// `n` on. The register the scenario makes is the slots in order, less the removed ones, each
/// the edited contract where there is one: the order a rewritten register had (an edit keeps
/// its place, an addition goes at the end).
public struct RegisterOverlay: Sendable {
  public let baseline: Register
  /// The rules as the scenario left them.
  public var council: CouncilRules
  /// Changed baseline rows, by slot.
  private(set) var edited: [Int: Contract] = [:]
  /// Removed slots, the baseline's or the additions'.
  private(set) var removed: Set<Int> = []
  /// Added contracts, at slots `baseline.contracts.count + i`.
  private(set) var additions: [Contract] = []
  /// The baseline's ids, built once.
  let baselineIds: IdIndex
  /// Slots whose contract now has an id the baseline row did not (additions and renamed
  /// edits); an entry whose contract has since changed again is filtered out on lookup.
  private var newIds: [String: [Int]] = [:]

  /// `baseline` unchanged, its ids indexed.
  public init(baseline: Register) {
    self.baseline = baseline
    self.council = baseline.council
    self.baselineIds = IdIndex(baseline.contracts)
  }

  /// The same baseline (and its index), unchanged.
  var unchanged: RegisterOverlay {
    var plain = self
    plain.council = baseline.council
    plain.edited = [:]
    plain.removed = []
    plain.additions = []
    plain.newIds = [:]
    return plain
  }

  var isUnchanged: Bool { edited.isEmpty && removed.isEmpty && additions.isEmpty }

  /// One past the last slot.
  var endSlot: Int { baseline.contracts.count + additions.count }

  /// The contract at `slot` as it now stands (a removed slot's last state).
  subscript(slot: Int) -> Contract {
    let n = baseline.contracts.count
    return slot < n ? edited[slot] ?? baseline.contracts[slot] : additions[slot - n]
  }

  /// The slots of the scenario's register, in its order.
  var slots: some Sequence<Int> {
    let removed = self.removed
    return (0..<endSlot).lazy.filter { removed.isEmpty || !removed.contains($0) }
  }

  /// The register the scenario makes, in full: a copy of every contract once anything changed,
  /// so only for callers that need a ``Register`` (tests, small registers).
  public var register: Register {
    var register = baseline
    register.council = council
    if !isUnchanged { register.contracts = slots.map { self[$0] } }
    return register
  }

  /// The first contract of the scenario's register with this id.
  public func contract(id: String) -> Contract? { slot(of: id).map { self[$0] } }

  /// The first slot, in register order, whose contract has this id (ids equal as `String`s
  /// are, as the rewritten register's `firstIndex` compared them).
  func slot(of id: String) -> Int? {
    var best: Int?
    for slot in baselineIds.positions(of: id) + (newIds[id] ?? [])
    where best.map({ slot < $0 }) ?? true {
      if !removed.contains(slot), self[slot].id == id { best = slot }
    }
    return best
  }

  mutating func replace(_ slot: Int, with contract: Contract) {
    let n = baseline.contracts.count
    if slot < n {
      edited[slot] = contract
      if contract.id != baseline.contracts[slot].id {
        newIds[contract.id, default: []].append(slot)
      }
    } else {
      if contract.id != additions[slot - n].id { newIds[contract.id, default: []].append(slot) }
      additions[slot - n] = contract
    }
  }

  mutating func remove(_ slot: Int) { removed.insert(slot) }

  mutating func append(_ contract: Contract) {
    newIds[contract.id, default: []].append(endSlot)
    additions.append(contract)
  }

  /// The slots of the contracts in `group` (case-insensitive), in register order.
  ///
  /// Baseline rows are tested where they lie: going through the subscript copied every
  /// contract (twenty-odd strings retained and released) to read its groups.
  func members(of group: String) -> [Int] {
    var found: [Int] = []
    eachRow { slot, groups, _ in
      if groups.contains(where: { $0.caseInsensitiveEquals(group) }) { found.append(slot) }
    }
    return found
  }

  /// Each row of the scenario's register in order: its slot, groups and end, read in place.
  private func eachRow(_ body: (Int, [String], Day?) -> Void) {
    baseline.contracts.withUnsafeBufferPointer { rows in
      for slot in rows.indices where removed.isEmpty || !removed.contains(slot) {
        if !edited.isEmpty, let contract = edited[slot] {
          body(slot, contract.groups, contract.endDay)
        } else {
          body(slot, rows[slot].groups, rows[slot].endDay)
        }
      }
    }
    let n = baseline.contracts.count
    for (i, contract) in additions.enumerated() where !removed.contains(n + i) {
      body(n + i, contract.groups, contract.endDay)
    }
  }

  /// Whether any contract is in `group`.
  func hasGroup(_ group: String) -> Bool { !members(of: group).isEmpty }

  /// Each group's current ends, in register order, as ``members(of:)`` finds them: one pass
  /// over the register for all of them, where a pass each was quadratic (the baseline's JSON
  /// measures every group in the register).
  func ends(of groups: [String]) -> [[Day?]] {
    // A contract is in a group when one of its groups has the same UTF-8 length and the same
    // lowercase text (String.caseInsensitiveEquals), so that pair is the key.
    struct Key: Hashable {
      var lowercased: String
      var length: Int
      init(_ group: String) { (lowercased, length) = (group.lowercased(), group.utf8.count) }
    }
    var wanted: [Key: [Int]] = [:]
    for (i, group) in groups.enumerated() { wanted[Key(group), default: []].append(i) }
    var ends = [[Day?]](repeating: [], count: groups.count)
    var seen: Set<Key> = []
    eachRow { _, groups, end in
      seen.removeAll(keepingCapacity: true)
      for group in groups {
        let key = Key(group)
        guard let targets = wanted[key], seen.insert(key).inserted else { continue }
        for i in targets { ends[i].append(end) }
      }
    }
    return ends
  }

  /// Every group named in the scenario's register, sorted, as ``Register/groups`` gives them.
  var groups: [String] {
    if isUnchanged { return baseline.groups }
    var spelled: [String: String] = [:]
    for slot in slots {
      for group in self[slot].groups where spelled[group.lowercased()] == nil {
        spelled[group.lowercased()] = group
      }
    }
    return spelled.values.sorted()
  }

  /// The ids of the scenario's register, in order (for close matches when one is not found).
  var ids: [String] { slots.map { self[$0].id } }

  /// Every contract now ending later than in the baseline, costed from the baseline end on the
  /// scenario's terms (a changed value or options price the extension).
  ///
  /// Only rows that can differ from their baseline counterpart are compared: the edited ones,
  /// the added ones, and baseline rows whose id repeats an earlier row's (they are compared with
  /// that first row, as matching by id always did). Every other row is its own baseline.
  var moves: [ContractProposal] {
    var exact = council
    exact.alignmentToleranceDays = 0
    var ignored: [Diagnostic] = []
    var moves: [ContractProposal] = []
    let n = baseline.contracts.count
    let candidates = Set(edited.keys).union(baselineIds.repeated).union(n..<endSlot)
    for slot in candidates.sorted() where !removed.contains(slot) {
      let contract = self[slot]
      guard let first = baselineIds.first[contract.id], let end = contract.endDay else { continue }
      let old = baseline.contracts[first]
      if let oldEnd = old.endDay, end <= oldEnd { continue }
      var priced = contract
      priced.end = old.end
      priced.endText = old.endText
      moves.append(
        ContractProposal(
          priced, target: end, newServiceStart: end.next, rules: exact, diagnostics: &ignored))
    }
    return moves
  }
}

/// Positions of contracts by id, built once: the first position of each id (ids compared as
/// `String`s are) and the later positions repeating one.
struct IdIndex: Sendable {
  var first: [String: Int] = [:]
  /// Later positions with an id an earlier contract has, by id; empty in a loaded register
  /// unless two ids are the same text in different bytes (the loader compares bytes).
  var later: [String: [Int]] = [:]

  init(_ contracts: [Contract]) {
    first.reserveCapacity(contracts.count)
    for (position, contract) in contracts.enumerated() {
      // One hash a row: the slot is filled if empty, else the position is a repeat.
      var repeats = false
      Self.claim(&first[contract.id, default: -1], position, repeats: &repeats)
      if repeats { later[contract.id, default: []].append(position) }
    }
  }

  private static func claim(_ slot: inout Int, _ position: Int, repeats: inout Bool) {
    if slot < 0 { slot = position } else { repeats = true }
  }

  /// Every position holding `id`, in order.
  func positions(of id: String) -> [Int] {
    guard let at = first[id] else { return [] }
    return [at] + (later[id] ?? [])
  }

  /// Every later position.
  var repeated: [Int] { later.values.flatMap { $0 } }
}
