/// The widths text reports are laid out for: `--width` and `COLUMNS` keep to this range.
public enum TextWidth {
  public static let range = 40...1000
}

/// A plain-text table that fits a width: flexible columns shrink (truncated with `…`) and
/// optional columns are dropped before anything becomes unreadable.
public struct TextTable {
  public struct Column {
    public var header: String
    public var alignment: Alignment = .left
    /// Whether the column may shrink below its content, down to `minimum`.
    public var flexible = false
    public var minimum = 4
    /// Dropped, lowest first, when the table cannot fit otherwise (0 never drops).
    public var dropPriority = 0
    /// How strongly a flexible column keeps its width when space is short.
    public var weight = 1

    public init(
      _ header: String, alignment: Alignment = .left, flexible: Bool = false, minimum: Int = 4,
      dropPriority: Int = 0, weight: Int = 1
    ) {
      self.weight = weight
      self.header = header
      self.alignment = alignment
      self.flexible = flexible
      self.minimum = minimum
      self.dropPriority = dropPriority
    }
  }

  public enum Alignment {
    case left
    case right
  }

  public var columns: [Column]
  public var rows: [[String]] = []
  public var gap = 2

  public init(columns: [Column]) { self.columns = columns }

  /// Adds a row; each cell is put on one line (``Swift/String/singleLine``).
  public mutating func add(_ row: [String]) { rows.append(row.map(\.singleLine)) }

  /// The table's lines, each at most `width` columns wide on screen (``DisplayWidth``); which
  /// columns were dropped.
  ///
  /// When even the flexible columns at their minimums and the droppable columns gone leave it
  /// too wide, each row is written as a record instead (``stacked(width:)``): every line still
  /// fits and no column is lost.
  public func render(width: Int) -> (lines: [String], dropped: [String]) {
    let table = columnar(width: width)
    guard table.lines.contains(where: { $0.displayWidth > width }) else { return table }
    return (stacked(width: width), [])
  }

  /// The rows without the header line: in columns when they fit, else stacked.
  public func bodyLines(width: Int) -> [String] {
    let table = columnar(width: width)
    guard table.lines.contains(where: { $0.displayWidth > width }) else {
      return Array(table.lines.dropFirst())
    }
    return stacked(width: width)
  }

  /// One `Header: value` entry per non-empty cell, a blank line between rows (the narrow
  /// terminal's layout, as `mysql`'s `\G`). A value too long for its line wraps onto up to two
  /// more, indented under it, so a name (a group's above all) is read whole; only a value longer
  /// still is cut, and then so that it stays distinct from the column's others
  /// (``Abbreviation``).
  func stacked(width: Int) -> [String] {
    let shown = columns.indices.filter { index in rows.contains { !$0[index].isEmpty } }
    let labelWidth = shown.map { columns[$0].header.displayWidth + 2 }.max() ?? 0
    let room = max(1, width - labelWidth)
    var cells = rows.map { $0.map { [$0.trimmingASCIISpaces] } }
    for index in shown {
      let wrapped = rows.map { Prose.wrap($0[index].trimmingASCIISpaces, width: room) }
      // The third line of a longer value holds the rest, cut distinctly.
      let rests = wrapped.map { $0.dropFirst(2).joined(separator: " ") }
      let cut = Abbreviation.distinct(rests, width: room)
      for number in rows.indices {
        cells[number][index] =
          Array(wrapped[number].prefix(2)) + (cut[number].isEmpty ? [] : [cut[number]])
      }
    }
    var lines: [String] = []
    for (number, row) in cells.enumerated() {
      if number > 0 { lines.append("") }
      for index in shown where !row[index].isEmpty {
        let header = columns[index].header
        let label = (header.isEmpty ? "" : header + ":").padded(labelWidth)
        for (n, part) in row[index].enumerated() {
          let lead = n == 0 ? label : String(repeating: " ", count: label.displayWidth)
          lines.append(TextTable.trailingSpacesRemoved(lead + part))
        }
      }
    }
    return lines
  }

  /// The table in columns, shrunk and thinned to fit `width` as far as its columns allow.
  ///
  /// In order: flexible columns shrink to their minimums (a column whose rows all hold the same
  /// value gives up room first: it tells no row from another); droppable columns go, lowest
  /// priority first, while the rows stay told apart without them; flexible columns squeeze
  /// below their minimums to their headers' width; only then do the remaining droppable
  /// columns go. Cut cells are abbreviated column by column (``Abbreviation``), so values that
  /// differ stay different.
  func columnar(width: Int) -> (lines: [String], dropped: [String]) {
    // Columns with nothing in them take no room.
    var visible = columns.indices.filter { index in
      rows.contains { !$0[index].isEmpty } || rows.isEmpty
    }
    let natural = columns.indices.map { index in
      rows.reduce(columns[index].header.displayWidth) { max($0, $1[index].displayWidth) }
    }
    let uniform = columns.indices.map { index in
      Set(rows.map { $0[index] }.filter { !$0.isEmpty }).count <= 1
    }
    var widths = natural
    func total() -> Int {
      visible.reduce(0) { $0 + widths[$1] } + gap * max(0, visible.count - 1)
    }
    func minimum(_ index: Int) -> Int {
      let column = columns[index]
      return uniform[index]
        ? max(column.header.displayWidth, min(column.minimum, 12)) : column.minimum
    }
    func squeezed(_ index: Int) -> Int { max(columns[index].header.displayWidth, 6) }
    func shrink(to floor: (Int) -> Int) {
      var excess = total() - width
      // Take from the flexible column widest for its weight, one character at a time.
      while excess > 0 {
        guard
          let widest = visible.filter({
            columns[$0].flexible && widths[$0] > floor($0)
          }).max(by: { widths[$0] * weight($1) < widths[$1] * weight($0) })
        else { return }
        widths[widest] -= 1
        excess -= 1
      }
    }
    func weight(_ index: Int) -> Int { uniform[index] ? 1 : columns[index].weight }
    func fitted() {
      widths = natural
      shrink(to: minimum)
      if total() > width { shrink(to: squeezed) }
    }
    func dropCandidate(keepingRowsApart: Bool) -> Int? {
      visible.filter { columns[$0].dropPriority > 0 }
        .sorted { columns[$0].dropPriority < columns[$1].dropPriority }
        .first { index in
          !keepingRowsApart || rowsApart(visible.filter { $0 != index }) == rowsApart(visible)
        }
    }
    widths = natural
    shrink(to: minimum)
    var dropped: [String] = []
    while total() > width, let drop = dropCandidate(keepingRowsApart: true) {
      visible.removeAll { $0 == drop }
      dropped.append(columns[drop].header)
      widths = natural
      shrink(to: minimum)
    }
    if total() > width { shrink(to: squeezed) }
    while total() > width, let drop = dropCandidate(keepingRowsApart: false) {
      visible.removeAll { $0 == drop }
      dropped.append(columns[drop].header)
      fitted()
    }
    return (lines(visible: visible, widths: widths), dropped)
  }

  /// How many different rows the table shows in these columns.
  func rowsApart(_ shown: [Int]) -> Int {
    Set(rows.map { row in shown.map { row[$0] }.joined(separator: "\u{1F}") }).count
  }

  /// The header and rows laid out in the visible columns at their widths, each column's cut
  /// cells abbreviated so that they stay distinct.
  func lines(visible: [Int], widths: [Int]) -> [String] {
    var shown = rows
    for index in visible {
      let cells = Abbreviation.distinct(rows.map { $0[index] }, width: widths[index])
      for (number, cell) in cells.enumerated() { shown[number][index] = cell }
    }
    func line(_ cells: [String]) -> String {
      var out = ""
      for (position, index) in visible.enumerated() {
        let cell = TextTable.fit(cells[index], widths[index])
        let pad = String(repeating: " ", count: max(0, widths[index] - cell.displayWidth))
        let isLast = position == visible.count - 1
        if columns[index].alignment == .right {
          out += pad + cell
        } else {
          out += cell + (isLast ? "" : pad)
        }
        if !isLast { out += String(repeating: " ", count: gap) }
      }
      return TextTable.trailingSpacesRemoved(out)
    }
    return [line(columns.map(\.header))] + shown.map(line)
  }

  /// The text cut to `width` screen columns, ending in `…` when cut; never inside a grapheme,
  /// so a wide character that would straddle the edge goes whole (the line may end one short).
  public static func fit(_ text: String, _ width: Int) -> String {
    let text = text.singleLine
    guard text.displayWidth > width else { return text }
    guard width > 1 else { return text.prefix(displayWidth: width) }
    var cut = text.prefix(displayWidth: width - 1)
    while cut.last == " " { cut.removeLast() }
    return cut + "…"
  }

  /// The text cut or padded to exactly `width` screen columns.
  public static func fitted(_ text: String, _ width: Int) -> String {
    let cut = fit(text, width)
    return cut + String(repeating: " ", count: max(0, width - cut.displayWidth))
  }

  static func trailingSpacesRemoved(_ s: String) -> String {
    var s = s
    while s.last == " " { s.removeLast() }
    return s
  }
}

/// Dates as the papers write them, for people: `30 Sep 2016`, `30 September 2016`.
public enum DateStyle {
  static let shortMonths = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  static let longMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// `30 Sep 2016`.
  public static func short(_ day: Day) -> String {
    let (y, m, d) = day.components
    return "\(d < 10 ? " " : "")\(d) \(shortMonths[m - 1]) \(y)"
  }

  /// `30 September 2016`.
  public static func long(_ day: Day) -> String {
    let (y, m, d) = day.components
    return "\(d) \(longMonths[m - 1]) \(y)"
  }

  /// How a date of this precision should be shown: `30 Sep 2016`, `Jun 2016`, `2017`.
  public static func short(_ day: Day, precision: DatePrecision) -> String {
    switch precision {
    case .day: return short(day)
    case .month, .quarter, .half, .financialYear:
      return "   \(shortMonths[day.month - 1]) \(day.year)"
    case .year: return "        \(day.year)"
    }
  }
}

/// Prose wrapped at word boundaries to a width, for text that must read well in an email.
public enum Prose {
  /// The paragraph's lines, none longer than `width` unless a single word is.
  ///
  /// A heading of parts joined by ` · ` (`Aligning g · Kent County Council · as of 22 March
  /// 2016`) breaks between parts, each line but the last ending in ` ·`, so no date or name is
  /// split across lines; a part too long for a line on its own is wrapped by words.
  ///
  /// The paragraph is put on one line first (``Swift/String/singleLine``): wrapped prose is for a
  /// terminal or an email, so a control character in a name can neither break nor drive it.
  public static func wrap(_ paragraph: String, width: Int, indent: String = "") -> [String] {
    let paragraph = paragraph.singleLine
    let parts = paragraph.components(separatedBy: " · ")
    if parts.count > 1, paragraph.displayWidth + indent.count > width,
      parts.allSatisfy({ $0.displayWidth + indent.count + 2 <= width })
    {
      var lines: [String] = []
      var current = ""
      for part in parts {
        let candidate = current.isEmpty ? part : current + " · " + part
        let room = width - (lines.isEmpty ? 0 : indent.count) - 2
        if candidate.displayWidth > room, !current.isEmpty {
          lines.append(current + " ·")
          current = part
        } else {
          current = candidate
        }
      }
      lines.append(current)
      return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }
    }
    return words(paragraph, width: width, indent: indent)
  }

  static func words(_ paragraph: String, width: Int, indent: String) -> [String] {
    var lines: [String] = []
    var current = ""
    // A word longer than a line (a 10,000-character name) is cut into line-long pieces, so no
    // line passes the width.
    let room = max(1, width - indent.count)
    let pieces = paragraph.split(separator: " ", omittingEmptySubsequences: true).flatMap {
      word -> [Substring] in
      guard String(word).displayWidth > room else { return [word] }
      var cut: [Substring] = []
      var rest = word[...]
      while !rest.isEmpty {
        // Whole graphemes; at least one, so a two-column character in a one-column room moves on.
        // Counted in place: copying the rest each time would be quadratic in a huge cell.
        var piece = 0
        var used = 0
        for character in rest {
          used += DisplayWidth.of(character)
          if used > room { break }
          piece += 1
        }
        piece = max(1, piece)
        cut.append(rest.prefix(piece))
        rest = rest.dropFirst(piece)
      }
      return cut
    }
    for word in pieces {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if candidate.displayWidth + (lines.isEmpty ? 0 : indent.count) > width, !current.isEmpty {
        lines.append(current)
        current = String(word)
      } else {
        current = candidate
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }
  }

  /// Items joined by `separator` and broken between items, never inside one (unless an item is
  /// longer than the width on its own).
  public static func wrapItems(
    _ items: [String], width: Int, separator: String = "  ", indent: String = ""
  ) -> [String] {
    var lines: [String] = []
    var current = ""
    for item in items.map(\.singleLine) {
      let candidate = current.isEmpty ? item : current + separator + item
      if candidate.displayWidth > width, !current.isEmpty {
        lines.append(current)
        current = indent + item
      } else {
        current = candidate
      }
      // An item too long for a line of its own wraps, its continuation under the indent.
      if current.displayWidth > width, width > indent.displayWidth + 10 {
        let lead = lines.isEmpty && current == item ? "" : indent
        let parts = wrap(String(current.dropFirst(lead.count)), width: width - lead.displayWidth)
        lines += parts.dropLast().enumerated().map { ($0.offset == 0 ? lead : indent) + $0.element }
        current = (parts.count > 1 ? indent : lead) + (parts.last ?? "")
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Writes the wrapped paragraph, one line each.
  public static func write<Target: TextOutputStream>(
    _ paragraph: String, width: Int, to out: inout Target
  ) {
    for line in wrap(paragraph, width: width) { out.write(line + "\n") }
  }
}

extension String {
  /// The string followed by spaces up to `width` screen columns, and at least one space.
  public func padded(_ width: Int) -> String {
    let shown = displayWidth
    return shown >= width ? self + " " : self + String(repeating: " ", count: width - shown)
  }
}
