/// One register row as the loader reads it: each canonical column's text (as written, trimmed,
/// an export's neutralising taken off), the cell it came from, and the findings made reading
/// it, each tied to its column so the loader can place it at the cell afterwards.
///
/// A cell is read where it lies in the file, as bytes: the parsers and the store take its bytes,
/// and a string is made only for a message or a reading that needs one (a string a cell was a
/// sixth of loading, and a table of them per row another twentieth).
///
/// The steps are the loader's, one concern each: providers, value, term, limits, identity.
struct RowReading {
  /// The file's bytes, which every cell is a range of.
  private let file: UnsafeBufferPointer<UInt8>
  private let fields: [CSVField]
  /// The row's field for each column's ``Column/slot``, or -1.
  private let columnIndex: [Int]
  /// What reading the row found, in order, with the column it is about (nil: the row).
  private(set) var findings: [(Finding, Column?)] = []

  init(reader: borrowing CSVReader, fields: [CSVField], columnIndex: [Int]) {
    file = reader.bytes
    self.fields = fields
    self.columnIndex = columnIndex
  }

  /// The cell a column was read from, for placing a finding; nil when the file has no such
  /// column or the row stops short of it.
  func cell(_ column: Column) -> CSVField? {
    let index = columnIndex[column.slot]
    return index >= 0 && index < fields.count ? fields[index] : nil
  }

  /// A column's text as bytes (empty for a column the file does not have): trimmed of ASCII
  /// spaces and controls, an export's neutralising `'` taken off, read in place. A quoted cell
  /// with doubled quotes is unescaped into a string first.
  func withBytes<R>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard let field = cell(column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    if field.hasEscapedQuote {
      var text = RegisterLoader.unneutralised(
        CSVReader.string(field, in: file).trimmingASCIISpaces)
      return text.withUTF8(body)
    }
    var (start, end) = (field.start, field.end)
    while start < end && file[start] <= 0x20 { start += 1 }
    while end > start && file[end - 1] <= 0x20 { end -= 1 }
    if start < end, file[start] == UInt8(ascii: "'"),
      CSVWriter.startsLikeFormula(file[(start + 1)..<end])
    {
      start += 1
    }
    return body(UnsafeBufferPointer(rebasing: file[start..<end]))
  }

  /// A column's text as a string, made when asked.
  func text(_ column: Column) -> String {
    withBytes(column) { String(decoding: $0, as: UTF8.self) }
  }

  func isEmpty(_ column: Column) -> Bool { withBytes(column) { $0.isEmpty } }

  mutating func note(_ found: [Finding], _ column: Column?) {
    for finding in found { findings.append((finding, column)) }
  }

  /// Programmes, `;`-separated.
  var groups: [String] {
    let cell = text(.group)
    if let parts = cell.asciiParts(where: { $0 == UInt8(ascii: ";") }) { return parts }
    return cell.split(separator: ";").map { String($0).trimmingASCIISpaces }.filter {
      !$0.isEmpty
    }
  }

  // MARK: - Providers

  /// The providers the cell names (`Salus/Addaction` is two), each by its canonical name; nil
  /// when the one provider is the cell as written, as most are (no list to make).
  mutating func readProviders(aliases: [String: String]) -> [String]? {
    if aliases.isEmpty, withBytes(.provider, { RowReading.isOneSpelling($0) }) { return nil }
    var providers: [String] = []
    let cell = text(.provider)
    for spelling in RowReading.providerSpellings(cell) {
      guard !spelling.isEmpty else { continue }
      // No aliases (most councils give none): no normalised spelling to make for a lookup.
      let canonical = aliases.isEmpty ? spelling : aliases[Column.normalise(spelling)] ?? spelling
      if canonical != spelling {
        note([Finding(.note, "provider '\(spelling)' read as '\(canonical)'")], .provider)
      }
      providers.append(canonical)
    }
    return providers
  }

  /// Whether the cell is one spelling as it stands: no `;` or `/` to split at, and nothing to
  /// trim (what ``providerSpellings(_:)`` would give back whole).
  static func isOneSpelling(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = cell.first, let last = cell.last, first > 0x20, last > 0x20 else {
      return false
    }
    return !cell.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "/") }
  }

  /// The spellings a provider cell holds: split at `;` and at `/` (`Salus/Addaction`), but not
  /// at a `/` beside a lone letter, which abbreviates (`T/A` is "trading as", `C/O` "care of").
  /// Byte-level: the marks are ASCII, so a split never falls inside a character.
  static func providerSpellings(_ cell: String) -> [String] {
    var text = cell
    return text.withUTF8 { bytes in
      func isLetter(_ i: Int) -> Bool {
        i >= 0 && i < bytes.count && TextScanner.isLetter(bytes[i])
      }
      func isGap(_ i: Int) -> Bool {
        i < 0 || i >= bytes.count || bytes[i] <= 0x20 || bytes[i] == UInt8(ascii: ";")
          || bytes[i] == UInt8(ascii: "/")
      }
      var parts: [String] = []
      var start = 0
      for i in 0...bytes.count {
        if i < bytes.count {
          if bytes[i] == UInt8(ascii: "/") {
            let loneBefore = isLetter(i - 1) && isGap(i - 2)
            let loneAfter = isLetter(i + 1) && isGap(i + 2)
            guard !loneBefore, !loneAfter else { continue }
          } else if bytes[i] != UInt8(ascii: ";") {
            continue
          }
        }
        var (first, end) = (start, i)
        while first < end && bytes[first] <= 0x20 { first += 1 }
        while end > first && bytes[end - 1] <= 0x20 { end -= 1 }
        if first < end {
          parts.append(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self))
        }
        start = i + 1
      }
      return parts
    }
  }

  // MARK: - Value

  /// The value, with a unit for tables in thousands, the basis its header or `value_basis`
  /// states, and a word for a cell that holds no figure.
  mutating func readValue(headerBasis: ValueBasis?) -> ValueReading {
    let (multiplier, unitText) = readUnit()
    var value = withBytes(.value) { MoneyParser.parse($0, unitMultiplier: multiplier) }
    note(value.findings, .value)
    let saidSomething = !value.findings.isEmpty
    value.findings = []
    if multiplier != 1, let amount = value.amount {
      note(
        [Finding(.note, "'\(text(.value))' is in \(unitText); read as \(amount.formatted)")], .value
      )
    }
    // A header such as 'Annual Value' states the basis of a figure whose own words do not.
    if let headerBasis, value.basis == .unknown, value.amount != nil {
      value.basis = headerBasis
      if headerBasis == .annual { value.annual = value.amount }
      if headerBasis == .total { value.total = value.amount }
    } else if let headerBasis, value.basis != .unknown, value.basis != headerBasis {
      note(
        [
          Finding(
            .note,
            "\(quoted(text(.value))) says \(value.basis.rawValue), though its column's header says \(headerBasis.rawValue); read as \(value.basis.rawValue)"
          )
        ], .value)
    }
    if value.amount == nil, !isEmpty(.value), !saidSomething, let why = value.noValue {
      note([Finding(.note, "no value: \(why)")], .value)
    }
    readBasisColumn(into: &value)
    return value
  }

  /// A spreadsheet's totals row (`Total`, `Grand total`… as the whole service or id cell, with
  /// no provider and no end) is not a contract: its figure is the others' sum, and counted it
  /// would double every total. The row is kept as written, its figure read as no contract's
  /// value, and a warning says so.
  mutating func readTotalsRow(_ value: inout ValueReading) {
    guard isEmpty(.provider), isEmpty(.end),
      let label = [Column.service, .id].first(where: { withBytes($0, Self.isTotalLabel) })
    else { return }
    let written = text(label)
    value = ValueReading()
    value.noValue = "a totals row ('\(written)'), not a contract's value"
    note(
      [
        Finding(
          .warning,
          "\(quoted(written)) with no provider or end looks like a totals row, not a contract; "
            + "kept, its value left out of every sum (delete the row if it is one)")
      ], label)
  }

  /// Labels of a totals row, as a whole cell, any case.
  static let totalLabels: Set<String> = [
    "total", "totals", "grand total", "sub-total", "sub total", "subtotal", "total value",
    "overall total", "total:", "totals:", "grand total:",
  ]

  static func isTotalLabel(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    // The longest label is 13 bytes: a longer cell is a name, checked without a string.
    guard cell.count >= 5, cell.count <= 13, cell.allSatisfy({ $0 < 0x80 }) else { return false }
    return totalLabels.contains(String(decoding: cell, as: UTF8.self).lowercased())
  }

  /// `value_unit`: `£000` for a table in thousands.
  mutating func readUnit() -> (Int64, String) {
    guard !isEmpty(.valueUnit) else { return (1, "") }
    let unitText = text(.valueUnit)
    switch Column.normalise(unitText) {
    case "000", "k", "thousands", "thousand", "000s": return (1000, unitText)
    case "m", "million", "millions", "000000": return (1_000_000, unitText)
    case "", "1", "pounds", "gbp": return (1, unitText)
    default:
      note(
        [Finding(.warning, "value unit '\(unitText)' is not known; read as pounds")], .valueUnit)
      return (1, unitText)
    }
  }

  /// `value_basis`: `annual` or `total`, over whatever the cell or its header said, and for a
  /// total the term it is over (`total over 2 years`), read as the value cell reads one.
  mutating func readBasisColumn(into value: inout ValueReading) {
    guard !isEmpty(.valueBasis) else { return }
    let basisText = text(.valueBasis)
    guard let cell = MoneyParser.basisCell(basisText) else {
      note(
        [
          Finding(
            .warning,
            "value basis '\(basisText)' is not annual, total or a total over a term such as "
              + "'total over 2 years'; ignored")
        ], .valueBasis)
      return
    }
    let basis = cell.basis
    value.basis = basis
    if basis == .annual, value.annual == nil { value.annual = value.amount }
    if basis == .total, value.total == nil { value.total = value.amount }
    guard let term = cell.term else { return }
    if let stated = value.term, stated != term {
      note(
        [Finding(.warning, "value basis says \(term) but the value says \(stated); read \(term)")],
        .valueBasis)
    } else if let amount = value.amount, basis == .total {
      note(
        [Finding(.note, "\(amount.formatted) is a total over \(term) (value basis)")], .valueBasis)
    }
    value.term = term
  }

  /// A commissioner cell that names no body (`n/a`, `none`…) leaves the council to lead.
  mutating func noteNoCommissioner(_ contract: Contract) {
    guard !contract.commissioner.isEmpty,
      CouncilRules.noCommissioner.contains(contract.commissioner.lowercased())
    else { return }
    note(
      [
        Finding(
          .note,
          "commissioner \(quoted(contract.commissioner)) names no body; the council is taken to lead"
        )
      ], .commissioner)
  }

  /// A total made a year's value over the contract's start and end says so: the term is an
  /// assumption the register did not state beside the figure.
  mutating func noteAnnualisedTotal(_ contract: Contract) {
    guard contract.value.basis == .total, contract.value.term == nil,
      let annual = contract.annualValue
    else { return }
    let term =
      contract.termMonths.map { Length.months($0).description }
      ?? "\(contract.termDays ?? 0) days"
    note(
      [
        Finding(
          .note,
          "\(quoted(text(.value))) is a total over the term from start to end (\(term)); read as \(annual.formatted) a year"
        )
      ], .value)
  }

  // MARK: - Term

  /// The start and the current end, with an undated end's reason and an end before the start.
  mutating func readTerm(yearStart: Int) -> (start: DateReading, end: DateReading) {
    var start = read(.start, role: .start, yearStart: yearStart)
    note(start.findings, .start)
    start.findings = []
    if !isEmpty(.start), let undated = start.undated {
      note(
        [Finding(.note, "no usable start date: \(undated.reason); the term is unknown")], .start)
    }
    var end = read(.end, role: .end, yearStart: yearStart)
    note(end.findings, .end)
    end.findings = []
    if let undated = end.undated {
      note([Finding(.note, "no usable end date: \(undated.reason); listed as undated")], .end)
    }
    if let s = start.day ?? end.rangeStart, let e = end.day, e < s {
      note([Finding(.warning, "ends (\(e.iso)) before it starts (\(s.iso))")], .end)
    }
    return (start, end)
  }

  func read(_ column: Column, role: DateRole, yearStart: Int = 4) -> DateReading {
    withBytes(column) {
      $0.isEmpty ? .empty : DateParser.parse($0, role: role, yearStart: yearStart)
    }
  }

  // MARK: - Limits

  /// What bounds the contract beyond its end: options, a stated maximum and original end, the
  /// next review and a lead time.
  struct Limits {
    var options: ExtensionOptions?
    var maxEnd: Day?
    var originalEnd: Day?
    var review: DateReading
    var leadTime: Length?
  }

  mutating func readLimits(end: Day?) -> Limits {
    var options: ExtensionOptions?
    if !isEmpty(.extensionOptions) {
      let reading = withBytes(.extensionOptions) { OptionsParser.parse($0) }
      note(reading.findings, .extensionOptions)
      options = reading.options
    }
    let maxEnd = readMaxEnd(end: end)
    let originalEnd = readOriginalEnd(end: end)
    var review = read(.nextReview, role: .review)
    if !review.findings.isEmpty {
      note(review.findings.filter { $0.severity != .note }, .nextReview)
    }
    review.findings = []
    var leadTime: Length?
    if !isEmpty(.leadTime) {
      let leadText = text(.leadTime)
      leadTime = LengthParser.parse(leadText)
      if leadTime == nil {
        note(
          [Finding(.warning, "lead time '\(leadText)' is not a length like '6 months'; ignored")],
          .leadTime)
      }
    }
    return Limits(
      options: options, maxEnd: maxEnd, originalEnd: originalEnd, review: review,
      leadTime: leadTime)
  }

  mutating func readMaxEnd(end: Day?) -> Day? {
    guard !isEmpty(.maxEnd) else { return nil }
    let raw = text(.maxEnd)
    let reading = read(.maxEnd, role: .end)
    note(reading.findings, .maxEnd)
    if reading.day == nil {
      note([Finding(.warning, "maximum end '\(raw)' is not a date; ignored")], .maxEnd)
    } else if let e = end, let m = reading.day, m < e {
      note([Finding(.warning, "maximum end \(m.iso) is before the end \(e.iso)")], .maxEnd)
    }
    return reading.day
  }

  mutating func readOriginalEnd(end: Day?) -> Day? {
    guard !isEmpty(.originalEnd) else { return nil }
    let raw = text(.originalEnd)
    let reading = read(.originalEnd, role: .end)
    note(reading.findings, .originalEnd)
    if reading.day == nil {
      note([Finding(.warning, "original end '\(raw)' is not a date; ignored")], .originalEnd)
    } else if let e = end, let o = reading.day, o > e {
      note(
        [Finding(.warning, "original end \(o.iso) is after the current end \(e.iso); ignored")],
        .originalEnd)
      return nil
    }
    return reading.day
  }

  // MARK: - Identity

  /// The contract's fields whole: the readings in `held` and the row's texts as strings (for a
  /// contract kept outside a store).
  func completed(_ held: ContractFields, providers: [String]?) -> ContractFields {
    var fields = held
    fields.id = held.id.isEmpty ? text(.id) : held.id
    (fields.service, fields.provider) = (text(.service), text(.provider))
    fields.providers = providers ?? [fields.provider]
    (fields.department, fields.groups) = (text(.department), groups)
    (fields.valueText, fields.statedId, fields.endText) = (text(.value), text(.id), text(.end))
    (fields.optionsText, fields.nextReviewText) = (text(.extensionOptions), text(.nextReview))
    return fields
  }

  /// The column whose text the store keeps in each of its text fields; nil for the id, which is
  /// the id column's text or the id derived when there is none.
  static func column(_ field: ContractStore.TextField) -> Column? {
    switch field {
    case .id: nil
    case .service: .service
    case .provider: .provider
    case .department: .department
    case .valueText: .value
    case .statedId: .id
    case .endText: .end
    case .optionsText: .extensionOptions
    case .nextReviewText: .nextReview
    }
  }

  /// The id derived from the service and provider (`school-public-health-mft`) for a row that
  /// states none; nil when it states one. Either is the row's id before it is settled:
  /// ``RegisterLoader/LoadState/identify(_:in:hashes:)`` renames it when an earlier row holds it.
  var derivedId: String? {
    guard isEmpty(.id) else { return nil }
    return RegisterLoader.slug(text(.service), limit: 40) + "-"
      + RegisterLoader.slug(text(.provider), limit: 20)
  }
}

/// A row's two hashes for settling ids: its id's, and its service, provider, value and end's
/// (what makes a row a repeat of an earlier one), both from the bytes in place.
struct RowHashes {
  var id: UInt64
  var row: UInt64

  init(_ contract: Contract) {
    id = contract.withText(.id) { IndexTable.hash(bytes: $0) }
    var h = IndexTable.seed
    for part in RegisterLoader.LoadState.repeatedRowParts {
      contract.withText(part) { IndexTable.mix(bytes: $0, into: &h) }
    }
    row = IndexTable.finished(h)
  }
}

extension RegisterLoader.LoadState {
  /// What makes a row a repeat of an earlier one: the same service, provider, value and end.
  static let repeatedRowParts: [ContractStore.TextField] = [
    .service, .provider, .valueText, .endText,
  ]

  /// Settles the id of the contract at `position`, every contract before it settled: a taken
  /// id is renamed (`x` kept as `x-2`), and a row repeating an earlier one's service, provider,
  /// value and end is noted. Each finding says whether it belongs at the id cell (or else at
  /// the row).
  mutating func identify(
    _ position: Int, in contracts: UnsafeMutableBufferPointer<Contract>, hashes: RowHashes
  ) -> [(Finding, onIdCell: Bool)] {
    var found: [(Finding, onIdCell: Bool)] = []
    // Fields read in place, as bytes: a row's text is not made into strings to be compared
    // (a copy of the whole contract, some twenty strings, was a tenth of loading).
    let derived = contracts[position].withText(.statedId) { $0.isEmpty }
    // Ids are the same when their bytes are (see Performance.md, "Identity"), as they hash.
    if let first = ids.find(
      hashes.id, where: { contracts[$0].sameText(.id, as: contracts[position]) })
    {
      let id = contracts[position].id
      let renamed = freeSuffix(for: id, at: first, contracts: contracts)
      let at = contracts[first].location
      found.append(
        (
          derived
            ? Finding(.note, "derived id '\(id)' is taken (\(at)); this row is '\(renamed)'")
            : Finding(
              .error, "duplicate id '\(id)' (first at \(at)); this row is kept as '\(renamed)'"),
          true
        ))
      contracts[position].rename(to: renamed)
      ids.insert(IndexTable.hash(renamed), position)
    } else {
      ids.insert(hashes.id, position)
    }
    let row = contracts[position]
    let parts = Self.repeatedRowParts
    let rowHash = hashes.row
    if let first = rows.find(
      rowHash, where: { at in parts.allSatisfy { contracts[at].sameText($0, as: row) } })
    {
      found.append(
        (
          Finding(
            .warning,
            "same service, provider, value and end as \(contracts[first].location); a duplicate entry?"
          ), false
        ))
    } else {
      rows.insert(rowHash, position)
    }
    return found
  }
}

extension String {
  /// The parts between separator bytes, each without leading and trailing ASCII white space,
  /// empty parts dropped, made straight from the bytes (one string a part, no substrings); `nil`
  /// when the text is not all ASCII, where a byte is not always a character (`;` followed by a
  /// combining accent is one character, no separator) and the caller splits by characters.
  func asciiParts(where isSeparator: (UInt8) -> Bool) -> [String]? {
    var text = self
    return text.withUTF8 { bytes -> [String]? in
      var parts: [String] = []
      var start = 0
      for i in 0...bytes.count {
        if i < bytes.count {
          guard bytes[i] < 0x80 else { return nil }
          guard isSeparator(bytes[i]) else { continue }
        }
        var (first, end) = (start, i)
        while first < end && bytes[first] <= 0x20 { first += 1 }
        while end > first && bytes[end - 1] <= 0x20 { end -= 1 }
        if first < end {
          let part = UnsafeBufferPointer(rebasing: bytes[first..<end])
          parts.append(String(decoding: part, as: UTF8.self))
        }
        start = i + 1
      }
      return parts
    }
  }
}
