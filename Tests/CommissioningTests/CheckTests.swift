import Foundation
import Testing

@testable import Commissioning

@Suite("Unbalanced brackets and quotes in names")
struct BracketTests {
  @Test(
    "pairs balance or the first imbalance is named",
    arguments: [
      ("Health Visiting", nil), ("School Public Health Service (Swale)", nil),
      ("Partnership[", "'[' is never closed"), ("Partnership]", "']' closes nothing"),
      ("A (B [C] {D})", nil), ("A (B [C) D]", "')' where ']' was expected"),
      (")A(", "')' closes nothing"), ("(A", "'(' is never closed"), ("A)", "')' closes nothing"),
      ("{A", "'{' is never closed"), ("A}", "'}' closes nothing"),
      ("The \"Grove\" Project", nil), ("The \"Grove Project", "'\"' is never closed"),
      ("“Grove”", nil), ("“Grove", "'“' is never closed"), ("Grove”", "'”' closes nothing"),
      ("(“A”)", nil), ("(“A)”", "')' where '”' was expected"),
      ("Barnardo's", nil), ("Children’s ‘Hub’", nil), ("", nil), ("((()))", nil),
      ("((())", "'(' is never closed"), ("(()))", "')' closes nothing"),
    ] as [(String, String?)])
  func imbalance(_ text: String, _ expected: String?) {
    #expect(Brackets.imbalance(in: text) == expected)
  }

  @Test("check warns at the cell, quoting the name as written; the text is unchanged")
  func warnedAtCell() throws {
    let register = try load(
      "id,service,provider,end\nhv,\"Health Visiting[\",KCHFT,2016-09-30\n"
        + "x,Meals (hot),(Acme,2016-09-30\ny,Barnardo's Care,Barnardo's,2016-09-30\n")
    let warnings = register.diagnostics.filter { $0.message.contains("never closed") }
    #expect(
      warnings.map(\.description) == [
        "test.csv:2:4: warning: service 'Health Visiting[': '[' is never closed",
        "test.csv:3:15: warning: provider '(Acme': '(' is never closed",
      ])
    #expect(register.contracts[0].service == "Health Visiting[")
    let row4 = register.diagnostics.filter { $0.location?.line == 4 }
    #expect(row4.isEmpty)
  }

  @Test("the bundled register's stray '[' is warned of at schw-providers.csv line 79")
  func kent() throws {
    let register = try loadKent("kent-2016-03")
    let found = register.diagnostics.filter { $0.message.contains("is never closed") }
    #expect(
      found.map(\.description) == [
        "schw-providers.csv:79:13: warning: service 'Health Visiting and Family Nurse "
          + "Partnership[': '[' is never closed"
      ])
  }
}
