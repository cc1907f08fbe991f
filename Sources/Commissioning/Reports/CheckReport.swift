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
  public var shown: [Diagnostic] {
    Array(register.diagnostics.lazy.map(reported).filter { $0.severity >= minimumSeverity })
  }

  /// How many diagnostics of each severity the listing leaves out, least severe first.
  public var hidden: [(Severity, Int)] { hidden(tally) }

  /// The diagnostics as reported (warnings raised to errors when strict).
  public var diagnostics: [Diagnostic] { register.diagnostics.map(reported) }

  /// The diagnostic as reported: a warning is an error when strict.
  func reported(_ diagnostic: Diagnostic) -> Diagnostic {
    guard strict, diagnostic.severity == .warning else { return diagnostic }
    var raised = diagnostic
    raised.severity = .error
    return raised
  }

  /// How many diagnostics there are of each severity as reported, counted in one pass without
  /// copying them (a messy register of a million rows has about a million).
  struct Tally {
    var notes = 0
    var warnings = 0
    var errors = 0

    subscript(severity: Severity) -> Int {
      switch severity {
      case .note: return notes
      case .warning: return warnings
      case .error: return errors
      }
    }
  }

  var tally: Tally {
    var tally = Tally()
    for diagnostic in register.diagnostics {
      switch diagnostic.severity {
      case .note: tally.notes += 1
      case .warning where strict: tally.errors += 1
      case .warning: tally.warnings += 1
      case .error: tally.errors += 1
      }
    }
    return tally
  }

  func hidden(_ tally: Tally) -> [(Severity, Int)] {
    Severity.allCases.filter { $0 < minimumSeverity }.map { ($0, tally[$0]) }.filter { $0.1 > 0 }
  }

  public var errorCount: Int { tally.errors }
  public var warningCount: Int { tally.warnings }
  public var noteCount: Int { tally.notes }

  /// Whether the register passes: no errors.
  public var passes: Bool { errorCount == 0 }

  /// One line per diagnostic, `FILE:LINE:COLUMN: severity: message`, then a summary line:
  /// written a line at a time, so a million diagnostics are never one string.
  public func writeText<Target: TextOutputStream>(to out: inout Target) {
    var line = ""
    var listed = false
    for diagnostic in register.diagnostics {
      let diagnostic = reported(diagnostic)
      guard diagnostic.severity >= minimumSeverity else { continue }
      listed = true
      line.removeAll(keepingCapacity: true)
      line.append(diagnostic.description)
      line.append("\n")
      out.write(line)
    }
    if listed { out.write("\n") }
    out.write(summary(tally) + "\n")
  }

  /// `kent-2016-03: 137 contracts and 56 grid rows in 5 files; 0 errors, 21 warnings, 160 notes`.
  public var summary: String { summary(tally) }

  func summary(_ tally: Tally) -> String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(register.name): \(plural(register.contracts.count, "contract")) and "
      + "\(plural(register.grid.count, "grid row")) in \(plural(register.files.count, "file")); "
      + "\(plural(tally.errors, "error")), \(plural(tally.warnings, "warning")), "
      + "\(plural(tally.notes, "note"))" + (strict ? " (strict: warnings are errors)" : "")
      + hidden(tally).map { "; \(plural($0.1, $0.0.rawValue)) hidden" }.joined()
  }

  /// The report as one JSON tree (``writeJSON(to:)`` writes the same bytes a diagnostic at a
  /// time).
  public var json: JSON { .object(streamed: jsonMembers()) }

  /// Writes ``json`` a diagnostic at a time, byte for byte as the tree would be written.
  public func writeJSON<Target: TextOutputStream>(to target: inout Target) {
    JSON.write(streamed: jsonMembers(), to: &target)
  }

  /// The JSON's members, the listed diagnostics made one at a time from the register's own.
  func jsonMembers() -> [(String, JSON.Member)] {
    let all = register.diagnostics
    // Where each listed diagnostic is among all of them; none needed when every one is listed.
    let positions: [Int]? =
      minimumSeverity == .note
      ? nil : all.indices.filter { reported(all[$0]).severity >= minimumSeverity }
    let tally = self.tally
    return [
      ("register", .value(.string(register.name))),
      ("files", .value(.array(register.files.map { .string($0) }))),
      ("contracts", .value(.int(register.contracts.count))),
      ("gridRows", .value(.int(register.grid.count))),
      (
        "diagnostics",
        .elements(count: positions?.count ?? all.count) { at in
          Register.diagnosticJSON(reported(all[positions?[at] ?? at]))
        }
      ),
      ("errors", .value(.int(tally.errors))),
      ("warnings", .value(.int(tally.warnings))),
      ("notes", .value(.int(tally.notes))),
      ("strict", .value(.bool(strict))),
      ("minSeverity", .value(.string(minimumSeverity.rawValue))),
      ("hidden", .value(.object(hidden(tally).map { ($0.0.rawValue + "s", .int($0.1)) }))),
    ]
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
