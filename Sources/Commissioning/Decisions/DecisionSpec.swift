import Foundation

/// What a Record of Decision needs beyond the proposal: who decides, which number, which
/// committee, the wording. From a spec file, flags, or both (flags win).
public struct DecisionSpec: Equatable, Sendable {
  /// The register, as written in the spec (relative to the spec file).
  public var register: String?
  public var group: String?
  /// A common end date, or a new service start.
  public var to: Day?
  public var start: Day?
  public var asOf: Day?
  /// `YY/NNNNN`, as Kent numbers decisions (15/00067).
  public var decisionNumber: String?
  /// The role that takes the decision, and the person, if named.
  public var decisionMaker: String?
  public var decisionMakerName: String?
  public var committee: String?
  public var meetingDate: Day?
  /// The day the decision went on the forward plan, to check the notice.
  public var noticeDate: Day?
  public var subject: String?
  /// Why the contracts are extended: "to allow for harmonisation of the contract end dates, …".
  public var purpose: String?
  public var alternatives: String?
  /// Exempt information: the paragraph of Schedule 12A that applies; `nil` for publication.
  public var exemptParagraph: String?
  public var reportAuthor: String?
  public var director: String?
  /// The contracts the record covers (a subset of the group); `nil` for every contract extended.
  public var contracts: [String]?
  /// What the decision does: extend contracts (the default), award one, or vary one.
  public var kind: DecisionKind?
  /// The decision's wording: "I propose to agree that ..." (the default) or "I agree to: ...".
  public var form: DecisionForm?
  /// An award's provider and service as the decision names them; default the contract's.
  public var provider: String?
  public var service: String?
  /// Whether the award goes to the current provider ("with the current provider, ...").
  public var currentProvider: Bool?
  /// An award's term; default the covered contract's start and end.
  public var contractStart: Day?
  public var contractEnd: Day?
  /// An award's value as written (`£23,184,000`), and whether it is annual or for the term.
  public var value: ValueReading?
  public var valueBasis: ValueBasis?
  /// A variation's change in value (negative for a reduction), and the value it is measured
  /// against; default the covered contract's.
  public var change: Money?
  public var originalValue: Money?
  /// A variation's change of scope, as a clause: "to add the school nursing service in Swale".
  public var scope: String?

  public init() {}

  /// Every field `other` sets replaces this one's: flags over the spec file.
  public func overridden(by other: DecisionSpec) -> DecisionSpec {
    var merged = self
    merged.register = other.register ?? register
    merged.group = other.group ?? group
    if other.to != nil || other.start != nil {
      merged.to = other.to
      merged.start = other.start
    }
    merged.asOf = other.asOf ?? asOf
    merged.decisionNumber = other.decisionNumber ?? decisionNumber
    merged.decisionMaker = other.decisionMaker ?? decisionMaker
    merged.decisionMakerName = other.decisionMakerName ?? decisionMakerName
    merged.committee = other.committee ?? committee
    merged.meetingDate = other.meetingDate ?? meetingDate
    merged.noticeDate = other.noticeDate ?? noticeDate
    merged.subject = other.subject ?? subject
    merged.purpose = other.purpose ?? purpose
    merged.alternatives = other.alternatives ?? alternatives
    merged.exemptParagraph = other.exemptParagraph ?? exemptParagraph
    merged.reportAuthor = other.reportAuthor ?? reportAuthor
    merged.director = other.director ?? director
    merged.contracts = other.contracts ?? contracts
    merged.kind = other.kind ?? kind
    merged.form = other.form ?? form
    merged.provider = other.provider ?? provider
    merged.service = other.service ?? service
    merged.currentProvider = other.currentProvider ?? currentProvider
    merged.contractStart = other.contractStart ?? contractStart
    merged.contractEnd = other.contractEnd ?? contractEnd
    merged.value = other.value ?? value
    merged.valueBasis = other.valueBasis ?? valueBasis
    merged.change = other.change ?? change
    merged.originalValue = other.originalValue ?? originalValue
    merged.scope = other.scope ?? scope
    return merged
  }
}

/// A decision spec that cannot be read, or names what is not there.
public struct DecisionSpecError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var message: String
  public var description: String { "\(file): error: \(message)" }
}

extension DecisionSpec {
  /// The spec's JSON keys, as users write them.
  static let keys: Set<String> = [
    "version", "register", "group", "to", "start", "asOf", "decisionNumber", "decisionMaker",
    "decisionMakerName", "committee", "meetingDate", "noticeDate", "subject", "purpose",
    "alternatives", "exemptParagraph", "reportAuthor", "director", "contracts", "kind", "form",
    "provider", "service", "currentProvider", "contractStart", "contractEnd", "value", "valueBasis",
    "change", "originalValue", "scope",
  ]

  /// The years a date in a spec may fall in, as on the command line: councils plan decades
  /// ahead, not millennia, so `"meetingDate": "0001-01-01"` is a slip, not a meeting.
  public static let years = 1900...2200

  /// Reads a decision spec (JSON, `"version": 1`).
  ///
  /// - Throws: ``DecisionSpecError`` naming the field that is wrong; an unknown key is an error
  ///   (a misspelt `subjct` would otherwise vanish silently).
  public static func parse(json bytes: [UInt8], file: String) throws(DecisionSpecError)
    -> DecisionSpec
  {
    func fail(_ message: String) -> DecisionSpecError {
      DecisionSpecError(file: file, message: message)
    }
    let object: Any
    do {
      object = try JSONReading.value(bytes)
    } catch {
      throw fail(error.reason)
    }
    guard let dict = object as? [String: Any] else { throw fail("expected a JSON object") }
    if let version = dict["version"] {
      guard let v = JSONReading.wholeNumber(version) else {
        throw fail("'version' must be a number")
      }
      guard v == 1 else {
        throw fail("this spec is version \(v); this commission reads version 1 only")
      }
    }
    if let unknown = dict.keys.filter({ !keys.contains($0) }).sorted().first {
      let close = keys.filter { editDistance($0.lowercased(), unknown.lowercased()) <= 3 }.sorted()
      throw fail(
        "unknown key '\(unknown)'" + (close.isEmpty ? "" : "; did you mean '\(close[0])'?"))
    }
    var spec = DecisionSpec()
    func string(_ key: String) throws(DecisionSpecError) -> String? {
      guard let value = dict[key] else { return nil }
      guard let s = value as? String else { throw fail("'\(key)' must be a string") }
      return s
    }
    func day(_ key: String) throws(DecisionSpecError) -> Day? {
      guard let s = try string(key) else { return nil }
      guard let d = Day(s) else {
        throw fail("'\(key)' must be a date like 2016-09-30, not '\(s)'")
      }
      guard years.contains(d.year) else {
        throw fail(
          "'\(key)' must be a date in the years \(years.lowerBound) to \(years.upperBound), "
            + "not '\(s)'")
      }
      return d
    }
    spec.register = try string("register")
    spec.group = try string("group")
    spec.to = try day("to")
    spec.start = try day("start")
    guard spec.to == nil || spec.start == nil else {
      throw fail("'to' and 'start' both set the target; give one")
    }
    spec.asOf = try day("asOf")
    spec.decisionNumber = try string("decisionNumber")
    spec.decisionMaker = try string("decisionMaker")
    spec.decisionMakerName = try string("decisionMakerName")
    spec.committee = try string("committee")
    spec.meetingDate = try day("meetingDate")
    spec.noticeDate = try day("noticeDate")
    spec.subject = try string("subject")
    spec.purpose = try string("purpose")
    spec.alternatives = try string("alternatives")
    spec.exemptParagraph = try string("exemptParagraph")
    spec.reportAuthor = try string("reportAuthor")
    spec.director = try string("director")
    if let list = dict["contracts"] {
      guard let ids = list as? [String] else { throw fail("'contracts' must be a list of ids") }
      spec.contracts = ids
    }
    try spec.readKinds(dict, string: string, fail: fail)
    spec.provider = try string("provider")
    spec.service = try string("service")
    spec.contractStart = try day("contractStart")
    spec.contractEnd = try day("contractEnd")
    spec.scope = try string("scope")
    try spec.readMoney(dict, string: string, fail: fail)
    return spec
  }

  /// `kind`, `form` and `currentProvider`: the decision's shape.
  mutating func readKinds(
    _ dict: [String: Any], string: (String) throws(DecisionSpecError) -> String?,
    fail: (String) -> DecisionSpecError
  ) throws(DecisionSpecError) {
    if let text = try string("kind") {
      guard let kind = DecisionKind(rawValue: text) else {
        throw fail("'kind' must be extend, award or vary, not '\(text)'")
      }
      self.kind = kind
    }
    if let text = try string("form") {
      guard let form = DecisionForm(rawValue: text) else {
        throw fail("'form' must be propose or agree, not '\(text)'")
      }
      self.form = form
    }
    if let flag = dict["currentProvider"] {
      guard JSONReading.isBoolean(flag), let bool = flag as? Bool else {
        throw fail("'currentProvider' must be true or false")
      }
      currentProvider = bool
    }
  }

  /// `value`, `valueBasis`, `change` and `originalValue`, read as the register reads money.
  mutating func readMoney(
    _ dict: [String: Any], string: (String) throws(DecisionSpecError) -> String?,
    fail: (String) -> DecisionSpecError
  ) throws(DecisionSpecError) {
    if let text = try string("value") {
      let reading = MoneyParser.parse(text)
      guard reading.amount != nil else { throw fail("'value' must be money like £23,184,000") }
      value = reading
    }
    if let text = try string("valueBasis") {
      guard let basis = ValueBasis(rawValue: text), basis != .unknown else {
        throw fail("'valueBasis' must be annual or total, not '\(text)'")
      }
      valueBasis = basis
    }
    if let text = try string("change") {
      guard let money = DecisionSpec.signedMoney(text) else {
        throw fail("'change' must be money like £250,000 or -£250,000")
      }
      change = money
    }
    if let text = try string("originalValue") {
      guard let money = MoneyParser.parse(text).amount else {
        throw fail("'originalValue' must be money like £2,500,000")
      }
      originalValue = money
    }
  }

  /// `-£250,000` is a reduction; `£250,000` or `+£250,000` an increase.
  public static func signedMoney(_ text: String) -> Money? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let negative = trimmed.hasPrefix("-")
    let body = negative || trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
    guard let amount = MoneyParser.parse(body).amount else { return nil }
    return negative ? Money(minorUnits: -amount.minorUnits, currency: amount.currency) : amount
  }
}

/// What a Record of Decision decides: the spellings are the `--kind` values.
public enum DecisionKind: String, Sendable, CaseIterable {
  /// Extend current contracts to a common end date (15/00067, 16/00038).
  case extend
  /// Enter into a new contract (15/00068).
  case award
  /// Modify a contract's value or scope, measured against the 10% modification limit.
  case vary
}

/// How the decision is worded: Kent's 2015 records propose ("I propose to agree that the County
/// Council extend ..."); its 2016 record agrees ("I agree to: Extend ...").
public enum DecisionForm: String, Sendable, CaseIterable {
  case propose
  case agree
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
