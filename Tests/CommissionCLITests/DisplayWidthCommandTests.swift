import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

/// Issue 20's promise held on screen: with names in full-width CJK, emoji ZWJ sequences and
/// combining marks, no line of a table, timeline or report is wider than `--width` columns.
@Suite("Display width in the commands")
struct DisplayWidthCommandTests {
  static let register = """
    id,service,provider,value,end,group
    w1,Wide 全角文字のサービス名前はとても長いですね本当に長い名前です北,Prov I,£1064,01/06/2016,wide
    w2,Wide 全角文字のサービス名前はとても長いですね本当に長い名前です南,Prov J,£2064,01/07/2016,wide
    e1,Family \(String(repeating: "👩‍👩‍👧‍👦", count: 12)) support,家族支援サービス提供者,£500,01/08/2016,wide
    c1,\(String(repeating: "Cafe\u{301} ", count: 11))end,Prov C,£700,01/09/2016,wide

    """

  static func file() throws -> URL {
    let folder = try temporaryFolder("display-width")
    let url = folder.appendingPathComponent("names.csv")
    try Data(register.utf8).write(to: url)
    return url
  }

  @Test(
    "expiring, gantt and align with wide names: every line within the width in columns",
    arguments: [40, 41, 80])
  func wideNames(_ width: Int) throws {
    let file = try Self.file()
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let path = file.path
    let runs = [
      ["expiring", "--by", "2030-01-01", "--as-of", "2016-01-01"],
      ["gantt", "--as-of", "2016-01-01"], ["align", "--as-of", "2016-01-01"],
    ]
    for arguments in runs {
      let run = commission(arguments + ["--width", String(width), path])
      #expect(run.code == 0, "\(arguments[0]): \(run.stderr)")
      let long = run.stdout.split(separator: "\n").map(String.init).filter {
        $0.displayWidth > width
      }
      #expect(long.isEmpty, "\(arguments[0]) at \(width): \(long)")
      #expect(!run.stdout.contains("\u{FFFD}"))
    }
  }

  /// The two wide names differ only in their last character: both rows say which is which.
  @Test("the wide names stay distinct when cut", arguments: [40, 80])
  func distinct(_ width: Int) throws {
    let file = try Self.file()
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let path = file.path
    let run = commission([
      "expiring", "--by", "2030-01-01", "--as-of", "2016-01-01", "--width", String(width), path,
    ])
    #expect(run.stdout.contains("北") && run.stdout.contains("南"), "\(run.stdout)")
  }
}

@Suite("Gantt details: legend, totals, headers; align's flag lines")
struct GanttDetailTests {
  static let group = ["--as-of", "2016-03-22", "--group", "childrens-public-health"]

  /// The body: the lines between the header and the legend.
  static func body(_ text: String) -> String {
    text.components(separatedBy: "Legend:")[0]
  }

  /// The legend shows `┊ target` exactly when a row draws `┊`: never with the target under
  /// every bar (the key dates' `T` marks it then), and in the school-facilities chart, whose grid
  /// row leaves the target's column empty, both.
  @Test(
    "the target's glyph is listed only when drawn",
    arguments: [
      (["--group", "childrens-public-health", "--start", "2017-04-01"], 40, false),
      (["--group", "childrens-public-health", "--start", "2017-04-01"], 80, false),
      (["--group", "childrens-public-health", "--start", "2017-04-01"], 100, false),
      (["--group", "school-facilities", "--target", "2016-12-31"], 100, true),
    ])
  func target(_ extra: [String], _ width: Int, _ drawn: Bool) {
    let run = commission(["gantt", "--as-of", "2016-03-22"] + extra + ["--width", String(width)])
    #expect(run.code == 0, "\(run.stderr)")
    #expect(run.stdout.contains("┊ target") == drawn, "\(run.stdout)")
    #expect(Self.body(run.stdout).contains("┊") == drawn)
    #expect(run.stdout.contains("T target end"))
  }

  @Test("a total over the term is marked t, and the legend says so")
  func totals() {
    let run = commission(["gantt"] + Self.group + ["--width", "100"])
    #expect(run.stdout.contains("£829k t "), "\(run.stdout)")
    #expect(run.stdout.contains("£4.9m █"))
    #expect(run.stdout.contains("t value over the whole term"))
    let none = commission(["gantt", "--as-of", "2016-03-22", "--group", "school-facilities"])
    #expect(!none.stdout.contains("t value over the whole term"))
  }

  /// Every year label on the header is whole: `2016/17` or `16/17`, never `16/1`.
  @Test(
    "year headers are whole labels or none",
    arguments: [(40, "year"), (41, "year"), (50, "year"), (40, "quarter"), (80, "quarter")])
  func headers(_ width: Int, _ scale: String) {
    let group = scale == "quarter" ? ["--group", "childrens-public-health"] : []
    let run = commission(
      ["gantt", "--as-of", "2016-03-22", "--scale", scale, "--width", String(width)] + group)
    #expect(run.code == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let header = lines.first { $0.contains("/1") } ?? ""
    let labels = header.split(separator: " ")
    #expect(!labels.isEmpty)
    for label in labels {
      let parts = label.split(separator: "/")
      #expect(
        parts.count == 2 && [2, 4].contains(parts[0].count) && parts[1].count == 2,
        "\(header)")
    }
  }

  /// A flagged contract's name wrapped over lines continues under its text, not under `-`.
  @Test("align's flag items indent their continuation lines", arguments: [60, 80])
  func flagIndent(_ width: Int) throws {
    let folder = try temporaryFolder("flags")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("home.csv")
    try Data(
      """
      id,service,provider,value,end,group
      h1,Home Care Services for Older People and Adults with Physical Disabilities South \
      Locality,Bluebird Care (Southern) Ltd,£1000,01/06/2016,home
      h2,Home Care North,Carers Ltd,£1000,01/09/2016,home

      """.utf8
    ).write(to: url)
    let run = commission([
      "align", "--as-of", "2016-03-22", "--group", "home", "--width", String(width), url.path,
    ])
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex { $0.hasPrefix("- Home Care Services") })
    #expect(lines[start + 1].hasPrefix("  "), "\(lines[start + 1])")
    #expect(lines.allSatisfy { $0.count <= width })
  }
}
