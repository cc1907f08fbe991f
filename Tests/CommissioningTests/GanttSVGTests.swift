import Foundation
import Testing

@testable import Commissioning

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The text of every `<text>` element of an SVG, its `<tspan>` lines joined by spaces, as a
/// reader sees it (entities decoded by the parser).
final class SVGTextCollector: NSObject, XMLParserDelegate {
  var texts: [String] = []
  var current: String?
  var attributes: [[String: String]] = []

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    self.attributes.append(attributes.merging(["element": name]) { a, _ in a })
    if name == "text" { current = "" }
    if name == "tspan", let text = current, !text.isEmpty { current = text + " " }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if current != nil { current? += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if name == "text", let text = current {
      texts.append(text)
      current = nil
    }
  }

  /// Parses `svg`; `nil` when it is not well-formed XML.
  static func collect(_ svg: String) -> SVGTextCollector? {
    let collector = SVGTextCollector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    return parser.parse() ? collector : nil
  }
}

/// Words separated by single spaces, so a name compares equal however it was wrapped.
func words(_ text: String) -> String {
  text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
}

@Suite("The SVG timeline for a committee paper")
struct GanttSVGTests {
  static func kentChart(proposal: Bool) throws -> GanttChart {
    let kent = try loadKent("kent-2016-03")
    guard proposal else { return try GanttChart(register: kent, asOf: day("2016-03-22")) }
    let alignment = try AlignmentProposal(
      register: kent, group: "childrens-public-health",
      target: .newServiceStart(day("2017-04-01")), asOf: day("2016-03-22"))
    var options = GanttOptions()
    options.group = "childrens-public-health"
    return try GanttChart(
      register: kent, asOf: day("2016-03-22"), proposal: alignment, options: options)
  }

  static func svg(_ chart: GanttChart, width: Int = 1123) -> String {
    var options = GanttSVGOptions()
    options.width = width
    var svg = ""
    chart.writeSVG(to: &svg, options: options)
    return svg
  }

  @Test(
    "no name in the bundled register's chart is cut: each is whole across its lines",
    arguments: [600, 1123, 1800])
  func namesWhole(_ width: Int) throws {
    let chart = try Self.kentChart(proposal: false)
    let collector = try #require(SVGTextCollector.collect(Self.svg(chart, width: width)))
    let texts = collector.texts.map(words)
    let rows = chart.sections.flatMap(\.rows).filter { $0.kind == .contract }
    let kent = try loadKent("kent-2016-03")
    // Every dated contract is drawn or listed as outside the window: none is dropped.
    #expect(
      rows.count + chart.outsideWindow.count == kent.contracts.filter { $0.endDay != nil }.count)
    for row in rows {
      let name = words(row.service.singleLine)
      #expect(texts.contains { $0.hasPrefix(name) }, "cut or missing: \(name)")
    }
    // Only a mismatch note quotes a grid title shortened (as every message does): no label.
    let labels = texts.filter { !$0.hasPrefix("Plan and register disagree") }
    #expect(!labels.contains { $0.contains("…") })
  }

  @Test("a name one character longer than the label column's line wraps onto a second line")
  func wrapBoundary() throws {
    let chart = try Self.kentChart(proposal: false)
    let layout = GanttSVG(chart: chart, options: .default)
    let room = GanttSVG.characters(in: layout.labelWidth - 16)
    for (length, lines) in [(room, 1), (room + 1, 2)] {
      let name = String(repeating: "x", count: length - 2) + " y"
      let r = try register("id,service,end\na,\(name),2016-09-30\n")
      let svg = Self.svg(try GanttChart(register: r, asOf: day("2016-03-22")))
      let text = try #require(
        svg.split(separator: "\n").first { $0.contains(String(repeating: "x", count: 10)) })
      let tspans = text.components(separatedBy: "<tspan").count - 1
      #expect(max(1, tspans) == lines, "a \(length)-character name")
    }
  }

  @Test(
    "the drawing takes the width asked for, within 600 to 4000 pixels",
    arguments: [(1123, 1123), (600, 600), (599, 600), (4000, 4000), (4001, 4000)])
  func width(_ asked: Int, _ drawn: Int) throws {
    let r = try register("id,service,end\na,Meals,2016-09-30\n")
    let svg = Self.svg(try GanttChart(register: r, asOf: day("2016-03-22")), width: asked)
    #expect(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(drawn)\" "))
  }

  @Test("key dates, the as-of day and the target are labelled in words at their point")
  func keyDatesInWords() throws {
    let svg = Self.svg(try Self.kentChart(proposal: true))
    let texts = try #require(SVGTextCollector.collect(svg)).texts
    for label in [
      "decision by 30 Sep 2016", "forward-plan notice by 1 Sep 2016",
      "procurement start by 1 Oct 2016", "as of 22 Mar 2016", "target end 31 Mar 2017",
      "2016/17", "Apr", "Sep",
    ] {
      #expect(texts.contains(label), "\(label)")
    }
  }

  @Test("partner-led contracts and proposals are told apart by pattern and words, not colour")
  func patterns() throws {
    let svg = Self.svg(try Self.kentChart(proposal: true))
    let collector = try #require(SVGTextCollector.collect(svg))
    let fills = collector.attributes.filter { $0["element"] == "rect" }.compactMap { $0["fill"] }
    #expect(fills.contains("url(#gantt-partner)"))
    #expect(fills.contains("url(#gantt-proposed)"))
    let texts = collector.texts.map(words)
    #expect(texts.contains { $0.hasSuffix("led by West Kent CCG") })
    #expect(texts.contains("current term, partner-led (striped)"))
    #expect(texts.contains("proposed extension (hatched)"))
    // The patterns are defined, each once.
    #expect(svg.components(separatedBy: "<pattern id=\"gantt-partner\"").count == 2)
    #expect(svg.components(separatedBy: "<pattern id=\"gantt-proposed\"").count == 2)
  }

  @Test("role, title and description name the chart for a screen reader; ids take the prefix")
  func accessibility() throws {
    var options = GanttSVGOptions()
    options.idPrefix = "chart-2\"><x"
    var svg = ""
    try Self.kentChart(proposal: true).writeSVG(to: &svg, options: options)
    #expect(svg.contains("role=\"img\" aria-labelledby=\"chart-2x-title chart-2x-desc\""))
    #expect(svg.contains("<title id=\"chart-2x-title\">Timeline: Kent County Council"))
    #expect(svg.contains("<desc id=\"chart-2x-desc\">A timeline of 5 contracts from"))
    #expect(SVGTextCollector.collect(svg) != nil)
  }

  @Test("the legend names the marks drawn and only those")
  func legendOnlyWhatIsDrawn() throws {
    let plain = try register("id,service,end\na,Meals,2016-09-30\n")
    let optioned = try register("id,service,end,extension_options\na,Meals,2016-09-30,+1\n")
    for (r, withOptions) in [(plain, false), (optioned, true)] {
      let svg = Self.svg(try GanttChart(register: r, asOf: day("2016-03-22")))
      let texts = try #require(SVGTextCollector.collect(svg)).texts
      #expect(texts.contains("current term"))
      #expect(texts.contains("extension options left (dashed outline)") == withOptions)
      #expect(!texts.contains("current term, partner-led (striped)"))
      #expect(!texts.contains("proposed extension (hatched)"))
      #expect(!texts.contains("key date"))
    }
  }

  @Test(
    "a key date before the as-of day says it is behind: missed, or held for a meeting",
    arguments: [
      ("2016-03-22", "committee meeting 22 Mar 2016", "decision by 31 Mar 2016"),
      ("2016-03-23", "committee meeting 22 Mar 2016 (held)", "decision by 31 Mar 2016"),
      ("2016-03-31", "committee meeting 22 Mar 2016 (held)", "decision by 31 Mar 2016"),
      ("2016-04-01", "committee meeting 22 Mar 2016 (held)", "decision by 31 Mar 2016 (missed)"),
    ])
  func behind(_ asOf: String, _ meeting: String, _ decision: String) throws {
    let kent = try loadKent("kent-2016-03")
    let proposal = try AlignmentProposal(
      register: kent, group: "supported-accommodation", target: .end(day("2016-09-30")),
      asOf: day(asOf))
    var options = GanttOptions()
    options.group = "supported-accommodation"
    let chart = try GanttChart(
      register: kent, asOf: day(asOf), proposal: proposal, options: options)
    let texts = try #require(SVGTextCollector.collect(Self.svg(chart))).texts
    #expect(texts.contains(meeting))
    #expect(texts.contains(decision))
    #expect(texts.contains("forward-plan notice by 2 Mar 2016 (missed)"))
  }
}
