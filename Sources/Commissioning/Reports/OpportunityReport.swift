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

/// The answer to "which contracts, across buyers, could be re-procured together?".
///
/// Contracts ending on or after the as-of date are grouped by key (CPV prefix, and each
/// provider); within a key, sorted by end, each contract starts a window running
/// ``OpportunityOptions/window`` after its end, and the contracts ending inside it form a
/// cluster when they have two or more buyers; the next window opens after the cluster, so a
/// contract is in at most one cluster per key. Clusters rank by combined annual value, then by more
/// buyers, earlier first end, key and first member.
public struct OpportunityReport: Sendable {
  public var registerName: String
  public var asOf: Day
  public var options: OpportunityOptions
  public var clusters: [OpportunityCluster]
  /// Contracts considered: ending on or after the as-of date, within the postcode area.
  public var considered: Int

  /// - Complexity: O(n log n) in the contracts, plus the clusters' sizes.
  public init(register: Register, asOf: Day, options: OpportunityOptions = .init()) {
    registerName = register.name
    self.asOf = asOf
    self.options = options
    let council = register.council.name
    let candidates = register.contracts.filter { contract in
      guard let end = contract.endDay, end >= asOf else { return false }
      guard let area = options.postcodeArea else { return true }
      return OpportunityReport.postcodeArea(contract.buyerPostcode) == area.uppercased()
    }
    considered = candidates.count
    var found: [OpportunityCluster] = []
    for (key, members) in OpportunityReport.keyed(candidates, options: options) {
      for window in OpportunityReport.windows(members, options.window, council: council) {
        if let cluster = OpportunityReport.cluster(key, window, register: register, asOf: asOf) {
          found.append(cluster)
        }
      }
    }
    if let buyer = options.buyer {
      found = found.filter { $0.buyers.contains(buyer) }
    }
    clusters = found.sorted(by: OpportunityReport.ranksBefore)
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

  /// The candidates under each key, each list in register order, keys sorted.
  static func keyed(_ contracts: [Contract], options: OpportunityOptions)
    -> [(OpportunityKey, [Contract])]
  {
    var byKey: [OpportunityKey: [Contract]] = [:]
    var spelling: [String: String] = [:]
    for contract in contracts {
      if let code = CPVCode.codes(in: contract.cpvText).first {
        byKey[.cpv(code.prefix(options.cpvDigits)), default: []].append(contract)
      }
      var seen: Set<String> = []
      for name in contract.providers where !name.isEmpty {
        let normal = Column.normalise(name)
        guard !normal.isEmpty, seen.insert(normal).inserted else { continue }
        // The first spelling met names the provider; later ones join it.
        let shown = spelling[normal] ?? name
        spelling[normal] = shown
        byKey[.provider(shown), default: []].append(contract)
      }
    }
    return byKey.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The clusters of `members`: from the earliest end, every contract ending within `window`
  /// of it; two or more buyers make a cluster and the next starts after it, else the next
  /// starts one contract on. Clusters never share a contract, so the work stays linear.
  static func windows(_ members: [Contract], _ window: Length, council: String) -> [[Contract]] {
    let sorted = members.compactMap { c in c.endDay.map { (end: $0, contract: c) } }
      .sorted { ($0.end, $0.contract.id) < ($1.end, $1.contract.id) }
    var result: [[Contract]] = []
    var start = 0
    var stop = 0
    while start < sorted.count {
      let limit = reach(sorted[start].end, window)
      stop = max(stop, start)
      while stop + 1 < sorted.count, sorted[stop + 1].end <= limit { stop += 1 }
      let slice = sorted[start...stop].map(\.contract)
      let buyers = Set(slice.map { Column.normalise(buyerName($0, council: council)) })
      if buyers.count >= 2 {
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

  /// A cluster: the members aligned to their latest end by the alignment rules.
  static func cluster(
    _ key: OpportunityKey, _ members: [Contract], register: Register, asOf: Day
  ) -> OpportunityCluster? {
    let council = register.council.name
    // Members are dated and the target given, so the proposal does not throw.
    guard let latest = members.compactMap(\.endDay).max(),
      let proposal = try? AlignmentProposal(
        register: register, group: key.label, members: members, target: .end(latest), asOf: asOf)
    else { return nil }
    var sum = Money.zero
    var unknown = 0
    for contract in members {
      if let annual = contract.annualValue, let next = sum.adding(annual) {
        sum = next
      } else {
        unknown += 1
      }
    }
    let buyers = Set(members.map { buyerName($0, council: council) }).sorted()
    return OpportunityCluster(
      key: key, buyers: buyers, proposal: proposal, combinedAnnualValue: sum,
      unknownValues: unknown)
  }

  /// Larger combined annual value first, then more buyers, an earlier first end, the key, and
  /// the first member's id: a total order, so the output never depends on hashing.
  static func ranksBefore(_ a: OpportunityCluster, _ b: OpportunityCluster) -> Bool {
    if a.combinedAnnualValue != b.combinedAnnualValue {
      return a.combinedAnnualValue > b.combinedAnnualValue
    }
    if a.buyers.count != b.buyers.count { return a.buyers.count > b.buyers.count }
    if a.firstEnd != b.firstEnd { return a.firstEnd < b.firstEnd }
    if a.key != b.key { return a.key < b.key }
    return (a.members.first?.contract.id ?? "") < (b.members.first?.contract.id ?? "")
  }
}

extension String {
  var trimmingPrefixSpaces: Substring { drop { $0 == " " } }
}
