/// How much a diagnostic matters.
public enum Severity: String, Sendable, Comparable, CaseIterable {
  /// An assumption made while reading a value, stated so a reader can check it.
  case note
  /// A value that was read, but probably not as its author meant; the reading is stated.
  case warning
  /// A value that could not be read at all; the row is kept, the value is not used.
  case error

  private var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Where in an input a diagnostic points: a file, a 1-based line and a 1-based column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}

/// A problem or an assumption found while reading or planning, located and quoted.
///
/// Recoverable data problems are diagnostics, collected and reported, never thrown. Messages are
/// short, lowercase and quote the raw text: `'31/09/2016' is not a date (September has 30 days);
/// read as 2016-09-30`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public var severity: Severity
  public var location: SourceLocation?
  public var message: String

  public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// `FILE:LINE:COLUMN: severity: message`, the form compilers use and editors understand.
  /// `FILE:LINE:COLUMN: severity: message`, always one line: raw text quoted in the message
  /// is shown with ``Swift/String/singleLine``.
  public var description: String {
    let prefix = location.map { "\($0): " } ?? ""
    return prefix + severity.rawValue + ": " + message.singleLine
  }
}

/// A value-level finding from a parser, before the parser's caller knows the file and line.
///
/// Parsers work on one cell's text; the register loader turns each finding into a
/// ``Diagnostic`` at the cell's location.
public struct Finding: Hashable, Sendable {
  public var severity: Severity
  public var message: String

  public init(_ severity: Severity, _ message: String) {
    self.severity = severity
    self.message = message
  }
}

extension Array where Element == Diagnostic {
  /// How many diagnostics have this severity.
  public func count(_ severity: Severity) -> Int {
    reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
  }
}

/// A raw value quoted for a message: `'TBC'`, or its first 60 characters and `…` when longer.
public func quoted(_ raw: String) -> String {
  raw.count <= 60 ? "'\(raw)'" : "'\(raw.prefix(59))…'"
}
