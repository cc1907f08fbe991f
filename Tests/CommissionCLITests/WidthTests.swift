import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

@Suite("Width and distinct names")
struct WidthTests {
  static let commands: [(name: String, arguments: [String])] = [
    ("expiring", ["expiring", "--by", "2016-09-30"]),
    ("align", ["align"]),
    ("align-ld", ["align", "--group", "learning-disability-day-services"]),
    ("gantt", ["gantt"]),
  ]

  @Test(
    "expiring, align and gantt at 40, 80 and 120 columns: golden, no line over the width",
    arguments: [40, 80, 120])
  func golden(_ width: Int) {
    for (name, arguments) in WidthTests.commands {
      let run = commission(arguments + ["--as-of", "2016-03-22", "--width", String(width)])
      #expect(run.code == 0, "\(name)")
      assertGolden(run.stdout, "width-\(name)-kent-2016-03-w\(width).txt")
      let long = run.stdout.split(separator: "\n").filter { $0.count > width }
      #expect(long.isEmpty, "\(name) at \(width): \(long)")
    }
  }

  /// The table's rows: from the line after the header to the first blank line.
  static func rows(_ text: String, header: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.trimmingASCIISpaces.hasPrefix(header) })
    else { return [] }
    // The rows end at a blank line or a note in brackets (`(Options hidden …)`).
    return Array(lines[(start + 1)...].prefix { !$0.isEmpty && !$0.hasPrefix("(") })
  }

  /// Rows that differ with nothing cut (at 1000 columns) still differ at 80.
  @Test(
    "at 80 columns, rows that differ in the data are printed differently",
    arguments: [
      (["expiring", "--by", "2017-03-31"], "End"),
      (["expiring", "--by", "2030-03-31"], "End"),
      (["align", "--group", "learning-disability-day-services"], "Contract"),
      (["align", "--group", "early-help-family-support"], "Contract"),
      (["align", "--group", "childrens-public-health"], "Contract"),
    ])
  func distinctTableRows(_ arguments: [String], _ header: String) {
    let wide = WidthTests.rows(
      commission(arguments + ["--as-of", "2016-03-22", "--width", "1000"]).stdout, header: header)
    let narrow = WidthTests.rows(
      commission(arguments + ["--as-of", "2016-03-22", "--width", "80"]).stdout, header: header)
    #expect(wide.count == narrow.count && wide.count > 3)
    for i in wide.indices {
      for j in wide.indices where j > i && wide[i] != wide[j] {
        #expect(narrow[i] != narrow[j], "\(wide[i]) / \(wide[j])")
      }
    }
  }

  /// `align` lists each group's contracts, indented, under its heading.
  @Test("at 80 columns, align's group listing tells every differing contract apart")
  func distinctAlignListing() {
    func listed(_ width: Int) -> [String] {
      commission(["align", "--as-of", "2016-03-22", "--width", String(width)]).stdout
        .split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  undated") }
        .map(String.init)
    }
    let wide = listed(1000)
    let narrow = listed(80)
    #expect(wide.count == narrow.count && wide.count > 10)
    for i in wide.indices {
      for j in wide.indices where j > i && wide[i] != wide[j] {
        #expect(narrow[i] != narrow[j], "\(wide[i]) / \(wide[j])")
      }
    }
  }

  @Test("at 80 columns every Gantt label is distinct where service, provider or value differ")
  func distinctGanttLabels() throws {
    let register = try Files.loadRegister([], environment: testEnvironment).register
    var options = GanttOptions()
    options.width = 80
    let chart = try GanttChart(
      register: register, asOf: try #require(Day("2016-03-22")), options: options)
    let rows = chart.sections.flatMap(\.rows)
    let labels = chart.rowLabels(width: 80).flatMap { $0 }
    var text = ""
    chart.writeText(to: &text)
    #expect(text.contains("Swale"))
    #expect(labels.allSatisfy { $0.count <= chart.labelWidth })
    for i in rows.indices where rows[i].kind == .contract {
      for j in rows.indices where j > i && rows[j].kind == .contract {
        let a = rows[i]
        let b = rows[j]
        guard (a.service, a.provider, a.value) != (b.service, b.provider, b.value) else { continue }
        #expect(labels[i] != labels[j], "\(a.service) / \(b.service)")
      }
    }
  }

  @Test(
    "the month and quarter labels sit over their first column", arguments: ["month", "quarter"])
  func labelsOverColumns(_ scale: String) {
    let run = commission([
      "gantt", "--as-of", "2016-03-22", "--width", "120", "--scale", scale, "--group",
      "childrens-public-health",
    ])
    let lines = run.stdout.split(separator: "\n").map { Array($0) }
    guard let units = lines.first(where: { $0.starts(with: Array("Contract")) }),
      let bar = lines.first(where: { $0.contains("█") })
    else {
      Issue.record("no header or bar")
      return
    }
    // The label column ends where the first unit label starts; bars start there too.
    let firstLabel = units.indices.dropFirst(8).first { units[$0] != " " } ?? 0
    let firstCell = bar.indices.first { bar[$0] == "█" || bar[$0] == "│" } ?? 0
    #expect(firstLabel <= firstCell)
    #expect(units[firstLabel - 1] == " " && units[firstLabel - 2] == " ")
  }

  @Test(
    "width: --width, then the terminal's, then COLUMNS, then 100",
    arguments: [
      (Int?(70), true, Int?(90), "110", 70),
      (nil, true, 90, "110", 90),
      (nil, false, 90, "110", 110),
      (nil, true, nil, "110", 110),
      (nil, false, nil, nil, 100),
      (nil, true, 30, nil, 40),
      (nil, false, nil, "5000", 1000),
      (nil, false, nil, "wide", 100),
    ] as [(Int?, Bool, Int?, String?, Int)])
  func widthPrecedence(
    _ asked: Int?, _ terminal: Bool, _ columns: Int?, _ variable: String?, _ expected: Int
  ) {
    var environment = testEnvironment
    environment.isTerminal = terminal
    environment.terminalColumns = columns
    if let variable { environment.variables["COLUMNS"] = variable }
    #expect(environment.textWidth(asked: asked) == expected)
  }

  @Test("gantt: --until ends the window; --to is the target end and needs a group")
  func ganttFlags() {
    let until = commission([
      "gantt", "--as-of", "2016-03-22", "--until", "2016-12-31", "--group",
      "childrens-public-health",
    ])
    #expect(until.code == 0)
    #expect(until.stdout.contains("to 31 December 2016") || until.stdout.contains("31 March 2017"))
    let to = commission(["gantt", "--as-of", "2016-03-22", "--to", "2017-03-31"])
    #expect(to.code == 64)
    #expect(to.stderr.contains("'--until <date>'"))
    let target = commission([
      "gantt", "--as-of", "2016-03-22", "--to", "2017-03-31", "--group",
      "childrens-public-health",
    ])
    #expect(target.code == 0)
    #expect(target.stdout.contains("T target end 31 Mar 2017"))
    let both = commission([
      "gantt", "--as-of", "2016-03-22", "--to", "2017-03-31", "--target", "2017-04-30",
      "--group", "childrens-public-health",
    ])
    #expect(both.code == 64)
  }
}

let testEnvironment = Environment(
  currentDirectory: repositoryRoot.path, today: fixedToday)
