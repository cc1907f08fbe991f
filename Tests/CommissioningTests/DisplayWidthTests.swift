import Testing

@testable import Commissioning

@Suite("Display width: screen columns, not characters")
struct DisplayWidthTests {
  /// Strings and the columns a terminal gives them; each range's edges one inside, one outside.
  @Test(
    "the width of a string in columns",
    arguments: [
      ("abc", 3), ("", 0), ("£1,064 …", 8), ("█▓░│┊▼", 6),
      ("全角", 4), ("Wide 全角文字", 13), ("한국", 4), ("ｱ", 1),
      ("👩‍👩‍👧‍👦", 2), ("👩‍👩‍👧‍👦 x", 4), ("❤️", 2), ("👍🏽", 2),
      ("Cafe\u{301}", 4), ("\u{301}", 0), ("a\u{200B}b", 2),
      ("\u{10FF}", 1), ("\u{1100}", 2), ("\u{115F}", 2),
      ("\u{2E7F}", 1), ("\u{2E80}", 2), ("\u{A4CF}", 2), ("\u{A4D0}", 1),
      ("\u{ABFF}", 1), ("\u{AC00}", 2), ("\u{D7A3}", 2), ("\u{D7A4}", 1),
      ("\u{F8FF}", 1), ("\u{F900}", 2), ("\u{FAFF}", 2), ("\u{FB00}", 1),
      ("\u{FF00}", 2), ("\u{FF60}", 2), ("\u{FF61}", 1), ("\u{FFE0}", 2), ("\u{FFE6}", 2),
      ("\u{FFE7}", 1), ("\u{1F2FF}", 1), ("\u{1F300}", 2), ("\u{1F64F}", 2),
      ("\u{1F8FF}", 1), ("\u{1F900}", 2), ("\u{1F9FF}", 2), ("\u{1FFFF}", 1),
      ("\u{20000}", 2), ("\u{3FFFD}", 2), ("\u{40000}", 1),
    ])
  func width(_ text: String, _ columns: Int) {
    #expect(text.displayWidth == columns, "\(text.unicodeScalars.map { $0.value })")
  }

  /// A cut takes whole graphemes: a wide character that would straddle the edge stays out.
  @Test(
    "prefix and suffix by columns never split a grapheme",
    arguments: [
      ("全角文字", 3, "全", "字"), ("全角文字", 4, "全角", "文字"), ("全角文字", 0, "", ""),
      ("👩‍👩‍👧‍👦👩‍👩‍👧‍👦", 1, "", ""), ("👩‍👩‍👧‍👦👩‍👩‍👧‍👦", 2, "👩‍👩‍👧‍👦", "👩‍👩‍👧‍👦"),
      ("Cafe\u{301}s", 4, "Cafe\u{301}", "afe\u{301}s"),
    ])
  func cuts(_ text: String, _ width: Int, _ prefix: String, _ suffix: String) {
    #expect(text.prefix(displayWidth: width) == prefix)
    #expect(text.suffix(displayWidth: width) == suffix)
  }

  /// Plain text (printable ASCII, U+00A0–U+024F, U+2010–U+2027, `€`) takes a scalar-level
  /// path; it must measure, cut and read exactly as the grapheme path does, at every width from
  /// under zero to past the end, for seeded random strings mixing plain characters with ones
  /// that are not (combining marks, wide, emoji, joiners, controls, the ranges' neighbours).
  @Test("plain text: the scalar path measures, cuts and reads as the grapheme path does")
  func plainFastPath() {
    var random = SeededGenerator(state: 0x2016_0322)
    let plain: [Character] = Array(" ~AZaz09-&/().,'  Mm£…–’€éĀ\u{A0}\u{AD}\u{24F}\u{2010}\u{2027}")
    let other: [Character] = [
      "e\u{301}", "全", "👍🏽", "\u{200D}", "\t", "\u{250}", "\u{2028}", "\u{200F}", "\u{9F}",
      "\u{20AB}", "\u{7F}",
    ]
    var texts = ["", " ", "~", "  a  ", "ABC  def", "£1,064 …"]
    for round in 0..<600 {
      let alphabet = round % 3 == 0 ? plain + other : plain
      let length = Int(random.next() % 24)
      texts.append(String((0..<length).map { _ in random.pick(alphabet) }))
    }
    for text in texts {
      let scalars = text.unicodeScalars.map(\.value)
      #expect(text.displayWidth == text.graphemeDisplayWidth, "\(scalars)")
      #expect(Abbreviation.reading(text) == Abbreviation.characterReading(text), "\(scalars)")
      for width in -1...(text.count + 1) {
        #expect(
          text.prefix(displayWidth: width) == text.graphemePrefix(displayWidth: width),
          "\(scalars) \(width)")
        #expect(
          text.suffix(displayWidth: width) == text.graphemeSuffix(displayWidth: width),
          "\(scalars) \(width)")
      }
    }
  }

  /// Each plain range at its edges, one inside and one outside.
  @Test(
    "plain text: the ranges' edges",
    arguments: [
      ("\u{1F}", false, false), (" ", true, true), ("~", true, true), ("\u{7F}", false, false),
      ("\u{9F}", false, false), ("\u{A0}", true, false), ("£", true, true), ("é", true, false),
      ("\u{24F}", true, false), ("\u{250}", false, false), ("\u{200F}", false, false),
      ("\u{2010}", true, true), ("…", true, true), ("\u{2027}", true, true),
      ("\u{2028}", false, false), ("\u{20AB}", false, false), ("€", true, true),
      ("\u{20AD}", false, false),
    ])
  func plainEdges(_ text: String, _ plain: Bool, _ caseless: Bool) {
    #expect((text.plainScalarCount != nil) == plain)
    #expect(text.isCaselessPlain == caseless)
  }

  /// `fit` and `fitted` measure in columns: at the width whole, one column over cut.
  @Test(
    "fit: the boundary in columns", arguments: [("全角文字の", 10, false), ("全角文字の", 9, true)])
  func fitBoundary(_ text: String, _ width: Int, _ cut: Bool) {
    let shown = TextTable.fit(text, width)
    #expect(shown.displayWidth <= width)
    #expect(shown.hasSuffix("…") == cut)
    #expect(TextTable.fitted(text, width).displayWidth == width)
  }

  static let names = [
    "Wide 全角文字のサービス名前はとても長いですね本当に長い名前です北",
    "Wide 全角文字のサービス名前はとても長いですね本当に長い名前です南",
    "Family 👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦 support service",
    String(repeating: "Cafe\u{301} ", count: 12) + "end",
  ]

  /// Wide names in a table, cut distinctly: every line within the width, the two wide names
  /// still different.
  @Test("a table of wide names keeps to the width in columns", arguments: [40, 41, 80])
  func table(_ width: Int) {
    var table = TextTable(columns: [
      .init("Service", flexible: true, minimum: 10), .init("Provider"),
      .init("Value", alignment: .right),
    ])
    for (n, name) in Self.names.enumerated() { table.add([name, "Prov \(n)", "£1,064"]) }
    let lines = table.render(width: width).lines
    #expect(lines.allSatisfy { $0.displayWidth <= width }, "\(lines)")
    #expect(lines.count == Self.names.count + 1)
    #expect(Set(lines).count == lines.count)
    let cut = Abbreviation.distinct(Self.names, width: 20)
    #expect(cut.allSatisfy { $0.displayWidth <= 20 }, "\(cut)")
    #expect(Set(cut).count == cut.count)
  }

  /// Wrapped prose measures in columns too: no line wider than the width.
  @Test("prose of wide words wraps by columns", arguments: [40, 80])
  func prose(_ width: Int) {
    let lines = Prose.wrap(Self.names.joined(separator: " "), width: width, indent: "  ")
    #expect(lines.allSatisfy { $0.displayWidth <= width }, "\(lines)")
  }
}

@Suite("Display width: the one-scalar path agrees with the grapheme path")
struct DisplayWidthFastPathTests {
  /// The grapheme-by-grapheme answer the fast path must give.
  static func graphemeWidth(_ text: String) -> Int {
    text.reduce(0) { $0 + DisplayWidth.of($1) }
  }

  /// The longest start of at most `width` columns, a grapheme at a time.
  static func graphemePrefix(_ text: String, _ width: Int) -> String {
    var used = 0
    var out = ""
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w > width { break }
      used += w
      out.append(character)
    }
    return out
  }

  /// Texts on both sides of the fast path's ranges: each edge one inside, one outside (U+02FF
  /// and U+0300, U+200F and U+2010, U+2027 and U+2028, U+20AB and U+20AC and U+20AD).
  @Test(
    "each text's width and every cut of it agree with the grapheme count",
    arguments: [
      "£1,064 …", "Café ÿ\u{2FF}", "e\u{300}", "Caf\u{E9}\u{301}", "a\u{200F}b", "a\u{2010}b",
      "‘quoted’ – “dash”", "a\u{2027}b", "a\u{2028}b", "€5 \u{20AB}", "\u{20AD}x", "a\r\nb\t",
      "\u{7F}\u{80}\u{9F}\u{A0}\u{AD}", "£ 全角", "👍🏽 £", "🇬🇧£",
    ])
  func agrees(_ text: String) {
    #expect(text.displayWidth == Self.graphemeWidth(text), "\(text.unicodeScalars.map(\.value))")
    for width in 0...(Self.graphemeWidth(text) + 1) {
      #expect(text.prefix(displayWidth: width) == Self.graphemePrefix(text, width), "\(width)")
    }
  }
}
