extension GanttChart {
  /// Draws the chart as a standalone SVG for a committee report: units as columns, bars,
  /// markers, stage letters and a legend, legible when printed in black and white.
  public func writeSVG<Target: TextOutputStream>(to out: inout Target) {
    let unitWidth: Double = axis.scale == .year ? 84 : axis.scale == .quarter ? 40 : 16
    let labelWidth: Double = 330
    let rowHeight: Double = 18
    let top: Double = 64
    let chartWidth = unitWidth * Double(axis.units.count)
    let width = max(labelWidth + chartWidth + 16, 820)
    var rows: [(y: Double, kind: String, section: Section?, row: Row?)] = []
    var y = top
    for section in sections {
      y += 6
      rows.append((y, "section", section, nil))
      y += rowHeight
      for row in section.rows {
        rows.append((y, "row", nil, row))
        y += rowHeight
      }
    }
    let chartBottom = y + 4
    let legendTop = chartBottom + 18
    var footer: [String] = []
    if !undated.isEmpty {
      footer.append(
        "\(undated.count) contract\(undated.count == 1 ? " has" : "s have") no usable end date and \(undated.count == 1 ? "is" : "are") not drawn (see the text report)."
      )
    }
    if !outsideWindow.isEmpty {
      footer.append(
        "\(outsideWindow.count) contract\(outsideWindow.count == 1 ? " lies" : "s lie") outside the window."
      )
    }
    for mismatch in mismatches { footer.append("Plan and register disagree: " + mismatch.message) }
    let height = legendTop + 78 + Double(footer.count) * 28 + 12

    func x(_ day: Day) -> Double {
      guard let index = axis.units.firstIndex(where: { $0.first <= day && day <= $0.last }) else {
        return day < axis.firstDay ? labelWidth : labelWidth + chartWidth
      }
      let unit = axis.units[index]
      let length = Double((unit.last - unit.first).days + 1)
      return labelWidth + unitWidth * (Double(index) + Double((day - unit.first).days) / length)
    }
    func f(_ v: Double) -> String {
      let r = (v * 10).rounded() / 10
      return r == r.rounded() ? String(Int(r)) : String(r)
    }
    var svg = ""
    svg += """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif" font-size="11">
      <title>\(GanttChart.escape("Timeline · " + title))</title>
      <defs>
        <pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#000000" stroke-width="2"/>
        </pattern>
        <pattern id="dots" width="4" height="4" patternUnits="userSpaceOnUse">
          <rect width="4" height="4" fill="#ffffff"/><circle cx="2" cy="2" r="0.8" fill="#555555"/>
        </pattern>
      </defs>
      <rect width="100%" height="100%" fill="#ffffff"/>
      <text x="8" y="18" font-size="14" font-weight="bold">\(GanttChart.escape("Timeline · " + title))</text>
      <text x="8" y="34" fill="#333333">\(GanttChart.escape("As of \(DateStyle.long(asOf)) · \(DateStyle.long(axis.firstDay)) to \(DateStyle.long(axis.lastDay))"))</text>

      """
    // Header and unit columns.
    for (index, unit) in axis.units.enumerated() {
      let left = labelWidth + unitWidth * Double(index)
      let q = FinancialQuarter(containing: unit.first)
      let yearStart =
        axis.scale == .year || (axis.scale == .quarter && q.quarter == 1)
        || (axis.scale == .month && unit.first.month == 4)
      if index % 2 == 0 {
        svg +=
          "<rect x=\"\(f(left))\" y=\"\(f(top - 14))\" width=\"\(f(unitWidth))\" height=\"\(f(chartBottom - top + 14))\" fill=\"#f4f4f4\"/>\n"
      }
      svg +=
        "<line x1=\"\(f(left))\" y1=\"\(f(top - 26))\" x2=\"\(f(left))\" y2=\"\(f(chartBottom))\" stroke=\"\(yearStart ? "#888888" : "#d0d0d0")\" stroke-width=\"1\"/>\n"
      // The first unit names its year only when the year runs on for a while.
      let month = unit.first.month
      let monthsLeftInYear = month >= 4 ? 16 - month : 4 - month
      let roomy =
        axis.scale == .year || (axis.scale == .quarter ? q.quarter <= 3 : monthsLeftInYear >= 3)
      if yearStart || (index == 0 && roomy) {
        svg +=
          "<text x=\"\(f(left + 3))\" y=\"\(f(top - 16))\" font-weight=\"bold\">\(GanttChart.escape(q.yearLabel))</text>\n"
      }
      let unitLabel =
        axis.scale == .quarter
        ? "Q\(q.quarter)"
        : axis.scale == .month ? String(DateStyle.shortMonths[unit.first.month - 1].prefix(1)) : ""
      if !unitLabel.isEmpty {
        svg +=
          "<text x=\"\(f(left + unitWidth / 2))\" y=\"\(f(top - 3))\" text-anchor=\"middle\" fill=\"#333333\">\(unitLabel)</text>\n"
      }
    }
    svg +=
      "<line x1=\"\(f(labelWidth + chartWidth))\" y1=\"\(f(top - 26))\" x2=\"\(f(labelWidth + chartWidth))\" y2=\"\(f(chartBottom))\" stroke=\"#888888\"/>\n"
    // Rows.
    for entry in rows {
      if let section = entry.section {
        svg +=
          "<text x=\"8\" y=\"\(f(entry.y + 13))\" font-weight=\"bold\">\(GanttChart.escape(section.title))</text>\n"
        continue
      }
      guard let row = entry.row else { continue }
      let mid = entry.y + rowHeight / 2
      let label: String
      switch row.kind {
      case .contract:
        label =
          row.service + (row.provider.isEmpty ? "" : " · " + row.provider)
          + (row.value.isEmpty ? "" : " · " + row.value)
      case .grid: label = (row.provider.isEmpty ? "" : row.provider + " · ") + row.service
      case .keyDates: label = row.service
      }
      svg +=
        "<text x=\"16\" y=\"\(f(mid + 4))\"\(row.kind == .grid ? " font-style=\"italic\"" : "")>\(GanttChart.escape(TextTable.fit(label, 50)))</text>\n"
      for segment in row.segments {
        let left = x(segment.from)
        let right = x(segment.to.next)
        let w = max(1.5, right - left)
        switch segment.mark {
        case .term:
          svg +=
            "<rect x=\"\(f(left))\" y=\"\(f(mid - 5))\" width=\"\(f(w))\" height=\"10\" fill=\"#3a3a3a\"/>\n"
        case .exercised:
          svg +=
            "<rect x=\"\(f(left))\" y=\"\(f(mid - 5))\" width=\"\(f(w))\" height=\"10\" fill=\"#8c8c8c\"/>\n"
        case .uncertainEnd:
          svg +=
            "<rect x=\"\(f(left))\" y=\"\(f(mid - 5))\" width=\"\(f(w))\" height=\"10\" fill=\"url(#dots)\" stroke=\"#3a3a3a\" stroke-width=\"1\"/>\n"
        case .options:
          svg +=
            "<rect x=\"\(f(left))\" y=\"\(f(mid - 3))\" width=\"\(f(w))\" height=\"6\" fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>\n"
        case .proposed:
          svg +=
            "<rect x=\"\(f(left))\" y=\"\(f(mid - 5))\" width=\"\(f(w))\" height=\"10\" fill=\"url(#hatch)\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
        case .asOf, .target:
          break
        }
      }
      for letter in row.letters {
        let left = x(letter.day)
        if row.kind == .keyDates {
          svg += "<path d=\"M \(f(left)) \(f(mid + 6)) l -4 -7 h 8 z\" fill=\"#000000\"/>\n"
          svg +=
            "<text x=\"\(f(left))\" y=\"\(f(mid - 3))\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"10\">\(GanttChart.escape(letter.text))</text>\n"
        } else {
          let span = axis.scale == .month ? unitWidth * 3 : unitWidth
          svg +=
            "<text x=\"\(f(left + span / 2))\" y=\"\(f(mid + 4))\" text-anchor=\"middle\" font-weight=\"bold\">\(GanttChart.escape(letter.text))</text>\n"
        }
      }
    }
    // The as-of and target lines.
    if asOf >= axis.firstDay && asOf <= axis.lastDay {
      let ax = x(asOf)
      svg +=
        "<line x1=\"\(f(ax))\" y1=\"\(f(top - 26))\" x2=\"\(f(ax))\" y2=\"\(f(chartBottom))\" stroke=\"#c00000\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n"
      svg +=
        "<text x=\"\(f(ax + 3))\" y=\"\(f(top - 28))\" fill=\"#c00000\" font-size=\"10\">\(GanttChart.escape("as of " + DateStyle.short(asOf).trimmingASCIISpaces))</text>\n"
    }
    if let proposal, proposal.target >= axis.firstDay, proposal.target <= axis.lastDay {
      let tx = x(proposal.target.next)
      svg +=
        "<line x1=\"\(f(tx))\" y1=\"\(f(top - 26))\" x2=\"\(f(tx))\" y2=\"\(f(chartBottom))\" stroke=\"#000000\" stroke-width=\"1\" stroke-dasharray=\"1 2\"/>\n"
    }
    // The legend.
    var lx: Double = 16
    var ly = legendTop
    func swatch(_ text: String, _ shape: (String, String) -> String) {
      let advance = 30 + Double(text.count) * 6 + 18
      if lx + advance > width - 8 {
        lx = 16
        ly += 18
      }
      svg += shape(f(lx), f(ly - 9))
      svg += "<text x=\"\(f(lx + 30))\" y=\"\(f(ly))\">\(GanttChart.escape(text))</text>\n"
      lx += advance
    }
    swatch("current term") {
      "<rect x=\"\($0)\" y=\"\($1)\" width=\"24\" height=\"10\" fill=\"#3a3a3a\"/>\n"
    }
    swatch("extension exercised") {
      "<rect x=\"\($0)\" y=\"\($1)\" width=\"24\" height=\"10\" fill=\"#8c8c8c\"/>\n"
    }
    swatch("month-only end") {
      "<rect x=\"\($0)\" y=\"\($1)\" width=\"24\" height=\"10\" fill=\"url(#dots)\" stroke=\"#3a3a3a\"/>\n"
    }
    swatch("options left") {
      "<rect x=\"\($0)\" y=\"\($1)\" width=\"24\" height=\"6\" fill=\"#ffffff\" stroke=\"#555555\" stroke-dasharray=\"3 2\"/>\n"
    }
    swatch("proposed extension") {
      "<rect x=\"\($0)\" y=\"\($1)\" width=\"24\" height=\"10\" fill=\"url(#hatch)\" stroke=\"#000000\"/>\n"
    }
    swatch("as of \(DateStyle.short(asOf).trimmingASCIISpaces)") {
      "<path d=\"M \($0) \($1) m 12 -2 v 14\" stroke=\"#c00000\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" fill=\"none\"/>\n"
    }
    // Text lines under the swatches, wrapped to the canvas (about 6 px a character).
    let perLine = Int((width - 32) / 6)
    var notes = Prose.wrapItems(
      ["Grid rows:", "A Analyse", "P Plan", "D Do", "R Review", "K Key decision"], width: perLine)
    if let row = sections.flatMap(\.rows).first(where: { $0.kind == .keyDates }) {
      notes += Prose.wrapItems(
        ["Key dates:"]
          + row.letters.map {
            "\($0.text) \($0.meaning) \(DateStyle.short($0.day).trimmingASCIISpaces)"
          },
        width: perLine, indent: "    ")
      notes.append("Dotted line: the target end of the proposed alignment.")
    }
    for line in footer { notes += Prose.wrap(line, width: perLine) }
    for (index, line) in notes.enumerated() {
      svg +=
        "<text x=\"16\" y=\"\(f(ly + 20 + Double(index) * 14))\" fill=\"#222222\">\(GanttChart.escape(line))</text>\n"
    }
    svg += "</svg>\n"
    out.write(svg)
  }

  /// Text escaped for XML (see ``Markup/escapeXML(_:)``).
  static func escape(_ text: String) -> String { Markup.escapeXML(text) }
}
