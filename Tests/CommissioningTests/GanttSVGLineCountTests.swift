import Testing

@testable import Commissioning

/// The SVG's height is measured before its rows are drawn, counting each name's lines without
/// wrapping it: the count must be the wrap's, or the drawing's height is wrong.
@Suite("Gantt SVG line counts")
struct GanttSVGLineCountTests {
  @Test(
    "the count is the wrap's, at a line's width, one under and one over",
    arguments: [
      // Width 10: ten columns fit, eleven do not.
      ("aaaa bbbb", 1), ("aaaaa bbbb", 1), ("aaaaa bbbbb", 2),
      ("aaaaaaaaa", 1), ("aaaaaaaaaa", 1), ("aaaaaaaaaaa", 2),
      ("aaaaaaaaaaaaaaaaaaaa", 2), ("aaaaaaaaaaaaaaaaaaaaa", 3), ("a aaaaaaaaaaaaaaaaaaaa", 3),
      ("", 0), ("   ", 0), ("  aaaaa   bbbb  ", 1), ("a · b · c · d", 2), ("Café · £12,000", 2),
      ("tab\tand\nline", 2), ("Ünïcödé wörds", 2),
      // Not plain: wrapped, not counted.
      ("儿童服务 children", 2), ("e\u{301}tude e\u{301}tude", 2), ("👩‍👩‍👧 family 👩‍👩‍👧", 2),
    ])
  func boundaries(_ text: String, _ lines: Int) {
    #expect(GanttSVG.wrap(text, width: 10, indent: "").count == lines)
    #expect(GanttSVG.lineCount(text, width: 10) == lines)
  }

  @Test("the count is the wrap's for 3,000 seeded names of plain words, at widths 8 to 60")
  func seeded() {
    var random = SeededGenerator(state: 19)
    let words = ["a", "Kent", "·", "£1,234", "–", "Café", "x", "supported", "é", "  ", "'s"]
    for _ in 0..<3_000 {
      let width = Int.random(in: 8...60, using: &random)
      var text = ""
      for _ in 0..<Int.random(in: 0...30, using: &random) {
        text += random.pick(words) + (Int.random(in: 0..<4, using: &random) == 0 ? "" : " ")
      }
      if Int.random(in: 0..<10, using: &random) == 0 {
        text += String(repeating: "w", count: Int.random(in: 1...150, using: &random))
      }
      let wrapped = GanttSVG.wrap(text, width: width, indent: "").count
      #expect(GanttSVG.lineCount(text, width: width) == wrapped, "\(text) at \(width)")
    }
  }
}
