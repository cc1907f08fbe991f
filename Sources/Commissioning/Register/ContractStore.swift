import Foundation

/// A stretch of a register's contracts held in columns: the text cells' bytes end to end, and
/// each row's readings in one fixed-size record, so a contract read from a file costs some 40
/// bytes and its text, not some twenty strings and a 488-byte struct.
///
/// A ``Contract`` read from a file is a view of one row here: each property is read from the
/// row when asked (``Contract/service`` decodes its bytes, ``Contract/end`` rebuilds its
/// reading), and a change gives the contract its own copy of the fields (copy on write), so a
/// store never changes once its rows' ids are settled, and many threads may then read it. (The
/// one change before that: a taken id renamed, `x` kept as `x-2`, by ``rename(_:to:)``.)
///
/// Everything a row holds is kept without loss: a reading the record cannot hold (a range, a
/// date with options written after it, a value with a term or in another currency, a location
/// elsewhere, any rare column) is kept whole beside the records, and the readings that repeat
/// (`TBC`, the same options, the same groups) are kept once. ``Contract/fields`` reads a row
/// back whole; `ContractStoreTests` checks it against the contract packed, on every register
/// the tests load.
///
/// Its arrays are read without Swift's run-time exclusivity checks (`@exclusivity(unchecked)`),
/// which were a twentieth of loading: one thread fills a store, the loader's one thread settles
/// its ids, and only then is it shared, never changed again.
final class ContractStore: @unchecked Sendable {
  /// The text cells of every row, one after another, in ``TextField`` order.
  enum TextField: Int, CaseIterable {
    case id, service, provider, department, valueText, statedId, endText, optionsText
    case nextReviewText
  }
  static let textFields = TextField.allCases.count

  /// One row's readings. A field that the record cannot hold is in a pool, and its tag says so.
  struct Record {
    /// The value in pence, or its reading's index in ``values`` when ``valueKind`` says pooled.
    var amount: Int64 = 0
    /// The end and review days' ordinals, or their readings' indices in ``dates``.
    var end: Int32 = 0
    var review: Int32 = 0
    /// The row's line, when the location is this store's file at column 1 (``extra`` else).
    var line: UInt32 = 0
    /// Indices in ``lists`` (0: none); providers ``providersAsCell`` when the one provider
    /// is the cell as written.
    var groups: UInt32 = 0
    var providers: UInt32 = 0
    /// Index in ``options`` (0: none).
    var options: UInt32 = 0
    /// Index in ``extras`` (0: none).
    var extra: UInt32 = 0
    /// A ``DatePrecision`` by its place in ``precisions``, or ``pooled``.
    var endKind: UInt8 = 0
    var reviewKind: UInt8 = 0
    /// Bits: amount present, basis (two), annual is the amount, total is the amount, an
    /// estimate; or ``pooled``.
    var valueKind: UInt8 = 0
  }

  /// A row's location when it is not this file's row at column 1, its rare columns, and the id
  /// it was renamed to when an earlier row held its own (``rename(_:to:)``).
  struct Extra {
    var location: SourceLocation?
    var rare: RareColumns.Storage
    var renamedId: String?
  }

  static let pooled: UInt8 = 0xFF
  static let providersAsCell = UInt32.max
  static let precisions: [DatePrecision] = [.day, .month, .quarter, .half, .financialYear, .year]
  static let bases: [ValueBasis] = [.unknown, .annual, .total]

  /// The file every compact location names.
  let file: String
  /// The file's bytes, as read: a text field as the file wrote it is a range of them, not a
  /// copy (the register keeps the file, and the cells in it cost a reference each).
  let source: [UInt8]
  /// Where ``source`` lies while rows are added, to tell a cell in it from one made apart (a
  /// cell unescaped, a derived id); never read through, and dropped by ``seal()``.
  private var sourceBase: UnsafeRawPointer?
  /// Text that is not a range of the file: unescaped cells, derived ids, contracts added whole.
  @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
  /// For each row, each text field's range: in ``source``, or in ``bytes`` when the start has
  /// ``apart`` set.
  @exclusivity(unchecked) private(set) var spans: [Span] = []

  struct Span {
    var start: UInt32
    var end: UInt32
  }
  /// The start's top bit: the range is in ``bytes``. Offsets stay below it (2 GiB).
  static let apart: UInt32 = 1 << 31
  @exclusivity(unchecked) private(set) var records: [Record] = []
  @exclusivity(unchecked) private var lists: [[String]] = [[]]
  @exclusivity(unchecked) private var dates: [DateReading] = []
  @exclusivity(unchecked) private var values: [ValueReading] = []
  @exclusivity(unchecked) private var options: [ExtensionOptions?] = [nil]
  @exclusivity(unchecked) private var extras: [Extra] = [
    Extra(location: nil, rare: .init(), renamedId: nil)
  ]
  /// Interning while rows are added; dropped by ``seal()``. `String` hashes and compares
  /// canonically equal text alike (`é` as one scalar and as `e` with an accent), so each key
  /// holds every place with such text and a place is taken only when its bytes are the same:
  /// a row reads back its own bytes, never an earlier row's spelling.
  @exclusivity(unchecked) private var listIndex: [UInt64: [UInt32]] = [:]
  @exclusivity(unchecked) private var dateIndex: [UInt64: [Int32]] = [:]
  @exclusivity(unchecked) private var optionIndex: [ExtensionOptions: UInt32] = [:]
  /// The last group cell a row read from a file held, as written, and its list's index.
  @exclusivity(unchecked) private var lastGroupCell: [UInt8] = []
  @exclusivity(unchecked) private var lastGroups: UInt32?

  /// - Parameters:
  ///   - file: the file the rows come from, as locations name it.
  ///   - source: the file's bytes, which rows read from it keep ranges of, and `base`, where
  ///     the loader reads them (the reader's buffer) while it adds rows.
  ///   - rows: about how many rows will be added.
  init(
    file: String, source: [UInt8] = [], base: UnsafeBufferPointer<UInt8>? = nil, rows: Int = 0
  ) {
    self.file = file
    // A file past what an offset holds is copied as other text is.
    let start = source.withUnsafeBufferPointer { $0.baseAddress }
    let fits =
      source.count < Int(Self.apart) && start != nil && base?.baseAddress == start
      && base?.count ?? .max <= source.count
    self.source = fits ? source : []
    sourceBase = fits ? base?.baseAddress.map(UnsafeRawPointer.init) : nil
    spans.reserveCapacity(rows * Self.textFields)
    records.reserveCapacity(rows)
  }

  var count: Int { records.count }

  // MARK: - Adding

  /// The contract as a row of this store, or as it is when its text would pass what a row can
  /// address (2 GiB of text held apart).
  func add(_ contract: Contract) -> Contract {
    add(contract.fields) ?? contract
  }

  /// The fields as a row of this store, their text held apart; `nil` when it would pass 2 GiB.
  func add(_ fields: ContractFields) -> Contract? {
    var size = 0
    for field in TextField.allCases { size += fields.text(field).utf8.count }
    guard bytes.count + size < Int(Self.apart) else { return nil }
    for field in TextField.allCases {
      var text = fields.text(field)
      text.withUTF8 { keepApart($0) }
    }
    var record = Record()
    record.groups = intern(fields.groups, after: records.last?.groups)
    let asCell = fields.providers.count == 1 && fields.providers[0].sameBytes(as: fields.provider)
    return add(fields, record, providersAsCell: asCell)
  }

  /// A row as the loader reads it: its text cells kept as the ranges of the file they lie in
  /// (no string made for one, and no copy), its readings from `fields`, whose texts, groups and
  /// (when the one provider is the cell as written) providers are left empty. `nil` when the
  /// text held apart would pass 2 GiB.
  func add(_ fields: ContractFields, from row: RowReading, providersAsCell: Bool) -> Contract? {
    let before = bytes.count
    for field in TextField.allCases {
      if let column = RowReading.column(field) ?? (fields.id.isEmpty ? .id : nil) {
        row.withBytes(column) { keep($0) }
      } else {
        var id = fields.id
        id.withUTF8 { keepApart($0) }
      }
    }
    guard bytes.count < Int(Self.apart) else {
      bytes.removeSubrange(before...)
      spans.removeLast(Self.textFields)
      return nil
    }
    var record = Record()
    record.groups = row.withBytes(.group) { cell in
      // A programme's rows come together: the cell as the row before wrote it, split no more.
      if let last = lastGroups, cell.elementsEqual(lastGroupCell) { return last }
      let at = intern(row.groups, after: records.last?.groups)
      lastGroupCell.replaceSubrange(lastGroupCell.indices, with: cell)
      lastGroups = at
      return at
    }
    return add(fields, record, providersAsCell: providersAsCell)
  }

  /// Keeps a cell's text: as its range of the file when it lies there, else apart.
  private func keep(_ cell: UnsafeBufferPointer<UInt8>) {
    if let base = sourceBase, let start = cell.baseAddress.map(UnsafeRawPointer.init),
      start >= base, start + cell.count <= base + source.count
    {
      let offset = UInt32(truncatingIfNeeded: start - base)
      spans.append(Span(start: offset, end: offset + UInt32(truncatingIfNeeded: cell.count)))
    } else {
      keepApart(cell)
    }
  }

  /// Keeps text in the store's own bytes (past 2 GiB the caller takes the row back).
  private func keepApart(_ text: UnsafeBufferPointer<UInt8>) {
    let start = UInt32(truncatingIfNeeded: bytes.count)
    bytes.append(contentsOf: text)
    let end = UInt32(truncatingIfNeeded: bytes.count)
    spans.append(Span(start: start | Self.apart, end: end))
  }

  /// The record's readings from `fields`, and the row appended.
  private func add(_ fields: ContractFields, _ partial: Record, providersAsCell: Bool)
    -> Contract
  {
    var record = partial
    (record.end, record.endKind) = pack(fields.end)
    (record.review, record.reviewKind) = pack(fields.nextReview)
    (record.amount, record.valueKind) = pack(fields.value)
    record.providers =
      providersAsCell
      ? Self.providersAsCell : intern(fields.providers, after: records.last?.providers)
    record.options = intern(fields.options)
    let location = fields.location
    let compact =
      location.file.sameBytes(as: file) && location.column == 1
      && UInt32(exactly: location.line) != nil
    record.line = compact ? UInt32(location.line) : 0
    if !compact || fields.rare.box != nil {
      record.extra = UInt32(extras.count)
      extras.append(Extra(location: compact ? nil : location, rare: fields.rare, renamedId: nil))
    }
    records.append(record)
    return Contract(store: self, row: records.count - 1)
  }

  /// Drops what only adding needs and the room reserved beyond the rows.
  func seal() {
    (listIndex, dateIndex, optionIndex) = ([:], [:], [:])
    (lastGroupCell, lastGroups) = ([], nil)
    sourceBase = nil
    if bytes.capacity > bytes.count + bytes.count / 8 { bytes = Self.exact(bytes) }
    if records.capacity > records.count + records.count / 8 { records = Self.exact(records) }
    if spans.capacity > spans.count + spans.count / 8 { spans = Self.exact(spans) }
  }

  /// Gives a row another id: a taken id renamed (`x` kept as `x-2`) while the loader settles
  /// ids, in file order, before any other thread reads the store. The row keeps its record
  /// (a contract changed any other way gets its own fields).
  func rename(_ row: Int, to id: String) {
    if records[row].extra == 0 {
      records[row].extra = UInt32(extras.count)
      extras.append(Extra(location: nil, rare: .init(), renamedId: id))
    } else {
      extras[Int(records[row].extra)].renamedId = id
    }
  }

  private static func exact<T>(_ array: [T]) -> [T] {
    [T](unsafeUninitializedCapacity: array.count) { buffer, count in
      count = buffer.initialize(fromContentsOf: array)
    }
  }

  private func pack(_ date: DateReading) -> (Int32, UInt8) {
    if date.findings.isEmpty, date.rangeStart == nil, date.options.isEmpty, date.undated == nil,
      let day = date.day, let ordinal = Int32(exactly: day.ordinal),
      let kind = Self.precisions.firstIndex(of: date.precision)
    {
      return (ordinal, UInt8(kind))
    }
    let key = Self.byteHash(date)
    if let at = dateIndex[key]?.first(where: { dates[Int($0)].sameBytes(as: date) }) {
      return (at, Self.pooled)
    }
    let at = Int32(dates.count)
    dates.append(date)
    dateIndex[key, default: []].append(at)
    return (at, Self.pooled)
  }

  private func pack(_ value: ValueReading) -> (Int64, UInt8) {
    let amount = value.amount
    if value.findings.isEmpty, value.term == nil, value.noValue == nil,
      amount?.currency ?? "GBP" == "GBP", value.annual == nil || value.annual == amount,
      value.total == nil || value.total == amount,
      let basis = Self.bases.firstIndex(of: value.basis)
    {
      var kind = UInt8(basis) << 1
      if amount != nil { kind |= 1 }
      if value.annual != nil { kind |= 1 << 3 }
      if value.total != nil { kind |= 1 << 4 }
      if value.isEstimate { kind |= 1 << 5 }
      return (amount?.minorUnits ?? 0, kind)
    }
    values.append(value)
    return (Int64(values.count - 1), Self.pooled)
  }

  /// The list's index, trying the previous row's first: a column of one programme repeats.
  private func intern(_ list: [String], after previous: UInt32?) -> UInt32 {
    if list.isEmpty { return 0 }
    if let previous, previous != Self.providersAsCell, lists[Int(previous)].sameBytes(as: list) {
      return previous
    }
    let key = Self.byteHash(list)
    if let at = listIndex[key]?.first(where: { lists[Int($0)].sameBytes(as: list) }) {
      return at
    }
    let at = UInt32(lists.count)
    lists.append(list)
    listIndex[key, default: []].append(at)
    return at
  }

  private func intern(_ option: ExtensionOptions?) -> UInt32 {
    guard let option else { return 0 }
    if let at = optionIndex[option] { return at }
    let at = UInt32(options.count)
    options.append(option)
    optionIndex[option] = at
    return at
  }

  /// Keys for interning, from bytes (`String`'s own hashing normalises Unicode, a cost a row
  /// that loading cannot afford); equal keys are confirmed byte for byte.
  private static func byteHash(_ list: [String]) -> UInt64 {
    var h = IndexTable.seed
    for text in list { IndexTable.mix(text, into: &h) }
    return IndexTable.finished(h)
  }

  private static func byteHash(_ date: DateReading) -> UInt64 {
    var h = IndexTable.seed
    IndexTable.mix(date.undated?.reason ?? "", into: &h)
    IndexTable.mix(date.findings.first?.message ?? "", into: &h)
    let day = UInt64(bitPattern: Int64(date.day?.ordinal ?? Int.min))
    return IndexTable.finished(h ^ day &* 0x9E37_79B9_7F4A_7C15)
  }

  // MARK: - Reading a row

  func text(_ field: TextField, _ row: Int) -> String {
    if field == .id, let renamed = extras[Int(records[row].extra)].renamedId { return renamed }
    return withSpan(field, row) { String(decoding: $0, as: UTF8.self) }
  }

  /// A text field's bytes, read in place: for comparing and hashing without making a string.
  func withText<R>(_ field: TextField, _ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R)
    -> R
  {
    if field == .id, var renamed = extras[Int(records[row].extra)].renamedId {
      return renamed.withUTF8(body)
    }
    return withSpan(field, row, body)
  }

  /// The bytes of a text field's range, in the file or apart.
  private func withSpan<R>(
    _ field: TextField, _ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    let span = spans[row * Self.textFields + field.rawValue]
    let end = Int(span.end)
    guard span.start & Self.apart == 0 else {
      let start = Int(span.start & ~Self.apart)
      return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
    let start = Int(span.start)
    return source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
  }

  func end(_ row: Int) -> DateReading { date(records[row].end, records[row].endKind) }
  func nextReview(_ row: Int) -> DateReading {
    date(records[row].review, records[row].reviewKind)
  }

  /// The end day alone, without rebuilding the reading: the hot question.
  func endDay(_ row: Int) -> Day? {
    let record = records[row]
    guard record.endKind != Self.pooled else { return dates[Int(record.end)].day }
    return Day(ordinal: Int(record.end))
  }

  private func date(_ packed: Int32, _ kind: UInt8) -> DateReading {
    guard kind != Self.pooled else { return dates[Int(packed)] }
    var reading = DateReading(day: Day(ordinal: Int(packed)), undated: nil)
    reading.precision = Self.precisions[Int(kind)]
    return reading
  }

  func value(_ row: Int) -> ValueReading {
    let record = records[row]
    let kind = record.valueKind
    guard kind != Self.pooled else { return values[Int(record.amount)] }
    var value = ValueReading()
    if kind & 1 != 0 { value.amount = Money(minorUnits: record.amount) }
    value.basis = Self.bases[Int(kind >> 1 & 3)]
    if kind & 1 << 3 != 0 { value.annual = value.amount }
    if kind & 1 << 4 != 0 { value.total = value.amount }
    value.isEstimate = kind & 1 << 5 != 0
    return value
  }

  func groups(_ row: Int) -> [String] { lists[Int(records[row].groups)] }

  func providers(_ row: Int) -> [String] {
    let at = records[row].providers
    return at == Self.providersAsCell ? [text(.provider, row)] : lists[Int(at)]
  }

  func options(_ row: Int) -> ExtensionOptions? { options[Int(records[row].options)] }

  func location(_ row: Int) -> SourceLocation {
    let record = records[row]
    return extras[Int(record.extra)].location
      ?? SourceLocation(file: file, line: Int(record.line), column: 1)
  }

  func rare(_ row: Int) -> RareColumns.Storage { extras[Int(records[row].extra)].rare }

  /// The row's fields whole.
  func fields(_ row: Int) -> ContractFields {
    ContractFields(
      id: text(.id, row), service: text(.service, row), provider: text(.provider, row),
      providers: providers(row), department: text(.department, row), groups: groups(row),
      valueText: text(.valueText, row), value: value(row), statedId: text(.statedId, row),
      endText: text(.endText, row), end: end(row), optionsText: text(.optionsText, row),
      options: options(row), nextReviewText: text(.nextReviewText, row),
      nextReview: nextReview(row), location: location(row), rare: rare(row))
  }
}

extension String {
  /// Whether the two hold the same bytes: `==` says canonically equal text is equal.
  func sameBytes(as other: String) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    // A native string's own bytes, compared whole: the `utf8` views go a byte at a time.
    var (mine, theirs) = (self, other)
    return mine.withUTF8 { a in
      theirs.withUTF8 { b in
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
      }
    }
  }
}

extension [String] {
  func sameBytes(as other: [String]) -> Bool {
    count == other.count && zip(self, other).allSatisfy { $0.sameBytes(as: $1) }
  }
}

extension DateReading {
  /// Equal, and every text in it (the undated reason, the findings) the same bytes.
  func sameBytes(as other: DateReading) -> Bool {
    self == other && (undated?.reason ?? "").sameBytes(as: other.undated?.reason ?? "")
      && zip(findings, other.findings).allSatisfy { $0.message.sameBytes(as: $1.message) }
  }
}
