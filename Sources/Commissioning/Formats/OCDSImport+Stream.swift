/// The places of an OCDS file's releases, found without reading the whole file as objects: each
/// ocid's latest release is remembered by its byte range and read again when its rows are made.
struct ReleaseIndex {
  /// A release itself, or a record whose compiled or latest embedded release is the one.
  enum Kind { case release, record }

  /// The kept release of one ocid.
  struct Kept {
    var range: Range<Int>
    var kind: Kind
    var line: Int
    var date: String
    /// How many releases of the ocid the file holds.
    var count: Int
    /// How many of them carry the kept release's date (the last of these is kept).
    var tied = 1
  }

  let buffer: UnsafeBufferPointer<UInt8>
  let file: String
  /// Releases found, with or without a usable ocid.
  var releases = 0
  var kept: [String: Kept] = [:]
  /// The ocids in the order they first appear.
  var order: [String] = []
  /// Notes on the file as a whole (a byte-order mark skipped), given before any release's.
  var preface: [Diagnostic] = []
  /// Gives back the pages read so far (see ``OCDSImport/read(buffer:file:drain:evict:each:)``).
  var evict: (() -> Void)?
  /// The most one read of a mapped file can bring in: the kernel may map a file's pages 2 MiB
  /// at a time (transparent huge pages of the page cache).
  static let hugePage = 2 << 20
  /// Bytes read between two calls of `evict`.
  var stride = OCDSImport.evictionStride
  /// Bytes read since `evict` was last called.
  private var unevicted = 0

  /// Counts bytes read, calling `evict` each time a stride's worth has passed.
  private mutating func passed(_ count: Int) {
    guard let evict else { return }
    unevicted += count
    if unevicted >= stride {
      evict()
      unevicted = 0
    }
  }

  init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
    self.buffer = buffer
    self.file = file
  }

  /// Finds the releases of one JSON document, or of each line when the first line holds a whole
  /// value and more follows (JSON Lines).
  mutating func collect() throws(OCDSImport.ImportError) {
    var first = 0
    while first < buffer.count, buffer[first] != 0x0A { first += 1 }
    var opening = JSONScanner(buffer, range: 0..<first)
    var rest = JSONScanner(buffer, range: min(first, buffer.count)..<buffer.count)
    let lines =
      opening.peek() != nil && (try? opening.value()) != nil && opening.peek() == nil
      && rest.peek() != nil
    if !lines {
      var whole = JSONScanner(buffer)
      // An empty file holds no release, as a file of blank lines does.
      guard whole.peek() != nil else { return }
      do throws(JSONScanner.Problem) {
        _ = try whole.value()
        if whole.peek() != nil { throw .invalid(offset: whole.position) }
      } catch {
        throw located(JSONReading.failure(error, in: buffer))
      }
      do {
        try document(0..<buffer.count, line: 1)
      } catch {
        throw located(error)
      }
      return
    }
    var line = 0
    var start = 0
    while start <= buffer.count {
      line += 1
      var stop = start
      while stop < buffer.count, buffer[stop] != 0x0A { stop += 1 }
      try jsonLine(start..<stop, line: line)
      passed(min(stop + 1, buffer.count) - start)
      start = stop + 1
    }
  }

  /// One line of JSON Lines: blank, or one object or array, read as a document.
  mutating func jsonLine(_ range: Range<Int>, line: Int) throws(OCDSImport.ImportError) {
    var scanner = JSONScanner(buffer, range: range)
    guard let first = scanner.peek() else { return }
    do {
      guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
        throw JSONReading.Failure(reason: "")
      }
      _ = try scanner.value()
      guard scanner.peek() == nil else { throw JSONReading.Failure(reason: "") }
      try document(range, line: line)
    } catch {
      throw OCDSImport.ImportError(
        message: "\(file):\(line):1: error: not valid JSON or JSON Lines")
    }
  }

  /// A document already checked as JSON: an array of documents, a release or record package,
  /// or a release.
  mutating func document(_ range: Range<Int>, line: Int) throws(JSONReading.Failure) {
    do {
      var scanner = JSONScanner(buffer, range: range)
      switch scanner.peek() {
      case UInt8(ascii: "["):
        try scanner.beginArray()
        while let element = try scanner.nextElement() { try document(element, line: line) }
      case UInt8(ascii: "{"):
        try object(&scanner, range: range, line: line)
      default: return
      }
    } catch let failure as JSONReading.Failure {
      throw failure
    } catch let problem as JSONScanner.Problem {
      throw JSONReading.Failure(reason: JSONReading.reason(for: problem, in: buffer))
    } catch {
      throw JSONReading.Failure(reason: "\(error)")
    }
  }

  /// A package's releases or records, else the object itself when it has an ocid.
  private mutating func object(_ scanner: inout JSONScanner, range: Range<Int>, line: Int) throws {
    var releases: Range<Int>?
    var records: Range<Int>?
    var hasOcid = false
    try scanner.beginObject()
    while let member = try scanner.nextMember() {
      if scanner.key(member.key, is: "releases") { releases = member.value }
      if scanner.key(member.key, is: "records") { records = member.value }
      if scanner.key(member.key, is: "ocid") { hasOcid = true }
    }
    // As Foundation's objects were read: `releases` if it is an array, else `records`.
    let list = [(releases, Kind.release), (records, Kind.record)].first {
      $0.0.map { buffer[$0.lowerBound] == UInt8(ascii: "[") } ?? false
    }
    guard let list, let array = list.0 else {
      if hasOcid { try unit(range, kind: .release, line: line) }
      return
    }
    var elements = JSONScanner(buffer, range: array)
    try elements.beginArray()
    while let element = try elements.nextElement() {
      if buffer[element.lowerBound] == UInt8(ascii: "{") {
        try unit(element, kind: list.1, line: line)
      }
    }
  }

  /// One release or record: counted, and kept if it is its ocid's latest so far.
  private mutating func unit(_ range: Range<Int>, kind: Kind, line: Int) throws(JSONReading.Failure)
  {
    let ocid: String?
    let date: String
    if kind == .release {
      // Only the ocid and date are needed here: read them without building the release.
      guard let found = try identity(range) else { return }
      (ocid, date) = found
    } else {
      guard let release = try ReleaseIndex.release(parse(range), kind: kind)
      else { return }
      (ocid, date) = (release["ocid"] as? String, (release["date"] as? String) ?? "")
    }
    releases += 1
    guard let ocid else { return }
    if var entry = kept[ocid] {
      entry.count += 1
      if date >= entry.date {
        entry.tied = date == entry.date ? entry.tied + 1 : 1
        (entry.range, entry.kind, entry.line, entry.date) = (range, kind, line, date)
      }
      kept[ocid] = entry
    } else {
      kept[ocid] = Kept(range: range, kind: kind, line: line, date: date, count: 1)
      order.append(ocid)
    }
  }

  /// A release's ocid (nil when it is not a string) and date (empty when it is not a string),
  /// read from its top-level members alone; nil when it has no `ocid` member, as Foundation's
  /// object would say. A later duplicate member wins, as it does in Foundation's reader.
  private func identity(_ range: Range<Int>) throws(JSONReading.Failure) -> (String?, String)? {
    var scanner = JSONScanner(buffer, range: range)
    var ocid: Range<Int>?
    var date: Range<Int>?
    do throws(JSONScanner.Problem) {
      try scanner.beginObject()
      while let member = try scanner.nextMember() {
        if scanner.key(member.key, is: "ocid") {
          ocid = member.value
        } else if scanner.key(member.key, is: "date") {
          date = member.value
        }
      }
    } catch {
      throw JSONReading.Failure(reason: JSONReading.reason(for: error, in: buffer))
    }
    guard let ocid else { return nil }
    return (
      try string(ocid),
      try date.flatMap { (range) throws(JSONReading.Failure) in
        try string(range)
      } ?? ""
    )
  }

  /// A checked JSON value as a string: byte for byte when it has no escape, else by
  /// Foundation's reader; nil when it is not a string.
  private func string(_ range: Range<Int>) throws(JSONReading.Failure) -> String? {
    guard buffer[range.lowerBound] == UInt8(ascii: "\""), range.count >= 2 else { return nil }
    let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
    if !buffer[inner].contains(UInt8(ascii: "\\")) {
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[inner]), as: UTF8.self)
    }
    return try JSONReading.value(buffer, range) as? String
  }

  /// A checked release or record read by Foundation, its numeric amounts first rewritten as
  /// marked text (see ``OCDSImport/markingAmounts(_:_:)``); a failure is placed in the file.
  func parse(_ range: Range<Int>) throws(JSONReading.Failure) -> Any {
    guard let marked = OCDSImport.markingAmounts(buffer, range) else {
      return try JSONReading.value(buffer, range)
    }
    do {
      return try marked.withUnsafeBufferPointer { (bytes) throws(JSONReading.Failure) in
        try JSONReading.value(bytes, 0..<bytes.count)
      }
    } catch {
      // Placed in the original bytes: Foundation refuses the release as written too.
      return try JSONReading.value(buffer, range)
    }
  }

  /// The release a unit stands for: itself if it has an ocid, or a record's compiled release,
  /// else its latest embedded release.
  static func release(_ value: Any, kind: Kind) -> [String: Any]? {
    guard let object = value as? [String: Any] else { return nil }
    switch kind {
    case .release: return object["ocid"] == nil ? nil : object
    case .record:
      if let compiled = object["compiledRelease"] as? [String: Any] { return compiled }
      return (object["releases"] as? [[String: Any]])?.filter { $0["ocid"] != nil }.max {
        (($0["date"] as? String) ?? "") < (($1["date"] as? String) ?? "")
      }
    }
  }

  /// The rows of each ocid's latest release, in the order the ocids first appear.
  func convert(
    drain: (([Diagnostic]) -> Void)? = nil,
    _ each: ([Column: String], Int) throws(OCDSImport.ImportError) -> Void
  ) throws(OCDSImport.ImportError) -> OCDSImport.Summary {
    var summary = OCDSImport.Summary()
    summary.diagnostics = preface
    summary.releases = releases
    var unevicted = 0
    var last = 0
    for ocid in order {
      guard let entry = kept[ocid] else { continue }
      if let evict {
        // A later release of an earlier ocid is elsewhere in the file: reading it can map a
        // whole huge page there, so a jump counts as one.
        let jump = entry.range.lowerBound - last
        unevicted +=
          entry.range.count + (0..<ReleaseIndex.hugePage ~= jump ? 0 : ReleaseIndex.hugePage)
        last = entry.range.upperBound
        if unevicted >= stride {
          evict()
          unevicted = 0
        }
      }
      let release: [String: Any]
      do {
        guard
          let found = try ReleaseIndex.release(parse(entry.range), kind: entry.kind)
        else { continue }
        release = found
      } catch {
        throw located(error)
      }
      if entry.count > 1 {
        summary.diagnostics.append(duplicateNote(ocid, entry, release))
      }
      let rows = OCDSImport.contractRows(
        release, ocid: ocid, file: file, line: entry.line, diagnostics: &summary.diagnostics)
      if let drain, !summary.diagnostics.isEmpty {
        drain(summary.diagnostics)
        summary.diagnostics.removeAll(keepingCapacity: true)
      }
      for row in rows {
        summary.rows += 1
        if !(row[.end] ?? "").isEmpty { summary.withEnd += 1 }
        if !(row[.extensionOptions] ?? "").isEmpty || !(row[.maxEnd] ?? "").isEmpty {
          summary.withOptions += 1
        }
        try each(row, entry.line)
      }
    }
    return summary
  }

  /// Which of an ocid's releases was kept: the latest, or the last of those tied on its date.
  func duplicateNote(_ ocid: String, _ entry: Kept, _ release: [String: Any]) -> Diagnostic {
    let date = (release["date"] as? String) ?? "undated"
    let kept =
      entry.tied > 1
      ? "kept the last of \(entry.tied) releases dated \(date.isEmpty ? "undated" : date)"
      : "kept the latest release (\(date))"
    return Diagnostic(
      .note, "ocid \(ocid) appears \(entry.count) times; \(kept)",
      at: SourceLocation(file: file, line: entry.line, column: 1))
  }

  /// A failure inside a checked document, at its line and column.
  func located(_ failure: JSONReading.Failure) -> OCDSImport.ImportError {
    OCDSImport.ImportError(
      message:
        "\(file):\(failure.line ?? 1):\(failure.column ?? 1): error: not valid JSON or JSON Lines")
  }
}
