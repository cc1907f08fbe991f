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
    "alternatives", "exemptParagraph", "reportAuthor", "director", "contracts",
  ]

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
    return spec
  }
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
