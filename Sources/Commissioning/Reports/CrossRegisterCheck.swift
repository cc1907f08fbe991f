/// Two registers given together that describe the same contract and disagree about it: the
/// 2015 record gives MFT's School Public Health Service £414,379 a year, the March 2016 table
/// £828,758 for "School Public Health Service (Swale)".
///
/// Contracts are the same when their stated ids are equal, or when they have the same providers
/// (after the council's aliases, ignoring case and punctuation; a provider such as `Various` or
/// `TBC` names no one) and their service names, as words ignoring case and punctuation, are
/// equal or one begins with the whole of the other (`School Public Health Service` and
/// `School Public Health Service (Swale)`); where a service name is equal, its prefixes are not
/// also matched. A matched pair whose annual values, values and bases, or ends differ is warned
/// of at the later register's row, naming the earlier one's place; a pair that agrees is noted.
public enum CrossRegisterCheck {
  /// The diagnostics for `register`, whose files `parts` groups by the register each came from
  /// (one list of file names per register given).
  public static func diagnostics(register: Register, parts: [[String]]) -> [Diagnostic] {
    guard parts.count > 1 else { return [] }
    var partOf: [String: Int] = [:]
    for (index, files) in parts.enumerated() { for file in files { partOf[file] = index } }
    var buckets: [String: [Int]] = [:]
    for (index, contract) in register.contracts.enumerated() {
      for key in keys(contract) { buckets[key, default: []].append(index) }
    }
    var seen = Set<[Int]>()
    var ambiguous = Set<String>()
    var found: [Diagnostic] = []
    for (index, contract) in register.contracts.enumerated() {
      guard let part = partOf[contract.location.file] else { continue }
      let lists = keys(contract).map { buckets[$0] ?? [] }
      // A provider and first word shared by many rows (one home-care provider's hundred
      // packages) matches nothing for sure: comparing each with each would take quadratic time
      // and say nothing useful, so such rows are passed over, once, with a note.
      if lists.contains(where: { $0.count > ambiguousBucket }) {
        if ambiguous.insert(keys(contract).last ?? "").inserted {
          found.append(
            Diagnostic(
              .note,
              "'\(contract.id)' shares its provider and first service word with more than \(ambiguousBucket) rows; such rows are not compared across the registers",
              at: contract.location))
        }
        continue
      }
      let candidates = Set(lists.joined())
      let earlier = candidates.filter { other in
        guard let otherPart = partOf[register.contracts[other].location.file] else { return false }
        return otherPart < part
      }
      for other in bestMatches(contract, among: earlier.sorted(), in: register.contracts)
      where seen.insert([other, index]).inserted {
        found.append(compare(contract, register.contracts[other]))
      }
    }
    return found
  }

  /// More rows than this under one key are too many to tell apart.
  static let ambiguousBucket = 64

  /// The index keys a contract is found by: its stated id, and each provider with the first
  /// word of the service (a service that begins another shares its first word).
  static func keys(_ contract: Contract) -> [String] {
    var keys: [String] = []
    if !contract.statedId.isEmpty { keys.append("id " + contract.statedId) }
    let words = serviceWords(contract.service)
    guard let first = words.first, let providers = providerKey(contract) else { return keys }
    keys.append("sp " + providers + " " + first)
    return keys
  }

  /// The candidates that are the same contract: by id, else by provider and service, the
  /// equal service names first.
  static func bestMatches(_ contract: Contract, among candidates: [Int], in contracts: [Contract])
    -> [Int]
  {
    var byId: [Int] = []
    var equal: [Int] = []
    var prefixed: [Int] = []
    let words = serviceWords(contract.service)
    let providers = providerKey(contract)
    for index in candidates {
      let other = contracts[index]
      if !contract.statedId.isEmpty && contract.statedId == other.statedId {
        byId.append(index)
        continue
      }
      guard let providers, providers == providerKey(other) else { continue }
      let otherWords = serviceWords(other.service)
      if otherWords == words {
        equal.append(index)
      } else if otherWords.starts(with: words) || words.starts(with: otherWords) {
        prefixed.append(index)
      }
    }
    return byId + (equal.isEmpty ? prefixed : equal)
  }

  /// Service names as lowercase words of letters and digits: `School Public Health Service
  /// (Swale)` is `school public health service swale`.
  static func serviceWords(_ service: String) -> [String] {
    var words: [String] = []
    var word: [UInt8] = []
    for b in service.utf8 {
      if TextScanner.isLetter(b) || TextScanner.isDigit(b) {
        word.append(TextScanner.isLetter(b) ? b | 0x20 : b)
      } else if b != UInt8(ascii: "'") && !word.isEmpty {
        words.append(String(decoding: word, as: UTF8.self))
        word = []
      }
    }
    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
    return words
  }

  /// The contract's providers after aliases, normalised and sorted; `nil` when none names a
  /// particular provider.
  static func providerKey(_ contract: Contract) -> String? {
    let names = contract.providers.map { Column.normalise($0) }.filter {
      !$0.isEmpty && !placeholderProviders.contains($0) && !$0.hasPrefix("various")
    }
    return names.isEmpty ? nil : names.sorted().joined(separator: "/")
  }

  static let placeholderProviders: Set<String> = ["tbc", "tbd", "none", "na", "unknown", "various"]

  /// A warning naming what disagrees, or a note that the pair agrees.
  static func compare(_ later: Contract, _ earlier: Contract) -> Diagnostic {
    var differences: [String] = []
    if let a = later.annualValue, let b = earlier.annualValue {
      if a != b {
        differences.append(
          "annual value \(describe(later)) here, \(describe(earlier)) there")
      }
    } else if let a = later.value.amount, let b = earlier.value.amount,
      a != b || later.value.basis != earlier.value.basis
    {
      differences.append("value \(describe(later)) here, \(describe(earlier)) there")
    }
    if let a = later.endDay, let b = earlier.endDay, a != b {
      differences.append("end \(a.iso) here, \(b.iso) there")
    }
    // What one gives and the other does not is not agreement: it is said, as a note.
    var unmatched: [String] = []
    if (later.endDay == nil) != (earlier.endDay == nil) {
      unmatched.append("only \(later.endDay == nil ? "there" : "here") is an end given")
    }
    if (later.annualValue == nil) != (earlier.annualValue == nil) {
      unmatched.append(
        "only \(later.annualValue == nil ? "there" : "here") is an annual value given")
    }
    if Column.normalise(later.commissioner) != Column.normalise(earlier.commissioner) {
      differences.append(
        "commissioner '\(later.commissioner)' here, '\(earlier.commissioner)' there")
    }
    if later.councilShare != earlier.councilShare {
      differences.append(
        "council share '\(later.councilShareText)' here, '\(earlier.councilShareText)' there")
    }
    let pair =
      "'\(later.id)' is the same contract as '\(earlier.id)' at \(earlier.location) "
      + "(\(reason(later, earlier)))"
    guard differences.isEmpty else {
      return Diagnostic(
        .warning, pair + ", but they disagree: " + differences.joined(separator: "; "),
        at: later.location)
    }
    guard unmatched.isEmpty else {
      return Diagnostic(.note, pair + "; " + unmatched.joined(separator: "; "), at: later.location)
    }
    return Diagnostic(.note, pair + "; their values and ends agree", at: later.location)
  }

  static func reason(_ a: Contract, _ b: Contract) -> String {
    if !a.statedId.isEmpty && a.statedId == b.statedId { return "same id" }
    return serviceWords(a.service) == serviceWords(b.service)
      ? "same provider and service" : "same provider, one service name begins the other"
  }

  /// `£828,758 (unknown basis, read as £828,758.00 a year)`, `£414,379.00 a year`.
  static func describe(_ contract: Contract) -> String {
    let written = contract.valueText.isEmpty ? "no value" : quoted(contract.valueText)
    let basis: String
    switch contract.value.basis {
    case .annual: basis = "annual"
    case .total: basis = contract.value.term.map { "total over \($0)" } ?? "total"
    case .unknown: basis = "basis not stated"
    }
    guard let annual = contract.annualValue else { return "\(written) (\(basis))" }
    return "\(written) (\(basis); \(annual.formatted) a year)"
  }
}
