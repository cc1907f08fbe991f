/// Key dates as an iCalendar (RFC 5545) file for Outlook and other calendars.
///
/// One all-day event per date: `DTSTART;VALUE=DATE` and an exclusive `DTEND` (a contract
/// ending 31 March 2017 is `DTEND;VALUE=DATE:20170401`), `VALARM` reminders, stable `UID`s (the
/// same contract and kind of date give the same UID, so a re-import updates rather than
/// duplicates), text escaped, lines folded at 75 octets and ended with CRLF.
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
    if let p = proposal {
      let group = p.group
      var dates: [(String, String, Deadline?)] = [
        ("notice-by", "Forward-plan notice by", p.noticeBy),
        ("decision-by", "Key decision by", p.decisionBy),
        ("procurement-start-by", "Procurement start by", p.procurementStartBy),
      ]
      dates.sort { ($0.2?.day ?? p.target) < ($1.2?.day ?? p.target) }
      for (kind, label, deadline) in dates {
        guard let deadline else { continue }
        events.append(
          Event(
            uid: "\(group)-\(kind)", day: deadline.day, summary: "\(label): \(group)",
            description:
              "\(label) for aligning \(group) to \(DateStyle.long(p.target)): \(deadline.why).",
            categories: "Alignment"))
      }
    }
    events.sort { ($0.day, $0.uid) < ($1.day, $1.uid) }
    self.init(
      calendarName: "\(register.council.name) contracts (\(register.name))", stamp: asOf,
      events: events, alarms: alarms)
  }

  init(calendarName: String, stamp: Day, events: [Event], alarms: [Int]) {
    self.calendarName = calendarName
    self.stamp = stamp
    self.events = events
    self.alarms = alarms
  }

  /// The calendar file.
  public var text: String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CommissioningPlanner//commission//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "X-WR-CALNAME:" + ICalendarExport.escape(calendarName),
    ]
    let stampText = ICalendarExport.basic(stamp) + "T000000Z"
    for event in events {
      lines += [
        "BEGIN:VEVENT",
        "UID:" + ICalendarExport.escape(event.uid) + "@commissioning-planner",
        "DTSTAMP:" + stampText,
        "DTSTART;VALUE=DATE:" + ICalendarExport.basic(event.day),
        "DTEND;VALUE=DATE:" + ICalendarExport.basic(event.day.next),
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
    }
    lines.append("END:VCALENDAR")
    return lines.map(ICalendarExport.fold).joined(separator: "\r\n") + "\r\n"
  }

  /// `YYYYMMDD`.
  static func basic(_ day: Day) -> String {
    let (y, m, d) = day.components
    return String(y) + Day.twoDigits(m) + Day.twoDigits(d)
  }

  /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newline. By scalar: a
  /// comma followed by a combining mark is one Character, but still a comma to a calendar.
  public static func escape(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
      case ";": out.append(contentsOf: "\\;".unicodeScalars)
      case ",": out.append(contentsOf: "\\,".unicodeScalars)
      case "\n": out.append(contentsOf: "\\n".unicodeScalars)
      case "\t": out.append(scalar)
      default:
        // Other controls (a lone CR, the CR of a CRLF, NUL, DEL) have no place in TEXT.
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.
  public static func fold(_ line: String) -> String {
    guard line.utf8.count > 75 else { return line }
    // By scalar: one Character (a letter and its combining marks) can be longer than a line.
    var out = String.UnicodeScalarView()
    var count = 0
    for scalar in line.unicodeScalars {
      let size = UTF8.width(scalar)
      if count + size > 75 {
        out.append(contentsOf: "\r\n ".unicodeScalars)
        count = 1
      }
      out.append(scalar)
      count += size
    }
    return String(out)
  }
}
