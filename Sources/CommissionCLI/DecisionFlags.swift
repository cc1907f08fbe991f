import Commissioning

extension DecisionSpec {
  /// The flags for a decision's kind and its terms: `--kind`, `--form`, `--service`, `--value`,
  /// `--change`, `--scope`, `--contract-start`, `--contract-end` (`--provider` is the common flag).
  ///
  /// - Throws: ``UsageError`` naming the flag and showing an example.
  mutating func setKindField(_ flag: String, _ text: String) throws(UsageError) {
    func invalid(_ use: String) -> UsageError {
      UsageError("the value '\(text)' is invalid for '\(flag)'; \(use)")
    }
    switch flag {
    case "--kind":
      guard let parsed = DecisionKind(rawValue: text) else {
        throw UsageError(Invocation.invalid(text, flag, DecisionKind.allCases))
      }
      kind = parsed
    case "--form":
      guard let parsed = DecisionForm(rawValue: text) else {
        throw UsageError(Invocation.invalid(text, flag, DecisionForm.allCases))
      }
      form = parsed
    case "--service": service = text
    case "--scope": scope = text
    case "--value":
      let reading = MoneyParser.parse(text)
      guard reading.amount != nil else { throw invalid("use money like £23,184,000") }
      value = reading
    case "--change":
      guard let money = DecisionSpec.signedMoney(text) else {
        throw invalid("use money like £250,000 or -£250,000")
      }
      change = money
    case "--contract-start": contractStart = try Invocation.day(flag, text, example: "2015-10-01")
    default: contractEnd = try Invocation.day(flag, text, example: "2016-09-30")
    }
  }
}
