extension GanttSVG {
  /// Each section's heading, then its rows; a row is as tall as its wrapped name. Each row
  /// goes to `out` as soon as it is drawn.
  mutating func drawRows<Target: TextOutputStream>(flushingInto out: inout Target) {
    var stripe = false
    for section in chart.sections {
      let lines = GanttSVG.wrap(section.title, width: titleCharacters, indent: "")
      y += 8
      body += GanttSVG.text(
        lines, x: margin, y: y + 12, attributes: " font-size=\"12\" font-weight=\"bold\"")
      y += Double(lines.count) * lineHeight + 4
      for row in section.rows {
        drawRow(row, stripe: stripe)
        stripe.toggle()
        out.write(body)
        body.removeAll(keepingCapacity: true)
      }
      out.write(body)
      body.removeAll(keepingCapacity: true)
    }
  }

  /// How deep ``drawRows(flushingInto:)`` will draw, laid out but not drawn: the drawing's
  /// height comes first, in its opening tag. Names are counted in lines, not wrapped, where
  /// they are plain (``lineCount(_:width:)``).
  func rowsHeight() -> Double {
    var height: Double = 0
    for section in chart.sections {
      let title = GanttSVG.lineCount(section.title, width: titleCharacters)
      height += 8 + Double(title) * lineHeight + 4
      for row in section.rows {
        let name = GanttSVG.lineCount(GanttSVG.label(row), width: nameCharacters)
        height += rowHeight(row, lines: name)
      }
    }
    return height
  }

  /// The characters a section's title may take on a line.
  var titleCharacters: Int { GanttSVG.characters(in: (width - 2 * margin) / 1.1) }

  /// The characters a row's name may take on a line of the label column.
  var nameCharacters: Int { GanttSVG.characters(in: labelWidth - 16) }

  /// A row's height when its name takes `lines` lines: as tall as its name or, for key dates,
  /// its list of dates.
  func rowHeight(_ row: GanttChart.Row, lines: Int) -> Double {
    let dates = row.kind == .keyDates ? row.letters.count : 0
    return Double(max(lines, dates, 1)) * lineHeight + 8
  }

  /// How many lines ``wrap(_:width:indent:)`` makes of `text` with no indent. Plain text (a
  /// scalar a column, none joining its neighbour: ``Swift/String/plainScalarCount``) is counted
  /// a scalar at a time, placing its words as the wrap would, without making a line; other
  /// text is wrapped.
  static func lineCount(_ text: String, width: Int) -> Int {
    let line = text.singleLine
    guard line.plainScalarCount != nil else { return wrap(text, width: width, indent: "").count }
    let room = max(1, width)
    var lines = 0
    // Columns of the line being filled; 0 before its first word.
    var filled = 0
    var word = 0
    // A word longer than a line is cut into line-long pieces, as the wrap cuts it.
    func place(_ length: Int) {
      var left = length
      while left > 0 {
        let piece = min(left, room)
        left -= piece
        if filled > 0, filled + 1 + piece > width {
          lines += 1
          filled = piece
        } else {
          filled += filled > 0 ? 1 + piece : piece
        }
      }
    }
    for scalar in line.unicodeScalars {
      if scalar == " " {
        place(word)
        word = 0
      } else {
        word += 1
      }
    }
    place(word)
    return filled > 0 ? lines + 1 : lines
  }

  /// The words beside a row's bar: a contract's service, provider, value and, for one a
  /// partner leads, that partner; a grid row's category and title.
  static func label(_ row: GanttChart.Row) -> String {
    switch row.kind {
    case .contract:
      var parts = [row.service]
      if !row.provider.isEmpty { parts.append(row.provider) }
      if !row.value.isEmpty { parts.append(row.value + (row.valueIsTotal ? " in total" : "")) }
      if let partner = row.partner {
        parts.append(partner.isEmpty ? "partner-led" : "led by \(partner)")
      }
      return parts.joined(separator: " · ")
    case .grid: return (row.provider.isEmpty ? "" : row.provider + " · ") + row.service
    case .keyDates: return row.service
    }
  }

  /// One row: its band, its name wrapped in the label column, then its marks.
  mutating func drawRow(_ row: GanttChart.Row, stripe: Bool) {
    let lines = GanttSVG.wrap(GanttSVG.label(row), width: nameCharacters, indent: "")
    let height = rowHeight(row, lines: lines.count)
    if stripe {
      body +=
        "<rect x=\"\(GanttSVG.f(margin))\" y=\"\(GanttSVG.f(y))\" "
        + "width=\"\(GanttSVG.f(width - 2 * margin))\" height=\"\(GanttSVG.f(height))\" "
        + "fill=\"#000000\" fill-opacity=\"0.04\"/>\n"
    }
    body += GanttSVG.text(
      lines, x: margin + 8, y: y + 15,
      attributes: row.kind == .grid ? " font-style=\"italic\"" : "")
    let middle = y + height / 2
    switch row.kind {
    case .contract: drawBars(row, middle: middle)
    case .grid: drawStages(row, middle: middle)
    case .keyDates: drawKeyDates(row, top: y)
    }
    y += height
  }

  /// A contract's bars: term, extensions exercised, an end known only to the month, options
  /// left and a proposed extension, each in its own fill.
  mutating func drawBars(_ row: GanttChart.Row, middle: Double) {
    for segment in row.segments {
      let left = x(segment.from)
      let barWidth = GanttSVG.f(max(2, x(segment.to.next) - left))
      let at = "x=\"\(GanttSVG.f(left))\" width=\"\(barWidth)\""
      let full = "\(at) y=\"\(GanttSVG.f(middle - 6))\" height=\"12\""
      switch segment.mark {
      case .term:
        let fill = row.partner == nil ? Palette.term : "url(#\(prefix)-partner)"
        body += "<rect \(full) fill=\"\(fill)\"/>\n"
      case .exercised:
        body += "<rect \(full) fill=\"\(Palette.exercised)\"/>\n"
      case .uncertainEnd:
        body += "<rect \(full) fill=\"url(#\(prefix)-dots)\" stroke=\"#000000\"/>\n"
      case .options:
        body +=
          "<rect \(at) y=\"\(GanttSVG.f(middle - 4))\" height=\"8\" fill=\"#ffffff\" "
          + "stroke=\"\(Palette.muted)\" stroke-dasharray=\"3 2\"/>\n"
      case .proposed:
        body += "<rect \(full) fill=\"url(#\(prefix)-proposed)\" stroke=\"#000000\"/>\n"
      case .asOf, .target:
        break
      }
    }
  }

  /// A grid row's stages: a boxed letter over each quarter that has them.
  mutating func drawStages(_ row: GanttChart.Row, middle: Double) {
    for letter in row.letters {
      let quarter = FinancialQuarter(containing: letter.day)
      let left = x(letter.day)
      let room = x(quarter.lastDay.next) - left
      let boxWidth = min(room - 2, max(14, Double(letter.text.count) * 7 + 6))
      let boxLeft = left + (room - boxWidth) / 2
      body +=
        "<rect x=\"\(GanttSVG.f(boxLeft))\" y=\"\(GanttSVG.f(middle - 7))\" "
        + "width=\"\(GanttSVG.f(max(4, boxWidth)))\" height=\"14\" fill=\"\(Palette.stage)\" "
        + "stroke=\"#000000\" stroke-width=\"0.5\"/>\n"
      body += GanttSVG.text(
        [letter.text], x: left + room / 2, y: middle + 4,
        attributes: " text-anchor=\"middle\" font-weight=\"bold\" font-size=\"10\"")
    }
  }

  /// A proposal's key dates, each a diamond at its day with its words beside it
  /// (`decision by 30 Sep 2016`), one under another so none overlaps the next.
  mutating func drawKeyDates(_ row: GanttChart.Row, top: Double) {
    for (index, letter) in row.letters.enumerated() {
      let at = x(letter.day)
      let lineY = top + 4 + Double(index) * lineHeight + 7
      body +=
        "<path d=\"M \(GanttSVG.f(at)) \(GanttSVG.f(lineY - 5)) l 5 5 l -5 5 l -5 -5 z\" "
        + "fill=\"#000000\"/>\n"
      let words =
        "\(letter.meaning) \(DateStyle.short(letter.day).trimmingASCIISpaces)"
        + GanttSVG.passed(letter, asOf: chart.asOf)
      let room = Double(words.displayWidth) * GanttSVG.characterWidth
      let rightward = at + 8 + room <= chartRight
      body += GanttSVG.text(
        [words], x: rightward ? at + 8 : at - 8, y: lineY + 4,
        attributes: rightward ? "" : " text-anchor=\"end\"")
    }
  }

  /// ` (missed)` after a deadline before the as-of day, ` (held)` after a committee meeting,
  /// ` (passed)` after a target end: a clerk reads at once which dates are already behind.
  static func passed(_ letter: GanttChart.Letter, asOf: Day) -> String {
    guard letter.day < asOf else { return "" }
    switch letter.text {
    case "C": return " (held)"
    case "T": return " (passed)"
    default: return " (missed)"
    }
  }

  /// Month lines faint, financial-year lines strong, from the axis to the last row.
  mutating func drawGridLines(from top: Double, to bottom: Double) {
    var day = chart.axis.firstDay.firstOfMonth
    // Lines closer than a few pixels would grey the chart out: months, then years, drop out.
    let step = yearStep
    while day <= chart.axis.lastDay.next {
      let strong = day.month == 4 || day == chart.axis.firstDay || day > chart.axis.lastDay
      let shown =
        (monthWidth >= 3 || strong)
        && (step == 1 || day.month != 4 || FinancialQuarter(containing: day).startYear % step == 0)
      let at = GanttSVG.f(x(day))
      if shown {
        body +=
          "<line x1=\"\(at)\" y1=\"\(GanttSVG.f(top))\" x2=\"\(at)\" y2=\"\(GanttSVG.f(bottom))\" "
          + "stroke=\"\(strong ? "#8a8a8a" : "#dddddd")\" stroke-width=\"\(strong ? 1 : 0.5)\"/>\n"
      }
      let next = day.adding(Months(1))
      guard next > day else { break }
      day = next
    }
  }

  /// The as-of line (dashed, labelled above the axis) and the proposal's target end (dotted).
  mutating func drawAsOfAndTarget(from top: Double, to bottom: Double) {
    let asOf = chart.asOf
    if asOf >= chart.axis.firstDay, asOf <= chart.axis.lastDay {
      drawLine(
        at: x(asOf), from: top, to: bottom, colour: Palette.asOf, dash: "6 3",
        words: "as of \(DateStyle.short(asOf).trimmingASCIISpaces)", labelY: top - 4)
    }
    if let proposal = chart.proposal, proposal.target >= chart.axis.firstDay,
      proposal.target <= chart.axis.lastDay
    {
      drawLine(
        at: x(proposal.target.next), from: top, to: bottom, colour: "#000000", dash: "1 2",
        words: "target end \(DateStyle.short(proposal.target).trimmingASCIISpaces)",
        labelY: top - 18)
    }
  }

  /// A vertical line down the chart with its words above it, turned left near the right edge.
  mutating func drawLine(
    at lineX: Double, from top: Double, to bottom: Double, colour: String, dash: String,
    words: String, labelY: Double
  ) {
    let at = GanttSVG.f(lineX)
    // The line breaks over the financial-year band, so it never strikes through a year's label.
    for (from, to) in [(top, axisTop), (axisTop + GanttSVG.yearBand, bottom)] {
      body +=
        "<line x1=\"\(at)\" y1=\"\(GanttSVG.f(from))\" x2=\"\(at)\" y2=\"\(GanttSVG.f(to))\" "
        + "stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"\(dash)\"/>\n"
    }
    let rightward = lineX + 4 + Double(words.count) * GanttSVG.characterWidth <= chartRight
    body += GanttSVG.text(
      [words], x: rightward ? lineX + 4 : lineX - 4, y: labelY,
      attributes: " fill=\"\(colour)\" font-weight=\"bold\""
        + (rightward ? "" : " text-anchor=\"end\""))
  }
}
