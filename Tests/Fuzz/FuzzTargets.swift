// libFuzzer targets for every reader of outside input. Compiled into one module with the
// library's sources by `Tests/Fuzz/run.sh`; FUZZ_TARGET chooses the reader. Each target checks
// more than "no crash": the properties the readers promise.

import Foundation

enum FuzzTarget: String, CaseIterable {
  case csv, date, money, options, scenario, spec, ocds, registerjson

  static let current: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      fatalError("set FUZZ_TARGET to one of " + allCases.map(\.rawValue).joined(separator: ", "))
    }
    return target
  }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func commissionFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Cells reach the parsers as strings (the CSV reader has validated their UTF-8).
  let text = String(decoding: bytes, as: UTF8.self)
  switch FuzzTarget.current {
  case .csv: fuzzRegister(bytes)
  case .date:
    for role in [DateRole.start, .end, .review] {
      let reading = DateParser.parse(text, role: role)
      _ = reading.findings.map(\.message)
      guard let day = reading.day else {
        // No day: the reading says why.
        if reading.undated == nil { fatalError("no day and no reason for \(Array(text.utf8))") }
        continue
      }
      if let start = reading.rangeStart { _ = (day - start).days }
      // The day, written as ISO, reads back as the same day.
      let back = DateParser.parse(day.iso, role: role).day
      if back != day {
        fatalError("\(Array(text.utf8)) read as \(day.iso), read back as \(back?.iso ?? "nothing")")
      }
    }
  case .money:
    for multiplier: Int64 in [1, 1000, 1_000_000] {
      let reading = MoneyParser.parse(text, unitMultiplier: multiplier)
      _ = reading.findings.map(\.message)
      // A reading has an amount, or a reason it has none; never both, never neither.
      if (reading.amount == nil) != (reading.noValue != nil) {
        fatalError("amount and no-value reason disagree for \(Array(text.utf8))")
      }
      guard let amount = reading.amount else { continue }
      // The amount, written as the reports write it, reads back as the same amount.
      let written = amount.formatted(alwaysShowPence: true)
      let back = MoneyParser.parse(written, unitMultiplier: 1).amount
      if back != amount {
        let again = back?.formatted ?? "nothing"
        fatalError("\(Array(text.utf8)) read as \(written), back as \(again)")
      }
    }
  case .options:
    let reading = OptionsParser.parse(text)
    guard let options = reading.options else {
      // Text that is not read as options says so; only white space (any Unicode space) is blank.
      if !text.unicodeScalars.allSatisfy(\.properties.isWhitespace), reading.findings.isEmpty {
        fatalError("no options and no reason for \(Array(text.utf8))")
      }
      break
    }
    // Options only ever lengthen a contract.
    if let day = Day(year: 2016, month: 9, day: 30), options.maximumExtent(from: day) < day {
      fatalError("\(Array(text.utf8)) as \(options.summary) shortens a contract")
    }
  case .scenario: _ = try? Scenario.parse(json: bytes, file: "fuzz.json")
  case .spec: _ = try? DecisionSpec.parse(json: bytes, file: "fuzz.json")
  case .ocds:
    if let result = try? OCDSImport.read(bytes, file: "fuzz.json") {
      // Every imported row must become a contract, as `commission import` makes them.
      for row in result.rows {
        do {
          _ = try RegisterLoader.contract(row: row, council: .default, file: "fuzz.json")
        } catch {
          fatalError("an imported row does not load: \(row): \(error)")
        }
      }
    }
  case .registerjson:
    guard let rows = try? RegisterJSONImport.read(bytes, file: "fuzz.json") else { break }
    // Every row must load, and load again from the loaded register's own JSON export.
    var register = Register(name: "fuzz")
    for row in rows {
      do {
        register.contracts.append(
          try RegisterLoader.contract(
            row: row.cells, extra: row.extra, council: .default, file: "fuzz.json"
          ).0)
      } catch .emptyRow {
        // Refused with its own message: a contract of empty cells.
        return 0
      } catch {
        fatalError("an imported row does not load: \(row): \(error)")
      }
    }
    guard let again = try? RegisterJSONImport.read(Array(register.json().text.utf8), file: "e")
    else {
      fatalError("the JSON export of an imported register does not import")
    }
    for (row, contract) in zip(again, register.contracts) {
      guard
        let back = try? RegisterLoader.contract(
          row: row.cells, extra: row.extra, council: .default, file: "e"
        ).0, back.canonicalRow == contract.canonicalRow
      else {
        fatalError("round trip through JSON changed \(contract.canonicalRow)")
      }
    }
  }
  return 0
}

/// Loads the bytes as a register; when they load, no row is lost and the canonical export loads
/// back with the same contracts.
func fuzzRegister(_ bytes: [UInt8]) {
  guard
    let register = try? RegisterLoader.load(
      [RegisterInput(name: "fuzz.csv", bytes: bytes)], name: "fuzz")
  else { return }
  // Whatever a cell holds, text output shows it on one line without control characters.
  for contract in register.contracts {
    for text in [contract.service, contract.provider, contract.notes]
    where text.singleLine.unicodeScalars.contains(where: {
      $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
    }) {
      fatalError("a control character survives singleLine: \(Array(text.utf8))")
    }
  }
  // The calendar of any register is well formed: CRLF line ends only, physical lines of at most
  // 75 octets, no control character but tab, and every line that is not a continuation starts
  // as a property name does.
  if let day = Day(year: 2016, month: 3, day: 22) {
    checkCalendar(
      ICalendarExport(register: register, contracts: register.contracts, asOf: day).text)
  }
  guard register.grid.isEmpty, !register.contracts.isEmpty else { return }
  let csv = register.canonicalCSV()
  guard
    let again = try? RegisterLoader.load(
      [RegisterInput(name: "again.csv", bytes: Array(csv.utf8))], name: "fuzz")
  else {
    fatalError("the canonical export of a loaded register does not load:\n\(csv)")
  }
  if again.contracts.count != register.contracts.count {
    fatalError(
      "round trip: \(register.contracts.count) contracts became \(again.contracts.count):\n\(csv)")
  }
  for (a, b) in zip(register.contracts, again.contracts) {
    if a.endDay != b.endDay {
      fatalError(
        "round trip: '\(a.endText)' ended \(String(describing: a.endDay)), then \(String(describing: b.endDay))"
      )
    }
    if a.canonicalRow != b.canonicalRow {
      fatalError("round trip changed a row:\n\(a.canonicalRow)\n\(b.canonicalRow)")
    }
  }
}

/// Fails unless the text is an RFC 5545 stream: CRLF-ended lines of at most 75 octets with no
/// control character but tab, where each line is a continuation (a leading space) or starts
/// with a capital letter, as a property name does (a stray line break would start otherwise).
func checkCalendar(_ text: String) {
  let bytes = Array(text.utf8)
  var lineStart = 0
  var i = 0
  while i < bytes.count {
    let b = bytes[i]
    if b == 0x0D {
      guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { fatalError("a bare CR at \(i)") }
      if i - lineStart > 75 { fatalError("a line of \(i - lineStart) octets at \(lineStart)") }
      let next = i + 2
      let continues = next < bytes.count && bytes[next] == 0x20
      if !continues, next < bytes.count, !(0x41...0x5A).contains(bytes[next]) {
        fatalError("a line at \(next) starts with \(bytes[next]), not a property name")
      }
      lineStart = next
      i = next
      continue
    }
    if b == 0x0A { fatalError("a bare LF at \(i)") }
    if (b < 0x20 && b != 0x09) || b == 0x7F { fatalError("control character \(b) at \(i)") }
    i += 1
  }
  if lineStart != bytes.count { fatalError("the calendar does not end with CRLF") }
}
