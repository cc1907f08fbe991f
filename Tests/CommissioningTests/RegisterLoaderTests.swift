import Foundation
import Testing

@testable import Commissioning

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

func load(_ text: String, council: CouncilRules = .default) throws(RegisterError) -> Register {
  try RegisterLoader.load(
    [RegisterInput(name: "test.csv", bytes: Array(text.utf8))], council: council, name: "test")
}

/// Loads a register folder under `Contracts/` the way the command does.
func loadKent(_ folder: String) throws -> Register {
  let base = repositoryRoot.appendingPathComponent("Contracts/\(folder)")
  let council = try CouncilRules.parse(
    json: [UInt8](try Data(contentsOf: base.appendingPathComponent("council.json"))),
    file: "council.json")
  let files = try FileManager.default.contentsOfDirectory(atPath: base.path)
    .filter { $0.hasSuffix(".csv") }.sorted()
  let inputs = try files.map {
    RegisterInput(name: $0, bytes: [UInt8](try Data(contentsOf: base.appendingPathComponent($0))))
  }
  return try RegisterLoader.load(inputs, council: council, name: folder)
}

@Suite("Register loader")
struct RegisterLoaderTests {
  @Test("foreign headers map to canonical columns, and check says which")
  func foreignHeaders() throws {
    let register = try load(
      "Reference number,Title of agreement,Supplier Name,Contract value (£),Contract end date,Colour\nR1,Meals,Acme,\"£1,000\",31/03/2017,blue\n"
    )
    let contract = try #require(register.contracts.first)
    #expect(contract.id == "R1")
    #expect(contract.service == "Meals")
    #expect(contract.provider == "Acme")
    #expect(contract.value.amount == Money(pounds: 1000))
    #expect(contract.endDay == Day("2017-03-31"))
    #expect(contract.extra == [Contract.ExtraColumn(header: "Colour", value: "blue")])
    let notes = register.diagnostics.filter { $0.severity == .note }.map(\.message)
    #expect(notes.contains("column 'Title of agreement' read as 'service'"))
    #expect(notes.contains("column 'Contract value (£)' read as 'value' (total values)"))
    #expect(contract.value.basis == .total)
  }

  @Test("the Transparency Code's headers: an annual value is annual, a total is a total")
  func transparencyHeaders() throws {
    let register = try load(
      "Contract,Supplier,Annual Value,Contract End Date,Extension Options\n"
        + "Meals,Acme,\"£100,000\",31/03/2017,+1\n")
    let contract = try #require(register.contracts.first)
    #expect(contract.service == "Meals")
    #expect(contract.provider == "Acme")
    #expect(contract.value.basis == .annual)
    #expect(contract.annualValue == Money(pounds: 100_000))
    #expect(!contract.annualValueIsAssumed)
    #expect(contract.maximumExtent == Day("2018-03-31"))
    let total = try load(
      "Contract Title,Supplier Name,Total Value,Start Date,Expiry Date\n"
        + "Meals,Acme,\"£300,000\",01/04/2014,31/03/2017\n")
    #expect(total.contracts[0].value.basis == .total)
    // 36 whole months from 1 April 2014 to 31 March 2017: 300,000 × 12 / 36 = 100,000.
    #expect(total.contracts[0].annualValue == Money(pounds: 100_000))
  }

  @Test("a register with quarter-named columns lists its contracts and keeps the columns")
  func quarterColumnsInARegister() throws {
    let register = try load("service,end,2016/17 Q1\nMeals,31/03/2017,P/K\n")
    #expect(register.grid.isEmpty)
    #expect(register.contracts.map(\.service) == ["Meals"])
    #expect(
      register.contracts[0].extra == [Contract.ExtraColumn(header: "2016/17 Q1", value: "P/K")])
    // No contract column at all: a grid, and it says so.
    let grid = try load("category,description,2016/17 Q1\nC,Meals,P/K\n")
    #expect(grid.grid.count == 1)
    #expect(grid.contracts.isEmpty)
    #expect(grid.diagnostics.contains { $0.message.hasPrefix("read as a commissioning grid") })
    // A column named like a quarter that is none: its stages are not dropped without a word.
    let q9 = try load("category,description,2016/17 Q1,2016/17 Q9\nC,Meals,P/K,D\n")
    #expect(
      q9.diagnostics.map(\.message).contains(
        "grid column '2016/17 Q9' is no quarter the grid reads; its cells are ignored"))
  }

  @Test("a misspelt header gets 'did you mean'; a word two letters off a short name does not")
  func didYouMean() throws {
    let register = try load("service,Contarct End Date,end\nMeals,x,2017\n")
    #expect(
      register.diagnostics.map(\.message).contains(
        "column 'Contarct End Date' is not a column we know; did you mean 'end'? kept as an extra column"
      ))
    // 'Sction' is one letter off 'section', which is no column; 'Colour' is nothing near.
    let quiet = try load("service,end,Colour\nMeals,2017,blue\n")
    #expect(!quiet.diagnostics.contains { $0.message.contains("did you mean") })
  }

  @Test("a missing required column stops loading with a one-line error")
  func missingColumn() {
    #expect(
      throws: RegisterError.missingColumns(
        file: "test.csv", missing: [.end], found: ["service", "value"])
    ) {
      try load("service,value\nMeals,£5\n")
    }
  }

  /// Title lines above the header, as council exports have: the error says which line looks
  /// like the header, when one of the next nine does (the tenth line is past the look).
  @Test(
    "a header below title lines is pointed to",
    arguments: [
      ("Register\nservice,end\nA,2017-03-31\n", 2),
      ("Register,,\nPublished 2016,,\nService,Supplier,End Date\nA,P,2017-03-31\n", 3),
      (String(repeating: "title\n", count: 9) + "service,end\nA,2017-03-31\n", 10),
      (String(repeating: "title\n", count: 10) + "service,end\nA,2017-03-31\n", nil),
      ("Register\nservice,value\nA,£5\n", nil),
    ] as [(String, Int?)])
  func titleLines(_ text: String, _ headerAt: Int?) {
    do {
      _ = try load(text)
      Issue.record("loaded a register with no header in its first line")
    } catch {
      guard case .missingColumns(_, _, _, let at) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(at == headerAt)
      let above = (headerAt ?? 0) - 1
      #expect(
        error.description.contains(
          "line \(headerAt ?? 0) looks like the header: delete the \(above == 1 ? "line" : "\(above) lines")"
        )
          == (headerAt != nil), "\(error.description)")
    }
  }

  @Test("an empty file is an error; a header-only file warns that it holds no contracts")
  func emptyAndHeaderOnly() throws {
    #expect(throws: RegisterError.empty(file: "test.csv")) { try load("") }
    #expect(throws: RegisterError.empty(file: "test.csv")) { try load("\u{FEFF}\n\n") }
    let register = try load("service,end\n")
    #expect(register.contracts.isEmpty)
    #expect(
      register.diagnostics.map(\.description) == [
        "test.csv:1:1: warning: the register holds no contracts"
      ])
  }

  @Test("duplicate ids are errors, the row is kept under a new id")
  func duplicateIds() throws {
    let register = try load("id,service,end\nx,A,2017-01-01\nx,B,2017-02-01\n")
    #expect(register.contracts.map(\.id) == ["x", "x-2"])
    #expect(
      register.diagnostics.map(\.description) == [
        "test.csv:3:1: error: duplicate id 'x' (first at test.csv:2:1); this row is kept as 'x-2'"
      ])
  }

  @Test("ids are derived from service and provider when absent")
  func derivedIds() throws {
    let register = try load("service,provider,end\nSchool Public Health (Swale),MFT,2016-09-30\n")
    #expect(register.contracts.first?.id == "school-public-health-swale-mft")
  }

  @Test("provider aliases from council.json make one provider of many spellings")
  func aliases() throws {
    var council = CouncilRules()
    council.providerAliases = [
      "KCHFT": [
        "Kent Community Health Foundation Trust", "Kent Community Healthcare Foundation Trust",
        "Kent Community Health Trust",
      ]
    ]
    let register = try load(
      "service,provider,end\nA,KCHFT,2016-09-30\nB,Kent Community Healthcare Foundation Trust,2016-09-30\nC,kent community health trust,2016-09-30\nD,Salus/Addaction,2016-06-30\n",
      council: council)
    #expect(
      register.contracts.map(\.providers) == [
        ["KCHFT"], ["KCHFT"], ["KCHFT"], ["Salus", "Addaction"],
      ])
  }

  @Test("a row with more cells than the header keeps them and warns")
  func raggedRows() throws {
    let register = try load("service,end\nA,2017-01-01,extra\n")
    #expect(
      register.contracts.first?.extra == [Contract.ExtraColumn(header: "column 3", value: "extra")])
    #expect(register.diagnostics.first?.severity == .warning)
  }

  // Spreadsheet exports end in rows of commas; until this note, they went without a word.
  @Test(
    "rows of blank cells are no contracts, and one note per file says which lines they were",
    arguments: [
      (
        "service,end\nA,2017-03-31\n,\n", 1,
        "test.csv:3:1: note: line 3 holds only blank cells; skipped as no contract"
      ),
      (
        "service,end\n , \nA,2017-03-31\n\"\",\t\n", 1,
        "test.csv:2:1: note: lines 2 and 4 hold only blank cells; skipped as no contracts"
      ),
      (
        "service,end\n" + String(repeating: ",\n", count: 7) + "A,2017-03-31\n", 1,
        "test.csv:2:1: note: 7 lines hold only blank cells (2, 3, 4, 5, 6 and 2 more); skipped as no contracts"
      ),
      // An empty line is no row at all; a cell of an escaped quote is text.
      ("service,end\n\nA,2017-03-31\n\"\"\"\",\n", 2, nil),
    ] as [(String, Int, String?)])
  func blankRows(_ text: String, _ contracts: Int, _ note: String?) throws {
    let register = try load(text)
    #expect(register.contracts.count == contracts)
    let notes = register.diagnostics.filter { $0.message.contains("blank cells") }
    #expect(notes.map(\.description) == (note.map { [$0] } ?? []))
  }

  @Test("an unterminated quote and invalid UTF-8 name the file, line and column")
  func fatalErrors() {
    #expect(throws: RegisterError.csv(file: "test.csv", .unterminatedQuote(line: 2, column: 3))) {
      try load("service,end\nA,\"2017\n")
    }
    #expect(throws: RegisterError.csv(file: "bad.csv", .invalidUTF8(line: 2, column: 3))) {
      try RegisterLoader.load(
        [RegisterInput(name: "bad.csv", bytes: Array("service,end\nA,".utf8) + [0x81])], name: "bad"
      )
    }
  }

  @Test("March 2017 +1 gives end 2017-03-31 and maximum extent 2018-03-31")
  func trailingOption() throws {
    let register = try load("service,end\nHealthwatch Kent,March 2017 +1\n")
    let contract = try #require(register.contracts.first)
    #expect(contract.endDay == Day("2017-03-31"))
    #expect(contract.maximumExtent == Day("2018-03-31"))
    #expect(contract.optionsLeft == .months(12))
  }

  @Test("a table in thousands, an explicit basis and a stated maximum end")
  func unitsAndBasis() throws {
    let register = try load(
      "service,value,value_unit,value_basis,end,max_end,extension_options\nA,\"75,224.4\",£000,annual,2017-03-31,2019-03-31,\nB,£120000,,total,2017-03-31,,3+1\n"
    )
    #expect(register.contracts[0].value.amount == Money(pounds: 75_224_400))
    #expect(register.contracts[0].annualValue == Money(pounds: 75_224_400))
    #expect(register.contracts[0].maximumExtent == Day("2019-03-31"))
    #expect(register.contracts[1].value.basis == .total)
    #expect(register.contracts[1].maximumExtent == Day("2018-03-31"))
  }

  @Test("a total is annualised over the term from start to end")
  func annualisedTotal() throws {
    let register = try load(
      "service,value,value_basis,start,end\nA,\"£730,000\",total,2015-04-01,2017-03-31\n")
    // 24 whole months, leap day or not: 730,000 × 12 / 24 = 365,000.
    #expect(register.contracts[0].annualValue == Money(pounds: 365_000))
    #expect(
      register.diagnostics.map(\.message).contains(
        "'£730,000' is a total over the term from start to end (2 years); read as £365,000 a year"))
    // Not whole months (1 April less 14 days): by the day, 717 days: 730,000 × 365 / 717.
    let days = try load(
      "service,value,value_basis,start,end\nA,\"£730,000\",total,2015-04-15,2017-03-31\n")
    #expect(days.contracts[0].annualValue?.minorUnits == 37_161_785)
  }

  @Test("the July 2015 Kent register: four contracts, three with no end date")
  func kent2015() throws {
    let register = try loadKent("kent-2015-07")
    #expect(register.contracts.count == 4)
    #expect(
      register.contracts.filter { $0.endDay == nil }.map(\.id) == [
        "school-ph-kchft", "school-ph-mft", "ypsm-kca",
      ])
    let annual = register.contracts.compactMap(\.annualValue).reduce(Money.zero) {
      $0.adding($1) ?? $0
    }
    #expect(annual == Money(pounds: 23_184_000 + 4_859_856 + 414_379 + 854_464))
    #expect(register.diagnostics.filter { $0.severity >= .warning }.isEmpty)
  }

  @Test("the March 2016 Kent register: every transcribed row is loaded")
  func kent2016() throws {
    let register = try loadKent("kent-2016-03")
    // Contracts/README.md: 43 + 93 + 1 contracts, 24 + 32 grid rows.
    #expect(register.contracts.count == 137)
    #expect(register.grid.count == 56)
    #expect(
      register.contracts.filter { $0.isIn(group: "childrens-public-health") }.map(\.id) == [
        "camhs-spft", "schw-young-healthy-minds", "schw-hv-fnp", "schw-school-ph-kchft",
        "schw-school-ph-swale-mft",
      ])
    let direct = try #require(register.contract(id: "schw-direct-payments-support"))
    #expect(direct.endDay == Day("2016-09-30"))
    #expect(
      register.diagnostics.contains {
        $0.description
          == "schw-providers.csv:46:164: warning: '31/09/2016' is not a date (September has 30 days); read as 2016-09-30"
      })
    #expect(register.contract(id: "schw-healthwatch")?.maximumExtent == Day("2018-03-31"))
    #expect(
      register.contract(id: "eyps-intensive-family-support-east-south")?.value.amount
        == Money(minorUnits: 67_900_480))
    #expect(register.diagnostics.filter { $0.severity == .error }.isEmpty)
  }
}

@Suite("Provider cells: split at ; and /, but not at a / beside a lone letter")
struct ProviderSpellingTests {
  @Test(
    "spellings",
    arguments: [
      ("Salus/Addaction", ["Salus", "Addaction"]),
      ("KCHFT / MFT; Porchlight", ["KCHFT", "MFT", "Porchlight"]),
      ("PETER DISPLAYS LTD T/A LIMELIGHT", ["PETER DISPLAYS LTD T/A LIMELIGHT"]),
      ("C/O Kent Council", ["C/O Kent Council"]),
      ("C/D Ltd", ["C/D Ltd"]),
      ("AB/CD", ["AB", "CD"]),
      ("Café Ltd/Crèche Co", ["Café Ltd", "Crèche Co"]),
      (" ; / ", []),
    ])
  func spellings(cell: String, expected: [String]) {
    #expect(RowReading.providerSpellings(cell) == expected)
  }
}

@Suite("CPV cells: one with no eight-digit code is a warning at its cell")
struct CPVCellTests {
  @Test(
    "cells",
    arguments: [
      ("85000000-9", false), ("85000000; 85300000", false), ("CPV 79952000 events", false),
      ("abc", true), ("8500000", true), ("999999999", true), ("8500-0000", true),
    ])
  func cell(text: String, warned: Bool) throws {
    let r = try register("service,end,cpv\nA,2020-01-01,\(text)\n")
    let found = r.diagnostics.filter { $0.message.hasPrefix("cpv '") }
    #expect(found.count == (warned ? 1 : 0))
    #expect(found.allSatisfy { $0.severity == .warning && $0.location?.column == 14 })
  }
}

@Suite("A spreadsheet's totals row is not a contract's value")
struct TotalsRowTests {
  /// Service, provider, end and id cells of a third row after two contracts of £100,000 and
  /// £50,000 a year; whether it reads as a totals row.
  @Test(
    "a totals label as the whole service or id cell, with no provider and no end",
    arguments: [
      ("Total", "", "", "t", true),
      ("TOTAL", "", "", "t", true),
      ("Grand Total", "", "", "t", true),
      ("Sub-total", "", "", "t", true),
      ("Totals:", "", "", "t", true),
      ("overall total", "", "", "t", true),
      ("", "", "", "Total", true),
      ("Total", "Acme", "", "t", false),
      ("Total", "", "31/03/2017", "t", false),
      ("Total Facilities Management", "", "", "t", false),
      ("Tota", "", "", "t", false),
      ("Totally", "", "", "t", false),
      ("Total ", "", "", "t", true),
    ])
  func totals(service: String, provider: String, end: String, id: String, isTotals: Bool) throws {
    let csv = """
      id,service,provider,end,value,value_basis
      a,A,Acme,31/03/2017,"£100,000",annual
      b,B,Beta,30/06/2017,"£50,000",annual
      \(id),\(service),\(provider),\(end),"£150,000",annual

      """
    let register = try load(csv)
    let warned = register.diagnostics.filter { $0.message.contains("looks like a totals row") }
    #expect(warned.count == (isTotals ? 1 : 0))
    let total = ExpiryReport.AnnualTotal(register.contracts).total
    #expect(total == Money(pounds: isTotals ? 150_000 : 300_000))
    #expect(register.contracts.count == 3)
    #expect(register.contracts[2].valueText == "£150,000")
    if isTotals {
      #expect(warned[0].location?.line == 4)
      #expect(register.contracts[2].value.amount == nil)
    }
  }
}

@Suite("The same input gives the same answer on every run")
struct DeterminismTests {
  static func rules(_ json: String) -> Result<CouncilRules, CouncilRulesError> {
    Result { () throws(CouncilRulesError) in
      try CouncilRules.parse(json: Array(json.utf8), file: "council.json")
    }
  }

  /// A spelling two canonical names claim, or a route given twice in two cases, was read as
  /// whichever the JSON table gave last, which changed from run to run: refused instead.
  @Test(
    "council.json: a spelling of two providers, or one route twice, is refused; others read",
    arguments: [
      (#"{"providerAliases":{"Alpha":["X"],"Beta":["x"]}}"#, "spelling of both 'Alpha' and 'Beta'"),
      (
        #"{"providerAliases":{"Alpha":["Beta"],"Beta":["B"]}}"#,
        "spelling of both 'Alpha' and 'Beta'"
      ),
      (#"{"providerAliases":{"Alpha":["Alpha","A."],"Beta":["B"]}}"#, nil),
      (#"{"leadTimes":{"Open":"6 months","open":"12 months"}}"#, "gives 'Open' and 'open'"),
      (#"{"leadTimes":{"open":"6 months","restricted":"9 months"}}"#, nil),
    ] as [(String, String?)])
  func councilClashes(_ json: String, _ refusal: String?) {
    switch Self.rules(json) {
    case .success(let rules):
      #expect(refusal == nil)
      #expect(rules.canonicalProvider("a.") == (json.contains("A.") ? "Alpha" : "a."))
    case .failure(let error):
      #expect(refusal.map { error.message.contains($0) } == true, "\(error.message)")
    }
  }

  /// The closest known header to a misspelt one, ties broken by name: what a search of every
  /// known header in order gives, on every run.
  @Test(
    "a misspelt header's suggestion is the closest, ties by name",
    arguments: [
      "value_bas", "end_dat", "provder", "servce", "valu basis", "group_", "cntract ref",
    ])
  func closestHeader(_ header: String) {
    let name = Column.normalise(header)
    let limit = name.utf8.count < 8 ? 1 : 2
    let expected = Column.foreignHeaders.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      .map { (Column.editDistance(Array(name.utf8), Array($0.utf8), limit: limit), $0) }
      .filter { $0.0 <= limit && abs($0.1.utf8.count - name.utf8.count) <= limit }
      .min { $0.0 < $1.0 }
    #expect(Column.closestHeader(to: header)?.name == expected?.1)
  }
}

@Suite("Group names match ignoring case, as strings compare, in every command")
struct GroupMatchTests {
  /// Pairs that are or are not one name: the ASCII path (letters only fold; `@` and `` ` ``
  /// differ by the case bit but are not letters) and canonical equivalence (an accent
  /// precomposed or combining, the Kelvin sign and `K`).
  @Test(
    "caseInsensitiveEquals is lowercased strings' equality",
    arguments: [
      ("childrens-public-health", "Childrens-Public-Health", true),
      ("a@", "A`", false), ("[", "{", false), ("g1", "G1", true), ("g1", "g1 ", false),
      ("caf\u{E9}", "cafe\u{301}", true), ("CAF\u{C9}", "cafe\u{301}", true),
      ("\u{212A}", "k", true), ("\u{212A}", "K", true), ("", "", true), ("a", "", false),
      ("stra\u{DF}e", "STRASSE", false),
    ])
  func matches(_ a: String, _ b: String, _ same: Bool) {
    #expect(a.caseInsensitiveEquals(b) == same)
    #expect(b.caseInsensitiveEquals(a) == same)
    #expect((a.lowercased() == b.lowercased()) == same)
  }

  /// `align --group café` found one of a group's two spellings while `align --all` and the
  /// summary counted both: one group, whichever command asks.
  @Test("a group written in two normal forms is one group to the index and to a filter")
  func normalForms() throws {
    let register = try load(
      "id,service,end,group\nc1,S,2017-03-31,caf\u{E9}\nc2,T,2016-06-30,cafe\u{301}\n")
    #expect(register.groupIndex.count == 1)
    #expect(register.groupIndex[0].members == [0, 1])
    for spelling in ["caf\u{E9}", "cafe\u{301}", "CAF\u{C9}"] {
      #expect(register.contracts.filter { $0.isIn(group: spelling) }.count == 2)
    }
  }
}
