/// What makes contracts candidates for one procurement: the same CPV prefix or the same provider.
public enum OpportunityKey: Hashable, Sendable, Comparable {
  /// The main CPV code's first digits (`853` at depth 3).
  case cpv(String)
  /// A provider, as the register names it after aliases.
  case provider(String)

  /// `cpv` or `provider`, as JSON and the tidy rows name the kind.
  public var kind: String {
    switch self {
    case .cpv: return "cpv"
    case .provider: return "provider"
    }
  }

  public var value: String {
    switch self {
    case .cpv(let digits): return digits
    case .provider(let name): return name
    }
  }

  /// `CPV 853`, `provider Acme Care`.
  public var label: String {
    switch self {
    case .cpv(let digits): return "CPV \(digits)"
    case .provider(let name): return "provider \(name)"
    }
  }

  public static func < (lhs: OpportunityKey, rhs: OpportunityKey) -> Bool {
    (lhs.kind, lhs.value) < (rhs.kind, rhs.value)
  }
}

/// How ``OpportunityReport`` looks for clusters.
public struct OpportunityOptions: Hashable, Sendable {
  /// How many leading digits of the main CPV code must agree: 2 (division) to 8.
  public var cpvDigits = 3
  /// The most the ends of a cluster's contracts may lie apart.
  public var window: Length = .months(6)
  /// Only buyers whose postcode area (its letters before the first digit) is this.
  public var postcodeArea: String?
  /// Only the clusters this buyer (as ``OpportunityReport/buyerName(_:council:)`` gives it)
  /// belongs to.
  public var buyer: String?

  public static let cpvDigitsRange = 2...8
  public init() {}
}

/// Contracts of two or more buyers that end near one another and buy the same kind of thing
/// (or from the same provider): an opportunity to look at procuring together, not advice.
public struct OpportunityCluster: Sendable {
  public var key: OpportunityKey
  /// The distinct buyers, sorted.
  public var buyers: [String]
  /// The common end proposed (the latest current end) and what it takes of each member.
  public var proposal: AlignmentProposal
  /// The sum of the members' known annual values, and how many are unknown.
  public var combinedAnnualValue: Money
  public var unknownValues: Int

  /// The members, soonest end first, each with its extension to the common end.
  public var members: [ContractProposal] { proposal.contracts }
  public var firstEnd: Day { members.compactMap(\.currentEnd).min() ?? proposal.target }
}

/// A cluster before it is priced: its members as row indices into the register's contracts,
/// soonest end first, and what ranking needs. Pricing copies each member into a proposal, so it
/// waits until a rendering asks for the cluster, one at a time.
struct RankedCluster: Sendable {
  var key: OpportunityKey
  var members: [Int32]
  var buyers: [String]
  var combinedAnnualValue: Money
  var unknownValues: Int
  var firstEnd: Day
  var firstID: String
}

/// The answer to "which contracts, across buyers, could be re-procured together?".
///
/// Contracts ending on or after the as-of date are grouped by key (CPV prefix, and each
/// provider); within a key, sorted by end, each contract starts a window running
/// ``OpportunityOptions/window`` after its end, and the contracts ending inside it form a
/// cluster when they have two or more buyers; the next window opens after the cluster, so a
/// contract is in at most one cluster per key. Clusters rank by combined annual value, then by more
/// buyers, earlier first end, key and first member. A contract naming more than
/// ``maximumProvidersGrouped`` providers stays in its CPV group only.
public struct OpportunityReport: Sendable {
  public var registerName: String
  public var asOf: Day
  public var options: OpportunityOptions
  /// Contracts considered: ending on or after the as-of date, within the postcode area.
  public var considered: Int
  /// Considered contracts left out of the providers' groups for naming too many providers.
  public var manyProviders: Int
  /// The register the clusters index into, kept (not copied: its storage is shared).
  let register: Register
  /// The clusters, ranked, unpriced.
  let ranked: [RankedCluster]

  /// A framework lists its suppliers, often dozens; putting it in each one's group would
  /// multiply the work and memory by the list's length and make "the same provider" mean
  /// little. A contract naming more than this many providers is grouped by its CPV code only.
  public static let maximumProvidersGrouped = 10

  /// - Complexity: O(n log n) in the contracts, plus the clusters' sizes; memory is row
  ///   indices, a cluster being priced only when ``cluster(at:)`` asks for it.
  public init(register: Register, asOf: Day, options: OpportunityOptions = .init()) {
    registerName = register.name
    self.asOf = asOf
    self.options = options
    self.register = register
    let contracts = register.contracts
    let area = options.postcodeArea?.uppercased()
    var candidates: [Int32] = []
    for index in contracts.indices {
      let contract = contracts[index]
      guard let end = contract.endDay, end >= asOf else { continue }
      if let area, OpportunityReport.postcodeArea(contract.buyerPostcode) != area { continue }
      candidates.append(Int32(index))
    }
    considered = candidates.count
    let grouping = OpportunityReport.keyed(candidates, in: contracts, options: options)
    manyProviders = grouping.manyProviders
    ranked = OpportunityReport.rankedClusters(grouping.groups, register: register, options)
  }

  /// How many clusters there are.
  public var clusterCount: Int { ranked.count }

  /// The cluster ranked `index + 1`, priced now: its members aligned to their latest end.
  public func cluster(at index: Int) -> OpportunityCluster? {
    let found = ranked[index]
    let members = found.members.map { register.contracts[Int($0)] }
    return OpportunityReport.cluster(found, members, register: register, asOf: asOf)
  }

  /// Every cluster, ranked and priced; a large register's renderings price one at a time.
  public var clusters: [OpportunityCluster] { ranked.indices.compactMap { cluster(at: $0) } }

  /// The clusters of every group, filtered by buyer and ranked.
  static func rankedClusters(
    _ groups: [(OpportunityKey, [Int32])], register: Register, _ options: OpportunityOptions
  ) -> [RankedCluster] {
    let contracts = register.contracts
    let council = register.council.name
    var buyerIDs: [String: Int32] = [:]
    var buyerOf = [Int32](repeating: -1, count: contracts.count)
    for (_, members) in groups {
      for row in members where buyerOf[Int(row)] < 0 {
        let normal = Column.normalise(buyerName(contracts[Int(row)], council: council))
        let id = buyerIDs[normal] ?? Int32(buyerIDs.count)
        buyerIDs[normal] = id
        buyerOf[Int(row)] = id
      }
    }
    var found: [RankedCluster] = []
    for (key, members) in groups {
      for window in windows(members, options.window, contracts, buyerOf) {
        let summary = summarise(key, window, contracts, council: council)
        if let buyer = options.buyer, !summary.buyers.contains(buyer) { continue }
        found.append(summary)
      }
    }
    return found.sorted(by: ranksBefore)
  }

  /// The buyer a contract names, or the council when it names none.
  public static func buyerName(_ contract: Contract, council: String) -> String {
    contract.buyer.isEmpty ? council : contract.buyer
  }

  /// Every buyer the register's contracts name, sorted.
  public static func buyers(in register: Register) -> [String] {
    Set(register.contracts.map { buyerName($0, council: register.council.name) }).sorted()
  }

  /// The postcode area: the letters before the first digit (`ME` of `ME14 1XQ`), upper case;
  /// nil when the postcode does not start with a letter.
  public static func postcodeArea(_ postcode: String) -> String? {
    let letters = postcode.trimmingPrefixSpaces.prefix { $0.isASCII && $0.isLetter }
    return letters.isEmpty ? nil : letters.uppercased()
  }

  /// The candidates under each key as row indices, each list sorted by end then id, keys
  /// sorted; and how many candidates name too many providers to join the providers' groups.
  static func keyed(_ rows: [Int32], in contracts: [Contract], options: OpportunityOptions)
    -> (groups: [(OpportunityKey, [Int32])], manyProviders: Int)
  {
    var byKey: [OpportunityKey: [Int32]] = [:]
    var spelling: [String: String] = [:]
    var many = 0
    for row in rows {
      let contract = contracts[Int(row)]
      if let code = CPVCode.codes(in: contract.cpvText).first {
        byKey[.cpv(code.prefix(options.cpvDigits)), default: []].append(row)
      }
      var names: [(normal: String, name: String)] = []
      var seen: Set<String> = []
      for name in contract.providers where !name.isEmpty {
        let normal = Column.normalise(name)
        guard !normal.isEmpty, seen.insert(normal).inserted else { continue }
        names.append((normal, name))
      }
      guard names.count <= maximumProvidersGrouped else {
        many += 1
        continue
      }
      for (normal, name) in names {
        // The first spelling met names the provider; later ones join it.
        let shown = spelling[normal] ?? name
        spelling[normal] = shown
        byKey[.provider(shown), default: []].append(row)
      }
    }
    let groups = byKey.sorted { $0.key < $1.key }.map { key, rows in
      (key, rows.sorted { a, b in endAndID(contracts[Int(a)]) < endAndID(contracts[Int(b)]) })
    }
    return (groups, many)
  }

  /// Where an undated contract would sort; every candidate is dated, so none does.
  static let undated = Day(ordinal: -Day.ordinalLimit)

  /// What a group sorts its members by: the end, then the id.
  static func endAndID(_ contract: Contract) -> (Day, String) {
    (contract.endDay ?? OpportunityReport.undated, contract.id)
  }

  /// The clusters of `members` (sorted by end): from the earliest end, every contract ending
  /// within `window` of it; two or more buyers make a cluster and the next starts after it,
  /// else the next starts one contract on. Clusters never share a contract.
  static func windows(
    _ members: [Int32], _ window: Length, _ contracts: [Contract], _ buyerOf: [Int32]
  ) -> [ArraySlice<Int32>] {
    var result: [ArraySlice<Int32>] = []
    var start = 0
    var stop = 0
    func end(_ position: Int) -> Day {
      contracts[Int(members[position])].endDay ?? OpportunityReport.undated
    }
    while start < members.count {
      let limit = reach(end(start), window)
      stop = max(stop, start)
      while stop + 1 < members.count, end(stop + 1) <= limit { stop += 1 }
      let slice = members[start...stop]
      let first = buyerOf[Int(members[start])]
      if slice.contains(where: { buyerOf[Int($0)] != first }) {
        result.append(slice)
        start = stop + 1
      } else {
        start += 1
      }
    }
    return result
  }

  /// The last day a window opened at `day` reaches: `window` later.
  public static func reach(_ day: Day, _ window: Length) -> Day {
    switch window {
    case .months(let months): return day.adding(Months(months))
    case .days(let days): return day + DayCount(days)
    }
  }

  /// What ranking needs of a window: its buyers, combined value, first end and first id.
  static func summarise(
    _ key: OpportunityKey, _ window: ArraySlice<Int32>, _ contracts: [Contract], council: String
  ) -> RankedCluster {
    var sum = Money.zero
    var unknown = 0
    var buyers: Set<String> = []
    for row in window {
      let contract = contracts[Int(row)]
      buyers.insert(buyerName(contract, council: council))
      if let annual = contract.annualValue, let next = sum.adding(annual) {
        sum = next
      } else {
        unknown += 1
      }
    }
    let first = contracts[Int(window[window.startIndex])]
    return RankedCluster(
      key: key, members: Array(window), buyers: buyers.sorted(), combinedAnnualValue: sum,
      unknownValues: unknown, firstEnd: first.endDay ?? OpportunityReport.undated, firstID: first.id
    )
  }

  /// A cluster: the members aligned to their latest end by the alignment rules.
  static func cluster(
    _ found: RankedCluster, _ members: [Contract], register: Register, asOf: Day
  ) -> OpportunityCluster? {
    // Members are dated and the target given, so the proposal does not throw.
    guard let latest = members.compactMap(\.endDay).max(),
      let proposal = try? AlignmentProposal(
        register: register, group: found.key.label, members: members, target: .end(latest),
        asOf: asOf)
    else { return nil }
    return OpportunityCluster(
      key: found.key, buyers: found.buyers, proposal: proposal,
      combinedAnnualValue: found.combinedAnnualValue, unknownValues: found.unknownValues)
  }

  /// Larger combined annual value first, then more buyers, an earlier first end, the key, and
  /// the first member's id: a total order, so the output never depends on hashing.
  static func ranksBefore(_ a: RankedCluster, _ b: RankedCluster) -> Bool {
    if a.combinedAnnualValue != b.combinedAnnualValue {
      return a.combinedAnnualValue > b.combinedAnnualValue
    }
    if a.buyers.count != b.buyers.count { return a.buyers.count > b.buyers.count }
    if a.firstEnd != b.firstEnd { return a.firstEnd < b.firstEnd }
    if a.key != b.key { return a.key < b.key }
    return a.firstID < b.firstID
  }
}

extension String {
  var trimmingPrefixSpaces: Substring { drop { $0 == " " } }
}
