import Testing

@testable import Commissioning

@Suite("Distinct abbreviations")
struct AbbreviationTests {
  /// A value exactly the width is shown whole; one character more is cut to the width with `…`.
  @Test(
    "the boundary: at the width whole, one over cut", arguments: [(10, false), (11, true)])
  func boundary(_ length: Int, _ cut: Bool) {
    let value = String(repeating: "a", count: length)
    let shown = Abbreviation.distinct([value], width: 10)[0]
    #expect(shown.count <= 10)
    #expect((shown != value) == cut)
    #expect(shown.hasSuffix("…") == cut)
  }

  @Test("two names that share a long start keep what tells them apart")
  func swale() {
    let names = [
      "School Public Health Service (All exc. Swale)", "School Public Health Service (Swale)",
    ]
    let shown = Abbreviation.distinct(names, width: 26)
    #expect(shown == ["School Pu…(All exc. Swale)", "School Public Heal…(Swale)"])
  }

  @Test("equal values stay equal; a value that fits is not touched by a rival's cut")
  func equalAndShort() {
    let shown = Abbreviation.distinct(
      ["Learning Disability Day Services", "Learning Disability Day Services", "Young Carers"],
      width: 20)
    #expect(shown[0] == shown[1])
    #expect(shown[2] == "Young Carers")
  }

  /// Values that differ only past any word the width could show still come apart, by characters.
  @Test(
    "every width from 3 to 40 keeps the values distinct and within the width",
    arguments: 3...40)
  func everyWidth(_ width: Int) {
    let names = [
      "Support for Children and Young People Affected by Domestic Abuse - East and West",
      "Support for Children and young People Affected by Domestic Abuse - North and South",
      "Intensive Family Support Service - East and South",
      "Intensive Family Support Service - North and West",
      "Learning Disability Day Services", "Learning Disability (aged 18+)", "Ward 12", "Ward 13",
      "Ward 12b",
    ]
    let shown = Abbreviation.distinct(names, width: width)
    #expect(shown.allSatisfy { $0.count <= width })
    #expect(Set(shown).count == names.count)
  }

  @Test("a table cuts its columns distinctly and keeps rows told apart when it hides one")
  func table() {
    var table = TextTable(columns: [
      .init("Service", flexible: true, minimum: 20, weight: 5),
      .init("Provider", flexible: true, minimum: 8, dropPriority: 2, weight: 2),
      .init("Options", dropPriority: 1),
    ])
    for provider in ["Yeomans Groundworks", "Mersham Street Café", "Clay and COlour Works"] {
      table.add(["Learning Disability Day Services", provider, "beyond"])
    }
    let (lines, dropped) = table.render(width: 28)
    #expect(dropped == ["Options"])
    #expect(lines.allSatisfy { $0.count <= 28 })
    #expect(Set(lines.dropFirst()).count == 3)
  }

  @Test("the closest rival found among sorted neighbours is the closest among all: 500 seeded sets")
  func neighbours() {
    var random = SeededGenerator(state: 2016)
    for _ in 0..<500 {
      let texts = (0..<Int(1 + random.next() % 12)).map { _ in
        (0..<Int(random.next() % 6)).map { _ in random.pick(["a", "b", "é", "e\u{301}", " "]) }
          .joined()
      }.map { Array($0) }
      let brute = texts.indices.map { i in
        texts.indices.filter { $0 != i }.map { j in
          zip(texts[i], texts[j]).prefix { $0 == $1 }.count
        }.max() ?? 0
      }
      #expect(Abbreviation.longestShared(texts) == brute, "\(texts)")
    }
  }

  @Test("20,000 names that cut alike are told apart in one sort, not by every pair")
  func manyAlike() {
    let names = (0..<20_000).map { "Youth Service Contracts \($0)" }
    let clock = ContinuousClock()
    var shown: [String] = []
    let took = clock.measure { shown = Abbreviation.distinct(names, width: 20) }
    #expect(Set(shown).count == names.count)
    #expect(shown.allSatisfy { $0.count <= 20 })
    // Every pair was 200 million comparisons, minutes even in a release build; a sort is well
    // under a second. The limit is generous so a slow machine passes and a quadratic one fails.
    #expect(took < .seconds(60))
  }

  static let domesticAbuse = [
    "Support for Children and Young People Affected by Domestic Abuse - East and West",
    "Support for Children and young People Affected by Domestic Abuse - North and South",
  ]

  /// The two differ before the cut only in the case of `young`, which a reader does not see as
  /// a difference: each keeps its distinguishing end.
  @Test("cuts that differ only in case or spacing count as the same", arguments: [60, 66, 40])
  func caseAndSpaceBlind(_ width: Int) {
    let shown = Abbreviation.distinct(Self.domesticAbuse, width: width)
    #expect(shown[0].hasSuffix("East and West"), "\(shown)")
    #expect(shown[1].hasSuffix("North and South"), "\(shown)")
    #expect(shown.allSatisfy { $0.count <= width })
    #expect(
      Abbreviation.reading("Young  People\tAffected")
        == Abbreviation.reading("young people affected"))
  }

  /// The two read the same, case aside, for 67 characters: at 68 columns both plain cuts would
  /// read `…Abuse -…` and each keeps its end; at 69 the plain cuts differ (`- E…`, `- N…`).
  @Test("the pair where their plain cuts start to differ", arguments: [(68, true), (69, false)])
  func caseBlindBoundary(_ width: Int, _ keepsEnds: Bool) {
    let shown = Abbreviation.distinct(Self.domesticAbuse, width: width)
    #expect(shown[0].hasSuffix("East and West") == keepsEnds, "\(shown)")
    #expect(shown[1].hasSuffix("North and South") == keepsEnds, "\(shown)")
    #expect(shown[0] != shown[1])
  }

  /// Each sign the scalar path takes, and ones beside them it must leave to the character path
  /// (U+2028 is whitespace, U+00A2 and U+20AB are outside the set, `É` is cased, a combining
  /// accent joins the letter before it).
  @Test(
    "a text reads the same a scalar at a time as a character at a time",
    arguments: [
      "Young  People\tAffected", "A\r\nB", " lead and trail ", "\u{0B}\u{0C}x\u{1C}y\u{1F}",
      "MiXeD @[`{ CASE", "", "\t\t", "Ünicode  Café", "Z", "a\u{7F}b", "School Heal… (Swale)",
      "£5 – €6 ‘Q’ “R” ‐‧", "a\u{2028}b", "¢\u{20AB}", "CAFÉ", "CAFE\u{301} X", " \u{301}A",
    ])
  func asciiReading(_ text: String) {
    #expect(Abbreviation.reading(text) == Abbreviation.characterReading(text))
  }
}

/// The byte path for caseless plain text against the `Character` path it stands in for.
@Suite("Distinct abbreviations, the byte path")
struct PlainAbbreviationTests {
  /// Starts and ends many names share, so cuts collide and rivals run alike for long.
  static let stems = [
    "School Public Health Service ", "Support for Children and Young People ",
    "Intensive Family Support – ", "Ward ", "£5 Voucher Scheme … ", "Learning Disability",
  ]
  /// Pieces with each kind of byte the path counts: multi-byte plain signs (`£`, `…`, `–`, `€`
  /// share lead bytes), spaces in runs, letters in both cases.
  static let plainPieces = [
    "East", "east", "EAST", " and ", "  and ", "West", "(Swale)", "(All exc. Swale)", "12",
    "12b", "£", "£5", "…", "–", "—", "‘Q’", "€", " ", "  ", "a", "A", "-", ")", "(NRS)",
  ]
  /// Pieces that send a column to the `Character` path: cased Latin, a combining accent, CJK
  /// (two columns), a tab and a line break (cut to a space), a no-break space.
  static let otherPieces = ["é", "É", "e\u{301}", "北京", "\t", "\n", "\u{A0}", "Café"]

  static func name(_ random: inout SeededGenerator, plain: Bool) -> String {
    var text = random.next() % 4 == 0 ? "" : random.pick(stems)
    for _ in 0..<Int(random.next() % 6) {
      let other = !plain && random.next() % 5 == 0
      text += random.pick(other ? otherPieces : plainPieces)
    }
    if random.next() % 3 == 0 { text += random.pick([" Service", " (Swale)", " East and West"]) }
    return text
  }

  /// A column of 1 to 30 names, some repeated; 7 in 10 columns caseless plain throughout.
  static func column(_ random: inout SeededGenerator) -> [String] {
    let plain = random.next() % 10 < 7
    var names: [String] = []
    for _ in 0..<Int(1 + random.next() % 30) {
      names.append(
        names.isEmpty || random.next() % 6 != 0
          ? name(&random, plain: plain) : random.pick(names))
    }
    return names
  }

  @Test("the byte path cuts every column as the Character path does: 4,000 seeded columns")
  func sameAsCharacters() {
    var random = SeededGenerator(state: 1922)
    var plainColumns = 0
    for _ in 0..<4_000 {
      let names = Self.column(&random)
      let width = Int(3 + random.next() % 78)
      if names.allSatisfy(\.isCaselessPlain) { plainColumns += 1 }
      let fast = Abbreviation.distinct(names, width: width)
      let general = Abbreviation.characterDistinct(names, width: width)
      #expect(fast == general, "width \(width): \(names)")
    }
    // Most columns take the byte path, so the comparison tests it.
    #expect(plainColumns > 2_000)
  }

  /// `…` (E2 80 A6) and `–` (E2 80 93) share two bytes and no character; `£` (C2 A3) and `‣`
  /// (E2 80 A3) end in the same byte. A count of bytes, or of lead bytes without the check, is one over.
  @Test(
    "rivals that share part of a multi-byte sign run alike by whole characters",
    arguments: [
      ["ab…x", "ab–x"], ["x£", "x‣"], ["£…", "£–", "£"], ["A  B…", "a b…", "a  b–"],
      ["…", "…"], ["", "–"], ["Ward 12 (Swale)", "ward 12 (swale)", "Ward 13  (Swale)"],
    ])
  func partialSigns(_ rivals: [String]) {
    let plain = Abbreviation.plainRunsAlike(rivals)
    #expect(plain != nil)
    #expect(plain?.parting == Abbreviation.characterRunsAlike(rivals).parting)
    #expect(plain?.sharedEnd == Abbreviation.characterRunsAlike(rivals).sharedEnd)
  }

  @Test("text that is not caseless plain is left to the Character path")
  func otherText() {
    #expect(Abbreviation.plainRunsAlike(["Café", "Cafe"]) == nil)
    #expect(
      Abbreviation.plainDistinguished(
        "é" + String(repeating: "a", count: 9),
        parting: 0, sharedEnd: 0, width: 5) == nil)
  }
}
