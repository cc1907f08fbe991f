/// A stage of the commissioning cycle, as business plans code it.
public enum Stage: String, CaseIterable, Sendable, Hashable {
  case analyse = "A"
  case plan = "P"
  case `do` = "D"
  case review = "R"
  case keyDecision = "K"

  public var name: String {
    switch self {
    case .analyse: return "Analyse"
    case .plan: return "Plan"
    case .do: return "Do"
    case .review: return "Review"
    case .keyDecision: return "Key decision"
    }
  }
}

/// One row of a directorate's commissioning grid: an activity and its stages per quarter.
public struct GridRow: Hashable, Sendable {
  /// `C` (commissioning), `SR` (service redesign), compound `SR/C`, or empty.
  public var category: String
  public var description: String
  /// Register ids the row concerns.
  public var contracts: [String]
  /// The quarters with stages, in order.
  public var cells: [Cell]
  public var location: SourceLocation
  /// The table or directorate the row sits under, when the grid says.
  public var section: String = ""

  public struct Cell: Hashable, Sendable {
    public var quarter: FinancialQuarter
    public var raw: String
    public var stages: [Stage]
  }
}

/// Reads a grid cell: `A`, `P/K`, `R/A`, `P/D/R`, `DK` (no slash), `D K`.
public enum StageParser {
  public static func parse(_ text: String) -> (stages: [Stage], findings: [Finding]) {
    var stages: [Stage] = []
    var findings: [Finding] = []
    var previousWasLetter = false
    var joined = false
    for ch in text {
      if let stage = Stage(rawValue: String(ch).uppercased()) {
        if previousWasLetter { joined = true }
        if !stages.contains(stage) { stages.append(stage) }
        previousWasLetter = true
      } else if ch == "/" || ch == " " || ch == "," || ch == "+" || ch == "-" || ch == "&" {
        previousWasLetter = false
      } else {
        findings.append(
          Finding(.warning, "'\(text)' has '\(ch)', which is not a stage (A, P, D, R, K)"))
        previousWasLetter = false
      }
    }
    if joined {
      findings.append(
        Finding(
          .note,
          "'\(text)' has no separator; read as \(stages.map(\.rawValue).joined(separator: "/"))"))
    }
    return (stages, findings)
  }
}
