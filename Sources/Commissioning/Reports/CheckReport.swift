/// What `check` reports: every diagnostic and a summary.
public struct CheckReport: Sendable {
  public var register: Register
  /// Warnings count as errors.
  public var strict: Bool
  /// The least severity listed (`check --min-severity`); the counts still cover everything.
  public var minimumSeverity: Severity

  public init(register: Register, strict: Bool = false, minimumSeverity: Severity = .note) {
    self.register = register
    self.strict = strict
    self.minimumSeverity = minimumSeverity
  }

  /// The diagnostics listed: those at ``minimumSeverity`` or above, after `--strict` has raised
  /// warnings to errors.
  public var shown: [Diagnostic] { diagnostics.filter { $0.severity >= minimumSeverity } }

  /// How many diagnostics of each severity the listing leaves out, least severe first.
  public var hidden: [(Severity, Int)] {
    Severity.allCases.filter { $0 < minimumSeverity }.map { ($0, diagnostics.count($0)) }
      .filter { $0.1 > 0 }
  }

  /// The diagnostics as reported (warnings raised to errors when strict).
  public var diagnostics: [Diagnostic] {
    guard strict else { return register.diagnostics }
    return register.diagnostics.map { d in
      var d = d
      if d.severity == .warning { d.severity = .error }
      return d
    }
  }

  public var errorCount: Int { diagnostics.count(.error) }
  public var warningCount: Int { diagnostics.count(.warning) }
  public var noteCount: Int { diagnostics.count(.note) }

  /// Whether the register passes: no errors.
  public var passes: Bool { errorCount == 0 }

  /// One line per diagnostic, `FILE:LINE:COLUMN: severity: message`, then a summary line.
  public func writeText<Target: TextOutputStream>(to out: inout Target) {
    let shown = shown
    for diagnostic in shown { out.write(diagnostic.description + "\n") }
    if !shown.isEmpty { out.write("\n") }
    out.write(summary + "\n")
  }

  /// `kent-2016-03: 137 contracts and 56 grid rows in 5 files; 0 errors, 21 warnings, 160 notes`.
  public var summary: String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(register.name): \(plural(register.contracts.count, "contract")) and "
      + "\(plural(register.grid.count, "grid row")) in \(plural(register.files.count, "file")); "
      + "\(plural(errorCount, "error")), \(plural(warningCount, "warning")), "
      + "\(plural(noteCount, "note"))" + (strict ? " (strict: warnings are errors)" : "")
      + hidden.map { "; \(plural($0.1, $0.0.rawValue)) hidden" }.joined()
  }

  public var json: JSON {
    .object([
      ("register", .string(register.name)),
      ("files", .array(register.files.map { .string($0) })),
      ("contracts", .int(register.contracts.count)),
      ("gridRows", .int(register.grid.count)),
      (
        "diagnostics",
        .array(
          shown.map(Register.diagnosticJSON))
      ),
      ("errors", .int(errorCount)),
      ("warnings", .int(warningCount)),
      ("notes", .int(noteCount)),
      ("strict", .bool(strict)),
      ("minSeverity", .string(minimumSeverity.rawValue)),
      ("hidden", .object(hidden.map { ($0.0.rawValue + "s", .int($0.1)) })),
    ])
  }
}

/// How the reading of a register went, in brief: what every command that answers from a register
/// owes its user beside the answer (`check` lists the diagnostics themselves).
public struct ReadingSummary: Hashable, Sendable {
  public var register: String
  public var errors: Int
  public var warnings: Int
  public var notes: Int

  public init(_ register: Register) {
    self.register = register.name
    errors = register.diagnostics.count(.error)
    warnings = register.diagnostics.count(.warning)
    notes = register.diagnostics.count(.note)
  }

  /// `31 warnings while reading kent-2016-03; 'commission check' lists them`, or `nil` when the
  /// reading had neither errors nor warnings (notes are the quiet assumptions `check` shows).
  public var line: String? {
    guard errors + warnings > 0 else { return nil }
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let counts = [
      errors > 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil,
    ].compactMap { $0 }.joined(separator: " and ")
    return "\(counts) while reading \(register); 'commission check' lists them"
  }

  /// `{"errors": 0, "warnings": 31, "notes": 112}`.
  public var json: JSON {
    .object([("errors", .int(errors)), ("warnings", .int(warnings)), ("notes", .int(notes))])
  }
}

extension JSON {
  /// The object with a `reading` key carrying the register's diagnostic counts, so a JSON user
  /// sees the doubts behind an answer as a person does.
  public func withReading(_ register: Register) -> JSON {
    guard case .object(var pairs) = self else { return self }
    pairs.append(("reading", ReadingSummary(register).json))
    return .object(pairs)
  }

  /// Writes an object of streamed members, then the `reading` member ``withReading(_:)`` adds
  /// when a register is given: a report's document written a piece at a time.
  static func write<Target: TextOutputStream>(
    streamed members: [(String, Member)], reading register: Register?, to target: inout Target
  ) {
    var members = members
    if let register { members.append(("reading", .value(ReadingSummary(register).json))) }
    write(streamed: members, to: &target)
  }
}
