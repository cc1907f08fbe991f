/// How to draw a timeline. `.default` fits 100 columns and picks the window and scale.
public struct GanttOptions: Sendable {
  /// Total width in characters, label column included.
  public var width = 100
  /// Month, quarter or year columns; `nil` picks the finest that fits.
  public var scale: GanttScale?
  /// The window; `nil` fits the rows shown, clipped around the as-of date.
  public var from: Day?
  public var to: Day?
  /// Only this group's contracts (and the grid rows linked to them).
  public var group: String?
  /// Plain ASCII marks instead of Unicode blocks.
  public var ascii = false
  /// ANSI colour (the caller decides: a terminal, and no `NO_COLOR`).
  public var color = false
  /// Laid out for a drawing (SVG), whose days map to pixels: a window too long for text
  /// columns falls back to one cell a year rather than being refused.
  public var drawing = false
  /// The chosen window covers every row, the proposal's target and all its key dates, however
  /// far from the as-of date (a programme report's chart), instead of the rolling three years.
  public var coversAll = false

  public init() {}
  public static let `default` = GanttOptions()
}

/// Why a timeline cannot be drawn.
public enum GanttError: Error, Equatable, CustomStringConvertible {
  /// `yearFits`: whether `--scale year` would draw the window at this width, so worth naming.
  case tooNarrow(width: Int, needed: Int, what: String, yearFits: Bool)
  /// Too many columns for even the widest chart (``TextWidth/range``): only a shorter window
  /// (or `--scale year`, when `yearFits` says it would fit the widest chart) helps, so no width
  /// is suggested.
  case tooLong(what: String, yearFits: Bool)
  case emptyWindow(from: Day, to: Day)
  case unknownGroup(String, known: [String])

  public var description: String {
    switch self {
    case .tooNarrow(let width, let needed, let what, let yearFits):
      return
        "a width of \(width) is too small to draw \(what); use --width \(needed) or more"
        + (yearFits ? "," : " or") + " a shorter window (--from, --until)"
        + (yearFits ? " or --scale year" : "")
    case .tooLong(let what, let yearFits):
      return
        "\(what) cannot be drawn even at --width \(TextWidth.range.upperBound); use a shorter "
        + "window (--from, --until)" + (yearFits ? " or --scale year" : "")
    case .emptyWindow(let from, let to):
      return "the window \(from.iso) to \(to.iso) is empty; --from must come before --until"
    case .unknownGroup(let group, let known):
      return CloseMatch.refusal(
        "no contract is in group '\(group)'", for: group, in: known, noun: "groups")
    }
  }
}

/// What a cell of a timeline row shows.
public enum GanttMark: String, Sendable, CaseIterable {
  case term
  /// Extensions already exercised: from the original end to the current end.
  case exercised
  case uncertainEnd = "uncertain-end"
  case options
  case proposed
  case asOf = "as-of"
  case target
}

/// A laid-out timeline: sections of rows, each row's marks placed on a ``TimeAxis``.
///
/// Built once from a register (and optionally an alignment proposal), then drawn as text, SVG or
/// JSON, so every rendering shows the same thing.
public struct GanttChart: Sendable {
  public var title: String
  public var asOf: Day
  public var axis: TimeAxis
  /// The label column's width; under ``minimumLabel`` each label has a line of its own.
  public var labelWidth: Int
  /// The width every line keeps to (`--width`).
  public var width: Int
  public var sections: [Section]
  public var proposal: AlignmentProposal?
  /// Contracts with no usable end date (listed under the chart, never dropped).
  public var undated: ContractRows
  /// Contracts wholly before or after the window.
  public var outsideWindow: ContractRows
  public var mismatches: [PlanMismatch]
  /// The window `--from`/`--until` asked for, when given: the axis widens it to whole units,
  /// and the chart says so rather than draw other dates without a word.
  public var askedFrom: Day?
  public var askedUntil: Day?

  public struct Section: Sendable {
    public var title: String
    public var rows: [Row]
  }

  public struct Row: Sendable {
    public enum Kind: String, Sendable {
      case contract
      case grid
      case keyDates = "key-dates"
    }

    public var kind: Kind
    public var service: String
    public var provider: String
    public var value: String
    public var contractId: String?
    /// Bars: a mark over an inclusive span of days and the columns it covers.
    public var segments: [Segment]
    /// Letters placed at columns: grid stages (`P/K`) or key dates (`D`).
    public var letters: [Letter]
    /// Whether ``value`` is a total over the term rather than a year's: the text chart marks it
    /// (`£829k t`) so it is not read beside the annual figures as one.
    public var valueIsTotal = false
    /// The partner commissioner leading the contract, when not the council: the SVG chart
    /// draws its bar in a pattern of its own and says so in words.
    public var partner: String?
  }

  public struct Segment: Sendable {
    public var mark: GanttMark
    public var from: Day
    public var to: Day
    public var columns: ClosedRange<Int>
  }

  public struct Letter: Sendable {
    public var text: String
    public var column: Int
    public var day: Day
    /// What the letter stands for: `Plan/Key decision`, `decision by`.
    public var meaning: String
  }

  /// Key dates of a proposal, with the letters that mark them.
  public static let keyDateLetters: [(letter: String, meaning: String)] = [
    ("N", "forward-plan notice by"), ("C", "committee meeting"), ("D", "decision by"),
    ("P", "procurement start by"), ("T", "target end"),
  ]
}

extension GanttChart {
  /// Lays out the register's contracts and grid rows.
  ///
  /// - Parameters:
  ///   - register: contracts, grid and rules.
  ///   - asOf: today, marked on every row.
  ///   - proposal: an alignment to overlay: proposed extensions and key dates.
  ///   - extensions: more extensions to overlay (a what-if scenario's moves).
  ///   - options: width, window, scale, group.
  /// - Throws: ``GanttError`` when the group is unknown or the width cannot hold the window.
  public init(
    register: Register, asOf: Day, proposal: AlignmentProposal? = nil,
    extensions: [ContractProposal] = [], options: GanttOptions = .default
  ) throws(GanttError) {
    // Rows of the register, not copies of its contracts: `all[row]` reads one in place.
    let all = register.contracts
    var contracts = Array(all.indices)
    var grid = register.grid
    if let group = options.group {
      guard register.hasGroup(group) else {
        throw .unknownGroup(group, known: register.groups)
      }
      contracts = contracts.filter { all[$0].isIn(group: group) }
      let ids = Set(contracts.map { all[$0].id })
      grid = grid.filter { $0.contracts.contains(where: ids.contains) }
    }
    let proposed = Dictionary(
      ((proposal?.contracts ?? []) + extensions).map { ($0.contract.id, $0) },
      uniquingKeysWith: { a, _ in a })
    let dated = contracts.filter { all[$0].endDay != nil }
    let undated = contracts.filter { all[$0].endDay == nil }

    // The window: the rows' span, clipped to a year before and three after the as-of date (the
    // councils' commissioning grids are rolling three-year plans).
    var from = options.from
    var to = options.to
    if from == nil || to == nil {
      var days: [Day] = [asOf]
      for row in dated {
        if let end = all[row].endDay { days.append(end) }
        if let extent = all[row].maximumExtent { days.append(extent) }
        if !proposed.isEmpty, let p = proposed[all[row].id]?.proposedEnd { days.append(p) }
      }
      for row in grid { days += row.cells.flatMap { [$0.quarter.firstDay, $0.quarter.lastDay] } }
      if let proposal { days += [proposal.target, proposal.procurementStartBy.day] }
      if let proposal, options.coversAll {
        days += [proposal.noticeBy?.day, proposal.committee?.date, proposal.decisionBy?.day]
          .compactMap { $0 }
      }
      let earliest = days.min() ?? asOf
      let latest = days.max() ?? asOf
      let clip = !options.coversAll
      from = from ?? (clip ? max(earliest, asOf.adding(Months(-12))) : earliest)
      to = to ?? (clip ? min(max(latest, asOf), asOf.adding(Months(36))) : max(latest, asOf))
    }
    guard let from, let to, from <= to else {
      throw .emptyWindow(from: options.from ?? asOf, to: options.to ?? asOf)
    }

    // Names come first: the label column asks for two fifths of the width (no more than its
    // longest label needs), then 24 characters, then a line of its own above each bar.
    let width = options.width
    let longest = dated.map {
      2 + all[$0].service.displayWidth + 1 + min(14, all[$0].provider.displayWidth) + 7
    }.max()
    var layout: (scale: GanttScale, perUnit: Int, label: Int)?
    let roomy = max(GanttChart.minimumLabel, min(longest ?? 0, width * 2 / 5))
    for label in [roomy, GanttChart.minimumLabel, 1] {
      layout = GanttChart.scale(options.scale, from: from, to: to, width: width, label: label)
      if layout != nil { break }
    }
    if layout == nil, options.drawing {
      layout = GanttChart.drawingLayout(from: from, to: to, width: width)
    }
    guard let layout else {
      throw GanttChart.tooNarrow(options.scale, from: from, to: to, width: width)
    }
    let scale = layout.scale
    let perUnit = layout.perUnit
    let axis = TimeAxis(scale: scale, from: from, to: to, cellsPerUnit: perUnit)
    // A label column too narrow for names puts each name on a line of its own.
    let labelWidth =
      layout.label < GanttChart.minimumLabel
      ? layout.label : max(GanttChart.minimumLabel, width - axis.width - 1)

    // Rows, grouped by group then department; linked grid rows go with their contracts.
    var sections: [Section] = []
    var outside: [Int] = []
    var placedGrid = Set<Int>()
    func contractRow(_ contract: borrowing Contract) -> Row? {
      guard let end = contract.endDay else { return nil }
      let start = contract.startDay ?? axis.firstDay
      var segments: [Segment] = []
      let proposal = proposed.isEmpty ? nil : proposed[contract.id]
      let last = [end, contract.maximumExtent ?? end, proposal?.proposedEnd ?? end].max() ?? end
      guard axis.columns(from: start, to: last) != nil else { return nil }
      if let columns = axis.columns(from: start, to: end) {
        segments.append(Segment(mark: .term, from: start, to: end, columns: columns))
        if let original = contract.originalEnd, original < end,
          let exercised = axis.columns(from: original.next, to: end)
        {
          segments.append(
            Segment(mark: .exercised, from: original.next, to: end, columns: exercised))
        }
        if contract.end.precision != .day, let column = axis.column(of: end) {
          segments.append(
            Segment(mark: .uncertainEnd, from: end, to: end, columns: column...column))
        }
      }
      if let extent = contract.maximumExtent, extent > end,
        let columns = axis.columns(from: end.next, to: extent)
      {
        segments.append(Segment(mark: .options, from: end.next, to: extent, columns: columns))
      }
      if let p = proposal, p.extends, let newEnd = p.proposedEnd, newEnd > end,
        let columns = axis.columns(from: end.next, to: newEnd)
      {
        segments.append(Segment(mark: .proposed, from: end.next, to: newEnd, columns: columns))
      }
      return Row(
        kind: .contract, service: contract.service.isEmpty ? contract.id : contract.service,
        provider: contract.provider, value: GanttChart.compactValue(contract),
        contractId: contract.id, segments: segments, letters: [],
        valueIsTotal: contract.value.basis == .total && contract.value.amount != nil,
        partner: register.council.leads(contract.commissioner) ? nil : contract.commissioner)
    }
    func gridRow(_ row: GridRow) -> Row? {
      var letters: [Letter] = []
      // At year scale several quarters share a cell: their stages merge.
      var byColumn: [Int: (Day, [Stage], [String])] = [:]
      for cell in row.cells {
        guard let column = axis.column(of: cell.quarter.firstDay) else { continue }
        let start = scale == .month ? column : column - column % perUnit
        var entry = byColumn[start] ?? (cell.quarter.firstDay, [], [])
        for stage in cell.stages where !entry.1.contains(stage) { entry.1.append(stage) }
        entry.2.append(cell.raw)
        byColumn[start] = entry
      }
      for (column, entry) in byColumn.sorted(by: { $0.key < $1.key }) {
        // A quarter spans three month columns at month scale.
        let room = scale == .month ? perUnit * 3 : perUnit
        let slashed = entry.1.map(\.rawValue).joined(separator: "/")
        let text =
          slashed.count <= room ? slashed : String(entry.1.map(\.rawValue).joined().prefix(room))
        letters.append(
          Letter(
            text: text, column: column, day: entry.0,
            meaning: entry.1.map(\.name).joined(separator: ", ")))
      }
      guard !letters.isEmpty else { return nil }
      let title = row.description.isEmpty ? row.category : row.description
      return Row(
        kind: .grid, service: title, provider: row.category, value: "", contractId: nil,
        segments: [], letters: letters)
    }
    var byGroup: [String: [Int]] = [:]
    var byDepartment: [String: [Int]] = [:]
    var groupOrder: [String] = []
    var departmentOrder: [String] = []
    for row in dated {
      let contract = all[row]
      if let group = options.group.map({ g in
        contract.groups.first { $0.caseInsensitiveEquals(g) } ?? g
      })
        ?? contract.groups.first
      {
        if byGroup[group] == nil { groupOrder.append(group) }
        byGroup[group, default: []].append(row)
      } else {
        // A contract in no group is listed as such, by its department when it has one, so a
        // department is never read as a group.
        let department =
          contract.department.isEmpty ? "No group" : "No group: \(contract.department)"
        if byDepartment[department] == nil { departmentOrder.append(department) }
        byDepartment[department, default: []].append(row)
      }
    }
    // Sorting rows, not contracts: each comparison reads the two contracts in place.
    func sortByEnd(_ list: [Int]) -> [Int] {
      list.sorted {
        (all[$0].endDay ?? asOf, all[$0].service) < (all[$1].endDay ?? asOf, all[$1].service)
      }
    }
    func build(_ title: String, _ members: [Int]) {
      var rows: [Row] = []
      for member in sortByEnd(members) {
        if let row = contractRow(all[member]) { rows.append(row) } else { outside.append(member) }
      }
      // The ids are gathered only when some grid row is left to link.
      if placedGrid.count < grid.count {
        let ids = Set(members.map { all[$0].id })
        for (index, row) in grid.enumerated() where !placedGrid.contains(index) {
          guard row.contracts.contains(where: ids.contains) else { continue }
          placedGrid.insert(index)
          if let laid = gridRow(row) { rows.append(laid) }
        }
      }
      if let proposal, members.contains(where: { all[$0].isIn(group: proposal.group) }) {
        rows.append(GanttChart.keyDatesRow(proposal, axis: axis))
      }
      if !rows.isEmpty { sections.append(Section(title: title, rows: rows)) }
    }
    for group in groupOrder.sorted() { build(group, byGroup[group] ?? []) }
    for department in departmentOrder.sorted() { build(department, byDepartment[department] ?? []) }
    // Grid rows not linked to any shown contract: their own sections, by the grid's section.
    var unlinked: [String: [Row]] = [:]
    var unlinkedOrder: [String] = []
    for (index, row) in grid.enumerated() where !placedGrid.contains(index) {
      guard let laid = gridRow(row) else { continue }
      let title = "Commissioning grid" + (row.section.isEmpty ? "" : ": \(row.section)")
      if unlinked[title] == nil { unlinkedOrder.append(title) }
      unlinked[title, default: []].append(laid)
    }
    for title in unlinkedOrder {
      sections.append(Section(title: title, rows: unlinked[title] ?? []))
    }

    self.init(
      title: "\(register.council.name) · \(register.name)"
        + (options.group.map { " · group \($0)" } ?? ""),
      asOf: asOf, axis: axis, labelWidth: labelWidth,
      width: max(width, labelWidth + 1 + axis.width), sections: sections,
      proposal: proposal,
      undated: ContractRows(all, positions: undated),
      outsideWindow: ContractRows(all, positions: outside),
      mismatches: PlanConsistency.mismatches(
        grid: grid, contracts: options.group == nil ? all : contracts.map { all[$0] }))
    askedFrom = options.from
    askedUntil = options.to
  }

  /// The narrowest label column that holds a name beside its bar.
  public static let minimumLabel = 24
  /// The fewest cells a unit may have at each scale (a month one letter wide).
  static let minimumCells: [GanttScale: Int] = [.month: 1, .quarter: 3, .year: 5]

  /// The scale and cells per unit that fit `from`…`to` beside a label column of `label`
  /// characters: the scale asked for, or months when short and roomy, else quarters, else
  /// years; `nil` when none fits.
  static func scale(
    _ chosen: GanttScale?, from: Day, to: Day, width: Int, label: Int
  ) -> (scale: GanttScale, perUnit: Int, label: Int)? {
    let chartRoom = width - label - 1
    func cells(_ scale: GanttScale) -> Int {
      let units = TimeAxis.unitCount(scale: scale, from: from, to: to)
      let fit = chartRoom / max(1, units)
      switch scale {
      case .month: return min(fit, width >= 120 ? 4 : 3)
      case .quarter: return min(fit, width >= 140 ? 6 : 4)
      case .year: return min(fit, 16)
      }
    }
    let scale: GanttScale
    if let chosen {
      scale = chosen
    } else if TimeAxis.unitCount(scale: .month, from: from, to: to) <= 18, cells(.month) >= 3 {
      scale = .month
    } else if cells(.quarter) >= (minimumCells[.quarter] ?? 3) {
      scale = .quarter
    } else {
      scale = .year
    }
    let perUnit = cells(scale)
    guard perUnit >= (minimumCells[scale] ?? 3) else { return nil }
    return (scale, perUnit, label)
  }

  /// A drawing's layout when no text layout fits: a cell a year, as many as the window has,
  /// since the drawing maps days to pixels and never prints the cells.
  static func drawingLayout(
    from: Day, to: Day, width: Int
  ) -> (scale: GanttScale, perUnit: Int, label: Int) {
    let units = TimeAxis.unitCount(scale: .year, from: from, to: to)
    return (.year, max(1, (width - minimumLabel - 1) / max(1, units)), minimumLabel)
  }

  /// Why no layout fits: the width that would (beside wrapped labels), or that none would.
  static func tooNarrow(_ chosen: GanttScale?, from: Day, to: Day, width: Int) -> GanttError {
    let scale = chosen ?? .year
    let units = TimeAxis.unitCount(scale: scale, from: from, to: to)
    let needed = 2 + units * (minimumCells[scale] ?? 3)
    let what = "\(units) \(scale.rawValue)s"
    let years = TimeAxis.unitCount(scale: .year, from: from, to: to)
    let yearNeeded = 2 + years * (minimumCells[.year] ?? 5)
    guard needed <= TextWidth.range.upperBound else {
      return .tooLong(
        what: what, yearFits: scale != .year && yearNeeded <= TextWidth.range.upperBound)
    }
    return .tooNarrow(
      width: width, needed: needed, what: what, yearFits: scale != .year && yearNeeded <= width)
  }

  static func keyDatesRow(_ proposal: AlignmentProposal, axis: TimeAxis) -> Row {
    var letters: [Letter] = []
    var taken = Set<Int>()
    let dates: [(String, String, Day?)] = [
      ("N", "forward-plan notice by", proposal.noticeBy?.day),
      ("C", "committee meeting", proposal.committee?.date),
      ("D", "decision by", proposal.decisionBy?.day),
      ("P", "procurement start by", proposal.procurementStartBy.day),
      ("T", "target end", proposal.target),
    ]
    for (letter, meaning, day) in dates {
      guard let day, var column = axis.column(of: day) else { continue }
      // Two dates in one cell: the later moves right, so both stay readable.
      while taken.contains(column) && column + 1 < axis.width { column += 1 }
      taken.insert(column)
      letters.append(Letter(text: letter, column: column, day: day, meaning: meaning))
    }
    return Row(
      kind: .keyDates, service: "Key dates: \(proposal.group)", provider: "", value: "",
      contractId: nil, segments: [], letters: letters)
  }

  /// `£22.6m`, `£829k`, `£500`, `~£55m`, or empty when there is no value.
  static func compactValue(_ contract: Contract) -> String {
    guard let amount = contract.value.amount else { return "" }
    let pence = amount.minorUnits
    let pounds = pence / 100
    let text: String
    if pounds >= 1_000_000 {
      let tenths = (pounds + 50_000) / 100_000
      text =
        tenths % 10 == 0 || tenths >= 1000 ? "£\(tenths / 10)m" : "£\(tenths / 10).\(tenths % 10)m"
    } else if pounds >= 1000 {
      text = "£\((pounds + 500) / 1000)k"
    } else {
      text = "£\(pounds)"
    }
    return (contract.value.isEstimate ? "~" : "") + text
  }
}
