/// One contract as a register gives it: every column's raw text beside its parsed value.
///
/// A contract read from a file is a view of its row in a ``ContractStore`` (24 bytes: the
/// store, the row and no fields of its own): each property is read from the row when asked.
/// Changing a property gives the contract its own fields (copy on write); a contract made any
/// other way holds its own from the start. Either way it is a value, equal to another when
/// every field is.
public struct Contract: Hashable, Sendable {
  /// The row this contract reads, when it holds no fields of its own.
  private var store: ContractStore?
  private var row: Int = 0
  /// The contract's own fields, once it has any.
  private var own: Own?

  final class Own: @unchecked Sendable {
    var fields: ContractFields
    init(_ fields: ContractFields) { self.fields = fields }
  }

  /// A contract holding these fields.
  init(fields: ContractFields) { own = Own(fields) }

  /// A row of a store.
  init(store: ContractStore, row: Int) {
    self.store = store
    self.row = row
  }

  /// Every field, as held or as read from the row.
  var fields: ContractFields { own?.fields ?? store.unsafelyUnwrapped.fields(row) }

  /// The store and row read, when this contract is one unchanged.
  var storeRow: (store: ContractStore, row: Int)? {
    guard own == nil, let store else { return nil }
    return (store, row)
  }

  private mutating func edit(_ change: (inout ContractFields) -> Void) {
    if own == nil {
      own = Own(fields)
      store = nil
    } else if !isKnownUniquelyReferenced(&own) {
      own = Own(own.unsafelyUnwrapped.fields)
    }
    change(&own.unsafelyUnwrapped.fields)
  }

  public static func == (a: Contract, b: Contract) -> Bool {
    if let x = a.storeRow, let y = b.storeRow, x.store === y.store, x.row == y.row { return true }
    return a.fields == b.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

  public var id: String {
    get { own?.fields.id ?? store.unsafelyUnwrapped.text(.id, row) }
    set { edit { $0.id = newValue } }
  }
  public var service: String {
    get { own?.fields.service ?? store.unsafelyUnwrapped.text(.service, row) }
    set { edit { $0.service = newValue } }
  }
  /// The provider as written, and the provider names after aliases (one per provider in the cell).
  public var provider: String {
    get { own?.fields.provider ?? store.unsafelyUnwrapped.text(.provider, row) }
    set { edit { $0.provider = newValue } }
  }
  public var providers: [String] {
    get { own?.fields.providers ?? store.unsafelyUnwrapped.providers(row) }
    set { edit { $0.providers = newValue } }
  }
  public var department: String {
    get { own?.fields.department ?? store.unsafelyUnwrapped.text(.department, row) }
    set { edit { $0.department = newValue } }
  }
  /// Programmes re-commissioned together.
  public var groups: [String] {
    get { own?.fields.groups ?? store.unsafelyUnwrapped.groups(row) }
    set { edit { $0.groups = newValue } }
  }
  public var valueText: String {
    get { own?.fields.valueText ?? store.unsafelyUnwrapped.text(.valueText, row) }
    set { edit { $0.valueText = newValue } }
  }
  public var value: ValueReading {
    get { own?.fields.value ?? store.unsafelyUnwrapped.value(row) }
    set { edit { $0.value = newValue } }
  }
  /// The `id` cell as written, before a taken id was renamed (`x` kept as `x-2`); empty when
  /// the id was derived.
  public var statedId: String {
    get { own?.fields.statedId ?? store.unsafelyUnwrapped.text(.statedId, row) }
    set { edit { $0.statedId = newValue } }
  }
  public var endText: String {
    get { own?.fields.endText ?? store.unsafelyUnwrapped.text(.endText, row) }
    set { edit { $0.endText = newValue } }
  }
  public var end: DateReading {
    get { own?.fields.end ?? store.unsafelyUnwrapped.end(row) }
    set { edit { $0.end = newValue } }
  }
  public var optionsText: String {
    get { own?.fields.optionsText ?? store.unsafelyUnwrapped.text(.optionsText, row) }
    set { edit { $0.optionsText = newValue } }
  }
  public var options: ExtensionOptions? {
    get {
      if let own { return own.fields.options }
      return store.unsafelyUnwrapped.options(row)
    }
    set { edit { $0.options = newValue } }
  }
  public var nextReviewText: String {
    get { own?.fields.nextReviewText ?? store.unsafelyUnwrapped.text(.nextReviewText, row) }
    set { edit { $0.nextReviewText = newValue } }
  }
  public var nextReview: DateReading {
    get { own?.fields.nextReview ?? store.unsafelyUnwrapped.nextReview(row) }
    set { edit { $0.nextReview = newValue } }
  }
  /// Where the row is.
  public var location: SourceLocation {
    get { own?.fields.location ?? store.unsafelyUnwrapped.location(row) }
    set { edit { $0.location = newValue } }
  }
  /// The columns many registers leave empty, held apart (see ``RareColumns``).
  var rare: RareColumns.Storage {
    get { own?.fields.rare ?? store.unsafelyUnwrapped.rare(row) }
    set { edit { $0.rare = newValue } }
  }

  init(
    id: String, service: String, provider: String, providers: [String], department: String,
    groups: [String], valueText: String, value: ValueReading, startText: String,
    start: DateReading, endText: String, end: DateReading, optionsText: String,
    options: ExtensionOptions?, maxEndText: String, statedMaxEnd: Day?, nextReviewText: String,
    nextReview: DateReading, procurementRoute: String, leadTimeText: String, leadTime: Length?,
    source: String, notes: String, extra: [ExtraColumn], location: SourceLocation
  ) {
    own = Own(
      ContractFields(
        id: id, service: service, provider: provider, providers: providers,
        department: department, groups: groups, valueText: valueText, value: value,
        statedId: "", endText: endText, end: end, optionsText: optionsText, options: options,
        nextReviewText: nextReviewText, nextReview: nextReview, location: location, rare: .init()))
    self.startText = startText
    self.start = start
    self.maxEndText = maxEndText
    self.statedMaxEnd = statedMaxEnd
    self.procurementRoute = procurementRoute
    self.leadTimeText = leadTimeText
    self.leadTime = leadTime
    self.source = source
    self.notes = notes
    self.extra = extra
  }

  /// `£000` for a table in thousands, as written.
  public var valueUnitText: String {
    get { rare.box?.value.valueUnitText ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.valueUnitText = newValue } } }
  }
  /// The `value_basis` cell as written (`total over 2 years`), empty when there is none.
  public var valueBasisText: String {
    get { rare.box?.value.valueBasisText ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.valueBasisText = newValue } } }
  }
  public var startText: String {
    get { rare.box?.value.startText ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.startText = newValue } } }
  }
  public var start: DateReading {
    get { rare.box?.value.start ?? RareColumns.noStart }
    set { if rare.holds(newValue != RareColumns.noStart) { rare.update { $0.start = newValue } } }
  }
  public var maxEndText: String {
    get { rare.box?.value.maxEndText ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.maxEndText = newValue } } }
  }
  public var statedMaxEnd: Day? {
    get { rare.box?.value.statedMaxEnd }
    set { if rare.holds(newValue != nil) { rare.update { $0.statedMaxEnd = newValue } } }
  }
  /// The end before any extension already exercised, when the register says.
  public var originalEndText: String {
    get { rare.box?.value.originalEndText ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.originalEndText = newValue } } }
  }
  public var originalEnd: Day? {
    get { rare.box?.value.originalEnd }
    set { if rare.holds(newValue != nil) { rare.update { $0.originalEnd = newValue } } }
  }
  public var procurementRoute: String {
    get { rare.box?.value.procurementRoute ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.procurementRoute = newValue } } }
  }
  public var leadTimeText: String {
    get { rare.box?.value.leadTimeText ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.leadTimeText = newValue } } }
  }
  public var leadTime: Length? {
    get { rare.box?.value.leadTime }
    set { if rare.holds(newValue != nil) { rare.update { $0.leadTime = newValue } } }
  }
  public var source: String {
    get { rare.box?.value.source ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.source = newValue } } }
  }
  public var notes: String {
    get { rare.box?.value.notes ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.notes = newValue } } }
  }
  /// The lead commissioning body as written; empty means the council itself
  /// (``CouncilRules/leads(_:)`` decides whether a name means the council).
  public var commissioner: String {
    get { rare.box?.value.commissioner ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.commissioner = newValue } } }
  }
  /// What the council pays of the value, as written, and as read.
  public var councilShareText: String {
    get { rare.box?.value.councilShareText ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.councilShareText = newValue } } }
  }
  public var councilShare: CouncilShare? {
    get { rare.box?.value.councilShare }
    set { if rare.holds(newValue != nil) { rare.update { $0.councilShare = newValue } } }
  }
  /// The buying organisation as written; empty means the register's own council.
  public var buyer: String {
    get { rare.box?.value.buyer ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.buyer = newValue } } }
  }
  /// The buyer's postcode as written; empty when the register does not say.
  public var buyerPostcode: String {
    get { rare.box?.value.buyerPostcode ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.buyerPostcode = newValue } } }
  }
  /// The CPV code(s) as written (`85000000-9; 85300000-2`).
  public var cpvText: String {
    get { rare.box?.value.cpvText ?? "" }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.cpvText = newValue } } }
  }
  /// Columns the planner does not know, kept to be written back: header and value.
  public var extra: [ExtraColumn] {
    get { rare.box?.value.extra ?? [] }
    set { if rare.holds(!newValue.isEmpty) { rare.update { $0.extra = newValue } } }
  }

  public struct ExtraColumn: Hashable, Sendable {
    public var header: String
    public var value: String
  }

  /// The current end day, when the register gives one.
  public var endDay: Day? {
    if let (store, row) = storeRow { return store.endDay(row) }
    return end.day
  }
  /// The start day, or the start of a range in the end column.
  public var startDay: Day? { start.day ?? end.rangeStart }

  /// Every option: those in the options column, then any written after the end date (`+1`).
  public var allOptions: ExtensionOptions? {
    guard !end.options.isEmpty else { return options }
    var combined = options ?? ExtensionOptions.none
    combined.periods.append(contentsOf: end.options)
    return combined
  }

  /// The latest day the options allow: stated in `max_end`, or the end extended by every option.
  public var maximumExtent: Day? {
    if let statedMaxEnd { return statedMaxEnd }
    guard let endDay, let options = allOptions, !options.periods.isEmpty else { return nil }
    return options.maximumExtent(from: endDay)
  }

  /// The options still available beyond the current end, as the span to the maximum extent.
  public var optionsLeft: Length? {
    guard let endDay, let maximumExtent, maximumExtent > endDay else { return nil }
    let (months, days) = monthsAndDays(from: endDay, to: maximumExtent)
    return days == 0 ? .months(months) : .days((maximumExtent - endDay).days)
  }

  /// The value for one year: stated, or derived from a total and its term; `nil` when unknown.
  ///
  /// A value of unknown basis is returned as it stands (treated as annual): check
  /// ``annualValueIsAssumed`` before saying so.
  /// A value in another currency has no annual value in pounds: it is never converted.
  public var annualValue: Money? {
    guard value.isInPounds else { return nil }
    if let annual = value.annual { return annual }
    guard let amount = value.amount else { return nil }
    switch value.basis {
    case .annual, .unknown: return amount
    case .total:
      switch value.term {
      case .months(let months)? where months > 0:
        return amount.scaled(by: 12, over: Int64(months))
      case .days(let days)? where days > 0:
        return amount.scaled(by: 365, over: Int64(days))
      case .some: return nil
      case nil:
        if let months = termMonths { return amount.scaled(by: 12, over: Int64(months)) }
        guard let days = termDays, days > 0 else { return nil }
        return amount.scaled(by: 365, over: Int64(days))
      }
    }
  }

  /// Why a contract with a figure has no ``annualValue``: another currency, or a total over a
  /// term the register does not give. `nil` when it has one, or no figure at all.
  public var annualValueGap: AnnualValueGap? {
    guard let amount = value.amount, annualValue == nil else { return nil }
    if !value.isInPounds { return .otherCurrency(amount.currency) }
    guard value.basis == .total else { return nil }
    let hasTerm = value.term != nil || termMonths != nil || (termDays ?? 0) > 0
    return hasTerm ? .tooLarge : .totalWithoutTerm
  }

  public enum AnnualValueGap: Hashable, Sendable {
    case otherCurrency(String)
    case totalWithoutTerm
    /// A total whose year's worth is more than pence can hold: known, but left out of sums.
    case tooLarge
  }

  /// Whether a total value over a known term gives an annual value too large to hold in pence
  /// (``annualValue`` is then `nil` though the value is known).
  public var annualValueTooLarge: Bool { annualValueGap == .tooLarge }

  /// Whether ``annualValue`` treats a value of unknown basis as annual.
  public var annualValueIsAssumed: Bool {
    value.annual == nil && value.basis == .unknown && value.amount != nil
  }

  /// The term in days: from the value's stated term, else start to end inclusive.
  public var termDays: Int? {
    if let term = value.term {
      switch term {
      case .days(let d): return d
      case .months(let m):
        // Years of 365 days, as the pro-rata rule counts them.
        return m % 12 == 0 ? m / 12 * 365 : nil
      }
    }
    guard let startDay, let endDay, endDay >= startDay else { return nil }
    return (endDay - startDay).days + 1
  }

  /// The term from start to end in whole calendar months, when it is whole: 1 Oct 2013 to
  /// 30 Sep 2016 is 36 months, so a total over it is three years' worth, leap day or not.
  public var termMonths: Int? {
    guard let startDay, let endDay, endDay >= startDay else { return nil }
    let (months, days) = monthsAndDays(from: startDay.previous, to: endDay)
    return days == 0 && months > 0 ? months : nil
  }

  /// Whether the contract belongs to `group` (case-insensitive).
  public func isIn(group: String) -> Bool {
    groups.contains { $0.caseInsensitiveEquals(group) }
  }
}

extension Contract {
  /// A text field's bytes, read in place from a row (no string made) or from the field held.
  func withText<R>(
    _ field: ContractStore.TextField, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    if let (store, row) = storeRow { return store.withText(field, row, body) }
    var text = fields.text(field)
    return text.withUTF8(body)
  }

  /// Renames the contract while the loader settles ids: in its row when it reads one (the
  /// store is not yet shared), else in its own fields.
  mutating func rename(to id: String) {
    if let (store, row) = storeRow {
      store.rename(row, to: id)
    } else {
      self.id = id
    }
  }

  /// Whether a text field holds the same bytes as another contract's.
  func sameText(_ field: ContractStore.TextField, as other: Contract) -> Bool {
    withText(field) { mine in other.withText(field) { mine.elementsEqual($0) } }
  }

  /// Whether this contract comes before `other` by service, then id, as `String` orders them
  /// (a tie between two ends in a report). Compared in place, without making the four strings,
  /// when the texts are ASCII, which `String` orders byte by byte; else as strings.
  func precedes(byServiceThenId other: Contract) -> Bool {
    if let service = asciiOrder(.service, other) {
      if service != 0 { return service < 0 }
      if let id = asciiOrder(.id, other) { return id < 0 }
    }
    return (service, id) < (other.service, other.id)
  }

  /// The order of two ASCII texts (negative: this one first, zero: the same), or nil when
  /// either is not ASCII.
  private func asciiOrder(_ field: ContractStore.TextField, _ other: Contract) -> Int? {
    withText(field) { mine in
      other.withText(field) { theirs -> Int? in
        var i = 0
        while i < mine.count && i < theirs.count {
          let (a, b) = (mine[i], theirs[i])
          if a | b >= 0x80 { return nil }
          if a != b {
            if !mine[i...].allSatisfy({ $0 < 0x80 }) || !theirs[i...].allSatisfy({ $0 < 0x80 }) {
              return nil
            }
            return Int(a) - Int(b)
          }
          i += 1
        }
        if !mine[i...].allSatisfy({ $0 < 0x80 }) || !theirs[i...].allSatisfy({ $0 < 0x80 }) {
          return nil
        }
        return mine.count - theirs.count
      }
    }
  }
}

/// A contract's fields, held: what a ``Contract`` of its own holds, and what a
/// ``ContractStore`` row reads back as.
struct ContractFields: Hashable, Sendable {
  /// The text field the store keeps in this place.
  func text(_ field: ContractStore.TextField) -> String {
    switch field {
    case .id: id
    case .service: service
    case .provider: provider
    case .department: department
    case .valueText: valueText
    case .statedId: statedId
    case .endText: endText
    case .optionsText: optionsText
    case .nextReviewText: nextReviewText
    }
  }

  var id: String
  var service: String
  var provider: String
  var providers: [String]
  var department: String
  var groups: [String]
  var valueText: String
  var value: ValueReading
  var statedId: String
  var endText: String
  var end: DateReading
  var optionsText: String
  var options: ExtensionOptions?
  var nextReviewText: String
  var nextReview: DateReading
  var location: SourceLocation
  var rare: RareColumns.Storage
}

extension String {
  /// Equal ignoring case, as `String` compares (canonically: `café` with one accented scalar or
  /// with a combining accent is one name, and the Kelvin sign is `K`). Two ASCII texts are
  /// compared byte by byte, with no lowercased copies (a filter asks this of every row).
  func caseInsensitiveEquals(_ other: String) -> Bool {
    var (a, b) = (self, other)
    let ascii = a.withUTF8 { x in
      b.withUTF8 { y -> Bool? in
        guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
        return x.count == y.count && zip(x, y).allSatisfy { Self.sameLetterCase($0, $1) }
      }
    }
    return ascii ?? (lowercased() == other.lowercased())
  }

  /// Whether two ASCII bytes equal ignoring case: the same byte, or one letter in two cases.
  private static func sameLetterCase(_ a: UInt8, _ b: UInt8) -> Bool {
    a == b || (a | 0x20 == b | 0x20 && (0x61...0x7A).contains(a | 0x20))
  }
}

/// The columns many registers leave empty (a start, a maximum end, routes, notes, shares, columns
/// the planner does not know), held in one shared box that a contract without any of them does
/// not allocate.
///
/// A `Contract` held every column inline, 904 bytes a row whether the register had the column or
/// not; at 1M rows that was 0.9 GB before a single string. Apart, a contract of the common columns
/// is some 380 bytes smaller, and one with any rare column pays one allocation for all of them.
/// Copies share the box until one is changed (copy on write), so a contract is still a value.
struct RareColumns: Hashable, Sendable {
  var valueUnitText = ""
  var valueBasisText = ""
  var startText = ""
  var start = RareColumns.noStart
  var maxEndText = ""
  var statedMaxEnd: Day?
  var originalEndText = ""
  var originalEnd: Day?
  var procurementRoute = ""
  var leadTimeText = ""
  var leadTime: Length?
  var source = ""
  var notes = ""
  var commissioner = ""
  var councilShareText = ""
  var councilShare: CouncilShare?
  var buyer = ""
  var buyerPostcode = ""
  var cpvText = ""
  var extra: [Contract.ExtraColumn] = []

  /// The reading of an empty start cell, as the loader makes it.
  static let noStart = DateReading.empty

  /// The box, compared and hashed by what it holds: no box is the same as an empty one.
  struct Storage: Hashable, @unchecked Sendable {
    private(set) var box: Box?

    init() {}

    /// The columns boxed, or no box when every one is empty.
    init(_ value: RareColumns) {
      if value != RareColumns() { box = Box(value) }
    }

    /// Whether a change must be stored: always once there is a box, else only a value that is
    /// not the default (setting an empty column allocates nothing).
    func holds(_ notDefault: Bool) -> Bool { box != nil || notDefault }

    mutating func update(_ change: (inout RareColumns) -> Void) {
      if isKnownUniquelyReferenced(&box), let box {
        change(&box.value)
      } else {
        var value = box?.value ?? RareColumns()
        change(&value)
        box = Box(value)
      }
    }

    static func == (a: Storage, b: Storage) -> Bool {
      if a.box === b.box { return true }
      return (a.box?.value ?? RareColumns()) == (b.box?.value ?? RareColumns())
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(box?.value ?? RareColumns())
    }
  }

  /// Changed only while its one owner holds it (``Storage/update(_:)`` copies a shared box first).
  final class Box: @unchecked Sendable {
    var value: RareColumns
    init(_ value: RareColumns) { self.value = value }
  }
}
