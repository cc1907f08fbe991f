/// "Did you mean": the known names closest to one a person mistyped, for flags, commands,
/// groups, providers, departments and scenario keys alike, so every refusal helps the same way.
///
/// A candidate matches when, ignoring case, it equals the text, starts with it (two characters
/// or more: `ex` is a command's start), or it or its start is within ``cutoff(for:)`` edits of
/// it. Closest first: equal, then prefixes, then by distance, then by name.
public enum CloseMatch {
  /// The most edits a suggestion may be away: a third of the text's length (a flag's leading
  /// dashes do not count), at least 1 and at most 3, so a short name is not matched to any
  /// other short name, and `--grup` still finds `--group`.
  public static func cutoff(for text: String) -> Int {
    min(3, max(1, core(text).count / 3))
  }

  /// The text without its leading dashes: every flag shares them, so they say nothing.
  static func core(_ text: String) -> Substring {
    text.drop { $0 == "-" }
  }

  /// The candidates close to `text`, closest first, at most `limit` of them.
  ///
  /// - Complexity: O(c × n × m) for c candidates of length m and a text of length n.
  public static func suggestions(for text: String, in candidates: [String], limit: Int = 3)
    -> [String]
  {
    let query = Array(text.lowercased())
    let letters = core(text).count
    guard letters > 0 else { return [] }
    let cutoff = cutoff(for: text)
    var ranked: [(rank: Int, name: String)] = []
    var seen: Set<String> = []
    for candidate in candidates where seen.insert(candidate).inserted {
      let name = Array(candidate.lowercased())
      if name == query {
        ranked.append((0, candidate))
      } else if query.count >= 2, name.starts(with: query) {
        ranked.append((1, candidate))
      } else {
        // A mistyped start counts too (`expire` for `expiring`), a step behind a whole match;
        // not for a very short text, whose start is too little to guess from.
        let whole = distance(query, name, limit: cutoff)
        let start =
          letters >= 4 && name.count > query.count
          ? distance(query, Array(name.prefix(query.count)), limit: cutoff) : cutoff + 1
        if min(whole, start) <= cutoff { ranked.append((1 + min(whole, start + 1), candidate)) }
      }
    }
    ranked.sort { ($0.rank, $0.name) < ($1.rank, $1.name) }
    return ranked.prefix(limit).map(\.name)
  }

  /// `; did you mean 'x'?`, or `; did you mean 'x' or 'y'?`, or nothing when none is close.
  public static func hint(for text: String, in candidates: [String]) -> String {
    let close = suggestions(for: text, in: candidates, limit: 2)
    guard !close.isEmpty else { return "" }
    return "; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
  }

  /// A refusal that suggests first and lists after: `no group 'x'; did you mean 'y'? (the
  /// groups are a, b)`, or `no group 'x'; the groups are a, b` when nothing is close.
  ///
  /// - Parameter quoted: quote each listed name, for names that hold commas themselves
  ///   (`'Social Care, Health and Wellbeing'`), where a bare list would be ambiguous.
  public static func refusal(
    _ head: String, for text: String, in names: [String], noun: String, quoted: Bool = false
  ) -> String {
    let shown = quoted ? names.map { "'\($0)'" } : names
    let list = names.isEmpty ? "(none)" : shown.joined(separator: ", ")
    let hint = hint(for: text, in: names)
    return hint.isEmpty
      ? "\(head); the \(noun) are \(list)" : "\(head)\(hint) (the \(noun) are \(list))"
  }

  /// The optimal string alignment distance between two strings (Levenshtein's insertions,
  /// deletions and substitutions, and a swap of two adjacent characters as one edit, since
  /// `--sotr` is one slip of the fingers, not two), or `limit + 1` once it must exceed `limit`.
  public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let a = Array(a)
    let b = Array(b)
    // No distance exceeds the longer length, so that is as good as no limit.
    return distance(a, b, limit: min(limit, max(a.count, b.count)))
  }

  static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), limit + 1) }
    // Lengths further apart than the limit cannot come within it.
    if abs(a.count - b.count) > limit { return limit + 1 }
    // Three rows: a swap looks two rows back. A row's best can still fall by one through a
    // swap two rows on, so the early stop waits until two rows in a row exceed the limit.
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    var previousBest = 0
    for i in 1...a.count {
      current[0] = i
      var rowBest = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
        rowBest = min(rowBest, current[j])
      }
      if rowBest > limit && previousBest > limit { return limit + 1 }
      previousBest = rowBest
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return min(previous[b.count], limit + 1)
  }
}

extension Register {
  /// Why `group` is refused: the closest groups first, then every group, as each command says it.
  public func unknownGroupMessage(_ group: String) -> String {
    CloseMatch.refusal(
      "no contract is in group '\(group)'", for: group, in: groups, noun: "groups")
  }

  /// Every provider the register names (each contract's, and each of a consortium's), and every
  /// canonical name the council's aliases give, sorted and without repeats.
  public var providerNames: [String] {
    var names = Set(council.providerAliases.keys)
    for contract in contracts {
      if !contract.provider.isEmpty { names.insert(contract.provider) }
      for name in contract.providers where !name.isEmpty { names.insert(name) }
    }
    return names.sorted()
  }

  /// Every department the register names, sorted and without repeats.
  public var departments: [String] {
    Set(contracts.map(\.department).filter { !$0.isEmpty }).sorted()
  }

  /// How a `--provider` text matches the register's providers.
  ///
  /// Exact (ignoring case, punctuation and the council's aliases) wins; otherwise a text found
  /// inside exactly one provider's name (ignoring case) is taken as that provider, so `KCHFT`
  /// or `Kent Community` finds the trust; inside several, the person must choose.
  public func matchProvider(_ text: String) -> ProviderMatch {
    let names = providerNames
    let key = Column.normalise(council.canonicalProvider(text))
    if !key.isEmpty, names.contains(where: { Column.normalise($0) == key }) {
      return .exact(text)
    }
    let needle = text.lowercased()
    let containing = needle.isEmpty ? [] : names.filter { $0.lowercased().contains(needle) }
    // Spellings of one name (`Barnardo's`, `Barnardos`) are one provider, as the filter sees it.
    switch Set(containing.map(Column.normalise)).count {
    case 1: return .partial(containing[0])
    case 0: return .unknown(suggestions: CloseMatch.suggestions(for: text, in: names))
    default: return .ambiguous(containing)
    }
  }

  /// The department spelled as the register spells it, ignoring case; `nil` when none is.
  public func department(named text: String) -> String? {
    departments.first { $0.lowercased() == text.lowercased() }
  }
}

/// The outcome of ``Register/matchProvider(_:)``.
public enum ProviderMatch: Equatable, Sendable {
  /// The text names a provider (perhaps through an alias); filter by it as given.
  case exact(String)
  /// The text is part of exactly this provider's name.
  case partial(String)
  /// The text is part of each of these names.
  case ambiguous([String])
  /// No provider; these are the closest names.
  case unknown(suggestions: [String])
}
