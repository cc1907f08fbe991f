/// How to draw a timeline as SVG for a committee paper.
public struct GanttSVGOptions: Sendable {
  /// The drawing's width in CSS pixels: A4 landscape at 96 dpi (297 mm) by default.
  public var width = 1123
  /// The start of every `id` in the drawing, so several charts can share one HTML page.
  public var idPrefix = "gantt"

  public init() {}
  public static let `default` = GanttSVGOptions()
  /// The widths a drawing may have: under 600 pixels names leave no room for the timeline.
  public static let widthRange = 600...4000
}

extension GanttChart {
  /// Draws the chart as a standalone SVG for a committee paper: every name whole (wrapped onto
  /// more lines, never cut), financial years and months labelled, key dates told in words at
  /// their point, and marks told apart by pattern and words as well as colour.
  ///
  /// - Parameters:
  ///   - out: where the SVG goes.
  ///   - options: the width in pixels and the prefix of ids.
  public func writeSVG<Target: TextOutputStream>(
    to out: inout Target, options: GanttSVGOptions = .default
  ) {
    var drawing = GanttSVG(chart: self, options: options)
    drawing.write(to: &out)
  }

  /// Text escaped for XML (see ``Markup/escapeXML(_:)``).
  static func escape(_ text: String) -> String { Markup.escapeXML(text) }
}

/// The SVG drawing of a ``GanttChart``, laid out top to bottom in named steps: heading, axis,
/// rows, lines across the rows, legend. Days map to pixels linearly, so a bar's length is its
/// duration whatever unit the text chart chose.
struct GanttSVG {
  let chart: GanttChart
  let width: Double
  let prefix: String
  let margin: Double = 16
  let labelWidth: Double
  let chartLeft: Double
  let chartRight: Double
  /// The months the window spans, counted once: every month line and label reads the month's
  /// width, and counting them each time made a window of centuries (an end in year 17) take
  /// minutes.
  let monthsInWindow: Int
  let lineHeight: Double = 14
  /// A generous average advance of an 11-pixel sans-serif character, so wrapped names fit.
  static let characterWidth: Double = 6.3

  /// Okabe–Ito colours: told apart by people with any common colour-vision deficiency.
  enum Palette {
    static let term = "#0072B2"
    static let exercised = "#56B4E9"
    static let partner = "#009E73"
    static let proposed = "#E69F00"
    static let asOf = "#D55E00"
    static let stage = "#F0E442"
    static let ink = "#1a1a1a"
    static let muted = "#555555"
  }

  var body = ""
  var y: Double = 0
  var axisTop: Double = 0

  init(chart: GanttChart, options: GanttSVGOptions) {
    self.chart = chart
    width = Double(
      min(
        max(options.width, GanttSVGOptions.widthRange.lowerBound),
        GanttSVGOptions.widthRange.upperBound))
    let cleaned = options.idPrefix.unicodeScalars.filter {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
    }
    prefix = cleaned.isEmpty ? "gantt" : String(String.UnicodeScalarView(cleaned))
    labelWidth = (width * 0.3).rounded()
    chartLeft = margin + labelWidth
    chartRight = width - margin
    monthsInWindow = TimeAxis.unitCount(
      scale: .month, from: chart.axis.firstDay, to: chart.axis.lastDay)
  }

  /// Writes the whole drawing, a row at a time. The opening tag holds the height, known only
  /// once everything under it is laid out: so the rows are measured first (not drawn), and
  /// what follows them, which is small, is drawn and held until they have gone.
  mutating func write<Target: TextOutputStream>(to out: inout Target) {
    drawHeading()
    drawAxis()
    let head = body
    let rowsTop = y
    let rowsBottom = rowsTop + rowsHeight()
    body = ""
    drawAsOfAndTarget(from: axisTop - lineHeight, to: rowsBottom)
    y = rowsBottom + 20
    drawLegend()
    drawNotes()
    let tail = body
    let height = y + margin
    // The month and year lines go behind the rows, so they come before them.
    body = ""
    drawGridLines(from: axisTop, to: rowsBottom)
    out.write(opening(height: height) + defs() + head + body)
    body = ""
    y = rowsTop
    drawRows(flushingInto: &out)
    assert(y == rowsBottom, "the rows are drawn as deep as they were measured")
    out.write(tail + "</svg>\n")
    body = ""
  }

  // MARK: Geometry

  /// The x of the start of `day`; days outside the window are held at its edges.
  func x(_ day: Day) -> Double {
    let first = chart.axis.firstDay
    let span = Double((chart.axis.lastDay - first).days + 1)
    let offset = Double((min(max(day, first), chart.axis.lastDay.next) - first).days)
    return chartLeft + (chartRight - chartLeft) * offset / max(1, span)
  }

  /// How many characters fit in `pixels` at the body's size (wide characters count two).
  static func characters(in pixels: Double) -> Int { max(8, Int(pixels / characterWidth)) }

  /// Text on one line (a tab or line break in a name becomes a space), then wrapped at word
  /// boundaries to `width` characters; a word longer than a line is split, never dropped.
  static func wrap(_ text: String, width: Int, indent: String) -> [String] {
    Prose.words(text.singleLine, width: width, indent: indent)
  }

  /// A number with at most one decimal, as SVG coordinates need no more.
  static func f(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  /// Text at `x`, `y`, its lines as `<tspan>`s one under another; every line escaped.
  static func text(_ lines: [String], x: Double, y: Double, attributes: String = "") -> String {
    guard let first = lines.first else { return "" }
    var out = "<text x=\"\(f(x))\" y=\"\(f(y))\"\(attributes)>"
    if lines.count == 1 { return out + GanttChart.escape(first) + "</text>\n" }
    for (index, line) in lines.enumerated() {
      out +=
        "<tspan x=\"\(f(x))\"\(index == 0 ? "" : " dy=\"14\"")>\(GanttChart.escape(line))</tspan>"
    }
    return out + "</text>\n"
  }

  // MARK: Frame

  func opening(height: Double) -> String {
    let w = GanttSVG.f(width)
    let h = GanttSVG.f(height)
    let title = "Timeline: " + chart.title
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
      role="img" aria-labelledby="\(prefix)-title \(prefix)-desc" \
      font-family="Helvetica, Arial, sans-serif" font-size="11" fill="\(Palette.ink)">
      <title id="\(prefix)-title">\(GanttChart.escape(title.singleLine))</title>
      <desc id="\(prefix)-desc">\(GanttChart.escape(description.singleLine))</desc>
      <rect width="100%" height="100%" fill="#ffffff"/>

      """
  }

  /// What the chart shows, in words, for a screen reader.
  var description: String {
    let contracts = chart.sections.reduce(0) { count, section in
      count + section.rows.reduce(0) { $0 + ($1.kind == .contract ? 1 : 0) }
    }
    var words =
      "A timeline of \(contracts) contract\(contracts == 1 ? "" : "s") from "
      + "\(DateStyle.long(chart.axis.firstDay)) to \(DateStyle.long(chart.axis.lastDay)), "
      + "as of \(DateStyle.long(chart.asOf)), grouped by programme"
    if let proposal = chart.proposal {
      words += ", with the proposed alignment of \(proposal.group) to end on "
      words += DateStyle.long(proposal.target)
    }
    return words + ". A legend under the chart names each mark; key dates are labelled in words."
  }

  /// The patterns that tell marks apart without colour: hatching for proposals, stripes for
  /// partner-led contracts, dots for an end known only to the month.
  func defs() -> String {
    """
    <defs>
      <pattern id="\(prefix)-proposed" width="6" height="6" patternUnits="userSpaceOnUse" \
    patternTransform="rotate(45)">
        <rect width="6" height="6" fill="\(Palette.proposed)"/><line x1="0" y1="0" x2="0" y2="6" \
    stroke="#000000" stroke-width="2"/>
      </pattern>
      <pattern id="\(prefix)-partner" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="\(Palette.partner)"/><line x1="3" y1="0" x2="3" y2="6" \
    stroke="#ffffff" stroke-width="2"/>
      </pattern>
      <pattern id="\(prefix)-dots" width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill="#ffffff"/><circle cx="2" cy="2" r="1" fill="#000000"/>
      </pattern>
    </defs>

    """
  }

  // MARK: Heading and axis

  /// The title and the window, wrapped to the page.
  mutating func drawHeading() {
    let titleLines = GanttSVG.wrap(
      "Timeline: " + chart.title, width: GanttSVG.characters(in: (width - 2 * margin) / 1.4),
      indent: "")
    body += GanttSVG.text(
      titleLines, x: margin, y: margin + 12,
      attributes: " font-size=\"15\" font-weight=\"bold\"")
    y = margin + 12 + Double(titleLines.count - 1) * lineHeight + 18
    let window =
      "As of \(DateStyle.long(chart.asOf)) · \(DateStyle.long(chart.axis.firstDay)) to "
      + "\(DateStyle.long(chart.axis.lastDay)) · financial years April to March"
    body += GanttSVG.text(
      GanttSVG.wrap(window, width: GanttSVG.characters(in: width - 2 * margin), indent: ""),
      x: margin, y: y, attributes: " fill=\"\(Palette.muted)\"")
    // Room above the axis for the as-of and target labels.
    y += chart.proposal == nil ? 36 : 50
  }

  /// Financial years as bands with their labels, then months (or quarters, when months are
  /// too narrow for a letter) under them.
  mutating func drawAxis() {
    axisTop = y
    var year = FinancialQuarter(containing: chart.axis.firstDay).startYear
    var shade = false
    var labels = ""
    while FinancialQuarter(startYear: year, quarter: 1).firstDay <= chart.axis.lastDay {
      let first = max(FinancialQuarter(startYear: year, quarter: 1).firstDay, chart.axis.firstDay)
      let last = min(FinancialQuarter(startYear: year, quarter: 4).lastDay, chart.axis.lastDay)
      let left = x(first)
      let room = x(last.next) - left
      body +=
        "<rect x=\"\(GanttSVG.f(left))\" y=\"\(GanttSVG.f(y))\" width=\"\(GanttSVG.f(room))\" "
        + "height=\"18\" fill=\"\(shade ? "#e4e4e4" : "#f2f2f2")\"/>\n"
      let label = FinancialQuarter(startYear: year, quarter: 1).yearLabel
      // Too narrow for `16/17`: every fifth (tenth…) year is named by its start, at its left.
      let step = yearStep
      let named = step > 1 && year % step == 0 && left + 28 <= chartRight ? String(year) : ""
      let text = room >= 52 ? label : room >= 34 ? String(label.suffix(5)) : named
      if !text.isEmpty {
        let anchor = room >= 34 ? " text-anchor=\"middle\"" : ""
        // Labels go on top of every band, as a named year's label spans the next years' bands.
        labels += GanttSVG.text(
          [text], x: room >= 34 ? left + room / 2 : left + 1, y: y + 13,
          attributes: anchor + " font-weight=\"bold\"")
      }
      shade.toggle()
      year += 1
    }
    body += labels
    y += GanttSVG.yearBand
    drawUnitLabels()
    y += 18
  }

  /// `Apr May …` when a month has room for three letters, `A M …` for one, else `Q1 Q2 …`.
  mutating func drawUnitLabels() {
    // A quarter narrower than its `Q1` leaves the years alone to tell the time.
    guard monthWidth * 3 >= 14 else { return }
    var day = chart.axis.firstDay.firstOfMonth
    while day <= chart.axis.lastDay {
      let next = day.adding(Months(monthWidth >= 9 ? 1 : 3))
      guard next > day else { break }
      let name = DateStyle.shortMonths[day.month - 1]
      let label: String
      if monthWidth >= 24 {
        label = name
      } else if monthWidth >= 9 {
        label = String(name.prefix(1))
      } else {
        label = "Q\(FinancialQuarter(containing: day).quarter)"
      }
      let middle = (x(day) + x(next)) / 2
      body += GanttSVG.text(
        [label], x: middle, y: y + 12,
        attributes: " text-anchor=\"middle\" font-size=\"10\" fill=\"\(Palette.muted)\"")
      day = next
    }
  }

  /// The height of the financial-year band at the top of the axis.
  static let yearBand: Double = 18

  /// Every how many years a year is named and ruled: 1 while `16/17` fits, else the first of
  /// 5, 10, 25, 50 and 100 years that leaves room for `2020`, so any window up to 300 years reads.
  var yearStep: Int { GanttSVG.yearStep(yearWidth: 12 * monthWidth) }

  /// ``yearStep`` for a year `yearWidth` pixels wide.
  static func yearStep(yearWidth: Double) -> Int {
    guard yearWidth < 34 else { return 1 }
    return [5, 10, 25, 50].first { Double($0) * yearWidth >= 32 } ?? 100
  }

  /// A month's width in pixels.
  var monthWidth: Double { (chartRight - chartLeft) / Double(max(1, monthsInWindow)) }

}
