import Testing

@testable import Commissioning

@Suite("Text layout: cells on one line, prose and headings wrapped")
struct TextLayoutTests {
  @Test(
    "one line of text for a table or a message: breaks become spaces, controls visible",
    arguments: [
      ("Meals on wheels", "Meals on wheels"),
      ("Meals\non wheels", "Meals on wheels"),
      ("Meals\r\non wheels", "Meals on wheels"),
      ("Meals \n on", "Meals  on"),
      ("Tab\there", "Tab here"),
      ("Acme\u{1B}[2J", "Acme\u{241B}[2J"),
      ("Zed\u{0}Co", "Zed\u{2400}Co"),
      ("Day care\u{7F}", "Day care\u{2421}"),
      ("Zed\u{9B}31m", "Zed\u{FFFD}31m"),
      ("£1,000 – Barnardo’s é", "£1,000 – Barnardo’s é"),
    ])
  func singleLine(text: String, shown: String) {
    #expect(text.singleLine == shown)
  }

  @Test(
    "prose wraps at words; a heading breaks between its parts, never inside a date",
    arguments: [
      (
        "Aligning g · Kent County Council · kent-2016-03 · as of 22 March 2016", 40,
        ["Aligning g · Kent County Council ·", "kent-2016-03 · as of 22 March 2016"]
      ),
      (
        "Aligning g · Kent County Council · as of 22 March 2016", 80,
        ["Aligning g · Kent County Council · as of 22 March 2016"]
      ),
      (
        "Values: pa = a year, total = whole term, ~ = estimate.", 20,
        ["Values: pa = a year,", "total = whole term,", "~ = estimate."]
      ),
      // A part longer than a line: words, as for any paragraph.
      ("a · a very long part indeed", 12, ["a · a very", "long part", "indeed"]),
    ])
  func prose(text: String, width: Int, lines: [String]) {
    #expect(Prose.wrap(text, width: width) == lines)
    #expect(Prose.wrap(text, width: width).allSatisfy { $0.count <= width })
  }

  @Test(
    "legend items wrap within the width, a long item too, its continuation under the indent",
    arguments: [40, 41, 45, 46])
  func items(width: Int) {
    let items = ["Key dates:", "N forward-plan notice by 1 Sep 2016", "C committee 6 Sep 2016"]
    let lines = Prose.wrapItems(items, width: width, indent: "           ")
    #expect(lines.allSatisfy { $0.displayWidth <= width }, "\(lines)")
    // Nothing lost: the words in order.
    #expect(
      lines.joined(separator: " ").split(separator: " ")
        == items.joined(separator: " ").split(
          separator: " "))
    // "           N forward-plan notice by 1 Sep 2016" is 46 columns: whole from 46 up.
    #expect(lines.contains("           N forward-plan notice by 1 Sep 2016") == (width >= 46))
  }
}
