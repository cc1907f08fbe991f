extension GanttSVG {
  /// The key: the swatch and words of each mark the chart shows (and only those), wrapped
  /// across the page.
  mutating func drawLegend() {
    let items = legendItems()
    var left = margin
    for (words, shape) in items {
      let advance = 36 + Double(words.displayWidth) * GanttSVG.characterWidth + 20
      if left + advance > width - margin, left > margin {
        left = margin
        y += 20
      }
      body += GanttSVG.place(shape, left: left, top: y) + "\n"
      body += GanttSVG.text([words], x: left + 36, y: y + 10)
      left += advance
    }
    y += 24
  }

  /// Each mark's words and swatch (with `X Y`, `X1 Y1` or `D` for its place), when drawn.
  func legendItems() -> [(String, String)] {
    func bar(_ fill: String, _ extra: String = "", height: Int = 12) -> String {
      "<rect X Y width=\"28\" height=\"\(height)\" fill=\"\(fill)\"\(extra)/>"
    }
    func line(_ colour: String, _ dash: String) -> String {
      "<line X1 Y1 stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"\(dash)\"/>"
    }
    // Read in place: a copy of every row (strings, segments, letters) would be a second chart.
    let rows = chart.sections.lazy.flatMap(\.rows)
    let marks = Set(rows.flatMap { $0.segments.map(\.mark) })
    func drawn(_ mark: GanttMark, partner: Bool? = nil) -> Bool {
      rows.contains { row in
        row.segments.contains { $0.mark == mark }
          && partner.map { $0 == (row.partner != nil) } ?? true
      }
    }
    let outlined = " stroke=\"#000000\""
    let items: [(String, String, Bool)] = [
      ("current term", bar(Palette.term), drawn(.term, partner: false)),
      (
        "current term, partner-led (striped)", bar("url(#\(prefix)-partner)"),
        drawn(.term, partner: true)
      ),
      ("extension already exercised", bar(Palette.exercised), marks.contains(.exercised)),
      (
        "end known to the month only (dotted)", bar("url(#\(prefix)-dots)", outlined),
        marks.contains(.uncertainEnd)
      ),
      (
        "extension options left (dashed outline)",
        bar("#ffffff", " stroke=\"\(Palette.muted)\" stroke-dasharray=\"3 2\"", height: 8),
        marks.contains(.options)
      ),
      (
        "proposed extension (hatched)", bar("url(#\(prefix)-proposed)", outlined),
        marks.contains(.proposed)
      ),
      (
        "as of date (dashed line)", line(Palette.asOf, "6 3"),
        chart.asOf >= chart.axis.firstDay && chart.asOf <= chart.axis.lastDay
      ),
      ("target end (dotted line)", line("#000000", "1 2"), chart.proposal != nil),
      ("key date", "<path D fill=\"#000000\"/>", rows.contains { $0.kind == .keyDates }),
      (
        "commissioning-grid stage",
        bar(Palette.stage, " stroke=\"#000000\" stroke-width=\"0.5\"", height: 12),
        rows.contains { $0.kind == .grid }
      ),
    ]
    return items.filter(\.2).map { ($0.0, $0.1) }
  }

  /// A legend swatch's placeholders (`X Y`, `X1 Y1`, `D`) replaced by its position.
  static func place(_ shape: String, left: Double, top: Double) -> String {
    let middle = f(top + 6)
    let ends = "x1=\"\(f(left))\" y1=\"\(middle)\" x2=\"\(f(left + 28))\" y2=\"\(middle)\""
    let diamond = "d=\"M \(f(left + 14)) \(f(top)) l 6 6 l -6 6 l -6 -6 z\" fill"
    return
      shape
      .replacingOccurrences(of: "X1 Y1", with: ends)
      .replacingOccurrences(of: "X Y", with: "x=\"\(f(left))\" y=\"\(f(top))\"")
      .replacingOccurrences(of: "D fill", with: diamond)
  }

  /// What the legend cannot show: the grid's letters, and contracts that are not drawn.
  mutating func drawNotes() {
    var notes: [String] = []
    if chart.sections.contains(where: { $0.rows.contains { $0.kind == .grid } }) {
      notes.append(
        "Grid stages: A Analyse, P Plan, D Do, R Review, K Key decision (over their quarter).")
    }
    let undated = chart.undated.count
    if undated > 0 {
      notes.append(
        "\(undated) contract\(undated == 1 ? " has" : "s have") no usable end date and "
          + "\(undated == 1 ? "is" : "are") not drawn (see the text report).")
    }
    let outside = chart.outsideWindow.count
    if outside > 0 {
      notes.append(
        "\(outside) contract\(outside == 1 ? " lies" : "s lie") wholly outside the window.")
    }
    for mismatch in chart.mismatches {
      notes.append("Plan and register disagree: " + mismatch.message)
    }
    let perLine = GanttSVG.characters(in: width - 2 * margin)
    for note in notes {
      let lines = GanttSVG.wrap(note, width: perLine, indent: "")
      body += GanttSVG.text(lines, x: margin, y: y + 4)
      y += Double(lines.count) * lineHeight + 4
    }
  }
}
