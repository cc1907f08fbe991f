import Foundation
import Testing

@testable import Commissioning

/// The columnar register (Performance.md, "Contracts as rows of a store"): a contract read from
/// a file is a view of its row, and must say exactly what the contract packed into the row said,
/// field by field and byte by byte, whatever the row held.
@Suite("Contract store: a row reads back as the contract packed into it")
struct ContractStoreTests {
  /// Packs each contract (as a copy of its own) into a fresh store and checks the view against
  /// it: every field, by bytes for text, and every public reading made from them.
  static func roundTrip(_ contracts: [Contract], file: String) {
    let store = ContractStore(file: file)
    let originals = contracts.map { Contract(fields: $0.fields) }
    let views = originals.map { store.add($0) }
    store.seal()
    for (original, view) in zip(originals, views) {
      #expect(view.storeRow != nil, "\(original.id) was packed")
      expectSame(view, original)
    }
  }

  static func expectSame(_ view: Contract, _ original: Contract) {
    let texts: [KeyPath<Contract, String>] = [
      \.id, \.service, \.provider, \.department, \.valueText, \.statedId, \.endText,
      \.optionsText, \.nextReviewText, \.notes, \.source,
    ]
    for path in texts {
      #expect(view[keyPath: path].utf8.elementsEqual(original[keyPath: path].utf8), "\(path)")
    }
    #expect(view.fields == original.fields)
    #expect(view == original)
    #expect(view.hashValue == original.hashValue)
    #expect(view.providers.sameBytes(as: original.providers))
    #expect(view.groups.sameBytes(as: original.groups))
    #expect(view.end.sameBytes(as: original.end))
    #expect(view.nextReview.sameBytes(as: original.nextReview))
    #expect(view.location.file.sameBytes(as: original.location.file))
    #expect(view.value == original.value && view.end == original.end)
    #expect(view.nextReview == original.nextReview && view.options == original.options)
    #expect(view.location == original.location && view.rare == original.rare)
    #expect(view.endDay == original.endDay && view.annualValue == original.annualValue)
    #expect(view.maximumExtent == original.maximumExtent)
  }

  @Test("both Kent registers: every contract read back whole")
  func kent() throws {
    for folder in ["kent-2015-07", "kent-2016-03"] {
      let register = try loadKent(folder)
      #expect(register.contracts.allSatisfy { $0.storeRow != nil }, "the loader packs every row")
      Self.roundTrip(register.contracts, file: register.contracts[0].location.file)
    }
  }

  @Test("every bad-input and fuzz register the tests keep: read back whole")
  func corpus() throws {
    let folders = [
      repositoryRoot.appendingPathComponent("Tests/CommissionCLITests/BadInput"),
      repositoryRoot.appendingPathComponent("Tests/CommissioningTests/Fixtures/fuzz"),
    ]
    var read = 0
    for folder in folders {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
      where name.hasSuffix(".csv") {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        guard
          let register = try? RegisterLoader.load(
            [RegisterInput(name: name, bytes: bytes)], name: name, parallelism: .sequential),
          !register.contracts.isEmpty
        else { continue }
        read += 1
        Self.roundTrip(register.contracts, file: name)
      }
    }
    #expect(read >= 20)
  }

  /// A contract whose every field is what a record cannot hold.
  static func awkward() -> Contract {
    var date = DateReading(day: day("2017-03-31"), undated: nil)
    date.rangeStart = day("2014-04-01")
    date.options = [.months(12)]
    date.findings = [Finding(.note, "read as 2017-03-31")]
    var value = ValueReading()
    value.amount = Money(minorUnits: 500, currency: "EUR")
    value.annual = Money(minorUnits: 250)
    value.term = .months(24)
    value.noValue = "why"
    var contract = Contract(
      id: "e\u{301}", service: "Caf\u{e9}\u{0}\n", provider: "Salus/Addaction",
      providers: ["Salus", "Addaction"], department: "", groups: ["g1", "G1", "g2"],
      valueText: "€5", value: value, startText: "2014", start: date, endText: "see notes",
      end: date, optionsText: "2 x 12 months", options: ExtensionOptions(periods: [.months(12)]),
      maxEndText: "x", statedMaxEnd: day("2019-03-31"), nextReviewText: "TBC",
      nextReview: DateParser.parse("TBC", role: .review), procurementRoute: "framework",
      leadTimeText: "6 months", leadTime: .months(6), source: "FOI", notes: "n",
      extra: [Contract.ExtraColumn(header: "colour", value: "red")],
      location: SourceLocation(file: "other.csv", line: 7, column: 3))
    contract.statedId = "e"
    return contract
  }

  @Test(
    "readings a record cannot hold are kept whole",
    arguments: 0..<8)
  func awkwardFields(_ variant: Int) {
    var contract = Self.awkward()
    switch variant {
    case 1: contract.end.day = Day(ordinal: -Day.ordinalLimit)
    case 2: contract.value = ValueReading()
    case 3: contract.location = SourceLocation(file: "f.csv", line: Int(UInt32.max) + 1, column: 1)
    case 4: contract.location = SourceLocation(file: "f.csv", line: 9, column: 2)
    case 5:
      contract.providers = [contract.provider]
      contract.value.amount = Money(minorUnits: .min)
    case 6:
      contract.providers = []
      contract.end = .empty
      contract.nextReview = DateReading(day: day("2016-07-31"), undated: nil)
      contract.nextReview.precision = .month
    default: break
    }
    Self.roundTrip([contract, contract, Contract(fields: Self.plain(line: 2))], file: "f.csv")
  }

  static func plain(line: Int) -> ContractFields {
    let end = DateReading(day: day("2017-03-31"), undated: nil)
    var value = ValueReading()
    value.amount = Money(minorUnits: 100_000)
    value.basis = .annual
    value.annual = value.amount
    return ContractFields(
      id: "c\(line)", service: "Day care services for older people", provider: "Age UK",
      providers: ["Age UK"], department: "ASC", groups: ["g1"], valueText: "£1,000 (annual)",
      value: value, statedId: "c\(line)", endText: "31/03/2017", end: end, optionsText: "",
      options: nil, nextReviewText: "", nextReview: .empty,
      location: SourceLocation(file: "f.csv", line: line, column: 1), rare: .init())
  }

  @Test("a plain row is held in its record: nothing pooled, no extra")
  func plainRowIsCompact() {
    let store = ContractStore(file: "f.csv")
    let view = store.add(Contract(fields: Self.plain(line: 2)))
    let record = store.records[0]
    #expect(record.endKind != ContractStore.pooled && record.valueKind != ContractStore.pooled)
    #expect(record.extra == 0 && record.providers == ContractStore.providersAsCell)
    #expect(view.fields == Self.plain(line: 2))
    // Each of the value's bits, and every basis, read back from the record alone.
    for basis in ValueBasis.allCases {
      for (annual, total, estimate) in [
        (true, false, false), (false, true, false), (false, false, true),
      ] {
        var fields = Self.plain(line: 4)
        fields.value.basis = basis
        fields.value.annual = annual ? fields.value.amount : nil
        fields.value.total = total ? fields.value.amount : nil
        fields.value.isEstimate = estimate
        let packed = store.add(Contract(fields: fields))
        #expect(store.records[store.count - 1].valueKind != ContractStore.pooled)
        #expect(packed.value == fields.value)
      }
    }
    // A location one column in, or in another file, is kept apart: the record cannot say it.
    var moved = Self.plain(line: 2)
    moved.location.column = 2
    _ = store.add(Contract(fields: moved))
    #expect(store.records[store.count - 1].extra != 0)
  }

  @Test("a change gives the contract its own fields; the row and its other views stay")
  func copyOnWrite() throws {
    let register = try loadKent("kent-2016-03")
    let original = register.contracts[0]
    var changed = original
    let copy = original
    changed.end.day = day("2030-01-01")
    #expect(changed.storeRow == nil && original.storeRow != nil)
    #expect(changed.endDay == day("2030-01-01"))
    #expect(original.endDay == register.contracts[0].endDay && copy == original)
    #expect(changed != original)
    changed.end = original.end
    #expect(changed == original, "equal by fields, held or read")
    #expect(changed.hashValue == original.hashValue)
    var twice = changed
    twice.id = "other"
    #expect(changed.id == original.id, "a changed copy's own fields are copied on write too")
  }

  @Test("the end day alone reads as the whole reading does, pooled or not")
  func endDay() {
    let store = ContractStore(file: "f.csv")
    var undated = Self.plain(line: 3)
    undated.end = DateParser.parse("TBC", role: .end)
    for fields in [Self.plain(line: 2), undated, Self.awkward().fields] {
      let view = store.add(Contract(fields: fields))
      #expect(store.endDay(view.storeRow!.row) == fields.end.day)
    }
  }

  /// Text that `String` calls equal in different bytes: `é` as one scalar and as `e` and an
  /// accent, `K` and the Kelvin sign.
  static let spellings = [("e\u{301}", "\u{e9}"), ("K", "\u{212A}")]

  @Test(
    "canonically equal text in other bytes reads back as each row wrote it, never as an earlier row's",
    arguments: spellings)
  func ownBytes(_ first: String, _ second: String) throws {
    let csv = """
      id,service,provider,group,end,next_review
      a,S,A / \(first),\(first),TBC \(first),TBC \(first)
      b,S,A / \(second),\(second),TBC \(second),TBC \(second)
      c,S,\(second),\(first);\(second),TBC \(first),2017-03-31
      """
    let register = try RegisterLoader.load(
      [RegisterInput(name: "r.csv", bytes: Array(csv.utf8))], name: "r", parallelism: .sequential)
    let (a, b, c) = (register.contracts[0], register.contracts[1], register.contracts[2])
    #expect(a.storeRow != nil && b.storeRow != nil && c.storeRow != nil)
    #expect(a.groups[0].utf8.elementsEqual(first.utf8))
    #expect(b.groups[0].utf8.elementsEqual(second.utf8))
    #expect(c.groups.count == 2 && c.groups[1].utf8.elementsEqual(second.utf8))
    #expect(a.providers[1].utf8.elementsEqual(first.utf8))
    #expect(b.providers[1].utf8.elementsEqual(second.utf8))
    #expect(c.providers[0].utf8.elementsEqual(second.utf8))
    for (contract, spelling) in [(a, first), (b, second), (c, first)] {
      let reason = contract.end.undated?.reason ?? ""
      #expect(Array(reason.utf8).firstRange(of: Array(spelling.utf8)) != nil, "\(reason)")
    }
    let reviewA = a.nextReview.undated?.reason ?? ""
    let reviewB = b.nextReview.undated?.reason ?? ""
    #expect(Array(reviewA.utf8).firstRange(of: Array(first.utf8)) != nil)
    #expect(Array(reviewB.utf8).firstRange(of: Array(second.utf8)) != nil)
  }

  @Test(
    "a provider aliased to the cell's text in other bytes, and a file named in other bytes, keep theirs"
  )
  func aliasAndFileBytes() {
    let store = ContractStore(file: "caf\u{e9}.csv")
    var fields = Self.plain(line: 2)
    fields.provider = "Caf\u{e9}"
    fields.providers = ["Cafe\u{301}"]
    fields.location.file = "cafe\u{301}.csv"
    let view = store.add(Contract(fields: fields))
    #expect(view.providers[0].utf8.elementsEqual("Cafe\u{301}".utf8))
    #expect(view.location.file.utf8.elementsEqual("cafe\u{301}.csv".utf8))
  }

  @Test("a taken id is renamed in its row: the contract stays a view, its stated id as written")
  func renamedInRow() throws {
    let csv = """
      id,service,end
      x,S,2017-03-31
      x,T,2018-03-31
      x,U,2019-03-31
      x-2,V,2019-03-31
      """
    let register = try RegisterLoader.load(
      [RegisterInput(name: "r.csv", bytes: Array(csv.utf8))], name: "r", parallelism: .sequential)
    #expect(register.contracts.map(\.id) == ["x", "x-2", "x-3", "x-2-2"])
    #expect(register.contracts.map(\.statedId) == ["x", "x", "x", "x-2"])
    #expect(register.contracts.allSatisfy { $0.storeRow != nil })
    for contract in register.contracts {
      #expect(contract.withText(.id) { Array($0) } == Array(contract.id.utf8))
      #expect(contract.fields.id == contract.id)
    }
    var edited = register.contracts[1]
    edited.id = "y"
    #expect(edited.id == "y" && register.contracts[1].id == "x-2")
  }
}

@Suite("Ties in a report's order: by service, then id, as strings order them")
struct ServiceIdOrderTests {
  /// Every pair of rows, read in place, orders as `(service, id) < (service, id)` does with
  /// strings: ASCII byte by byte, and text with an accent (`e` then U+0301 is `é`, after `f`)
  /// or other bytes as `String` orders it; and a contract of its own fields orders alike.
  @Test("precedes(byServiceThenId:) agrees with the strings' order on every pair")
  func agreesWithStrings() throws {
    let services = ["a", "B", "b", "ab", "e\u{301}x", "fx", "\u{E9}x", "e", "", "a b", "Z"]
    let ids = ["1", "10", "2", "k", "K", "\u{212A}", "x-2", "é"]
    var lines = ["id,service,end"]
    for (n, service) in services.enumerated() {
      for id in ids where (n + id.utf8.count) % 3 != 0 || id == "1" {
        lines.append("\(id)\(n),\(service),2017-03-31")
      }
    }
    let register = try load(lines.joined(separator: "\n") + "\n")
    let rows = register.contracts
    var owned = rows
    for k in owned.indices where k % 2 == 0 { owned[k].department = "own" }
    for a in rows.indices {
      for b in rows.indices {
        let expected = (rows[a].service, rows[a].id) < (rows[b].service, rows[b].id)
        #expect(rows[a].precedes(byServiceThenId: rows[b]) == expected, "\(a) \(b)")
        #expect(owned[a].precedes(byServiceThenId: owned[b]) == expected, "own \(a) \(b)")
      }
    }
  }
}

@Suite("A row's text is a range of the file it was read from, not a copy")
struct FileRangeTests {
  static let csv = """
    id,service,provider,value,end
    a,Home care,KCHFT,"£1,000",2017-03-31
    b,"Meals ""on"" wheels",MFT,£500,31/03/2017
    ,Day care,'=P,£10,March 2017
    d,  Spaced  ,P,£1,2017-03-31

    """

  /// Read on one core and in many stretches (each stretch's reader sees the file only up to its
  /// end): the file's own cells are ranges of it; only an unescaped cell and a derived id are
  /// text the store holds apart, and every row reads back as written.
  @Test("only text the file does not hold as read is kept apart", arguments: [1, 4])
  func ranges(_ cores: Int) throws {
    let input = RegisterInput(name: "r.csv", bytes: Array(Self.csv.utf8))
    let register = try RegisterLoader.load(
      [input], name: "r", parallelism: Parallelism(cores: cores, minimumStretch: 1))
    let held = register.contracts.compactMap(\.storeRow).reduce(into: [ObjectIdentifier: Int]()) {
      $0[ObjectIdentifier($1.store)] = $1.store.bytes.count
    }
    #expect(held.count >= 1)
    let derived = "day-care-p"
    // `Meals "on" wheels` unescaped, and the derived id twice over (as the id, and nothing as
    // the stated id).
    #expect(held.values.reduce(0, +) == "Meals \"on\" wheels".utf8.count + derived.utf8.count)
    #expect(
      register.contracts.map(\.service) == [
        "Home care", "Meals \"on\" wheels", "Day care", "Spaced",
      ])
    #expect(register.contracts.map(\.provider) == ["KCHFT", "MFT", "=P", "P"])
    #expect(register.contracts[2].id == derived)
    #expect(
      register.contracts.map(\.endText) == ["2017-03-31", "31/03/2017", "March 2017", "2017-03-31"])
  }
}
