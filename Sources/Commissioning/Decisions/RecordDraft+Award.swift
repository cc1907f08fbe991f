/// What an award decision enters into: the spec's terms, or the covered contract's.
public struct AwardTerms: Sendable {
  /// The register's contract the award renews or replaces, when the spec names one.
  public var contract: String?
  public var provider: String?
  public var service: String
  public var currentProvider: Bool
  public var start: Day?
  public var end: Day?
  /// The value as stated and whether it is annual or for the whole term.
  public var value: Money?
  public var basis: ValueBasis
  /// The whole value over the term: the key-decision test's figure (see ``wholeValue``).
  public var wholeValue: Money?

  /// The term in whole months and remaining days, when both dates are known.
  public var term: (months: Int, days: Int)? {
    guard let start, let end, end >= start else { return nil }
    return monthsAndDays(from: start.previous, to: end)
  }

  /// The whole contract's value: a total as given; an annual value pro rata over the term (whole
  /// months at a twelfth, remaining days at a 365th, as extensions are costed); an annual value
  /// with no term stands for itself.
  static func wholeValue(_ value: Money?, basis: ValueBasis, term: (months: Int, days: Int)?)
    -> Money?
  {
    // Only pounds above zero can be tested against a threshold in pounds.
    guard let value, value.currency == "GBP", value > .zero else { return nil }
    guard basis == .annual, let term else { return value }
    return value.scaled(by: Int64(term.months * 365 + term.days * 12), over: 12 * 365)
  }
}

/// `award`: entering into a new contract (15/00068). The key-decision test is on the whole
/// contract value: the constitution's "Decision exceeds key decision financial criteria" is
/// about what the decision commits the council to spend, which is the contract over its term,
/// not one year of it (for 15/00068's one-year contract the two are the same).
extension RecordDraft {
  mutating func draftAward() {
    let terms = awardTerms
    award = terms
    if terms.provider == nil { checks.append(.awardNoProvider) }
    if terms.term == nil { checks.append(.awardNoTerm) }
    if terms.wholeValue == nil {
      checks.append(terms.value.map { .awardValueUnusable(value: $0) } ?? .awardNoValue)
    }
    key = KeyDecisionTest(
      required: terms.wholeValue.map { $0 >= council.keyDecisionThreshold } ?? false,
      basis: "contract value", amount: terms.wholeValue ?? .zero,
      threshold: council.keyDecisionThreshold)
    subject = "Entering into a contract for \(terms.service)"
    decision = decisionParagraphs(action: awardAction(terms))
    setSingleFigureReasons(known: terms.wholeValue != nil)
    awardDates(terms)
    finance = [awardFinance(terms), keySentence]
  }

  /// The award's dates from the one timetable engine, back from the contract's start: its
  /// decision before mobilisation begins (none for the current provider, who needs no
  /// handover), with its own notice and committee.
  mutating func awardDates(_ terms: AwardTerms) {
    guard let start = terms.start else { return }
    let cycle = Timetable(
      newServiceStart: start, extensions: [], rules: council, asOf: asOf,
      mobilisation: terms.currentProvider ? .months(0) : nil)
    takeDates(
      from: cycle, decision: .awardDecision, notice: .awardNotice, committee: .awardCommittee)
    otherDates = [Milestone.Kind.mobilisation, .serviceStart].compactMap { kind in
      cycle.milestone(kind).map {
        (kind == .serviceStart ? "Contract starts" : kind.label, $0.deadline)
      }
    }
  }

  /// The spec's terms over the covered contract's (the first, when several are named).
  var awardTerms: AwardTerms {
    let contract = covered.first?.contract
    let reading = spec.value ?? contract?.value
    let basis =
      spec.valueBasis ?? reading.map { $0.basis == .unknown ? .total : $0.basis } ?? .total
    let value = basis == .annual ? (reading?.annual ?? reading?.amount) : reading?.amount
    let provider = spec.provider ?? contract.map { fullName($0.provider.singleLine) }
    var terms = AwardTerms(
      contract: contract?.id, provider: provider?.isEmpty == true ? nil : provider,
      service: spec.service ?? contract.map { $0.service.singleLine } ?? "(service)",
      currentProvider: spec.currentProvider ?? false,
      start: spec.contractStart ?? contract?.startDay, end: spec.contractEnd ?? contract?.endDay,
      value: value, basis: basis)
    terms.wholeValue = AwardTerms.wholeValue(value, basis: basis, term: terms.term)
    return terms
  }

  /// "enter into a contract with the current provider, KCHFT, to deliver ... for one year from
  /// 1 October 2015 to 30 September 2016 which will ...". The purpose follows the dates without
  /// a comma, as 15/00068 writes it.
  func awardAction(_ terms: AwardTerms) -> String {
    let with = terms.currentProvider ? "the current provider, " : ""
    var action = "enter into a contract with \(with)\(terms.provider ?? "(provider)"), to deliver "
    action += terms.service
    if let term = terms.term, let start = terms.start, let end = terms.end {
      action +=
        " for \(RecordDraft.termWords(term)) from \(DateStyle.long(start)) to \(DateStyle.long(end))"
    }
    return action + purposeClause(separator: " ") + "."
  }

  /// `one year`, `two years`, `six months`, `18 months`, `7 months and 3 days`.
  static func termWords(_ term: (months: Int, days: Int)) -> String {
    let words = [
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve",
    ]
    let word = { (n: Int) in n >= 1 && n <= 12 ? words[n - 1] : String(n) }
    let (m, d) = term
    if d == 0, m > 0, m % 12 == 0 { return "\(word(m / 12)) year\(m == 12 ? "" : "s")" }
    var parts: [String] = []
    if m > 0 { parts.append("\(word(m)) month\(m == 1 ? "" : "s")") }
    if d > 0 || m == 0 { parts.append("\(d) day\(d == 1 ? "" : "s")") }
    return parts.joined(separator: " and ")
  }

  /// The appendix's paragraph: the contract, its term, its value a year and over the term.
  func awardFinance(_ terms: AwardTerms) -> String {
    var text = "The contract with \(terms.provider ?? "the provider") for \(terms.service)"
    if let start = terms.start, let end = terms.end, let term = terms.term {
      text +=
        " runs from \(DateStyle.long(start)) to \(DateStyle.long(end)) "
        + "(\(RecordDraft.termWords(term)))"
    }
    guard let value = terms.value else {
      return text + ". Its value is not known: the spec and the register give none."
    }
    let whole = terms.wholeValue?.formatted(alwaysShowPence: true) ?? "not known"
    if terms.basis == .annual {
      return text + " at \(value.formatted) a year: \(whole) over its term"
        + (terms.term == nil ? " (taken as one year: the term is not known)." : ".")
    }
    return text + " for \(whole) over its term."
  }
}
