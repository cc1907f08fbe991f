/// Something the drafter of a Record of Decision must look at before it goes out.
///
/// Each case is a stable kebab-case ``code`` with its figures; the sentence is rendering only,
/// so tests and scripts compare codes and parameters. Every code is in the catalogue's Codes
/// article under "Record of Decision checks".
public enum RecordCheck: Coded, Equatable {
  /// The number is not `YY/NNNNN`.
  case decisionNumberForm(number: String)
  /// A committee is named but no meeting date is given or known.
  case committeeNoDate(committee: String)
  /// No committee meeting is known on or before the decision.
  case noCommittee
  /// The committee meets after the decision must be taken.
  case committeeAfterDecision(meeting: Day, decisionBy: Day)
  /// The forward-plan notice leaves fewer clear days than the council's rule.
  case noticeShort(notice: Day, decisionBy: Day, clearDays: Int, needed: Int)
  /// A covered contract has no end date, so its length and cost are not given.
  case noEndDate(contract: String, name: String)
  /// A covered contract has no value.
  case noValue(contract: String, name: String)
  /// A date in the record's timetable was already past at the as-of date.
  case deadlineMissed(milestone: String, day: Day, byDays: Int, asOf: Day)
  /// An award with no provider named, in the spec or the register.
  case awardNoProvider
  /// An award without both a start and an end date: its term cannot be stated.
  case awardNoTerm
  /// An award with no value: the key-decision test cannot be made.
  case awardNoValue
  /// The award's value is not an amount in pounds above zero (`$5,000,000`, `£-1,000,000`).
  case awardValueUnusable(value: Money)
  /// A variation without a change in value and an original value to measure it by.
  case variationNoValue
  /// A covered contract's service or provider has an unbalanced bracket or quote (the stray
  /// `[` in "Health Visiting and Family Nurse Partnership[", 003 l.3210), which the formal
  /// record would otherwise carry.
  case nameUnbalanced(contract: String, name: String, character: String)
  /// A variation whose change in value exceeds the modification limit (10%).
  case modificationOverLimit(change: Money, original: Money, permille: Int, limitPercent: Int)

  public var code: String {
    switch self {
    case .decisionNumberForm: return "decision-number-form"
    case .committeeNoDate: return "committee-no-date"
    case .noCommittee: return "no-committee"
    case .committeeAfterDecision: return "committee-after-decision"
    case .noticeShort: return "notice-short"
    case .noEndDate: return "no-end-date"
    case .noValue: return "no-value"
    case .deadlineMissed: return "deadline-missed"
    case .awardNoProvider: return "award-no-provider"
    case .awardNoTerm: return "award-no-term"
    case .awardNoValue: return "award-no-value"
    case .awardValueUnusable: return "award-value-unusable"
    case .variationNoValue: return "variation-no-value"
    case .nameUnbalanced: return "name-unbalanced"
    case .modificationOverLimit: return "modification-over-limit"
    }
  }

  public var parameters: [(String, JSON)] {
    switch self {
    case .decisionNumberForm(let number): return [("number", .string(number))]
    case .committeeNoDate(let committee): return [("committee", .string(committee))]
    case .awardValueUnusable(let value): return [("value", .money(value))]
    case .noCommittee, .awardNoProvider, .awardNoTerm, .awardNoValue, .variationNoValue:
      return []
    case .committeeAfterDecision(let meeting, let decisionBy):
      return [("meeting", .day(meeting)), ("decisionBy", .day(decisionBy))]
    case .noticeShort(let notice, let decisionBy, let clearDays, let needed):
      return [
        ("notice", .day(notice)), ("decisionBy", .day(decisionBy)), ("clearDays", .int(clearDays)),
        ("needed", .int(needed)),
      ]
    case .noEndDate(let contract, let name), .noValue(let contract, let name):
      return [("contract", .string(contract)), ("name", .string(name))]
    case .nameUnbalanced(let contract, let name, let character):
      return [
        ("contract", .string(contract)), ("name", .string(name)),
        ("character", .string(character)),
      ]
    case .deadlineMissed(let milestone, let day, let byDays, let asOf):
      return [
        ("milestone", .string(milestone)), ("date", .day(day)), ("byDays", .int(byDays)),
        ("asOf", .day(asOf)),
      ]
    case .modificationOverLimit(let change, let original, let permille, let limit):
      return [
        ("change", .money(change)), ("original", .money(original)),
        ("percent", .string(RecordCheck.percent(permille))), ("limitPercent", .int(limit)),
      ]
    }
  }

  public var message: String {
    let long = DateStyle.long
    switch self {
    case .decisionNumberForm(let number):
      guard number != "YY/NNNNN" else {
        return "no decision number is given: give one in the form YY/NNNNN (for example 16/00038)"
      }
      return "the decision number '\(number)' is not in the form YY/NNNNN (for example 16/00038)"
    case .committeeNoDate(let committee):
      return "no meeting date is given for the \(committee)"
    case .noCommittee:
      return "no committee meeting on or before the decision: add one to council.json or give "
        + "--committee and --meeting-date"
    case .committeeAfterDecision(let meeting, let decisionBy):
      return "the committee meets on \(long(meeting)), after the decision must be taken "
        + "(\(long(decisionBy)))"
    case .noticeShort(let notice, let decisionBy, let clearDays, let needed):
      return "the forward-plan notice of \(long(notice)) leaves \(clearDays) clear days before the "
        + "decision on \(long(decisionBy)); \(needed) are needed"
    case .noEndDate(_, let name):
      return "\(name) has no end date in the register: the record does not give its extension's "
        + "length or cost"
    case .noValue(_, let name):
      return "\(name) has no value in the register: the record does not give one"
    case .nameUnbalanced(_, let name, let character):
      return "\(name) has an unbalanced '\(character)': correct the name in the register before "
        + "the record goes out"
    case .deadlineMissed(let milestone, let day, let byDays, let asOf):
      return "\(milestone.lowercased()) \(long(day)) was missed by \(byDays) "
        + "day\(byDays == 1 ? "" : "s") at \(long(asOf))"
    default: return awardMessage
    }
  }

  /// The award and variation checks' sentences.
  private var awardMessage: String {
    switch self {
    case .awardNoProvider:
      return "the award names no provider: give \"provider\" in the spec or a contract"
    case .awardNoTerm:
      return "the award has no start or end date: give \"contractStart\" and \"contractEnd\""
    case .awardNoValue:
      return "the award has no value: give \"value\" in the spec, so the key-decision test can "
        + "be made"
    case .awardValueUnusable(let value):
      return "the award's value \(value.formatted) is not an amount in pounds above zero, so the "
        + "key-decision test cannot be made on it"
    case .variationNoValue:
      return "the variation needs \"change\" and an original value (\"originalValue\" or the "
        + "register's) to be measured against the modification limit"
    case .modificationOverLimit(let change, let original, let permille, let limit):
      return "the change of \(change.formatted(alwaysShowPence: true)) is "
        + "\(permille == limit * 10 ? "over " : "")\(RecordCheck.percent(permille))% of the original value of "
        + "\(original.formatted(alwaysShowPence: true)), more than the \(limit)% a contract may "
        + "be modified by without a change notice (Procurement Act 2023 s.74-75; PCR 2015 "
        + "reg 72): check the procurement rules; this is a flag, not legal advice"
    default: return ""
    }
  }

  /// `10.1` from 101 permille.
  static func percent(_ permille: Int) -> String { "\(permille / 10).\(permille % 10)" }

  /// The first bracket or quote in `text` left unbalanced, or nil: `[` in `Partnership[`.
  static func unbalanced(_ text: String) -> String? {
    let pairs: [Character: Character] = ["(": ")", "[": "]", "{": "}", "“": "”"]
    let closers = Dictionary(uniqueKeysWithValues: pairs.map { ($1, $0) })
    var open: [Character] = []
    for character in text {
      if pairs[character] != nil {
        open.append(character)
      } else if let opener = closers[character] {
        guard open.last == opener else { return String(character) }
        open.removeLast()
      }
    }
    if let first = open.first { return String(first) }
    return text.filter { $0 == "\"" }.count % 2 == 1 ? "\"" : nil
  }
}
