import Foundation
import Testing

@testable import Commissioning

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("Timeline layout")
struct GanttLayoutTests {
  /// 2016/17 to 2017/18, four cells a quarter: 32 columns.
  static let axis = TimeAxis(
    scale: .quarter, from: day("2016-04-01"), to: day("2018-03-31"), cellsPerUnit: 4)

  @Test("days map to columns by quarter, a quarter's first day at its first cell")
  func columns() {
    let axis = Self.axis
    #expect(axis.width == 32)
    #expect(axis.column(of: day("2016-04-01")) == 0)
    #expect(axis.column(of: day("2016-06-30")) == 3)
    #expect(axis.column(of: day("2016-07-01")) == 4)
    #expect(axis.column(of: day("2018-03-31")) == 31)
    #expect(axis.column(of: day("2016-03-31")) == nil)
    #expect(axis.column(of: day("2018-04-01")) == nil)
  }

  @Test(
    "spans: mid-quarter starts and ends, one day, clipped, outside",
    arguments: [
      // 16 May is 45 of Q1's 91 days (cell 1); 15 Nov is 45 of Q3's 92 days (cell 8 + 1).
      ("2016-05-16", "2016-11-15", Optional(1...9)),
      ("2016-09-30", "2016-09-30", Optional(7...7)),  // a one-day term is one cell
      ("2015-01-01", "2016-04-01", Optional(0...0)),  // clipped at the left edge
      ("2017-10-01", "2019-09-30", Optional(24...31)),  // clipped at the right edge
      ("2014-01-01", "2015-12-31", nil),  // wholly before the window
      ("2018-04-01", "2019-03-31", nil),  // wholly after
    ])
  func spans(_ from: String, _ to: String, _ expected: ClosedRange<Int>?) {
    #expect(Self.axis.columns(from: day(from), to: day(to)) == expected)
  }

  @Test("the header names financial years and quarters at their first columns")
  func header() {
    let (years, units) = Self.axis.headerLines()
    #expect(years.hasPrefix("2016/17         2017/18"))
    #expect(units.hasPrefix("Q1  Q2  Q3  Q4  Q1"))
  }

  @Test("a width too small to draw says what would do")
  func tooNarrow() throws {
    var options = GanttOptions()
    options.width = 40
    options.scale = .month
    options.from = day("2016-03-01")
    options.to = day("2019-05-31")
    let r = try register("id,service,end\na,A,2016-09-30\n")
    // Names on their own lines, two columns of indent, and 39 months of one cell: 41.
    #expect(throws: GanttError.tooNarrow(width: 40, needed: 41, what: "39 months", yearFits: true))
    {
      try GanttChart(register: r, asOf: day("2016-03-22"), options: options)
    }
    #expect(
      GanttError.tooNarrow(width: 40, needed: 41, what: "39 months", yearFits: true).description
        == "a width of 40 is too small to draw 39 months; use --width 41 or more, a shorter window (--from, --until) or --scale year"
    )
    // One month fewer fits: 38 one-letter months under names on their own lines.
    options.to = day("2019-04-30")
    let chart = try GanttChart(register: r, asOf: day("2016-03-22"), options: options)
    #expect(chart.axis.width == 38 && chart.labelWidth == 1)
  }

  @Test(
    "terms, month-only ends and options become segments; undated and out-of-window rows are listed")
  func segments() throws {
    let r = try register(
      "id,service,start,end,group\na,A,2016-05-16,March 2017 +1,g\nb,B,,TBC,g\nc,C,,2014-03-31,g\n")
    var options = GanttOptions()
    options.from = day("2016-04-01")
    options.to = day("2018-03-31")
    options.width = 80
    let chart = try GanttChart(register: r, asOf: day("2016-03-22"), options: options)
    let row = try #require(chart.sections.first?.rows.first)
    #expect(row.segments.map(\.mark) == [.term, .uncertainEnd, .options])
    #expect(row.segments[0].from == day("2016-05-16") && row.segments[0].to == day("2017-03-31"))
    #expect(row.segments[2].to == day("2018-03-31"))
    #expect(chart.undated.map(\.id) == ["b"])
    #expect(chart.outsideWindow.map(\.id) == ["c"])
  }

  @Test("an extension already exercised is drawn from the original end to the current end")
  func exercised() throws {
    let r = try register(
      "id,service,start,original_end,end\na,A,2015-04-01,2016-09-30,2017-03-31\n")
    var options = GanttOptions()
    options.from = day("2016-04-01")
    options.to = day("2018-03-31")
    let chart = try GanttChart(register: r, asOf: day("2016-03-22"), options: options)
    let row = try #require(chart.sections.first?.rows.first)
    #expect(row.segments.map(\.mark) == [.term, .exercised])
    #expect(row.segments[1].from == day("2016-10-01") && row.segments[1].to == day("2017-03-31"))
    #expect(row.segments[1].columns == 8...15)
    let bad = try register("id,service,original_end,end\na,A,2018-01-01,2017-03-31\n")
    #expect(bad.contracts[0].originalEnd == nil)
    #expect(
      bad.diagnostics.map(\.message) == [
        "original end 2018-01-01 is after the current end 2017-03-31; ignored"
      ])
  }

  @Test("the March 2016 overlay: proposed extensions to 31 March 2017 and the key dates")
  func overlay() throws {
    let register = try loadKent("kent-2016-03")
    let proposal = try AlignmentProposal(
      register: register, group: "childrens-public-health",
      target: .newServiceStart(day("2017-04-01")), asOf: day("2016-03-22"))
    var options = GanttOptions()
    options.group = "childrens-public-health"
    let chart = try GanttChart(
      register: register, asOf: day("2016-03-22"), proposal: proposal, options: options)
    let rows = try #require(chart.sections.first?.rows)
    let hv = try #require(rows.first { $0.contractId == "schw-hv-fnp" })
    #expect(hv.segments.map(\.mark) == [.term, .proposed])
    #expect(hv.segments[0].to == day("2016-09-30"))
    #expect(hv.segments[1].from == day("2016-10-01") && hv.segments[1].to == day("2017-03-31"))
    let yhm = try #require(rows.first { $0.contractId == "schw-young-healthy-minds" })
    #expect(yhm.segments.map(\.mark) == [.term])
    let keys = try #require(rows.first { $0.kind == .keyDates })
    #expect(keys.letters.map(\.text) == ["N", "C", "D", "P", "T"])
    #expect(
      keys.letters.map(\.day)
        == ["2016-09-01", "2016-09-06", "2016-09-30", "2016-10-01", "2017-03-31"].map(day))
  }

  @Test("colour only when asked: ANSI escapes appear with color and never without")
  func colour() throws {
    let r = try register("id,service,end\na,A,2016-09-30\n")
    let chart = try GanttChart(register: r, asOf: day("2016-03-22"))
    var plain = ""
    chart.writeText(to: &plain)
    var coloured = ""
    chart.writeText(to: &coloured, color: true)
    #expect(!plain.contains("\u{1B}["))
    #expect(coloured.contains("\u{1B}[34m"))
  }

  @Test("SVG escapes every value and is well-formed XML")
  func svgEscaping() throws {
    let r = try register(
      "id,service,provider,end\na,\"<script>alert('x')</script> & \"\"Co\"\"\",A&B <Ltd>,2016-09-30\n"
    )
    let chart = try GanttChart(register: r, asOf: day("2016-03-22"))
    var svg = ""
    chart.writeSVG(to: &svg)
    #expect(!svg.contains("<script>"))
    #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"))
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse())
  }
}
