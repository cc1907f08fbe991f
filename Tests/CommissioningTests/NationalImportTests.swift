import Foundation
import Testing

@testable import Commissioning

/// A national Contracts Finder import: the latest release of each ocid, buyer, CPV and postcode
/// carried, double-encoded UTF-8 repaired, and the pages of a mapped file given back as it goes.
@Suite("National OCDS import")
struct NationalImportTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ocds/national-4.jsonl")

  @Test(
    "double-encoded UTF-8 is repaired only when the whole string round-trips",
    arguments: [
      ("9\u{E2}\u{20AC}\u{AF}am to\u{E2}\u{20AC}\u{AF}5", "9\u{202F}am to\u{202F}5"),
      ("Caf\u{C3}\u{A9}", "Caf\u{E9}"),
      ("workers\u{E2}\u{20AC}\u{2122} pay", "workers\u{2019} pay"),
      ("\u{C2}\u{A3}2.5m", "\u{A3}2.5m"),
      ("Soci\u{C3}\u{A9}t\u{C3}\u{A9} G\u{C3}\u{A9}n", "Soci\u{E9}t\u{E9} G\u{E9}n"),
      // A real capital A with tilde: "Ã" then "O" is not UTF-8, so it stays.
      ("S\u{C3}O PAULO", nil),
      // Correct text with no double encoding: é alone is a lone byte 0xE9, not UTF-8.
      ("Caf\u{E9}", nil),
      // Partly double-encoded, partly correct: the ’ (a Windows-1252 byte) beside a real £
      // written once does not make valid UTF-8, so nothing is changed.
      ("\u{C2}\u{A3}100 \u{2013} caf\u{E9}", nil),
      // A character outside Windows-1252 (U+202F itself) means the text was never misread.
      ("9\u{202F}am \u{C3}\u{A9}", nil),
      ("plain ASCII", nil),
      ("", nil),
    ] as [(String, String?)])
  func mojibake(text: String, repaired: String?) {
    #expect(Mojibake.repaired(text) == repaired)
  }

  @Test("every Windows-1252 byte maps back from its character, and only those characters do")
  func windows1252() {
    for (byte, scalar) in windows1252Table {
      #expect(Mojibake.windows1252Byte(scalar) == byte)
    }
    // The five bytes the code page leaves undefined pass through as C1 controls.
    for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
      #expect(Mojibake.windows1252Byte(UInt32(byte)) == byte)
    }
    // One past each end of the one-byte ranges.
    #expect(Mojibake.windows1252Byte(0x7F) == 0x7F)
    #expect(Mojibake.windows1252Byte(0x80) == nil)
    #expect(Mojibake.windows1252Byte(0x9F) == nil)
    #expect(Mojibake.windows1252Byte(0xA0) == 0xA0)
    #expect(Mojibake.windows1252Byte(0xFF) == 0xFF)
    #expect(Mojibake.windows1252Byte(0x100) == nil)
  }

  @Test("one ocid in three releases keeps its latest; buyer, CPV, postcode and repairs carried")
  func latestKept() throws {
    let bytes = [UInt8](try Data(contentsOf: Self.fixture))
    let result = try OCDSImport.read(bytes, file: "national-4.jsonl")
    #expect(result.releases == 4)
    #expect(result.rows.count == 2)
    let kent = result.rows[0]
    #expect(kent[.service] == "Home care (amended)")
    #expect(kent[.end] == "2024-03-31")
    #expect(kent[.buyer] == "Kent County Council")
    #expect(kent[.cpv] == "85000000; 85310000")
    #expect(kent[.buyerPostcode] == "ME14 1XQ")
    #expect(kent[.provider] == "Care Co")
    #expect(result.lines[0] == 3)
    let medway = result.rows[1]
    #expect(medway[.service] == "Youth workers\u{2019} service")
    #expect(medway[.provider] == "Soci\u{E9}t\u{E9} Jeunesse")
    #expect(medway[.cpv] == "85312000; 80000000")
    #expect(medway[.value] == "£250,000.50")
    #expect(medway[.extensionOptions] == "option to extend for a further 1 year")
    let notes = result.diagnostics.map(\.description)
    #expect(notes.contains { $0.contains("ocid ocds-a appears 3 times; kept the latest release") })
    #expect(
      notes.contains {
        $0.contains("national-4.jsonl:2:1: note: ocds-b: the supplier was double-encoded UTF-8")
          && $0.contains("'Soci\u{C3}\u{A9}t\u{C3}\u{A9} Jeunesse'")
      })
  }

  @Test(
    "the pages read are given back each time a stride's worth of bytes has passed",
    arguments: [(0, 1), (1, 0)])
  func eviction(offset: Int, expected: Int) throws {
    let line = #"{"ocid": "x", "date": "2020-01-01"}"# + "\n"
    let text = String(repeating: line, count: 4)
    var evicted = 0
    try Array(text.utf8).withUnsafeBufferPointer { buffer in
      var index = ReleaseIndex(buffer: buffer, file: "f")
      // The collecting pass reads the four lines once: a stride of exactly their bytes is
      // reached, one byte more is not.
      index.stride = 4 * line.utf8.count + offset
      index.evict = { evicted += 1 }
      try index.collect()
    }
    #expect(evicted == expected)
  }
}

/// Windows-1252's characters for 0x80–0x9F, from the code page's published table.
let windows1252Table: [UInt8: UInt32] = [
  0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020,
  0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152,
  0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
  0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
]
