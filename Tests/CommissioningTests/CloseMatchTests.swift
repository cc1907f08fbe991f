import Testing

@testable import Commissioning

@Suite("Did you mean: close matches")
struct CloseMatchTests {
  @Test(
    "the cutoff is a third of the length, at least 1 and at most 3",
    arguments: [(1, 1), (5, 1), (6, 2), (8, 2), (9, 3), (12, 3), (40, 3)])
  func cutoff(length: Int, expected: Int) {
    #expect(CloseMatch.cutoff(for: String(repeating: "a", count: length)) == expected)
  }

  @Test(
    "a name one edit inside the cutoff is suggested, one edit beyond it is not",
    arguments: [
      // 9 characters: cutoff 3.
      ("abcdefxyz", "abcdefghi", true),
      ("abcdewxyz", "abcdefghi", false),
      // 6 characters: cutoff 2.
      ("abcdxy", "abcdef", true),
      ("abcwxy", "abcdef", false),
      // 5 characters: cutoff 1.
      ("abcdx", "abcde", true),
      ("abcxy", "abcde", false),
    ])
  func boundary(text: String, candidate: String, suggested: Bool) {
    #expect(CloseMatch.suggestions(for: text, in: [candidate]) == (suggested ? [candidate] : []))
  }

  @Test(
    "equal ignoring case, prefixes, mistyped starts and typos; closest first",
    arguments: [
      ("--grup", ["--group", "--gantt", "--to"], ["--group"]),
      ("--b", ["--by", "--group"], ["--by"]),
      ("ex", ["expiring", "check", "export"], ["expiring", "export"]),
      ("expire", ["expiring", "export", "check"], ["expiring", "export"]),
      ("KCHFT", ["kchft", "KCHFTX"], ["kchft", "KCHFTX"]),
      ("zzz", ["expiring", "export"], []),
      ("", ["expiring"], []),
    ])
  func suggestions(text: String, candidates: [String], expected: [String]) {
    #expect(CloseMatch.suggestions(for: text, in: candidates) == expected)
  }

  @Test("distances, and the limit stops early")
  func distances() {
    #expect(CloseMatch.distance("kitten", "sitting") == 3)
    #expect(CloseMatch.distance("", "abc") == 3)
    #expect(CloseMatch.distance("abc", "abc") == 0)
    #expect(CloseMatch.distance("kitten", "sitting", limit: 2) == 3)
    #expect(CloseMatch.distance("a", "abcdefgh", limit: 2) == 3)
  }

  @Test(
    "a swap of two adjacent letters is one edit (optimal string alignment)",
    arguments: [
      ("ab", "ba", 1),
      ("sotr", "sort", 1),
      ("abcd", "badc", 2),
      // Not a swap: the letters are not adjacent, so two substitutions.
      ("abc", "cba", 2),
      // Optimal string alignment edits no substring twice: `ca` to `abc` is 3, not 2.
      ("ca", "abc", 3),
      ("kitten", "sitting", 3),
    ])
  func swaps(a: String, b: String, expected: Int) {
    #expect(CloseMatch.distance(a, b) == expected)
    #expect(CloseMatch.distance(b, a) == expected)
  }

  @Test("the early stop never changes an answer within the limit, swaps or not")
  func earlyStop() {
    let words = [
      "", "a", "ab", "ba", "abcd", "badc", "bacd", "sort", "sotr", "group", "gruop",
      "expiring", "exipring", "xepiirng",
    ]
    for a in words {
      for b in words {
        let full = CloseMatch.distance(a, b)
        for limit in 0...4 {
          #expect(CloseMatch.distance(a, b, limit: limit) == min(full, limit + 1), "\(a) \(b)")
        }
      }
    }
  }

  @Test(
    "a mistyped flag with a swap is suggested at the cutoff, a swap and a slip more is not",
    arguments: [
      // `sotr`: 4 letters, cutoff 1.
      ("--sotr", ["--sort"]),
      ("--sotx", []),
      // `gruop`: 5 letters, cutoff 1.
      ("--gruop", ["--group"]),
      ("--gruox", []),
      // `exipring`: 8 letters, cutoff 2.
      ("--exipirng", ["--expiring"]),
      ("--xeipirng", []),
    ])
  func swappedFlags(text: String, expected: [String]) {
    #expect(CloseMatch.suggestions(for: text, in: ["--sort", "--group", "--expiring"]) == expected)
  }

  @Test("a refusal suggests first and lists after, or only lists when nothing is close")
  func refusal() {
    #expect(
      CloseMatch.refusal(
        "no group 'scool'", for: "scool", in: ["school", "health"], noun: "groups")
        == "no group 'scool'; did you mean 'school'? (the groups are school, health)")
    #expect(
      CloseMatch.refusal("no group 'zz'", for: "zz", in: ["school"], noun: "groups")
        == "no group 'zz'; the groups are school")
  }
}

@Suite("Providers and departments by name")
struct ProviderMatchTests {
  @Test(
    "exact, through an alias, partial, ambiguous and unknown providers",
    arguments: [
      ("KCHFT", ProviderMatch.exact("KCHFT")),
      ("porchlight", .exact("porchlight")),
      ("Home Group", .partial("Home Group Ltd")),
      // Two spellings of one provider are one provider.
      ("Barnardo", .partial("Barnardo's")),
      ("Porch", .ambiguous(["Porchlight", "Shaw Trust Porchlight"])),
      ("Porchlite", .unknown(suggestions: ["Porchlight"])),
      ("Nobody At All Ltd", .unknown(suggestions: [])),
    ])
  func providers(text: String, expected: ProviderMatch) throws {
    let register = try loadKent("kent-2016-03")
    #expect(register.matchProvider(text) == expected)
  }

  @Test("departments match ignoring case and come back as the register spells them")
  func departments() throws {
    let register = try loadKent("kent-2016-03")
    #expect(register.departments.count == 3)
    #expect(
      register.department(named: "social care, health and wellbeing")
        == "Social Care, Health and Wellbeing")
    #expect(register.department(named: "Social Care") == nil)
  }
}
