import Commissioning

/// Every flag `commission` takes and which commands take it: the one list that "did you mean",
/// the shell completions and the help tests read, so none of them can drift from the parser.
///
/// A flag the parser's switch accepts must be here (a test parses each one, and a test checks
/// every flag a command's help shows is listed for that command).
enum Flags {
  /// Flags every command takes.
  static let common = [
    "--as-of", "--format", "--output", "-o", "--width", "--quiet", "-q", "--max-input-size",
    "--help", "-h", "--version",
  ]

  /// The flags a command takes besides ``common``.
  static func own(_ command: CommandName) -> [String] {
    switch command {
    case .summary: return []
    case .expiring: return ["--by", "--group", "--provider", "--department", "--sort"]
    case .check: return ["--strict", "--min-severity"]
    case .align: return ["--group", "--all", "--to", "--start"]
    case .gantt:
      return ["--from", "--until", "--to", "--scale", "--group", "--target", "--start", "--ascii"]
    case .decision:
      return [
        "--group", "--to", "--start", "--spec", "--kind", "--form", "--provider", "--service",
        "--value", "--contract-start", "--contract-end", "--change", "--scope",
        "--decision-number", "--decision-maker", "--decision-maker-name", "--committee",
        "--meeting-date", "--notice-date", "--subject", "--purpose", "--alternatives",
        "--exempt", "--author", "--director", "--contracts",
      ]
    case .whatif: return ["--gantt", "--from", "--until", "--ascii"]
    case .export: return ["--group", "--by", "--to", "--target", "--start", "--alarms"]
    case .import: return ["--from"]
    case .report: return ["--group", "--by", "--to", "--start"]
    case .opportunities: return ["--cpv-digits", "--window", "--postcode-area", "--buyer"]
    }
  }

  /// Flags that take no value: a completion offers no value after them.
  static let switches: Set<String> = [
    "--quiet", "-q", "--help", "-h", "--version", "--strict", "--all", "--ascii", "--gantt",
  ]

  /// Every flag of every command, without repeats, in first-seen order.
  static var all: [String] {
    var seen: Set<String> = []
    return (common + CommandName.allCases.flatMap(own)).filter { seen.insert($0).inserted }
  }

  /// The fixed values a flag takes for a command, for completion; empty when any text goes.
  static func values(_ flag: String, for command: CommandName) -> [String] {
    switch flag {
    case "--format": return command.formats(grouped: true).map(\.rawValue)
    case "--scale": return GanttScale.allCases.map(\.rawValue)
    case "--kind": return DecisionKind.allCases.map(\.rawValue)
    case "--form": return DecisionForm.allCases.map(\.rawValue)
    case "--from" where command == .import: return ["ocds", "csv", "json"]
    case "--sort": return ExpirySort.allCases.map(\.rawValue)
    case "--min-severity": return Severity.allCases.map(\.rawValue)
    default: return []
    }
  }

  /// `unknown option '--grup'; did you mean '--group'?`
  static func unknown(_ flag: String) -> String {
    "unknown option '\(flag)'" + CloseMatch.hint(for: flag, in: all)
  }

  /// A flag the command does not take is refused, not ignored: `summary --provider KCHFT`
  /// would otherwise print the whole council's summary as if it were the provider's.
  ///
  /// - Throws: ``UsageError``: `'--provider' is not an option of 'summary'; see ...`.
  static func refuseForeign(_ flags: [String], of command: CommandName) throws(UsageError) {
    let taken = common + own(command)
    guard let foreign = flags.first(where: { !taken.contains($0) }) else { return }
    throw UsageError(
      "'\(foreign)' is not an option of '\(command.rawValue)'"
        + CloseMatch.hint(for: foreign, in: taken)
        + "; see 'commission \(command.rawValue) --help'")
  }
}
