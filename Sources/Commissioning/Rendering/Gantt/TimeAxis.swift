/// The unit a timeline's columns are drawn in.
public enum GanttScale: String, CaseIterable, Sendable {
  case month
  case quarter
  case year
}

/// A timeline's horizontal axis: whole units (months, UK financial quarters or financial years),
/// each a fixed number of character cells wide, so boundaries stay crisp and a day maps to a
/// column by integer arithmetic.
public struct TimeAxis: Sendable, Equatable {
  public var scale: GanttScale
  /// Each unit's first and last day, in order.
  public var units: [(first: Day, last: Day)]
  public var cellsPerUnit: Int

  public static func == (lhs: TimeAxis, rhs: TimeAxis) -> Bool {
    lhs.scale == rhs.scale && lhs.cellsPerUnit == rhs.cellsPerUnit
      && lhs.units.map(\.first) == rhs.units.map(\.first)
  }

  /// The axis covering `from`…`to`, widened to whole units.
  public init(scale: GanttScale, from: Day, to: Day, cellsPerUnit: Int) {
    self.scale = scale
    self.cellsPerUnit = cellsPerUnit
    var units: [(Day, Day)] = []
    var first = TimeAxis.unitStart(containing: from, scale)
    while first <= to {
      let next = TimeAxis.nextUnit(after: first, scale)
      // At the calendar's saturated end the next unit does not move: the axis stops there.
      guard next > first else { break }
      units.append((first, next.previous))
      first = next
    }
    self.units = units
  }

  /// How many units `from`…`to` spans at this scale.
  public static func unitCount(scale: GanttScale, from: Day, to: Day) -> Int {
    var count = 0
    var first = unitStart(containing: from, scale)
    while first <= to {
      count += 1
      let next = nextUnit(after: first, scale)
      guard next > first else { break }
      first = next
    }
    return count
  }

  static func unitStart(containing day: Day, _ scale: GanttScale) -> Day {
    switch scale {
    case .month: return day.firstOfMonth
    case .quarter: return FinancialQuarter(containing: day).firstDay
    case .year:
      let q = FinancialQuarter(containing: day)
      return FinancialQuarter(startYear: q.startYear, quarter: 1).firstDay
    }
  }

  static func nextUnit(after first: Day, _ scale: GanttScale) -> Day {
    switch scale {
    case .month: return first.adding(Months(1))
    case .quarter: return first.adding(Months(3))
    case .year: return first.adding(Months(12))
    }
  }

  /// The axis's width in cells.
  public var width: Int { units.count * cellsPerUnit }
  public var firstDay: Day { units.first?.first ?? Day(ordinal: 0) }
  public var lastDay: Day { units.last?.last ?? Day(ordinal: 0) }

  /// The column of `day`, or `nil` outside the axis.
  public func column(of day: Day) -> Int? {
    guard day >= firstDay, day <= lastDay else { return nil }
    // Units are in order: find the unit by bisection.
    var low = 0
    var high = units.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if units[mid].first <= day { low = mid } else { high = mid - 1 }
    }
    let unit = units[low]
    let length = (unit.last - unit.first).days + 1
    let offset = (day - unit.first).days
    return low * cellsPerUnit + offset * cellsPerUnit / length
  }

  /// The columns an inclusive span of days covers, clipped to the axis; `nil` when it is outside.
  /// A one-day span covers one column.
  public func columns(from start: Day, to end: Day) -> ClosedRange<Int>? {
    guard end >= start, end >= firstDay, start <= lastDay else { return nil }
    let a = column(of: max(start, firstDay)) ?? 0
    let b = column(of: min(end, lastDay)) ?? width - 1
    return a...max(a, b)
  }

  /// The header labels: the financial years (or calendar years for months) on the first line,
  /// the units on the second, each placed at its first column.
  public func headerLines() -> (years: String, units: String) {
    var years = [Character](repeating: " ", count: width)
    var labels = [Character](repeating: " ", count: width)
    func place(_ text: String, at column: Int, in line: inout [Character], limit: Int) {
      for (k, ch) in text.prefix(limit).enumerated() where column + k < line.count {
        line[column + k] = ch
      }
    }
    // The first column a year label may start at without touching the one before.
    var free = 0
    for (index, unit) in units.enumerated() {
      let column = index * cellsPerUnit
      let q = FinancialQuarter(containing: unit.first)
      switch scale {
      case .year:
        // A label is whole (`2016/17`, `16/17`) or absent: a year too narrow for one shares
        // its neighbour's room, so every other year (or fewer) is labelled at its start.
        let label = cellsPerUnit >= 8 ? q.yearLabel : String(q.yearLabel.suffix(5))
        guard column >= free, column + label.count <= width else { break }
        place(label, at: column, in: &years, limit: label.count)
        free = column + label.count + 1
      case .quarter:
        if q.quarter == 1 || index == 0 {
          let room = (4 - q.quarter + 1) * cellsPerUnit - 1
          if room >= 5 {
            place(
              room >= 7 ? q.yearLabel : String(q.yearLabel.suffix(5)), at: column, in: &years,
              limit: room)
          }
        }
        // `Q1` needs a space after it; in narrower cells the digit alone reads as the quarter.
        place(
          cellsPerUnit >= 3 ? "Q\(q.quarter)" : "\(q.quarter)", at: column, in: &labels,
          limit: cellsPerUnit)
      case .month:
        let month = unit.first.month
        if month == 4 || index == 0 {
          // Months left in the financial year, this one included (April: 12, March: 1).
          let left = month >= 4 ? 16 - month : 4 - month
          let room = left * cellsPerUnit - 1
          if room >= 5 {
            place(
              room >= 7 ? q.yearLabel : String(q.yearLabel.suffix(5)), at: column, in: &years,
              limit: room)
          }
        }
        let name = DateStyle.shortMonths[month - 1]
        place(
          cellsPerUnit >= 4 ? name : String(name.prefix(1)), at: column, in: &labels,
          limit: cellsPerUnit)
      }
    }
    return (String(years), String(labels))
  }
}
