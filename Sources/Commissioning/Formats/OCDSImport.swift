import Foundation

/// Reads Open Contracting Data Standard releases (as Contracts Finder publishes them) into
/// canonical register rows.
///
/// Accepts a release package, a record package, a single release, a JSON array of any of
/// these, or JSON Lines of any of these. Each contract comes from `contracts[]` when present,
/// else from `awards[]`, else from `tender`. Repeated ocids: the latest release wins, with a note.
public enum OCDSImport {
  /// What an import produced.
  public struct Result: Sendable {
    public var rows: [[Column: String]]
    /// The line of each row's release (JSON Lines), or 1 for a single JSON document.
    public var lines: [Int]
    public var diagnostics: [Diagnostic]
    public var releases: Int
    public var withEnd: Int
    public var withOptions: Int
  }

  /// Why a file cannot be imported at all.
  public struct ImportError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
  }

  /// What a streamed import produced besides its rows.
  public struct Summary: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var releases = 0
    public var rows = 0
    public var withEnd = 0
    public var withOptions = 0
  }

  /// Imports the file's releases.
  ///
  /// - Throws: ``ImportError`` when the file is not JSON, or holds no OCDS release.
  public static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> Result {
    var rows: [[Column: String]] = []
    var lines: [Int] = []
    let summary = try read(bytes, file: file) { row, line in
      rows.append(row)
      lines.append(line)
    }
    return Result(
      rows: rows, lines: lines, diagnostics: summary.diagnostics, releases: summary.releases,
      withEnd: summary.withEnd, withOptions: summary.withOptions)
  }

  /// Imports the file's releases a row at a time, each handed to `each` with its line as it is
  /// made, so memory stays near the file's size (Foundation's reader of the whole file took
  /// about 20 times it).
  ///
  /// A first pass finds each release (an element of a package's `releases` or `records`, a
  /// JSON Lines line, or an element of a top-level array) and keeps only each ocid's latest
  /// one's place; a second reads the kept releases again, in the order their ocids first appear.
  /// - Throws: ``ImportError`` when the file is not JSON, or holds no OCDS release, or what
  ///   `each` throws.
  /// - Complexity: O(bytes).
  ///
  /// - Parameter drain: when given, takes each release's diagnostics as they are made (so a
  ///   million notes are never held at once); the summary then carries none.
  public static func read(
    _ bytes: [UInt8], file: String, drain: (([Diagnostic]) -> Void)? = nil,
    each: ([Column: String], Int) throws(ImportError) -> Void
  ) throws(ImportError) -> Summary {
    try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
      try read(buffer: buffer, file: file, drain: drain, each: each)
    }
  }

  /// Imports releases from bytes held elsewhere: a memory-mapped bulk file, read in place.
  ///
  /// - Parameter evict: when given, called after every ``evictionStride`` bytes read, so the
  ///   owner of a mapping can give back the pages already read (the index keeps only byte
  ///   ranges, never a pointer into them).
  public static func read(
    buffer: UnsafeBufferPointer<UInt8>, file: String, drain: (([Diagnostic]) -> Void)? = nil,
    evict: (() -> Void)? = nil, each: ([Column: String], Int) throws(ImportError) -> Void
  ) throws(ImportError) -> Summary {
    // A UTF-8 byte-order mark (Windows tools write one) is skipped with a note.
    let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF])
    var index = ReleaseIndex(
      buffer: bom ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer, file: file)
    if bom {
      index.preface.append(
        Diagnostic(
          .note, "the file begins with a UTF-8 byte-order mark; skipped",
          at: SourceLocation(file: file, line: 1, column: 1)))
    }
    index.evict = evict
    try index.collect()
    guard index.releases > 0 else {
      throw ImportError(
        message:
          "\(file):1:1: error: no OCDS release found (expected releases, records or an object with an ocid)"
      )
    }
    return try index.convert(drain: drain, each)
  }

  /// How many bytes are read between two calls of `evict`: 64 MiB, a small share of a bulk
  /// file, and large enough that faulting pages back in from the page cache costs little.
  public static let evictionStride = 64 << 20

  static func contractRows(
    _ release: [String: Any], ocid: String, file: String, line: Int, diagnostics: inout [Diagnostic]
  ) -> [[Column: String]] {
    let at = SourceLocation(file: file, line: line, column: 1)
    let tender = release["tender"] as? [String: Any] ?? [:]
    /// Each text as it should read, a repair of double-encoded UTF-8 noted.
    func text(_ value: Any?, _ field: String) -> String {
      OCDSImport.text(value, id: ocid, field: field, at: at, diagnostics: &diagnostics)
    }
    let buyer = text((release["buyer"] as? [String: Any])?["name"], "buyer")
    if buyer.trimmingCharacters(in: .whitespaces).isEmpty {
      diagnostics.append(Diagnostic(.note, "\(ocid): no buyer named; left empty", at: at))
    }
    let tenderTitle = text(tender["title"], "tender title")
    let tenderDescription = text(tender["description"], "tender description")
    let awards = release["awards"] as? [[String: Any]] ?? []
    let contracts = release["contracts"] as? [[String: Any]] ?? []
    var sources:
      [(
        id: String, title: String, description: String, value: [String: Any]?,
        period: [String: Any]?, suppliers: [String], extra: [String: Any]
      )] = []
    func suppliers(_ award: [String: Any]?) -> [String] {
      ((award?["suppliers"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }.map {
        text($0, "supplier")
      }
    }
    if !contracts.isEmpty {
      for c in contracts {
        let awardId = c["awardID"] as? String
        let award = awards.first { ($0["id"] as? String) == awardId }
        sources.append(
          (
            ocid + "/" + ((c["id"] as? String) ?? String(describing: c["id"] ?? "")),
            text(c["title"], "contract title"), text(c["description"], "contract description"),
            c["value"] as? [String: Any], c["period"] as? [String: Any], suppliers(award), c
          ))
      }
    } else if !awards.isEmpty {
      for a in awards {
        sources.append(
          (
            ocid + "/" + ((a["id"] as? String) ?? ""), text(a["title"], "award title"),
            text(a["description"], "award description"), a["value"] as? [String: Any],
            a["contractPeriod"] as? [String: Any], suppliers(a), a
          ))
      }
    } else {
      sources.append(
        (
          ocid, tenderTitle, tenderDescription, tender["value"] as? [String: Any],
          tender["contractPeriod"] as? [String: Any], [], tender
        ))
    }
    var rows: [[Column: String]] = []
    for s in sources {
      var row: [Column: String] = [:]
      row[.id] = s.id
      row[.service] = s.title.isEmpty ? (tenderTitle.isEmpty ? s.id : tenderTitle) : s.title
      row[.provider] = s.suppliers.joined(separator: "; ")
      row[.buyer] = buyer
      row[.cpv] = classifications(tender)
      row[.buyerPostcode] = buyerPostcode(release)
      row[.source] = "\(file):\(line) \(s.id)"
      // Value: OCDS values are the whole contract's.
      if let value = s.value,
        let money = money(value, id: s.id, at: at, diagnostics: &diagnostics)
      {
        row[.value] = money.formatted(alwaysShowPence: true)
        row[.valueBasis] = "total"
        if money.minorUnits == 0, value["amount"].map(isZeroText) ?? false {
          diagnostics.append(Diagnostic(.note, "\(s.id): the source gives a value of 0", at: at))
        }
      }
      // Period: dates, a duration, a maximum extent.
      if let period = s.period {
        let start = date(period["startDate"], "start", id: s.id, at: at, diagnostics: &diagnostics)
        var end = date(period["endDate"], "end", id: s.id, at: at, diagnostics: &diagnostics)
        if end == nil, let days = period["durationInDays"].flatMap(JSONReading.wholeNumber) {
          if !maxDuration.contains(days) {
            diagnostics.append(
              Diagnostic(
                .warning,
                "\(s.id): a duration of \(days) days is not between 0 and 36,500 (100 years); ignored",
                at: at))
          } else if let start {
            end = start + DayCount(days - 1)
            diagnostics.append(
              Diagnostic(
                .note,
                "\(s.id): end computed from the start and a duration of \(days) days: \(end?.iso ?? "")",
                at: at))
          } else {
            row[.notes] = "a duration of \(days) days but no start date"
            diagnostics.append(
              Diagnostic(
                .warning,
                "\(s.id): a duration of \(days) days but no start date; listed as undated", at: at))
          }
        }
        row[.start] = start?.iso ?? ""
        row[.end] = end?.iso ?? ""
        if let extent = date(
          period["maxExtentDate"], "max extent", id: s.id, at: at, diagnostics: &diagnostics)
        {
          row[.maxEnd] = extent.iso
        }
      }
      // Extension terms: the renewal extension, else phrases in the descriptions and titles.
      var optionText: String?
      if let renewal = s.extra["renewal"] as? [String: Any],
        let description = renewal["description"] as? String
      {
        optionText = text(description, "renewal description")
      } else if let phrase = salvageOptions(from: [
        s.description, tenderDescription, s.title, tenderTitle,
      ]) {
        optionText = phrase
        diagnostics.append(
          Diagnostic(
            .note, "\(s.id): extension options salvaged from the text: '\(phrase)'", at: at))
      }
      if let optionText { row[.extensionOptions] = optionText }
      if let phrase = amendedTerm(from: [s.description, tenderDescription]) {
        row[.notes] = (row[.notes].map { $0 + "; " } ?? "") + phrase
        diagnostics.append(
          Diagnostic(.note, "\(s.id): the text says the term changed: '\(phrase)'", at: at))
      }
      rows.append(row)
    }
    // Lots of one release are re-commissioned together: a group.
    if rows.count > 1 {
      for index in rows.indices { rows[index][.group] = ocid }
    }
    return rows
  }

  /// The durations in days read from `durationInDays`: a hundred years is more than any contract
  /// runs, and bounding it keeps the end's arithmetic far from overflow.
  static let maxDuration = 0...36_500

  /// An OCDS date-time as a UK calendar day: midnight BST is written as 23:00 the day before.
  /// A value that is not a date (`2020-02-30`, a number) is left empty with a warning naming
  /// the field and the text; null or missing is no date, said by nothing.
  static func date(
    _ value: Any?, _ field: String, id: String, at: SourceLocation,
    diagnostics: inout [Diagnostic]
  ) -> Day? {
    guard let value, !(value is NSNull) else { return nil }
    guard let text = value as? String, text.utf8.count >= 10, let day = Day(String(text.prefix(10)))
    else {
      let shown = (value as? String) ?? "\(value)"
      diagnostics.append(
        Diagnostic(.warning, "\(id): \(field): '\(shown)' is not a date; left empty", at: at))
      return nil
    }
    if text.dropFirst(10).hasPrefix("T23:00:00") {
      diagnostics.append(
        Diagnostic(
          .note, "\(id): '\(text)' is midnight in British Summer Time; read as \(day.next.iso)",
          at: at))
      return day.next
    }
    return day
  }

  /// The first phrase that reads as extension options: `option to extend for a further 1 year`,
  /// `(3+1)`, `up to 24 months`.
  static func salvageOptions(from texts: [String]) -> String? {
    for text in texts where !text.isEmpty {
      let lower = text.lowercased()
      let anchors = [
        "option to extend", "options to extend", "optional extension", "extension of up to",
        "extend for a further", "+1)", "+ 1)", "+2)", "+1 ", "up to 24 months", "up to 12 months",
      ]
      for anchor in anchors {
        guard let range = find(anchor, in: lower) else { continue }
        // From the anchor (or, for "(3+1)", its opening bracket) to the end of the sentence.
        var start = range.lowerBound
        if anchor.hasPrefix("+") {
          var back = 0
          while start > lower.startIndex, back < 6, lower[start] != "(" {
            start = lower.index(before: start)
            back += 1
          }
          if lower[start] != "(" { start = range.lowerBound }
        }
        var end = range.upperBound
        var ahead = 0
        while end < lower.endIndex, ahead < 110, !".;\r\n".contains(lower[end]) {
          end = lower.index(after: end)
          ahead += 1
        }
        let phrase = String(text[start..<end]).trimmingCharacters(in: .whitespaces)
        if let options = OptionsParser.parse(phrase).options, !options.periods.isEmpty {
          return phrase
        }
      }
    }
    return nil
  }

  /// Where `needle` first occurs in `text`, compared byte by byte: Foundation's `range(of:)`
  /// took a quarter of a national import's time in these searches.
  static func find(_ needle: String, in text: String) -> Range<String.Index>? {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first else { return nil }
    let bytes = text.utf8
    var from = bytes.startIndex
    while let at = bytes[from...].firstIndex(of: first) {
      if bytes[at...].starts(with: pattern) {
        return at..<bytes.index(at, offsetBy: pattern.count)
      }
      from = bytes.index(after: at)
    }
    return nil
  }

  /// A phrase saying the term was changed: `extended the contract term from … to …`.
  static func amendedTerm(from texts: [String]) -> String? {
    for text in texts {
      let lower = text.lowercased()
      guard
        let range = find("extended the contract", in: lower)
          ?? find("contract term has been extended", in: lower)
      else { continue }
      var end = range.upperBound
      while end < lower.endIndex, !".;\r\n".contains(lower[end]) { end = lower.index(after: end) }
      return String(text[range.lowerBound..<end])
    }
    return nil
  }

  /// The tender's CPV codes in order, each once: its own classification, then its items'.
  static func classifications(_ tender: [String: Any]) -> String {
    var codes: [String] = []
    func add(_ classification: Any?) {
      guard let object = classification as? [String: Any],
        (object["scheme"] as? String).map({ $0.uppercased() == "CPV" }) ?? true,
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue,
        !id.isEmpty, !codes.contains(id)
      else { return }
      codes.append(id)
    }
    add(tender["classification"])
    for item in tender["items"] as? [[String: Any]] ?? [] {
      add(item["classification"])
      for more in item["additionalClassifications"] as? [Any] ?? [] { add(more) }
    }
    return codes.joined(separator: "; ")
  }

  /// The buyer's postcode from its party's address (`buyer.id` first, else the first party in
  /// the buyer role).
  static func buyerPostcode(_ release: [String: Any]) -> String {
    let parties = release["parties"] as? [[String: Any]] ?? []
    let buyerId = (release["buyer"] as? [String: Any])?["id"] as? String
    let party =
      parties.first { buyerId != nil && ($0["id"] as? String) == buyerId }
      ?? parties.first { ($0["roles"] as? [String])?.contains("buyer") ?? false }
    let address = party?["address"] as? [String: Any]
    return decode(address?["postalCode"] as? String ?? "")
      .trimmingCharacters(in: .whitespaces)
  }

  /// A JSON text member as it should read: HTML entities decoded, then double-encoded UTF-8
  /// repaired (see ``Mojibake``), each repair a note with the place and the text as written.
  static func text(
    _ value: Any?, id: String, field: String, at: SourceLocation,
    diagnostics: inout [Diagnostic]
  ) -> String {
    let decoded = decode(value as? String ?? "")
    guard let repaired = Mojibake.repaired(decoded) else { return decoded }
    diagnostics.append(
      Diagnostic(
        .note,
        "\(id): the \(field) was double-encoded UTF-8; repaired '\(decoded)' to '\(repaired)'",
        at: at))
    return repaired
  }

  /// HTML entities as Contracts Finder leaves them: `&amp;`, `&#039;`, `&quot;`, `&#x27;`, …
  public static func decode(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    var out = ""
    var index = text.startIndex
    let named: [String: String] = [
      "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "pound": "£",
      "ndash": "–", "mdash": "—", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]
    while index < text.endIndex {
      let ch = text[index]
      if ch == "&", let semicolon = text[index...].prefix(10).firstIndex(of: ";") {
        let name = String(text[text.index(after: index)..<semicolon])
        var replacement: String?
        if name.hasPrefix("#x") || name.hasPrefix("#X"),
          let code = UInt32(name.dropFirst(2), radix: 16)
        {
          replacement = Unicode.Scalar(code).map { String($0) }
        } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
          replacement = Unicode.Scalar(code).map { String($0) }
        } else {
          replacement = named[name]
        }
        if let replacement {
          out += replacement
          index = text.index(after: semicolon)
          continue
        }
      }
      out.append(ch)
      index = text.index(after: index)
    }
    return out
  }
}
