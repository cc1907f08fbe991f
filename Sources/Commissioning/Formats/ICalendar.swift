/// Key dates as an iCalendar (RFC 5545) file for Outlook and other calendars.
///
/// One all-day event per date: `DTSTART;VALUE=DATE` and an exclusive `DTEND` (a contract
/// ending 31 March 2017 is `DTEND;VALUE=DATE:20170401`), `VALARM` reminders, stable `UID`s (the
/// same contract and kind of date give the same UID, so a re-import updates rather than
/// duplicates), text escaped, lines folded at 75 octets and ended with CRLF.
///
/// A DATE has a four-digit year, so only days from 0001-01-01 to 9999-12-31 can be written:
/// an event on a day outside them is left out (``omitted`` lists them, for a warning), an event on
/// 9999-12-31 has no `DTEND` (a DATE event without one lasts its one day, RFC 5545 3.6.1), and a
/// stamp outside them is clamped.
public struct ICalendarExport: Sendable {
  public struct Event: Sendable, Equatable {
    public var uid: String
    public var day: Day
    public var summary: String
    public var description: String
    public var categories: String
  }

  public var calendarName: String
  public var stamp: Day
  public var events: [Event]
  /// Reminder offsets in days before each date.
  public var alarms: [Int]

  /// Events for the contracts' ends, maximum extents and next reviews, and the proposal's dates.
  public init(
    register: Register, contracts: [Contract], asOf: Day, proposal: AlignmentProposal? = nil,
    alarms: [Int] = [180, 90, 30]
  ) {
    var events: [Event] = []
    for c in contracts {
      let name = ContractProposal.name(c)
      let value =
        c.value.amount.map {
          " Value \($0.formatted)\(c.value.basis == .unknown ? "" : " (\(c.value.basis.rawValue))")."
        } ?? ""
      let source = c.source.isEmpty ? "" : " Source: \(c.source)."
      if let end = c.endDay {
        let precision =
          c.end.precision == .day ? "" : " The register gives '\(c.endText)'; read as \(end.iso)."
        events.append(
          Event(
            uid: "\(c.id)-end", day: end, summary: "Contract ends: \(name)",
            description: "\(name) ends on \(DateStyle.long(end)).\(value)\(precision)\(source)",
            categories: "Contract end"))
      }
      if let extent = c.maximumExtent, extent != c.endDay {
        events.append(
          Event(
            uid: "\(c.id)-maximum-extent", day: extent, summary: "Options run out: \(name)",
            description:
              "\(name) can run at most to \(DateStyle.long(extent)) with its extension options.\(source)",
            categories: "Maximum extent"))
      }
      if let review = c.nextReview.day {
        events.append(
          Event(
            uid: "\(c.id)-next-review", day: review, summary: "Contract review: \(name)",
            description: "Next review of \(name) ('\(c.nextReviewText)').\(source)",
            categories: "Review"))
      }
    }
    if let p = proposal { events += ICalendarExport.timetableEvents(p) }
    events.sort { ($0.day, $0.uid) < ($1.day, $1.uid) }
    self.init(
      calendarName: "\(register.council.name) contracts (\(register.name))", stamp: asOf,
      events: events, alarms: alarms)
  }

  /// One event per milestone of the proposal's timetable, the council's and each partner's.
  /// The three deadlines calendars have subscribed to since the first version keep their UIDs.
  static func timetableEvents(_ p: AlignmentProposal) -> [Event] {
    let group = p.group
    var used: [String: Int] = [:]
    return p.timetable.milestones.compactMap { m in
      guard m.kind != .currentEnd else { return nil }  // each contract's end is its own event
      let label: String
      let uidKind: String
      switch (m.kind, m.owner) {
      case (.extensionNotice, .council): (label, uidKind) = ("Forward-plan notice by", "notice-by")
      case (.extensionDecision, .council):
        label = p.keyDecision.required ? "Key decision by" : "Decision by"
        uidKind = "decision-by"
      case (.procurementStart, .council):
        (label, uidKind) = ("Procurement start by", "procurement-start-by")
      case (.extensionDecision, .partner): (label, uidKind) = ("Variation by", m.kind.rawValue)
      default: (label, uidKind) = (m.kind.label, m.kind.rawValue)
      }
      let partner = m.owner.partnerName
      var slug = partner.map { "-" + Column.normalise($0) } ?? ""
      // A partner leading several contracts has a milestone for each: every UID stays unique.
      let base = "\(group)-\(uidKind)\(slug)"
      used[base, default: 0] += 1
      if let n = used[base], n > 1 { slug += "-\(n)" }
      let whose = partner.map { " (\($0.singleLine), partner-led)" } ?? ""
      return Event(
        uid: "\(group)-\(uidKind)\(slug)", day: m.day, summary: "\(label)\(whose): \(group)",
        description:
          "\(label) \(DateStyle.long(m.day)), aligning \(group) to \(DateStyle.long(p.target)): \(m.rule.message).",
        categories: "Alignment")
    }
  }

  init(calendarName: String, stamp: Day, events: [Event], alarms: [Int]) {
    self.calendarName = calendarName
    self.stamp = stamp
    self.events = events
    self.alarms = alarms
  }

  /// The days a DATE can hold: years 0001 to 9999.
  static let writable = Day.writable

  /// Events on days a calendar DATE cannot hold, left out of ``text``.
  public var omitted: [Event] { events.filter { !ICalendarExport.writable.contains($0.day) } }

  /// The calendar file.
  public var text: String {
    var text = ""
    write(to: &text)
    return text
  }

  /// Writes the calendar file to `target` an event at a time (the events are sorted, so they
  /// are held; their text is not): every line folded and ended with CRLF.
  public func write<Target: TextOutputStream>(to target: inout Target) {
    var piece = ""
    func emit(_ lines: [String]) {
      for line in lines {
        piece.append(ICalendarExport.fold(line))
        piece.append("\r\n")
      }
      target.write(piece)
      piece.removeAll(keepingCapacity: true)
    }
    emit([
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CommissioningPlanner//commission//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "X-WR-CALNAME:" + ICalendarExport.escape(calendarName),
    ])
    let range = ICalendarExport.writable
    let stampText =
      ICalendarExport.basic(min(max(stamp, range.lowerBound), range.upperBound)) + "T000000Z"
    for event in events where range.contains(event.day) {
      emit(lines(event, stampText: stampText))
    }
    emit(["END:VCALENDAR"])
  }

  /// One event's content lines, unfolded, its alarms included.
  func lines(_ event: Event, stampText: String) -> [String] {
    var lines = [
      "BEGIN:VEVENT",
      "UID:" + ICalendarExport.escape(event.uid) + "@commissioning-planner",
      "DTSTAMP:" + stampText,
      "DTSTART;VALUE=DATE:" + ICalendarExport.basic(event.day),
    ]
    if event.day < ICalendarExport.writable.upperBound {
      lines.append("DTEND;VALUE=DATE:" + ICalendarExport.basic(event.day.next))
    }
    lines += [
      "SUMMARY:" + ICalendarExport.escape(event.summary),
      "DESCRIPTION:" + ICalendarExport.escape(event.description),
      "CATEGORIES:" + ICalendarExport.escape(event.categories),
      "TRANSP:TRANSPARENT",
    ]
    for days in alarms {
      lines += [
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P\(days)D",
        "DESCRIPTION:" + ICalendarExport.escape("In \(days) days: \(event.summary)"),
        "END:VALARM",
      ]
    }
    lines.append("END:VEVENT")
    return lines
  }

  /// `YYYYMMDD`, the year zero-padded to four digits (callers keep to ``writable``).
  static func basic(_ day: Day) -> String {
    let (y, m, d) = day.components
    let year = String(y)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + Day.twoDigits(m)
      + Day.twoDigits(d)
  }

  /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newline, by UTF-8 byte.
  ///
  /// Byte by byte is scalar by scalar for these ASCII characters (no multi-byte sequence holds
  /// an ASCII byte), so a comma followed by a combining mark is still escaped; and it is linear:
  /// a 10 MB cell is one pass into one reserved buffer.
  /// - Complexity: O(n) in the text's UTF-8 length.
  public static func escape(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
        out.append(UInt8(ascii: "\\"))
        out.append(byte)
      case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case UInt8(ascii: "\t"): out.append(byte)
      // Other controls (a lone CR, the CR of a CRLF, NUL, DEL) have no place in TEXT.
      case 0x00..<0x20, 0x7F: continue
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.
  ///
  /// By scalar (one Character, a letter and its combining marks, can be longer than a line),
  /// reading each scalar's length from its lead byte.
  /// - Complexity: O(n) in the line's UTF-8 length.
  public static func fold(_ line: String) -> String {
    guard line.utf8.count > 75 else { return line }
    var out: [UInt8] = []
    out.reserveCapacity(line.utf8.count + line.utf8.count / 24 + 3)
    var count = 0
    for byte in line.utf8 {
      if byte & 0xC0 != 0x80 {
        // A lead byte: the whole scalar must fit on this line.
        let size = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        if count + size > 75 {
          out.append(contentsOf: [0x0D, 0x0A, 0x20])
          count = 1
        }
      }
      out.append(byte)
      count += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
