/// A flag or assumption on one contract's proposal: what the scheduler assumed, or what a
/// commissioner must look at. Codes are listed in the catalogue's Codes article.
public enum ProposalFlag: Coded, Equatable {
  /// Ends after the common end date: reported, never shortened.
  case endsAfterTarget(end: Day)
  /// Extended, though its current end was already past at the as-of date.
  case alreadyEnded(end: Day, asOf: Day)
  /// Ends before the target by `days`, within the council's tolerance: no extension proposed.
  case withinTolerance(days: Int, tolerance: Int)
  /// No usable current end: the extension's length and cost are unknown.
  case currentEndUnknown(reason: String)
  /// The annual value is known but the cost is more than pence can hold.
  case costTooLarge(annual: Money)
  /// A total made a year's value over the contract's term.
  case totalMadeAnnual(total: Money?, annual: Money)
  /// A value of unknown basis treated as annual.
  case assumedAnnual(value: Money)
  /// A total whose year's worth is more than pence can hold.
  case annualValueTooLarge(total: Money?)
  /// The value is in another currency, never converted.
  case otherCurrency(value: Money?, currency: String)
  /// A total with no term to spread it over.
  case totalWithoutTerm(total: Money?)
  /// No value at all.
  case noValue(reason: String)
  /// The proposed end is beyond the maximum extent the options allow.
  case beyondOptions(maximumExtent: Day)
  /// The register records no extension options.
  case noOptionsRecorded
  /// The cost adds more than 10% to the original value (tenths of a percent).
  case valueChangeOverLimit(permille: Int, original: Money)
  /// The extension lengthens the term by more than 10% (tenths of a percent).
  case termChangeOverLimit(termDays: Int, permille: Int)
  /// Led by another commissioner: listed, shapes the target, but the council takes no decision.
  case partnerLed(partner: String, extends: Bool)
  /// The council pays a share of the value; its cost is its share.
  case councilShare(share: Money, annual: Money?)
  /// The council pays toward a contract a partner leads: the partner's decision, not in the
  /// council's total.
  case councilContribution(share: Money, partner: String)

  public var code: String {
    switch self {
    case .endsAfterTarget: return "ends-after-target"
    case .alreadyEnded: return "already-ended"
    case .withinTolerance: return "within-tolerance"
    case .currentEndUnknown: return "current-end-unknown"
    case .costTooLarge: return "cost-too-large"
    case .totalMadeAnnual: return "total-made-annual"
    case .assumedAnnual: return "value-assumed-annual"
    case .annualValueTooLarge: return "annual-value-too-large"
    case .otherCurrency: return "value-other-currency"
    case .totalWithoutTerm: return "total-without-term"
    case .noValue: return "no-value"
    case .beyondOptions: return "beyond-options"
    case .noOptionsRecorded: return "no-options-recorded"
    case .valueChangeOverLimit: return "value-change-over-limit"
    case .termChangeOverLimit: return "term-change-over-limit"
    case .partnerLed: return "partner-led"
    case .councilShare: return "council-share"
    case .councilContribution: return "council-contribution"
    }
  }

  public var parameters: [(String, JSON)] {
    switch self {
    case .endsAfterTarget(let end): return [("currentEnd", .day(end))]
    case .alreadyEnded(let end, let asOf): return [("currentEnd", .day(end)), ("asOf", .day(asOf))]
    case .withinTolerance(let days, let tolerance):
      return [("daysBeforeTarget", .int(days)), ("toleranceDays", .int(tolerance))]
    case .currentEndUnknown(let reason), .noValue(let reason):
      return [("reason", .string(reason))]
    case .costTooLarge(let annual): return [("annualValue", .money(annual))]
    case .totalMadeAnnual(let total, let annual):
      return [("total", .money(total)), ("annualValue", .money(annual))]
    case .assumedAnnual(let value): return [("value", .money(value))]
    case .annualValueTooLarge(let total), .totalWithoutTerm(let total):
      return [("total", .money(total))]
    case .otherCurrency(let value, let currency):
      return [("value", .money(value)), ("currency", .string(currency))]
    case .beyondOptions(let extent): return [("maximumExtent", .day(extent))]
    case .noOptionsRecorded: return []
    case .valueChangeOverLimit(let permille, let original):
      return [
        ("percent", .string(ContractProposal.percent(permille, sign: false))),
        ("originalValue", .money(original)),
      ]
    case .termChangeOverLimit(let term, let permille):
      return [
        ("termDays", .int(term)),
        ("percent", .string(ContractProposal.percent(permille, sign: false))),
      ]
    case .partnerLed(let partner, _): return [("commissioner", .string(partner))]
    case .councilContribution(let share, let partner):
      return [("councilAnnualShare", .money(share)), ("commissioner", .string(partner))]
    case .councilShare(let share, let annual):
      return [("councilAnnualShare", .money(share)), ("annualValue", .money(annual))]
    }
  }

  public var message: String {
    switch self {
    case .endsAfterTarget(let end):
      return "ends after the target, on \(DateStyle.long(end)); not shortened"
    case .alreadyEnded(let end, let asOf):
      return
        "ended \(DateStyle.long(end)), before the as-of date \(DateStyle.long(asOf)): the proposal extends a contract that has already ended"
    case .withinTolerance(let days, let tolerance):
      return
        "ends \(DayCount(days).description) before the target, within the \(tolerance)-day tolerance; no extension proposed"
    case .currentEndUnknown(let reason):
      return "current end unknown (\(reason)), so the extension's length and cost are unknown"
    case .costTooLarge(let annual):
      return "the cost of extending \(annual.formatted) a year is \(ContractProposal.tooLarge)"
    case .totalMadeAnnual(let total, let annual):
      return
        "total value \(total?.formatted ?? "") converted to \(annual.formatted) a year over its term"
    case .assumedAnnual(let value):
      return "value \(value.formatted) of unknown basis treated as annual"
    case .annualValueTooLarge(let total):
      return
        "total value \(total?.formatted ?? "") a year over its term is \(ContractProposal.tooLarge), so the cost is too"
    case .otherCurrency(let value, let currency):
      return
        "value \(value?.formatted ?? currency) is in \(currency), never converted to pounds, so the cost is unknown"
    case .totalWithoutTerm(let total):
      return
        "total value \(total?.formatted ?? "") has no term to spread it over, so the cost is unknown"
    case .noValue(let reason):
      return "no value (\(reason)), so the cost is unknown"
    case .beyondOptions(let extent):
      return
        "beyond its options (maximum extent \(DateStyle.long(extent))): a new award or a modification the procurement rules must permit"
    case .noOptionsRecorded:
      return
        "no extension options recorded: a new award or a modification the procurement rules must permit"
    case .valueChangeOverLimit(let permille, let original):
      return
        "adds \(ContractProposal.percent(permille)) to the original value \(original.formatted): over 10%, so a modification must be permitted (Procurement Act 2023 s.74–75; PCR 2015 reg 72); a flag, not legal advice"
    case .termChangeOverLimit(let term, let permille):
      return
        "lengthens its \(term)-day term by \(ContractProposal.percent(permille)): over 10%, so a modification must be permitted; a flag, not legal advice"
    case .partnerLed(let partner, let extends):
      let name = partner.singleLine
      return "led by \(name)"
        + (extends ? ": \(name) extends or varies its own contract" : "")
        + "; the council takes no decision on it, and its cost is not in the council's total"
    case .councilContribution(let share, let partner):
      return
        "the council pays \(share.formatted) a year toward it; that is settled in \(partner.singleLine)'s decision, not in the council's total"
    case .councilShare(let share, let annual):
      return
        "the council pays \(share.formatted) a year"
        + (annual.map { " of \($0.formatted)" } ?? "") + "; the council's cost is its share"
    }
  }
}
