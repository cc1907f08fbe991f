import Foundation

/// One council's rules for planning: who it is, its thresholds and lead times, its meetings.
///
/// Read from a register folder's `council.json`; every field is optional and defaults to the
/// values in DOMAIN.md section 6.
public struct CouncilRules: Hashable, Sendable {
  public var name: String = "the council"
  /// Expenditure at or above which a decision is a key decision.
  public var keyDecisionThreshold = Money(pounds: 1_000_000)
  /// Clear days between the forward-plan notice and the decision.
  public var noticeClearDays = 28
  /// End dates within this many days of each other count as aligned.
  public var alignmentToleranceDays = 31
  /// Procurement lead time per route (`open`, `competitive-dialogue`, …).
  public var leadTimes: [String: Length] = CouncilRules.defaultLeadTimes
  /// Lead time for a route the table does not name.
  public var defaultLeadTime: Length = .months(6)
  /// Committee meetings that can consider a decision.
  public var meetings: [Meeting] = []
  /// Canonical provider name → other spellings.
  public var providerAliases: [String: [String]] = [:]
  /// The role that takes decisions, for the record of decision.
  public var decisionMaker: String?
  /// The month the financial year starts (April, 4, in England): `Q1 2016/17` starts then.
  public var financialYearStart = 4
  /// Names that mean the council itself in a `commissioner` cell (its name always does).
  public var commissioners: [String] = []
  /// How long each stage before a new service takes.
  public var stages = CycleStages()

  public struct Meeting: Hashable, Sendable {
    public var date: Day
    public var committee: String
    /// The date as the source prints it, when that is not plainly `date`: `10 NOVEMBER 2015`
    /// listed inside the 2016/17 programme is read as 2016-11-10, the text kept verbatim.
    public var asWritten: String?
    /// Where the date comes from (`003_….txt:4036`) and why it was read as it was.
    public var source: String?
    public var note: String?
    /// The meeting's place in `council.json` (its `"date"`), line 1 when it cannot be found.
    public var location: SourceLocation?

    public init(
      date: Day, committee: String, asWritten: String? = nil, source: String? = nil,
      note: String? = nil, location: SourceLocation? = nil
    ) {
      self.date = date
      self.committee = committee
      self.asWritten = asWritten
      self.source = source
      self.note = note
      self.location = location
    }
  }

  /// How far before a decision the latest listed meeting may be when the calendar lists none
  /// after it: about a quarter, as committees meet every six to ten weeks. Further back, the
  /// calendar has run out and the meeting is not the decision's.
  public static let meetingCalendarReach = DayCount(92)

  /// The committee meeting that can consider a decision due on `day`: the latest on or before
  /// it, when the calendar reaches that far (a meeting on or after `day` is listed, or the
  /// latest is at most ``meetingCalendarReach`` before it); otherwise none, so a decision in
  /// 2034 is not set against a 2017 meeting.
  public func meeting(before day: Day) -> Meeting? {
    guard let latest = meetings.last(where: { $0.date <= day }) else { return nil }
    if latest.date + CouncilRules.meetingCalendarReach >= day { return latest }
    return meetings.contains { $0.date > day } ? latest : nil
  }

  /// The last listed meeting, when the calendar ends before `day`; for saying why none is
  /// shown.
  public func calendarEnd(before day: Day) -> Day? {
    guard let last = meetings.last?.date, last < day, meeting(before: day) == nil else {
      return nil
    }
    return last
  }

  public static let defaultLeadTimes: [String: Length] = [
    "open": .months(6), "restricted": .months(6), "competitive-dialogue": .months(12),
    "competitive-flexible": .months(12), "innovation-partnership": .months(12),
    "negotiated": .months(9), "call-off": .months(3), "direct-award": .months(3),
  ]

  public static let `default` = CouncilRules()

  public init() {}

  /// The last day the forward-plan notice can be given: ``noticeClearDays`` whole days between it
  /// and the decision. Written so that no count, however large, can overflow.
  public func noticeBy(decision: Day) -> Day {
    (decision - DayCount(noticeClearDays)).previous
  }

  /// Whether the council leads a contract commissioned by `commissioner`: an empty cell, the
  /// council's name, or one of ``commissioners``, matched loosely (case and punctuation).
  public func leads(_ commissioner: String) -> Bool {
    let trimmed = commissioner.trimmingASCIISpaces
    guard !trimmed.isEmpty, !CouncilRules.noCommissioner.contains(trimmed.lowercased()) else {
      return true
    }
    let key = Column.normalise(trimmed)
    guard !key.isEmpty else {
      // A name with no ASCII letters or digits (`北部委员会`) is compared as written.
      let lower = trimmed.lowercased()
      return lower == name.lowercased() || commissioners.contains { $0.lowercased() == lower }
    }
    return key == Column.normalise(name) || commissioners.contains { Column.normalise($0) == key }
  }

  /// Cells that name no body: the council leads (a note in `check` says so).
  static let noCommissioner: Set<String> = ["n/a", "na", "none", "-", "–", "tbc", "tbd", "0"]

  /// The lead time for a procurement route, or the default.
  public func leadTime(forRoute route: String) -> Length {
    leadTimes[route.lowercased()] ?? defaultLeadTime
  }

  /// The canonical provider name for a spelling, matching case and punctuation loosely.
  public func canonicalProvider(_ name: String) -> String {
    aliasIndex[Column.normalise(name)] ?? name
  }

  var aliasIndex: [String: String] {
    var index: [String: String] = [:]
    for (canonical, spellings) in providerAliases {
      index[Column.normalise(canonical)] = canonical
      for spelling in spellings { index[Column.normalise(spelling)] = canonical }
    }
    return index
  }
}

/// A `council.json` that cannot be read.
public struct CouncilRulesError: Error, CustomStringConvertible, Equatable {
  public var file: String
  public var message: String
  public var description: String { "\(file): error: \(message)" }
}

extension CouncilRules {
  /// Reads `council.json`.
  ///
  /// ```json
  /// {"name": "Kent County Council", "keyDecisionThreshold": "1000000.00",
  ///  "noticeClearDays": 28, "alignmentToleranceDays": 31,
  ///  "leadTimes": {"open": "6 months", "competitive-dialogue": "12 months"},
  ///  "meetings": [{"date": "2016-03-22", "committee": "Children's Social Care and Health Cabinet Committee"}],
  ///  "providerAliases": {"KCHFT": ["Kent Community Health Foundation Trust"]}}
  /// ```
  /// - Throws: ``CouncilRulesError`` naming the field that is wrong.
  public static func parse(json bytes: [UInt8], file: String) throws(CouncilRulesError)
    -> CouncilRules
  {
    func fail(_ message: String) -> CouncilRulesError {
      CouncilRulesError(file: file, message: message)
    }
    let object: Any
    do {
      object = try JSONReading.value(bytes)
    } catch {
      throw fail(error.reason)
    }
    guard let dict = object as? [String: Any] else { throw fail("expected a JSON object") }
    var rules = CouncilRules()
    for (key, value) in dict {
      switch key {
      case "name":
        guard let s = value as? String else { throw fail("'name' must be a string") }
        rules.name = s
      case "keyDecisionThreshold":
        guard let money = CouncilRules.threshold(value) else {
          throw fail(
            "'keyDecisionThreshold' must be an amount in pounds of zero or more, like \"1000000.00\""
          )
        }
        rules.keyDecisionThreshold = money
      case "noticeClearDays":
        guard let n = CouncilRules.dayCount(value) else { throw fail(daysMessage(key)) }
        rules.noticeClearDays = n
      case "alignmentToleranceDays":
        guard let n = CouncilRules.dayCount(value) else { throw fail(daysMessage(key)) }
        rules.alignmentToleranceDays = n
      case "defaultLeadTime":
        guard let s = value as? String, let length = CouncilRules.leadTime(s) else {
          throw fail("'defaultLeadTime' " + CouncilRules.leadTimeRule)
        }
        rules.defaultLeadTime = length
      case "leadTimes":
        try CouncilRules.leadTimes(value, into: &rules.leadTimes, fail: fail)
      case "meetings":
        rules.meetings = try meetings(value, bytes: bytes, file: file)
      case "providerAliases":
        rules.providerAliases = try CouncilRules.providerAliases(value, fail: fail)
      case "decisionMaker":
        rules.decisionMaker = value as? String
      case "commissioners":
        guard let names = value as? [String] else {
          throw fail("'commissioners' must be a list of the names that mean the council")
        }
        rules.commissioners = names
      case "stages":
        rules.stages = try CouncilRules.stages(value, fail: fail)
      case "financialYearStart":
        guard let month = monthNumber(value) else {
          throw fail("'financialYearStart' must be a month, like \"April\" or 4")
        }
        rules.financialYearStart = month
      default:
        continue  // Unknown keys are left for newer versions.
      }
    }
    return rules
  }
}

extension CouncilRules {
  /// `"stages": {"consultation": "3 months", "marketEngagement": "1 month",
  /// "specification": "2 months", "mobilisation": "3 months"}`; any may be left out.
  /// `leadTimes`: a length for each route, over the defaults. Routes match in any case, so two
  /// spellings of one would each win on some runs: refused.
  static func leadTimes(
    _ value: Any, into leadTimes: inout [String: Length], fail: (String) -> CouncilRulesError
  ) throws(CouncilRulesError) {
    guard let table = value as? [String: Any] else {
      throw fail("'leadTimes' must map routes to lengths")
    }
    var given: [String: String] = [:]
    for route in table.keys.sorted() {
      guard let s = table[route] as? String, let length = CouncilRules.leadTime(s) else {
        throw fail("lead time for '\(route)' " + CouncilRules.leadTimeRule)
      }
      if let other = given.updateValue(route, forKey: route.lowercased()) {
        throw fail("'leadTimes' gives '\(other)' and '\(route)', one route; give it once")
      }
      leadTimes[route.lowercased()] = length
    }
  }

  /// `providerAliases`: each canonical name's other spellings. A spelling two names claim
  /// (matched loosely, as rows are) would be read as either, whichever the table happened to
  /// give last: refused.
  static func providerAliases(_ value: Any, fail: (String) -> CouncilRulesError)
    throws(CouncilRulesError) -> [String: [String]]
  {
    guard let table = value as? [String: Any] else {
      throw fail("'providerAliases' must map a name to its other spellings")
    }
    var aliases: [String: [String]] = [:]
    var owner: [String: String] = [:]
    for canonical in table.keys.sorted() {
      guard let list = table[canonical] as? [String] else {
        throw fail("aliases of '\(canonical)' must be a list of names")
      }
      for spelling in [canonical] + list {
        if let other = owner.updateValue(canonical, forKey: Column.normalise(spelling)),
          other != canonical
        {
          throw fail(
            "'\(spelling)' is a spelling of both '\(other)' and '\(canonical)' in "
              + "'providerAliases'; give it to one")
        }
      }
      aliases[canonical] = list
    }
    return aliases
  }

  static func stages(_ value: Any, fail: (String) -> CouncilRulesError) throws(CouncilRulesError)
    -> CycleStages
  {
    guard let table = value as? [String: Any] else {
      throw fail("'stages' must map a stage to its length")
    }
    var stages = CycleStages()
    for (stage, v) in table {
      guard let s = v as? String, let length = CouncilRules.leadTime(s) else {
        throw fail("stage '\(stage)' " + CouncilRules.leadTimeRule)
      }
      switch stage {
      case "consultation": stages.consultation = length
      case "marketEngagement": stages.marketEngagement = length
      case "specification": stages.specification = length
      case "mobilisation": stages.mobilisation = length
      default:
        throw fail(
          "'stages' has no stage '\(stage)'; the stages are consultation, marketEngagement, specification and mobilisation"
        )
      }
    }
    return stages
  }
}

/// A month named (`"April"`, `"Apr"`) or numbered (`4`) from 1 to 12.
private func monthNumber(_ value: Any) -> Int? {
  if let n = JSONReading.wholeNumber(value) { return (1...12).contains(n) ? n : nil }
  guard let name = value as? String else { return nil }
  return name.withBytes { bytes in
    let tokens = TextScanner.tokens(bytes)
    guard tokens.count == 1 else { return nil }
    return DateParser.monthNumber(tokens[0], bytes)
  }
}

extension CouncilRules {
  /// The most days a notice period or tolerance may be: ten years.
  ///
  /// A bound checked when `council.json` or a scenario is read, so the planning arithmetic
  /// (a decision date minus the notice period, plus a day) always has sensible operands.
  public static let maximumDays = 3650
  /// The longest lead time: ten years (120 months or 3650 days).
  public static let maximumLeadTime = Length.months(120)

  /// A count of days within 0...``maximumDays``, or `nil` (not a whole number, or out of range).
  static func dayCount(_ value: Any) -> Int? {
    guard let n = JSONReading.wholeNumber(value), (0...maximumDays).contains(n) else {
      return nil
    }
    return n
  }

  /// A key-decision threshold: an amount in pounds as a string or a JSON number (not `true`,
  /// which Foundation reads as 1), and not negative, which would make every decision key.
  static func threshold(_ value: Any) -> Money? {
    let money: Money?
    if let s = value as? String {
      money = Money(decimal: s)
    } else if let n = value as? NSNumber, !JSONReading.isBoolean(value) {
      money = Money(decimal: n.stringValue)
    } else {
      money = nil
    }
    guard let money, money >= .zero else { return nil }
    return money
  }

  /// The error for a day count out of range, naming the key.
  static func daysMessage(_ key: String) -> String {
    "'\(key)' must be a whole number of days from 0 to \(maximumDays)"
  }

  /// A lead time no longer than ``maximumLeadTime``, or `nil`.
  static func leadTime(_ text: String) -> Length? {
    guard let length = LengthParser.parse(text) else { return nil }
    switch length {
    case .days(let d): return (0...maximumDays).contains(d) ? length : nil
    case .months(let m): return (0...120).contains(m) ? length : nil
    }
  }

  /// What a lead time must be, after the key in an error.
  static let leadTimeRule = "must be a length like \"6 months\", at most 10 years"
}

/// Reads lengths: `6 months`, `12 months`, `1 year`, `2 years`, `90 days`, `6m`, `1y`.
public enum LengthParser {
  /// A length, or `nil`; a negative one (`-6 months`, `−6 months`, `minus 6 months`,
  /// `6 months ago`) is refused, not read as its size: an extension or lead time never runs
  /// backwards.
  public static func parse(_ text: String) -> Length? {
    guard !isNegative(text), namesKnownUnits(text) else { return nil }
    let reading = OptionsParser.parse(text)
    guard let periods = reading.options?.periods, periods.count == 1,
      reading.options?.initialTerm == nil
    else { return nil }
    return periods[0]
  }
}

extension LengthParser {
  /// The words a length may hold: its units and the words around them (`2 years 6 months`,
  /// `six months`, `1y`). A unit the parser does not know (`3 hours`, `2 quarters`) or none at
  /// all (`3`) is no length: read as years it would put a deadline decades away in silence.
  static let lengthWords: Set<String> = [
    "year", "years", "yr", "yrs", "y", "month", "months", "m", "mth", "mths", "week", "weeks",
    "wk", "wks", "w", "day", "days", "d", "and", "a", "an", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "eighteen",
    "twenty", "thirty", "of",
  ]

  static func namesKnownUnits(_ text: String) -> Bool {
    var unit = false
    var word = ""
    for character in text.lowercased() + " " {
      if character.isLetter {
        word.append(character)
        continue
      }
      if !word.isEmpty {
        guard lengthWords.contains(word) else { return false }
        if !["and", "a", "an", "of"].contains(word), !numberWords.contains(word) { unit = true }
        word = ""
      }
    }
    return unit
  }

  static let numberWords: Set<String> = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "eighteen", "twenty", "thirty",
  ]

  /// Whether the text signs its number negative: a minus, hyphen or dash before the first digit,
  /// or a word that means less.
  static func isNegative(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      if ("0"..."9").contains(scalar) { break }
      if ["-", "\u{2212}", "\u{2013}", "\u{2014}", "\u{FE63}", "\u{FF0D}"].contains(scalar) {
        return true
      }
    }
    let words = text.lowercased().split { !$0.isLetter }
    return words.contains { ["minus", "negative", "ago", "less", "fewer", "before"].contains($0) }
  }
}
