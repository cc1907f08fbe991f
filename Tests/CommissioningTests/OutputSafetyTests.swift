import Foundation
import Testing

@testable import Commissioning

/// Issue 17: what the writers put out is valid for its format whatever the input holds.
@Suite("Output safety: calendars, documents, terminals")
struct OutputSafetyTests {
  static func event(_ day: Day) -> ICalendarExport.Event {
    ICalendarExport.Event(
      uid: "u-\(day.iso)", day: day, summary: "s", description: "d", categories: "c")
  }

  static func calendar(_ days: [Day], stamp: Day = day("2016-03-22")) -> ICalendarExport {
    ICalendarExport(calendarName: "n", stamp: stamp, events: days.map(event), alarms: [])
  }

  @Test(
    "ICS dates keep to years 0001 to 9999, one under and one over each end",
    arguments: [
      ("0000-12-31", false, false), ("0001-01-01", true, true), ("9999-12-30", true, true),
      ("9999-12-31", true, false),
    ])
  func icsYears(_ iso: String, _ written: Bool, _ hasEnd: Bool) throws {
    let day = try #require(Day(iso))
    let calendar = OutputSafetyTests.calendar([day])
    let text = calendar.text
    #expect(
      text.contains("DTSTART;VALUE=DATE:" + iso.replacingOccurrences(of: "-", with: ""))
        == written)
    #expect(text.contains("DTEND;VALUE=DATE:") == hasEnd)
    #expect(calendar.omitted.map(\.day) == (written ? [] : [day]))
    // Every DATE and DATE-TIME value is eight digits, the year four.
    for line in text.split(separator: "\r\n") where line.hasPrefix("DT") {
      let value = line.split(separator: ":").last.map(String.init) ?? ""
      #expect(value.prefix(8).allSatisfy(\.isNumber) && value.prefix(8).count == 8)
      #expect(value.count == 8 || value.count == 16)
    }
  }

  @Test("a day past 9999 is left out, and a stamp outside the years is clamped")
  func icsFarDays() {
    let far = Day(ordinal: Day.ordinalLimit)
    let calendar = OutputSafetyTests.calendar(
      [Day("2016-09-30")!, far], stamp: Day(year: 0, month: 1, day: 1)!)
    #expect(calendar.omitted.map(\.day) == [far])
    #expect(calendar.text.components(separatedBy: "BEGIN:VEVENT").count == 2)
    #expect(calendar.text.contains("DTSTAMP:00010101T000000Z"))
  }

  @Test("a 1 MB cell is escaped and folded in one pass, and unfolds to what went in")
  func icsLargeCell() {
    let cell = String(repeating: "a,é;\u{301}\\\n", count: 1_000_000 / 8)
    let started = ContinuousClock.now
    let line = ICalendarExport.fold("DESCRIPTION:" + ICalendarExport.escape(cell))
    // Quadratic folding took minutes at this size; linear takes well under a second even in
    // a debug build. Generous, so a loaded machine does not fail it.
    #expect(ContinuousClock.now - started < .seconds(20))
    // By bytes: a fold can fall before a combining mark, which a Character split would merge.
    var bytes = Array(line.utf8)
    var longest = 0
    var unfolded: [UInt8] = []
    var index = 0
    var run = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 2 < bytes.count, bytes[index + 1] == 0x0A,
        bytes[index + 2] == 0x20
      {
        longest = max(longest, run)
        run = 1
        index += 3
        continue
      }
      unfolded.append(bytes[index])
      run += 1
      index += 1
    }
    bytes = []
    #expect(max(longest, run) <= 75)
    let expected =
      "DESCRIPTION:"
      + String(repeating: "a\\,é\\;\u{301}\\\\\\n", count: 1_000_000 / 8)
    let same = unfolded == Array(expected.utf8)
    #expect(same)
  }
}

extension OutputSafetyTests {
  static func table() -> TextTable {
    var table = TextTable(columns: [.init("End", alignment: .right), .init("Service")])
    table.add(["30 Sep 2016", "Health Visiting"])
    table.add(["", "Meals"])
    return table
  }

  @Test("a table in columns while it fits, one line per cell from one column narrower")
  func stackedTable() {
    let table = OutputSafetyTests.table()
    // "30 Sep 2016  Health Visiting" is 28 columns.
    #expect(
      table.render(width: 28).lines == [
        "        End  Service", "30 Sep 2016  Health Visiting", "             Meals",
      ])
    #expect(
      table.render(width: 27).lines == [
        "End:     30 Sep 2016", "Service: Health Visiting", "", "Service: Meals",
      ])
    #expect(table.bodyLines(width: 28).count == 2)
    #expect(table.bodyLines(width: 27).count == 4)
    // Narrower than a label and its value: each line is cut, never longer than the width.
    #expect(table.render(width: 12).lines.allSatisfy { $0.count <= 12 })
  }
}
