import Foundation

/// A named what-if: changes applied in order to a baseline register.
///
/// Scenario files are JSON with `"version": 1`; `extends` names another scenario file whose
/// changes apply first (TaskJuggler-style inheritance).
public struct Scenario: Sendable {
  public var name: String
  public var description: String
  /// The file, as diagnostics show it.
  public var file: String
  /// The register, as written (relative to the scenario file); `nil` for the bundled one.
  public var register: String?
  public var asOf: Day?
  /// Another scenario file, as written (relative to this one).
  public var extends: String?
  public var changes: [Change]

  /// One change, with its position in the file for error messages.
  public struct Change: Sendable {
    public var index: Int
    public var kind: Kind

    public enum Kind: Sendable {
      case align(group: String, target: AlignmentTarget)
      case extendTo(contract: String, end: Day)
      case extendBy(contract: String, length: Length)
      case set(contract: String, field: String, value: String)
      case add(row: [String: String])
      case remove(contract: String)
      case stagger(group: String, from: Day, every: Length)
      case rules(Rules)
    }

    public struct Rules: Sendable {
      public var keyDecisionThreshold: Money?
      public var noticeClearDays: Int?
      public var alignmentToleranceDays: Int?
      public var defaultLeadTime: Length?
      public var leadTimes: [String: Length] = [:]
    }
  }
}

/// A scenario that cannot be read or applied: the file, the change, and what is wrong.
public struct ScenarioError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var change: Int?
  public var message: String

  public init(file: String, change: Int? = nil, message: String) {
    self.file = file
    self.change = change
    self.message = message
  }

  public var description: String {
    "\(file): error: " + (change.map { "change \($0): " } ?? "") + message
  }
}

extension Scenario {
  static let keys: Set<String> = [
    "version", "name", "description", "register", "asOf", "extends", "changes",
  ]
  /// Fields `set` can change.
  public static let settableFields = [
    "end", "value", "value_basis", "procurement_route", "lead_time", "extension_options", "group",
    "max_end", "start", "provider", "commissioner", "council_share",
  ]

  /// The keys a change of each kind takes: a misspelt or stray one is an error, never ignored.
  static func changeKeys(_ kind: Change.Kind) -> Set<String> {
    switch kind {
    case .align: return ["align", "to", "start"]
    case .extendTo, .extendBy: return ["extend", "to", "by"]
    case .set: return ["set", "field", "value"]
    case .add: return ["add"]
    case .remove: return ["remove"]
    case .stagger: return ["stagger", "from", "every"]
    case .rules: return ["rules"]
    }
  }

  /// Reads a scenario file.
  ///
  /// - Throws: ``ScenarioError`` for invalid JSON, an unknown version, an unknown key or a
  ///   malformed change (with its index).
  public static func parse(json bytes: [UInt8], file: String) throws(ScenarioError) -> Scenario {
    func fail(_ message: String, change: Int? = nil) -> ScenarioError {
      ScenarioError(file: file, change: change, message: message)
    }
    let object: Any
    do {
      object = try JSONReading.value(bytes)
    } catch {
      throw fail(error.reason)
    }
    guard let dict = object as? [String: Any] else { throw fail("expected a JSON object") }
    guard let version = dict["version"].flatMap(JSONReading.wholeNumber) else {
      throw fail("'version' is missing; scenario files start with \"version\": 1")
    }
    guard version == 1 else {
      throw fail("this scenario is version \(version); this commission reads version 1 only")
    }
    if let unknown = dict.keys.filter({ !keys.contains($0) }).sorted().first {
      throw fail("unknown key '\(unknown)'" + CloseMatch.hint(for: unknown, in: keys.sorted()))
    }
    func string(_ key: String, in d: [String: Any], change: Int? = nil) throws(ScenarioError)
      -> String?
    {
      guard let v = d[key] else { return nil }
      guard let s = v as? String else { throw fail("'\(key)' must be a string", change: change) }
      return s
    }
    func day(_ key: String, in d: [String: Any], change: Int? = nil) throws(ScenarioError) -> Day? {
      guard let s = try string(key, in: d, change: change) else { return nil }
      guard let v = Day(s) else {
        throw fail("'\(key)' must be a date like 2016-09-30, not '\(s)'", change: change)
      }
      return v
    }
    func length(_ key: String, in d: [String: Any], change: Int) throws(ScenarioError) -> Length? {
      guard let s = try string(key, in: d, change: change) else { return nil }
      guard let v = LengthParser.parse(s) else {
        throw fail("'\(key)' must be a length like \"6 months\", not '\(s)'", change: change)
      }
      return v
    }
    var scenario = Scenario(
      name: try string("name", in: dict) ?? (file as NSString).lastPathComponent,
      description: try string("description", in: dict) ?? "", file: file,
      register: try string("register", in: dict), asOf: try day("asOf", in: dict),
      extends: try string("extends", in: dict), changes: [])
    var changes: [Any] = []
    if let list = dict["changes"] {
      guard let items = list as? [Any] else { throw fail("'changes' must be a list") }
      changes = items
    }
    for (offset, item) in changes.enumerated() {
      let n = offset + 1
      guard let c = item as? [String: Any] else {
        throw fail("a change must be an object", change: n)
      }
      let kind: Change.Kind
      if let group = try string("align", in: c, change: n) {
        let to = try day("to", in: c, change: n)
        let start = try day("start", in: c, change: n)
        guard (to == nil) != (start == nil) else {
          throw fail("'align' needs either \"to\" or \"start\"", change: n)
        }
        kind = .align(
          group: group,
          target: to.map { .end($0) } ?? start.map { .newServiceStart($0) } ?? .latestEnd)
      } else if let contract = try string("extend", in: c, change: n) {
        if let to = try day("to", in: c, change: n) {
          kind = .extendTo(contract: contract, end: to)
        } else if let by = try length("by", in: c, change: n) {
          kind = .extendBy(contract: contract, length: by)
        } else {
          throw fail(
            "'extend' needs \"to\" (a date) or \"by\" (a length like \"6 months\")", change: n)
        }
      } else if let contract = try string("set", in: c, change: n) {
        guard let field = try string("field", in: c, change: n),
          let value = try string("value", in: c, change: n)
        else {
          throw fail("'set' needs \"field\" and \"value\"", change: n)
        }
        guard settableFields.contains(field) else {
          throw fail(
            "'\(field)' cannot be set; the fields are \(settableFields.joined(separator: ", "))",
            change: n)
        }
        kind = .set(contract: contract, field: field, value: value)
      } else if let row = c["add"] {
        guard let fields = row as? [String: Any] else {
          throw fail("'add' must be an object of register columns", change: n)
        }
        var strings: [String: String] = [:]
        for (key, value) in fields {
          guard let s = value as? String else {
            throw fail("'add.\(key)' must be a string", change: n)
          }
          strings[key] = s
        }
        guard strings["service"] != nil, strings["end"] != nil else {
          throw fail("'add' needs at least \"service\" and \"end\"", change: n)
        }
        kind = .add(row: strings)
      } else if let contract = try string("remove", in: c, change: n) {
        kind = .remove(contract: contract)
      } else if let group = try string("stagger", in: c, change: n) {
        guard let from = try day("from", in: c, change: n),
          let every = try length("every", in: c, change: n)
        else {
          throw fail(
            "'stagger' needs \"from\" (a date) and \"every\" (a length like \"3 months\")",
            change: n)
        }
        kind = .stagger(group: group, from: from, every: every)
      } else if let rules = c["rules"] {
        guard let r = rules as? [String: Any] else {
          throw fail("'rules' must be an object", change: n)
        }
        var parsed = Change.Rules()
        if let t = r["keyDecisionThreshold"] {
          guard let money = CouncilRules.threshold(t) else {
            throw fail(
              "'keyDecisionThreshold' must be an amount of zero or more, like \"500000.00\"",
              change: n)
          }
          parsed.keyDecisionThreshold = money
        }
        for key in ["noticeClearDays", "alignmentToleranceDays"] {
          guard let v = r[key] else { continue }
          guard let days = CouncilRules.dayCount(v) else {
            throw fail(CouncilRules.daysMessage(key), change: n)
          }
          if key == "noticeClearDays" {
            parsed.noticeClearDays = days
          } else {
            parsed.alignmentToleranceDays = days
          }
        }
        func leadTime(_ key: String, in d: [String: Any]) throws(ScenarioError) -> Length? {
          guard let s = try string(key, in: d, change: n) else { return nil }
          guard let v = CouncilRules.leadTime(s) else {
            throw fail("'\(key)' \(CouncilRules.leadTimeRule), not '\(s)'", change: n)
          }
          return v
        }
        parsed.defaultLeadTime = try leadTime("defaultLeadTime", in: r)
        if let table = r["leadTimes"] {
          guard let t = table as? [String: Any] else {
            throw fail("'leadTimes' must map routes to lengths", change: n)
          }
          for (route, _) in t {
            guard let l = try leadTime(route, in: t) else { continue }
            parsed.leadTimes[route.lowercased()] = l
          }
        }
        kind = .rules(parsed)
      } else {
        throw fail(
          "a change needs one of align, extend, set, add, remove, stagger or rules", change: n)
      }
      if let extra = c.keys.filter({ !Scenario.changeKeys(kind).contains($0) }).sorted().first {
        throw fail(
          "unknown key '\(extra)' in this change"
            + CloseMatch.hint(for: extra, in: Scenario.changeKeys(kind).sorted()) + "; it takes "
            + Scenario.changeKeys(kind).sorted().map { "\"\($0)\"" }.joined(separator: ", "),
          change: n)
      }
      scenario.changes.append(Change(index: n, kind: kind))
    }
    return scenario
  }
}
