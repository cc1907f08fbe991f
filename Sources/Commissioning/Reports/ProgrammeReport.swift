/// A programme's plan for a board, or the whole register's: the summary, the contracts ending
/// by a date, each group's proposed alignment with its chart, and the assumptions made reading
/// the register. Built from the same reports the other commands print, so the page and the
/// terminal never disagree.
public struct ProgrammeReport: Sendable {
  public var registerName: String
  public var councilName: String
  public var asOf: Day
  public var by: Day
  /// The one programme reported on, or `nil` for the whole register.
  public var group: String?
  public var summary: SummaryReport
  public var expiry: ExpiryReport
  public var groups: [GroupPlan]
  /// The diagnostics about the rows reported on (all of them for the whole register).
  public var diagnostics: [Diagnostic]
  /// Diagnostics about other rows, left out of a programme's page but counted.
  public var otherDiagnostics: Int
  /// Whether the summary's next deadlines are those of the proposals shown: only for the
  /// whole register with each group to its latest end, the summary's own assumption.
  public var showsDeadlines: Bool
  /// The charts' drawing width in pixels (the page scales them to its own width).
  public var chartWidth = GanttSVGOptions.default.width

  /// One group's proposal (or why there is none) and its chart.
  public struct GroupPlan: Sendable {
    public var group: String
    public var proposal: AlignmentProposal?
    public var refusal: String?
    public var chart: GanttChart?
  }

  /// The text width a drawn chart's window and scale are chosen for: a wide chart's, so the
  /// drawing never depends on the terminal that asked for it.
  public static let chartColumns = 160

  /// The default reach of the contracts-ending table: a year from the as-of date, the span a
  /// commissioning plan is reviewed over.
  public static func defaultBy(asOf: Day) -> Day { asOf.adding(Months(12)) }

  /// Builds the report.
  ///
  /// - Parameters:
  ///   - register: the register read.
  ///   - asOf: today.
  ///   - by: the last end day the contracts-ending table lists; `nil` for the programme's
  ///     target end when `group` has a proposal, else ``defaultBy(asOf:)``.
  ///   - group: one programme, or `nil` for every group in the register.
  ///   - target: how each group's common end is chosen (`--to`, `--start`, or the latest end).
  /// - Throws: ``GanttError/unknownGroup(_:known:)`` when no contract is in `group`.
  public init(
    register: Register, asOf: Day, by: Day?, group: String?, target: AlignmentTarget
  ) throws(GanttError) {
    if let group, !register.hasGroup(group) {
      throw .unknownGroup(group, known: register.groups)
    }
    registerName = register.name
    councilName = register.council.name
    self.asOf = asOf
    self.group = group
    var scoped = register
    if let group { scoped.contracts = register.contracts.filter { $0.isIn(group: group) } }
    summary = SummaryReport(register: scoped, asOf: asOf)
    let names = group.map { [$0] } ?? register.groups
    groups = names.map { ProgrammeReport.plan($0, register: register, target: target, asOf: asOf) }
    // A programme's page lists the contracts its proposal brings to one end: to the target.
    let proposed = group == nil ? nil : groups.first?.proposal?.target
    let by = by ?? proposed ?? ProgrammeReport.defaultBy(asOf: asOf)
    self.by = by
    expiry = ExpiryReport(
      register: register, by: by, asOf: asOf, group: group, provider: nil, department: nil,
      sort: .end)
    (diagnostics, otherDiagnostics) = ProgrammeReport.diagnostics(register, scoped, group: group)
    if case .latestEnd = target { showsDeadlines = group == nil } else { showsDeadlines = false }
  }

  /// A group's proposal and chart; a proposal that cannot be made is told, not hidden.
  static func plan(
    _ group: String, register: Register, target: AlignmentTarget, asOf: Day
  ) -> GroupPlan {
    var plan = GroupPlan(group: group)
    do {
      plan.proposal = try AlignmentProposal(
        register: register, group: group, target: target, asOf: asOf)
    } catch {
      plan.refusal = error.description
    }
    var options = GanttOptions()
    options.group = group
    options.width = ProgrammeReport.chartColumns
    // The page's chart shows the whole programme: every contract, the target, each key date.
    options.coversAll = true
    options.drawing = true
    plan.chart = try? GanttChart(
      register: register, asOf: asOf, proposal: plan.proposal, options: options)
    return plan
  }

  /// For one programme, the diagnostics on its rows and the count of the rest; for the
  /// register, all of them.
  static func diagnostics(
    _ register: Register, _ scoped: Register, group: String?
  ) -> ([Diagnostic], Int) {
    guard group != nil else { return (register.diagnostics, 0) }
    let rows = Set(scoped.contracts.map { "\($0.location.file):\($0.location.line)" })
    let mine = register.diagnostics.filter { diagnostic in
      guard let location = diagnostic.location else { return false }
      return rows.contains("\(location.file):\(location.line)")
    }
    return (mine, register.diagnostics.count - mine.count)
  }
}

extension ProgrammeReport.GroupPlan {
  init(group: String) {
    self.init(group: group, proposal: nil, refusal: nil, chart: nil)
  }
}
