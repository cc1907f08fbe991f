import Foundation
import Testing

@testable import Commissioning

/// A text stream that keeps each write apart, to see how the writers hand their output on.
struct WriteRecorder: TextOutputStream {
  var pieces: [String] = []
  mutating func write(_ string: String) { pieces.append(string) }
  var text: String { pieces.joined() }
  var largest: Int { pieces.map(\.utf8.count).max() ?? 0 }
}

@Suite("Streaming export writers")
struct StreamingExportTests {
  static let asOf = day("2016-03-22")

  /// The streamed writers of every format and the whole-document path, for one register.
  static func both(_ format: String, _ register: Register) -> (
    whole: String, streamed: WriteRecorder
  ) {
    var recorder = WriteRecorder()
    let contracts = register.contracts
    switch format {
    case "csv":
      register.writeCanonicalCSV(to: &recorder)
      // The row-at-a-time stream the import writes, kept whole: the CSV as it was made before.
      var stream = CanonicalCSVStream(extraHeaders: Register.extraHeaders(of: contracts).headers)
      for contract in contracts { stream.append(contract) }
      return (stream.text, recorder)
    case "json":
      register.writeJSON(to: &recorder)
      return (register.json().text, recorder)
    case "ocds":
      OCDSExport.writePackage(register: register, contracts: contracts, asOf: asOf, to: &recorder)
      return (
        OCDSExport.package(register: register, contracts: contracts, asOf: asOf).text, recorder
      )
    default:
      let calendar = ICalendarExport(register: register, contracts: contracts, asOf: asOf)
      calendar.write(to: &recorder)
      // The calendar as the whole-text renderer joined it: folded lines, CRLF after each.
      var lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CommissioningPlanner//commission//EN",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "X-WR-CALNAME:" + ICalendarExport.escape(calendar.calendarName),
      ]
      for event in calendar.events where ICalendarExport.writable.contains(event.day) {
        lines += calendar.lines(event, stampText: ICalendarExport.basic(asOf) + "T000000Z")
      }
      lines.append("END:VCALENDAR")
      return (lines.map(ICalendarExport.fold).joined(separator: "\r\n") + "\r\n", recorder)
    }
  }

  @Test(
    "each writer's pieces join to the whole document, byte for byte, for both Kent registers",
    arguments: ["csv", "json", "ocds", "ics"], ["kent-2016-03", "kent-2015-07"])
  func byteIdentical(_ format: String, _ folder: String) throws {
    let register = try loadKent(folder)
    let (whole, streamed) = StreamingExportTests.both(format, register)
    #expect(streamed.text == whole)
    // Streamed: a piece at least every contract (the calendar: every event, fewer in the
    // 2015 register's four contracts), none anywhere near the whole document.
    #expect(streamed.pieces.count >= 3)
    #expect(streamed.largest < 16_384)
    if register.contracts.count > 100 {
      #expect(streamed.pieces.count > register.contracts.count)
      #expect(streamed.largest * 20 < whole.utf8.count)
    }
  }

  @Test("the streamed JSON and OCDS of a register with no contracts are the trees'")
  func emptyArrays() throws {
    let register = try RegisterLoader.load(
      [RegisterInput(name: "e.csv", bytes: Array("id,service,end\n".utf8))], name: "e")
    var recorder = WriteRecorder()
    register.writeJSON(to: &recorder)
    #expect(recorder.text == register.json().text)
    #expect(recorder.text.contains("\"contracts\": [],\n"))
    var ocds = WriteRecorder()
    OCDSExport.writePackage(register: register, contracts: [], asOf: Self.asOf, to: &ocds)
    let package = OCDSExport.package(register: register, contracts: [], asOf: Self.asOf)
    #expect(ocds.text == package.text)
    #expect(JSON.object(streamed: []).text == "{}\n")
    var none = WriteRecorder()
    JSON.write(streamed: [], to: &none)
    #expect(none.text == "{}\n")
  }
}
