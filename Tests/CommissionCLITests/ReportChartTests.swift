import Foundation
import Testing

@testable import Commissioning

/// The SVG drawing of the first chart in `html` after `heading`.
func chart(in html: String, after heading: String) -> String {
  guard let start = html.range(of: heading),
    let open = html.range(of: "<svg", range: start.upperBound..<html.endIndex),
    let close = html.range(of: "</svg>", range: open.upperBound..<html.endIndex)
  else { return "" }
  return String(html[open.lowerBound..<close.upperBound])
}

@Suite("Report charts: the whole programme drawn, long windows drawn, labels kept clear")
struct ReportChartTests {
  static let programme = [
    "report", "--group", "childrens-public-health", "--start", "2017-04-01", "--as-of",
    "2016-03-22",
  ]

  @Test("a group's chart reaches its 2034 target: every key date and the target are drawn")
  func wholeProgramme() {
    let run = commission(["report", "--as-of", "2016-03-22"])
    #expect(run.code == 0)
    let svg = chart(in: run.stdout, after: "Alignment proposal: learning-disability-day-services")
    #expect(svg.contains("Target end") || svg.contains("target end"))
    for label in [
      "forward-plan notice by 2 May 2016", "committee meeting 13 May 2016",
      "decision by 31 May 2016", "procurement start by 1 Apr 2034", "target end 30 Sep 2034",
      "to 31 March 2035",
    ] {
      #expect(svg.contains(label), "\(label)")
    }
  }

  @Test(
    "with --group and a proposal the table reaches the target end; --by and the register differ",
    arguments: [
      (programme, "Contracts ending by 31 March 2017", true),
      (programme + ["--by", "2017-03-29"], "Contracts ending by 29 March 2017", false),
      (programme + ["--by", "2017-03-30"], "Contracts ending by 30 March 2017", true),
      (["report", "--as-of", "2016-03-22"], "Contracts ending by 22 March 2017", false),
    ])
  func defaultBy(_ arguments: [String], _ heading: String, _ youngHealthyMinds: Bool) {
    let run = commission(arguments)
    #expect(run.code == 0)
    #expect(run.stdout.contains(heading))
    // Young Healthy Minds ends 30 Mar 2017: in the contracts-ending table only when it reaches.
    let table = run.stdout.components(separatedBy: heading).dropFirst().first ?? ""
    let section = table.components(separatedBy: "</table>").first ?? ""
    #expect(section.contains("Young Healthy Minds") == youngHealthyMinds)
  }

  @Test(
    "gantt --format svg draws any window from 1900 to 2200 at any pixel width",
    arguments: [
      (["--from", "1900-01-01", "--until", "2200-12-31", "--width", "600"], ">1900</text>"),
      (["--from", "1900-01-01", "--until", "2200-12-31", "--width", "4000"], ">2150</text>"),
      (["--from", "1900-01-01", "--until", "2200-12-31"], ">2000</text>"),
      (["--as-of", "2016-03-01", "--until", "2060-12-31", "--width", "4000"], ">2060/61</text>"),
      (["--as-of", "2016-03-01", "--until", "2060-12-31", "--width", "600"], ">2055</text>"),
    ])
  func longWindows(_ flags: [String], _ label: String) {
    let run = commission(
      ["gantt", "--group", "childrens-public-health", "--format", "svg", "--as-of", "2016-03-01"]
        + flags)
    #expect(run.code == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("<svg xmlns="))
    #expect(run.stdout.contains(label), "\(label)")
  }

  @Test("the text chart still refuses a window its columns cannot hold, in columns")
  func textStillRefuses() {
    let run = commission(
      ["gantt", "--as-of", "2016-03-01", "--from", "1900-01-01", "--until", "2200-12-31"])
    #expect(run.code == 1)
    #expect(run.stderr.contains("cannot be drawn even at --width 1000"))
  }

  @Test(
    "a year too narrow for 16/17 is named every 5, 10, 25, 50 or 100 years",
    arguments: [
      (34.0, 1), (33.9, 5), (6.4, 5), (6.3, 10), (3.2, 10), (3.1, 25), (1.28, 25), (1.27, 50),
      (0.64, 50), (0.63, 100),
    ])
  func yearStep(_ width: Double, _ step: Int) {
    #expect(GanttSVG.yearStep(yearWidth: width) == step)
  }

  @Test("the dashed as-of and dotted target lines break over the financial-year band")
  func linesClearOfYearLabels() throws {
    let svg = chart(in: commission(Self.programme).stdout, after: "Alignment proposal:")
    let band = try #require(svg.range(of: "height=\"18\" fill=\"#"))
    let bandY = svg[..<band.lowerBound].components(separatedBy: "y=\"").last ?? ""
    let top = try #require(Double(bandY.prefix { $0 != "\"" }))
    var lines = 0
    for piece in svg.components(separatedBy: "<line ").dropFirst()
    where piece.contains("stroke-dasharray") {
      func value(_ name: String) -> Double? {
        let after = piece.components(separatedBy: "\(name)=\"").dropFirst().first ?? ""
        return Double(after.prefix { $0 != "\"" })
      }
      let (y1, y2) = (value("y1") ?? 0, value("y2") ?? 0)
      #expect(y2 <= top || y1 >= top + 18, "a line from \(y1) to \(y2) crosses \(top)")
      lines += 1
    }
    // Two pieces each for the as-of and target lines, and the legend's two samples.
    #expect(lines == 6)
  }

  @Test("align's Word document: meetings say 'to come', and a key explains partner and beyond")
  func docxStatusAndKey() throws {
    let folder = try DocxCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = try DocxCommandTests.written(DocxCommandTests.align, "a.docx", in: folder)
    let document = try #require(storedEntries(bytes)["word/document.xml"])
    let xml = String(decoding: document, as: UTF8.self)
    #expect(xml.components(separatedBy: ">to come<").count - 1 == 2)
    #expect(xml.contains("Key: Cost \u{201C}partner\u{201D}"))
    #expect(xml.contains("\u{201C}beyond\u{201D}"))
  }
}
