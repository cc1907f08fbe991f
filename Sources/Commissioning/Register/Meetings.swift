/// Committee meetings in `council.json`: reading them, placing each in the file, and the note
/// for a date read differently from how the source writes it.
extension CouncilRules {
  /// `meetings`: each a `date` (ISO) and `committee`, with optional `asWritten`, `source` and
  /// `note` strings; other keys are left for newer versions, as at the top level.
  static func meetings(_ value: Any, bytes: [UInt8], file: String) throws(CouncilRulesError)
    -> [Meeting]
  {
    func fail(_ message: String) -> CouncilRulesError {
      CouncilRulesError(file: file, message: message)
    }
    guard let list = value as? [Any] else { throw fail("'meetings' must be a list") }
    var places = MeetingPlaces(bytes)
    var meetings: [Meeting] = []
    for (index, item) in list.enumerated() {
      guard let m = item as? [String: Any], let ds = m["date"] as? String, let day = Day(ds)
      else {
        throw fail("meeting \(index + 1) needs a \"date\" like \"2016-03-22\"")
      }
      var texts: [String: String] = [:]
      for key in ["asWritten", "source", "note"] where m[key] != nil {
        guard let text = m[key] as? String else {
          throw fail("meeting \(index + 1): '\(key)' must be a string")
        }
        texts[key] = text
      }
      let (line, column) = places.next(date: ds) ?? (1, 1)
      meetings.append(
        Meeting(
          date: day, committee: m["committee"] as? String ?? "", asWritten: texts["asWritten"],
          source: texts["source"], note: texts["note"],
          location: SourceLocation(file: file, line: line, column: column)))
    }
    return meetings.sorted { $0.date < $1.date }
  }
}

/// Finds each meeting's `"date"` key in `council.json`, in order, for placing a note there.
///
/// The JSON reader keeps no positions, so this scans the bytes after the `"meetings"` key for
/// `"date"` keys and accepts one only when its value is the meeting's date text; a meeting not
/// found so is placed at line 1.
struct MeetingPlaces {
  let bytes: [UInt8]
  var cursor: Int
  /// The last place counted: its offset, line and column.
  var counted = (offset: 0, line: 1, column: 1)

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    cursor = MeetingPlaces.key("meetings", in: bytes, from: 0) ?? bytes.count
  }

  /// The line and column of the next `"date": "<date>"` key, moving past it.
  mutating func next(date: String) -> (Int, Int)? {
    // Counted on from the last place found, so many meetings cost one pass, not one each.
    guard let at = MeetingPlaces.key("date", in: bytes, from: cursor) else { return nil }
    var i = at + 6
    while i < bytes.count, bytes[i] != UInt8(ascii: ":") { i += 1 }
    i += 1
    while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 {
      i += 1
    }
    let value = Array(("\"" + date + "\"").utf8)
    guard i + value.count <= bytes.count, Array(bytes[i..<(i + value.count)]) == value else {
      return nil
    }
    cursor = i + value.count
    for b in bytes[counted.offset..<at] {
      if b == 0x0A {
        counted.line += 1
        counted.column = 1
      } else if b & 0xC0 != 0x80 {
        counted.column += 1
      }
    }
    counted.offset = at
    return (counted.line, counted.column)
  }

  /// The offset of `"name"` used as a key (a colon follows), not escaped, from `start`.
  static func key(_ name: String, in bytes: [UInt8], from start: Int) -> Int? {
    let quoted = Array(("\"" + name + "\"").utf8)
    var i = start
    while i + quoted.count <= bytes.count {
      if bytes[i] == quoted[0], i == 0 || bytes[i - 1] != UInt8(ascii: "\\"),
        Array(bytes[i..<(i + quoted.count)]) == quoted
      {
        var j = i + quoted.count
        while j < bytes.count, bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 10 || bytes[j] == 13 {
          j += 1
        }
        if j < bytes.count, bytes[j] == UInt8(ascii: ":") { return i }
      }
      i += 1
    }
    return nil
  }
}

extension CouncilRules.Meeting {
  /// A note when the date was read differently from how it is written, so `check` shows the
  /// reading beside the text: `'10 NOVEMBER 2015' (003_….txt:4036) read as 2016-11-10: …`.
  public var readingNote: Diagnostic? {
    guard let asWritten else { return nil }
    let written = DateParser.parse(asWritten, role: .start)
    guard written.day != date || written.precision != .day else { return nil }
    var message = "meeting \(quoted(asWritten))"
    if let source { message += " (\(source))" }
    message += " read as \(date.iso)"
    if let note { message += ": \(note)" }
    return Diagnostic(.note, message, at: location)
  }
}
