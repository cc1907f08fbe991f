/// The characters a text timeline draws with, in Unicode blocks or plain ASCII.
struct GanttGlyphs {
  var term: Character
  var exercised: Character
  var uncertainEnd: Character
  var options: Character
  var proposed: Character
  var asOf: Character
  var target: Character
  var asOfHeader: Character

  static let unicode = GanttGlyphs(
    term: "█", exercised: "▆", uncertainEnd: "▒", options: "░", proposed: "▓", asOf: "│",
    target: "┊",
    asOfHeader: "▼")
  static let ascii = GanttGlyphs(
    term: "=", exercised: "#", uncertainEnd: "~", options: "-", proposed: "+", asOf: "|",
    target: ":",
    asOfHeader: "v")

  func glyph(_ mark: GanttMark) -> Character {
    switch mark {
    case .term: return term
    case .exercised: return exercised
    case .uncertainEnd: return uncertainEnd
    case .options: return options
    case .proposed: return proposed
    case .asOf: return asOf
    case .target: return target
    }
  }
}

/// ANSI colours for a terminal; none when writing to a file or with `NO_COLOR`.
enum GanttColor {
  static func code(_ mark: GanttMark?) -> String? {
    switch mark {
    case .term: return "34"
    case .exercised: return "94"
    case .uncertainEnd: return "36"
    case .options: return "2"
    case .proposed: return "33"
    case .asOf: return "31"
    case .target: return "35"
    case nil: return nil
    }
  }
  static let letters = "32"
  static let keyDates = "35;1"
  static let heading = "1"
}

extension GanttChart {
  /// Draws the chart as text: header, sections, legend, then undated contracts and mismatches.
  /// Every line fits the width the chart was laid out for.
  public func writeText<Target: TextOutputStream>(
    to out: inout Target, ascii: Bool = false, color: Bool = false
  ) {
    let glyphs = ascii ? GanttGlyphs.ascii : GanttGlyphs.unicode
    let width = max(self.width, labelWidth + 1 + axis.width)
    let wrapped = labelWidth < GanttChart.minimumLabel
    func paint(_ text: String, _ code: String?) -> String {
      guard color, let code, !text.isEmpty else { return text }
      return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
    Prose.write("Timeline · \(title) · as of \(DateStyle.long(asOf))", width: width, to: &out)
    out.write("\n")
    let asOfColumn = axis.column(of: asOf)
    let targetColumn = proposal.flatMap { axis.column(of: $0.target) }
    let (years, units) = axis.headerLines()
    // The unit labels start where the bars do, one past the label column.
    let header = (wrapped ? "" : TextTable.fitted("Contract", labelWidth)).padded(labelWidth + 1)
    out.write(
      TextTable.trailingSpacesRemoved(String(repeating: " ", count: labelWidth + 1) + years) + "\n")
    out.write(TextTable.trailingSpacesRemoved(header + units) + "\n")
    writeAsOfMarker(to: &out, glyphs: glyphs)
    let labels = rowLabels(width: width)
    var targetDrawn = false
    for (s, section) in sections.enumerated() {
      out.write("\n")
      // A group's name is what `--group` takes: wrapped, never cut.
      for line in Prose.wrap(section.title, width: width) {
        out.write(paint(line, color ? GanttColor.heading : nil) + "\n")
      }
      for (r, row) in section.rows.enumerated() {
        var label = labels[s][r]
        if wrapped {
          out.write(TextTable.trailingSpacesRemoved(label) + "\n")
          label = String(repeating: " ", count: labelWidth)
        }
        // The cells: bars, then letters, then the as-of and target lines where the row is empty.
        var cells = [Character](repeating: " ", count: axis.width)
        var marks = [GanttMark?](repeating: nil, count: axis.width)
        for segment in row.segments {
          for c in segment.columns {
            cells[c] = glyphs.glyph(segment.mark)
            marks[c] = segment.mark
          }
        }
        var lettered = [Bool](repeating: false, count: axis.width)
        for letter in row.letters {
          for (k, ch) in letter.text.enumerated() where letter.column + k < axis.width {
            cells[letter.column + k] = ch
            lettered[letter.column + k] = true
          }
        }
        if let c = targetColumn, cells[c] == " " {
          cells[c] = glyphs.target
          marks[c] = .target
          targetDrawn = true
        }
        if let c = asOfColumn, cells[c] == " " {
          cells[c] = glyphs.asOf
          marks[c] = .asOf
        }
        var line = label
        if color {
          var index = 0
          while index < cells.count {
            var end = index
            while end + 1 < cells.count, marks[end + 1] == marks[index],
              lettered[end + 1] == lettered[index]
            {
              end += 1
            }
            let run = String(cells[index...end])
            let code =
              lettered[index]
              ? (row.kind == .keyDates ? GanttColor.keyDates : GanttColor.letters)
              : GanttColor.code(marks[index])
            line += (index == 0 ? " " : "") + paint(run, code)
            index = end + 1
          }
        } else {
          line += " " + String(cells)
        }
        out.write(TextTable.trailingSpacesRemoved(line) + "\n")
      }
    }
    if sections.isEmpty {
      out.write(
        "\nNothing to draw between \(DateStyle.long(axis.firstDay)) and \(DateStyle.long(axis.lastDay)).\n"
      )
    }
    // The legend.
    out.write("\n")
    // Only the marks the chart draws: a legend naming options nobody has sends a reader
    // looking for them.
    let drawn = Set(sections.flatMap { $0.rows.flatMap { $0.segments.map(\.mark) } })
    let marks: [(GanttMark, String)] = [
      (.term, "\(glyphs.term) current term"),
      (.exercised, "\(glyphs.exercised) extension exercised"),
      (.uncertainEnd, "\(glyphs.uncertainEnd) month-only end"),
      (.options, "\(glyphs.options) options left"),
      (.proposed, "\(glyphs.proposed) proposed extension"),
    ]
    var legend = marks.filter { drawn.contains($0.0) }.map(\.1)
    // The as-of day is marked (`▼`) wherever it falls in the chart, even under bars.
    legend.append(
      GanttChart.lineLegend(
        "as of", asOf, glyph: glyphs.asOf, drawn: asOfColumn != nil, column: asOfColumn))
    // A target hidden under the bars is still marked by the key dates' `T`, listed below.
    let targetLettered = sections.contains { section in
      section.rows.contains { $0.kind == .keyDates && $0.letters.contains { $0.text == "T" } }
    }
    if let proposal, targetDrawn || !targetLettered {
      legend.append(
        GanttChart.lineLegend(
          "target", proposal.target, glyph: glyphs.target, drawn: targetDrawn,
          column: targetColumn))
    }
    if sections.contains(where: { $0.rows.contains(where: \.valueIsTotal) }) {
      legend.append("t value over the whole term")
    }
    for line in Prose.wrapItems(["Legend:"] + legend, width: width, indent: "        ") {
      out.write(line + "\n")
    }
    if sections.contains(where: { $0.rows.contains { $0.kind == .grid } }) {
      let stages = ["A Analyse", "P Plan", "D Do", "R Review", "K Key decision"]
      for line in Prose.wrapItems(["Grid stages:"] + stages, width: width, indent: "             ")
      {
        out.write(line + "\n")
      }
    }
    if let row = sections.flatMap(\.rows).first(where: { $0.kind == .keyDates }) {
      let dates = row.letters.map {
        "\($0.text) \($0.meaning) \(DateStyle.short($0.day).trimmingASCIISpaces)"
      }
      for line in Prose.wrapItems(["Key dates:"] + dates, width: width, indent: "           ") {
        out.write(line + "\n")
      }
    }
    if let proposal {
      // Partner-led contracts are drawn with the programme but are not the council's to extend.
      for p in proposal.contracts where !p.isCouncilLed {
        let partner = p.contract.commissioner.singleLine
        let action = p.extends ? "\(partner) to vary its contract" : "led by \(partner)"
        Prose.write(
          "Partner-led: \(ContractProposal.name(p.contract)): \(action); not the council's dates.",
          width: width, to: &out)
      }
    }
    Prose.write(
      "Columns: \(axis.scale == .quarter ? "UK financial quarters (Q1 = April–June)" : axis.scale == .year ? "UK financial years (April–March)" : "months"), "
        + "\(DateStyle.long(axis.firstDay)) to \(DateStyle.long(axis.lastDay))\(widening).",
      width: width, to: &out)
    if !undated.isEmpty {
      out.write("\n")
      Prose.write("Undated (\(undated.count)), not drawn:", width: width, to: &out)
      for contract in undated {
        let name = contract.service.isEmpty ? contract.id : contract.service
        let who = contract.provider.isEmpty ? "" : " (\(contract.provider))"
        for line in Prose.wrap(
          "- \(name)\(who): \(contract.end.undated?.reason ?? "no end date")", width: width,
          indent: "  ")
        {
          out.write(line + "\n")
        }
      }
    }
    if !outsideWindow.isEmpty {
      out.write("\n")
      let names = outsideWindow.map {
        ($0.service.isEmpty ? $0.id : $0.service)
          + " (\(DateStyle.short($0.endDay ?? asOf).trimmingASCIISpaces))"
      }
      Prose.write(
        "Outside the window (\(outsideWindow.count)): " + names.joined(separator: "; ") + ".",
        width: width, to: &out)
    }
    if !mismatches.isEmpty {
      out.write("\n")
      Prose.write("Plan and register disagree (\(mismatches.count)):", width: width, to: &out)
      for mismatch in mismatches {
        for line in Prose.wrap("- " + mismatch.message, width: width, indent: "  ") {
          out.write(line + "\n")
        }
      }
    }
  }

  /// The legend's entry for a day's line (`as of`, `target`): its glyph only when the line is
  /// drawn, else where the day lies, so the legend never lists a line the chart does not show.
  static func lineLegend(
    _ name: String, _ day: Day, glyph: Character, drawn: Bool, column: Int?
  ) -> String {
    let date = DateStyle.short(day).trimmingASCIISpaces
    if drawn { return "\(glyph) \(name) \(date)" }
    return "\(name) \(date) (\(column == nil ? "outside the chart" : "under the bars"))"
  }

  /// The `▼ as of` line over the as-of day's column: its own line, since bars may hide it.
  func writeAsOfMarker<Target: TextOutputStream>(to out: inout Target, glyphs: GanttGlyphs) {
    guard let c = axis.column(of: asOf) else { return }
    let note = " as of \(DateStyle.short(asOf).trimmingASCIISpaces)"
    let room = axis.width - c - 1
    let marker = String(glyphs.asOfHeader) + (room >= note.count ? note : "")
    let pad = String(repeating: " ", count: labelWidth + 1 + c)
    if room >= note.count || c < note.count + 1 {
      out.write(pad + marker + "\n")
    } else {
      // Not enough room to the right: put the words to the left of the marker.
      let left =
        String(repeating: " ", count: labelWidth + 1 + c - note.count) + note.dropFirst() + " "
      out.write(left + String(glyphs.asOfHeader) + "\n")
    }
  }

  /// Every row's label, by section: service, provider and value in fixed places, each column's
  /// names cut so that different names stay different (``Abbreviation``). A wrapped chart's
  /// labels are whole lines of `width`; otherwise they are `labelWidth` wide.
  func rowLabels(width: Int) -> [[String]] {
    let wrapped = labelWidth < GanttChart.minimumLabel
    let room = wrapped ? width : labelWidth
    let contracts = sections.flatMap(\.rows).filter { $0.kind == .contract }
    let valueWidth = max(6, contracts.map(\.shownValue.displayWidth).max() ?? 0)
    let longestProvider = contracts.map(\.provider.displayWidth).max() ?? 0
    let providerWidth =
      wrapped
      ? min(longestProvider, max(6, (room - 2) / 3)) : min(14, max(6, labelWidth / 4))
    let serviceWidth = room - providerWidth - valueWidth - 4
    let services = Abbreviation.distinct(contracts.map(\.service), width: serviceWidth)
    let providers = Abbreviation.distinct(contracts.map(\.provider), width: providerWidth)
    var next = 0
    return sections.map { section in
      section.rows.map { row in
        var label: String
        switch row.kind {
        case .contract:
          label =
            "  " + TextTable.fitted(services[next], serviceWidth) + " "
            + TextTable.fitted(providers[next], providerWidth) + " "
            + String(repeating: " ", count: max(0, valueWidth - row.shownValue.displayWidth))
            + TextTable.fit(row.shownValue, valueWidth)
          next += 1
        case .grid:
          let categoryWidth = min(5, max(2, row.provider.displayWidth))
          label =
            "  " + TextTable.fitted(row.provider, categoryWidth) + " "
            + TextTable.fit(row.service, room - categoryWidth - 3)
        case .keyDates:
          label = "  " + TextTable.fit(row.service, room - 2)
        }
        return TextTable.fitted(label, room)
      }
    }
  }
}

extension GanttChart.Row {
  /// The value as the text chart shows it: a total over the term marked `t`.
  var shownValue: String { valueIsTotal ? value + " t" : value }
}

extension GanttChart {
  /// How the window asked for was widened to whole units: `; widened to whole financial years
  /// from 1 January 2016 to 30 June 2017, the window asked for`, or nothing.
  var widening: String {
    let early = askedFrom.map { axis.firstDay < $0 } ?? false
    let late = askedUntil.map { axis.lastDay > $0 } ?? false
    guard early || late else { return "" }
    let unit =
      switch axis.scale {
      case .month: "months"
      case .quarter: "financial quarters"
      case .year: "financial years"
      }
    let asked =
      switch (askedFrom, askedUntil) {
      case (let from?, let until?): "\(DateStyle.long(from)) to \(DateStyle.long(until))"
      case (let from?, nil): "from \(DateStyle.long(from))"
      case (nil, let until?): "to \(DateStyle.long(until))"
      case (nil, nil): ""
      }
    return "; widened to whole \(unit) from the window asked for, \(asked)"
  }
}
