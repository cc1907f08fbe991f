import Commissioning

extension Invocation {
  /// `--sort end|value|provider|group` (expiring) and `--min-severity note|warning|error`
  /// (check): a value outside the choices is a usage error that lists them.
  ///
  /// - Throws: ``UsageError`` naming the flag and its choices.
  mutating func setReportFlag(_ flag: String, _ text: String) throws(UsageError) {
    switch flag {
    case "--sort":
      guard let sort = ExpirySort(rawValue: text) else {
        throw UsageError(Invocation.invalid(text, "--sort <key>", ExpirySort.allCases))
      }
      self.sort = sort
    default:
      guard let severity = Severity(rawValue: text) else {
        throw UsageError(Invocation.invalid(text, "--min-severity <level>", Severity.allCases))
      }
      minSeverity = severity
    }
  }

  /// `the value 'vale' is invalid for '--sort <key>'; did you mean 'value'?; use one of end,
  /// value, provider, group`: the close choice first, as `completion bsh` suggests `bash`.
  static func invalid<Choice: RawRepresentable<String>>(
    _ text: String, _ usage: String, _ choices: [Choice]
  ) -> String {
    let names = choices.map(\.rawValue)
    return "the value '\(text)' is invalid for '\(usage)'" + CloseMatch.hint(for: text, in: names)
      + "; use one of " + names.joined(separator: ", ")
  }

  /// The example a missing value's message shows.
  static func reportFlagExample(_ flag: String) -> String {
    flag == "--sort" ? "value" : "warning"
  }
}
