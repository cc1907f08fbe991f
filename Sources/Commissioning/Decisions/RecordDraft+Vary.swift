/// A modification of one contract's value or scope, measured against the modification limit.
public struct Variation: Sendable {
  public var contract: ContractProposal
  /// The change in value (negative for a reduction), and what it is measured against.
  public var change: Money?
  public var original: Money?
  public var scope: String?

  /// The change as a share of the original value, in tenths of a percent, rounded to nearest.
  public var permille: Int? {
    guard let change, let original, original.minorUnits > 0 else { return nil }
    let magnitude = change.minorUnits.magnitude
    let (high, low) = magnitude.multipliedFullWidth(by: 1000)
    let divisor = UInt64(original.minorUnits)
    guard high < divisor else { return Int.max }
    let (quotient, remainder) = divisor.dividingFullWidth((high, low))
    let rounded = remainder >= divisor - remainder ? quotient + 1 : quotient
    return rounded > UInt64(Int.max) ? Int.max : Int(rounded)
  }

  /// Whether the change is more than `limitPercent` of the original value: exactly on the
  /// limit is within it (Procurement Act 2023 s.74-75: "10% or less").
  public func exceeds(limitPercent: Int) -> Bool {
    guard let change, let original else { return false }
    let (high, low) = change.minorUnits.magnitude.multipliedFullWidth(by: 100)
    let limit = original.minorUnits.magnitude.multipliedFullWidth(by: UInt64(limitPercent))
    return (high, low) > (limit.high, limit.low)
  }

  /// Goods and services may change by 10% without a change notice (15% for works).
  public static let limitPercent = 10
}

/// `vary`: a change to one contract's value or scope. The key-decision test is on the change
/// (the extra spending or the saving the decision makes), not on the whole contract.
extension RecordDraft {
  mutating func draftVariation() throws(DecisionError) {
    guard covered.count == 1, let contract = covered.first else {
      throw .variationNeedsOneContract(count: covered.count)
    }
    let original = spec.originalValue ?? contract.contract.value.amount
    let change = spec.change
    let varied = Variation(
      contract: contract, change: change, original: original, scope: spec.scope)
    variation = varied
    if change == nil || original == nil { checks.append(.variationNoValue) }
    let limit = Variation.limitPercent
    if let change, let original, varied.exceeds(limitPercent: limit) {
      checks.append(
        .modificationOverLimit(
          change: change, original: original, permille: varied.permille ?? 0, limitPercent: limit))
    }
    let size = change.map {
      Money(minorUnits: Int64($0.minorUnits.magnitude), currency: $0.currency)
    }
    key = KeyDecisionTest(
      required: size.map { $0 >= council.keyDecisionThreshold } ?? false,
      basis: "change in value", amount: size ?? .zero, threshold: council.keyDecisionThreshold)
    subject = "Variation of the contract for \(ContractProposal.name(contract.contract))"
    decision = decisionParagraphs(action: variationAction(varied))
    setSingleFigureReasons(known: change != nil)
    variationDates(contract)
    checkRegisterGaps()
    finance = [variationFinance(varied), keySentence]
  }

  /// The variation's dates from the one timetable engine: a contract is varied while it runs,
  /// so the decision falls by its current end as an extension's would, with the same notice and
  /// committee rules.
  mutating func variationDates(_ contract: ContractProposal) {
    var running = contract
    running.action = .extend
    let cycle = Timetable(
      newServiceStart: proposal.newServiceStart, extensions: [running], rules: council,
      asOf: asOf)
    takeDates(
      from: cycle, decision: .extensionDecision, notice: .extensionNotice,
      committee: .extensionCommittee)
  }

  /// "vary the contract for A (P) to add ..., increasing its value by £X (4.2% of £Y), ...".
  func variationAction(_ v: Variation) -> String {
    var action = "vary the contract for \(ContractProposal.name(v.contract.contract))"
    if let scope = v.scope, !scope.isEmpty { action += " " + scope }
    if let change = v.change {
      let verb = change.minorUnits < 0 ? "reducing" : "increasing"
      let size = Money(minorUnits: Int64(change.minorUnits.magnitude), currency: change.currency)
      action += ", \(verb) its value by \(size.formatted)"
      if let permille = v.permille, let original = v.original {
        action += " (\(RecordCheck.percent(permille))% of \(original.formatted))"
      }
    }
    return action + purposeClause() + "."
  }

  /// The appendix's paragraph: the change, its share, and the limit it is measured against.
  func variationFinance(_ v: Variation) -> String {
    guard let change = v.change, let original = v.original, let permille = v.permille else {
      return "The change in value cannot be measured: the spec or the register does not give it."
    }
    let limit = Variation.limitPercent
    let after = original.adding(change).map { " to \($0.formatted(alwaysShowPence: true))" } ?? ""
    let measured =
      "The variation changes the value from \(original.formatted(alwaysShowPence: true))\(after), "
      + "a change of \(RecordCheck.percent(permille))%. "
    return measured
      + (v.exceeds(limitPercent: limit)
        ? "That is more than the \(limit)% a contract may be modified by without a change notice "
        : "That is within the \(limit)% a contract may be modified by without a change notice ")
      + "(Procurement Act 2023 s.74-75; PCR 2015 reg 72); this is a flag, not legal advice."
  }
}
