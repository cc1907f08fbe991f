import Testing

@testable import Commissioning

/// The register-memory work (Performance.md, "Where the columnar-register issue stands"): the
/// rare columns' box and the byte-level splitting of groups and providers must change nothing
/// a contract says.
@Suite("Register memory: rare columns apart, cells split by bytes")
struct RareColumnsTests {
  static let register = """
    id,service,provider,end,value,group,source,notes
    a,Day care,Age UK,2017-03-31,"£1,000",g1,,
    b,Night care,Age UK;KCHFT,2018-03-31,£2m,g1; g2,FOI 2016,renewed
    """

  static func contracts() throws -> [Contract] {
    let input = RegisterInput(name: "r.csv", bytes: Array(register.utf8))
    return try RegisterLoader.load([input], name: "r", parallelism: .sequential).contracts
  }

  @Test("a contract without rare columns holds no box; one with any holds them all")
  func boxOnlyWhenNeeded() throws {
    let contracts = try Self.contracts()
    #expect(contracts[0].rare.box == nil)
    #expect(contracts[0].source.isEmpty && contracts[0].notes.isEmpty)
    #expect(contracts[1].rare.box != nil)
    #expect(contracts[1].source == "FOI 2016" && contracts[1].notes == "renewed")
  }

  @Test("no box and an emptied box are the same contract, equal and hashed alike")
  func equalityByContent() throws {
    let plain = try Self.contracts()[0]
    var emptied = plain
    emptied.notes = "x"
    #expect(emptied != plain)
    emptied.notes = ""
    #expect(emptied.rare.box != nil)
    #expect(emptied == plain)
    #expect(Set([emptied, plain]).count == 1)
    var cleared = plain
    cleared.source = ""
    #expect(cleared.rare.box == nil, "setting an empty column allocates nothing")
  }

  @Test("a copy shares the box until one of them changes it")
  func copyOnWrite() throws {
    let original = try Self.contracts()[1]
    var copy = original
    #expect(copy.rare.box === original.rare.box)
    copy.notes = "ended"
    #expect(original.notes == "renewed" && copy.notes == "ended")
    #expect(copy.rare.box !== original.rare.box)
  }

  @Test(
    "cells split by bytes as by characters: ASCII by bytes, anything else by characters",
    arguments: [
      "g1", " g1 ; g2 ", ";;g1;;", "", "  ", "a/b;c", "Salus/Addaction", " / ",
      "Café;Thé", "x;\u{301}y", "a\r\n;b", "\u{A0}g1\u{A0};g2",
    ])
  func splitting(_ cell: String) {
    let byCharacters = cell.split(whereSeparator: { $0 == "/" || $0 == ";" }).map {
      String($0).trimmingASCIISpaces
    }.filter { !$0.isEmpty }
    let parts = cell.asciiParts(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ";") })
    if cell.utf8.allSatisfy({ $0 < 0x80 }) {
      #expect(parts == byCharacters)
    } else {
      #expect(parts == nil)
    }
  }
}
