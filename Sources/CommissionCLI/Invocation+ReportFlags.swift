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

  /// `the value 'x' is invalid for '--sort <key>'; use one of end, value, provider, group`.
  static func invalid<Choice: RawRepresentable<String>>(
    _ text: String, _ usage: String, _ choices: [Choice]
  ) -> String {
    "the value '\(text)' is invalid for '\(usage)'; use one of "
      + choices.map(\.rawValue).joined(separator: ", ")
  }

  /// The example a missing value's message shows.
  static func reportFlagExample(_ flag: String) -> String {
    flag == "--sort" ? "value" : "warning"
  }
}
