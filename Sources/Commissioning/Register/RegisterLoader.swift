/// Reads register CSVs and grid CSVs into a ``Register``.
///
/// Every row is kept; every assumption becomes a diagnostic at the cell's file, line and column.
/// Only a file that cannot be read as a table at all (empty, not UTF-8, an unterminated quote,
/// no `service` or `end` column) is an error that stops loading.
public enum RegisterLoader {
  /// Loads register files (contract CSVs and grid CSVs, told apart by their headers).
  ///
  /// - Parameters:
  ///   - inputs: the files, in the order to read them.
  ///   - council: the council's rules (provider aliases are applied while reading).
  ///   - name: the register's name.
  ///   - parallelism: how many cores read a large file's rows; the register is the same.
  /// - Throws: ``RegisterError`` when a file cannot be read as a table.
  /// - Complexity: O(total bytes).
  public static func load(
    _ inputs: [RegisterInput], council: CouncilRules = .default, name: String,
    parallelism: Parallelism = .automatic
  ) throws(RegisterError) -> Register {
    var register = Register(name: name, council: council)
    var state = LoadState(aliases: council.aliasIndex, parallelism: parallelism)
    for input in inputs {
      register.files.append(input.name)
      try input.bytes.withUnsafeBufferPointer { (buffer) throws(RegisterError) in
        try loadFile(buffer, source: input.bytes, name: input.name, into: &register, state: &state)
      }
    }
    // Grid rows that link to contracts the register does not hold.
    let ids = register.grid.isEmpty ? [] : Set(register.contracts.map(\.id))
    for row in register.grid {
      for id in row.contracts where !ids.contains(id) {
        register.diagnostics.append(
          Diagnostic(
            .warning, "grid row links to '\(id)', which no register row has", at: row.location))
      }
    }
    for mismatch in PlanConsistency.mismatches(grid: register.grid, contracts: register.contracts) {
      register.diagnostics.append(
        Diagnostic(
          .warning, "plan and register disagree: " + mismatch.message, at: mismatch.row.location))
    }
    // A committee date read differently from how its source writes it (council.json).
    register.diagnostics.append(contentsOf: council.meetings.compactMap(\.readingNote))
    if register.contracts.isEmpty, let first = register.files.first {
      register.diagnostics.append(
        Diagnostic(
          .warning, "the register holds no contracts",
          at: SourceLocation(file: first, line: 1, column: 1)))
    }
    let order = { (a: Diagnostic, b: Diagnostic) -> Bool in
      (a.location ?? SourceLocation(file: "", line: 0, column: 0))
        < (b.location ?? SourceLocation(file: "", line: 0, column: 0))
    }
    // Rows add their diagnostics in order; only the checks after loading need sorting in.
    let sorted = register.diagnostics.indices.dropFirst().allSatisfy {
      !order(register.diagnostics[$0], register.diagnostics[$0 - 1])
    }
    if !sorted { register.diagnostics.sort(by: order) }
    return register
  }

  struct LoadState {
    var aliases: [String: String]
    var parallelism = Parallelism.sequential
    /// Contracts by id, and by service, provider, value and end (for duplicate rows).
    var ids = IndexTable()
    var rows = IndexTable()
    /// The suffix to try next for a taken id, by the position of the contract holding it.
    var nextSuffix: [Int: Int] = [:]

    /// The id a row that repeats `id` (held by the contract at `first`) is kept as: `id-2`,
    /// `id-3`, …, the first not taken.
    ///
    /// Ids are only ever added, so every suffix below the last one given is still taken: the
    /// search resumes there instead of at 2, which made 1M rows with one id quadratic.
    /// - Complexity: amortised O(1) searches per row.
    mutating func freeSuffix(
      for id: String, at first: Int, contracts: UnsafeMutableBufferPointer<Contract>
    ) -> String {
      var n = nextSuffix[first] ?? 2
      while true {
        let candidate = "\(id)-\(n)"
        let taken = ids.find(
          IndexTable.hash(candidate),
          where: { at in contracts[at].withText(.id) { $0.elementsEqual(candidate.utf8) } })
        if taken == nil { break }
        n += 1
      }
      nextSuffix[first] = n + 1
      return "\(id)-\(n)"
    }
  }

  /// Loads one file from `buffer`, the bytes of `source` (which the register's rows keep
  /// ranges of).
  static func loadFile(
    _ buffer: UnsafeBufferPointer<UInt8>, source: [UInt8], name: String,
    into register: inout Register, state: inout LoadState, detect: Bool = true
  ) throws(RegisterError) {
    guard buffer.contains(where: { $0 > 0x20 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else {
      throw buffer.contains(0) ? .onlyNUL(file: name) : .empty(file: name)
    }
    if detect, try readTranscoded(buffer, name: name, into: &register, state: &state) { return }
    var reader: CSVReader
    do {
      reader = try CSVReader(bytes: buffer)
    } catch {
      throw .csv(file: name, error)
    }
    var fields: [CSVField] = []
    do {
      guard try reader.next(into: &fields) else { throw RegisterError.empty(file: name) }
    } catch let error as CSVError {
      throw .csv(file: name, error)
    } catch {
      throw .empty(file: name)
    }
    if fields.count == 1, (fields[0].start..<fields[0].end).contains(where: { buffer[$0] == 0x09 })
    {
      // One column whose name holds tabs: tab-separated text (Excel's "Unicode Text").
      reader = try tabSeparated(buffer, name: name, into: &fields)
      register.diagnostics.append(
        Diagnostic(
          .note, "the header has tabs and no commas; read as tab-separated text",
          at: SourceLocation(file: name, line: 1, column: 1)))
    }
    let headers = fields.map { reader.string($0).trimmingASCIISpaces }
    let headerFields = fields
    if isGrid(headers) {
      register.diagnostics.append(
        Diagnostic(
          .note,
          "read as a commissioning grid: its headers name financial quarters and no contract's"
            + " end, provider, value or start",
          at: SourceLocation(file: name, line: 1, column: 1)))
      try loadGrid(
        &reader, name: name, headers: headers, headerFields: headerFields, into: &register)
    } else {
      try loadContracts(
        &reader, source: source, name: name, headers: headers, headerFields: headerFields,
        into: &register, state: &state)
    }
    for field in reader.strayQuotes {
      register.diagnostics.append(
        Diagnostic(
          .warning, "'\(reader.string(field))' has text after its closing quote; kept as written",
          at: SourceLocation(file: name, line: field.line, column: reader.column(of: field))))
    }
    register.diagnostics += controlCharacters(in: buffer, file: name)
  }

  /// Reads a file in another encoding (UTF-16 or UTF-32 with or without a byte order mark,
  /// Windows-1252) as UTF-8, with a note saying which; false for a UTF-8 file.
  static func readTranscoded(
    _ buffer: UnsafeBufferPointer<UInt8>, name: String, into register: inout Register,
    state: inout LoadState
  ) throws(RegisterError) -> Bool {
    let transcoded: TextEncoding.Transcoded
    do {
      guard let found = try TextEncoding.detect(buffer) else { return false }
      transcoded = found
    } catch {
      throw .encoding(file: name, encoding: error.encoding)
    }
    let how = transcoded.hadByteOrderMark ? "" : " (no byte order mark; told by its bytes)"
    register.diagnostics.append(
      Diagnostic(
        .note,
        "the file is \(transcoded.encoding.rawValue) text\(how); read as such, save it as CSV"
          + " UTF-8 to be sure",
        at: SourceLocation(file: name, line: 1, column: 1)))
    try transcoded.bytes.withUnsafeBufferPointer { (utf8) throws(RegisterError) in
      // UTF-8 now: no second detection, which a NUL in the text could mislead.
      try loadFile(
        utf8, source: transcoded.bytes, name: name, into: &register, state: &state,
        detect: false)
    }
    return true
  }

  /// A reader of the file as tab-separated text, its header read into `fields`.
  static func tabSeparated(
    _ buffer: UnsafeBufferPointer<UInt8>, name: String, into fields: inout [CSVField]
  ) throws(RegisterError) -> CSVReader {
    do throws(CSVError) {
      var reader = try CSVReader(bytes: buffer, separator: 0x09)
      _ = try reader.next(into: &fields)
      return reader
    } catch {
      throw .csv(file: name, error)
    }
  }

  /// The line of the first of a file's next nine records below the first whose cells name a
  /// service and an end column, or nil.
  static func likelyHeaderLine(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Int? {
    guard var reader = try? CSVReader(bytes: bytes, separator: separator) else { return nil }
    var fields: [CSVField] = []
    guard (try? reader.next(into: &fields)) == true else { return nil }
    for _ in 0..<9 {
      guard (try? reader.next(into: &fields)) == true else { return nil }
      let columns = Set(
        fields.compactMap { Column.matching(header: reader.string($0).trimmingASCIISpaces) })
      if Column.required.allSatisfy(columns.contains) { return fields.first?.line }
    }
    return nil
  }

  /// Whether a file is a commissioning grid: quarter columns (`2016/17 Q1`) and none of the
  /// columns that describe a contract itself. A register with a `Q1 2016/17 spend` column is
  /// still a register, and keeps that column.
  static func isGrid(_ headers: [String]) -> Bool {
    guard headers.contains(where: { FinancialQuarter($0) != nil }) else { return false }
    let contractColumns: Set<Column> = [.end, .provider, .value, .start, .extensionOptions]
    return !headers.contains { Column.matching(header: $0).map(contractColumns.contains) ?? false }
  }

  /// One warning for each line holding a control character other than a tab or a line break
  /// (NUL, escape, the C1 controls): the text is kept as written, and text output shows the
  /// character as a visible symbol (``Swift/String/singleLine``), so it cannot drive a terminal.
  static func controlCharacters(in bytes: UnsafeBufferPointer<UInt8>, file: String)
    -> [Diagnostic]
  {
    var found: [Diagnostic] = []
    let n = bytes.count
    var i = 0
    var line = 1
    // Columns count from after a byte order mark, as the CSV reader's do.
    var lineStart = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    while i < n {
      let b = bytes[i]
      if b >= 0x20 && b != 0x7F && b != 0xC2 || b == 0x09 {
        i += 1
        continue
      }
      if b == 0x0A || b == 0x0D {
        // Lines count as the CSV reader counts them: CRLF, LF or CR.
        i += b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1
        line += 1
        lineStart = i
        continue
      }
      let value: UInt32
      if b == 0xC2 {
        // U+0080–U+009F: the C1 controls, two bytes in UTF-8.
        guard i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) else {
          i += 1
          continue
        }
        value = UInt32(bytes[i + 1])
      } else {
        value = UInt32(b)
      }
      let code = String(value, radix: 16, uppercase: true)
      let shown = String(Unicode.Scalar(UInt8(truncatingIfNeeded: value))).singleLine
      found.append(
        Diagnostic(
          .warning,
          "control character U+\(String(repeating: "0", count: 4 - code.count) + code) in this line; kept as written, shown as \(shown) in text output",
          at: SourceLocation(
            file: file, line: line,
            column: CSVReader.column(of: i, lineStart: lineStart, in: bytes))))
      // One warning a line is enough: skip to the line's end.
      while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
    }
    return found
  }

  // MARK: - Contracts

  static func loadContracts(
    _ reader: inout CSVReader, source: [UInt8], name: String, headers: [String],
    headerFields: [CSVField],
    into register: inout Register, state: inout LoadState
  ) throws(RegisterError) {
    let layout: HeaderLayout
    do {
      layout = try mapHeaders(
        headers, headerFields: headerFields, reader: reader, file: name, into: &register)
    } catch .missingColumns(let file, let missing, let found, _) {
      // A title or a date above the header, as exports often have: say where the header is.
      throw .missingColumns(
        file: file, missing: missing, found: found,
        headerAt: likelyHeaderLine(reader.bytes, separator: reader.separator))
    } catch {
      throw error
    }
    var rowsInFile = 0
    var spacers = BlankRows()
    var strayQuotes: [CSVField] = []
    // The register is sized once for the file's rows (at most one a line): no doubling past
    // them (at 10M rows that asked for 15 GB), and each batch's contracts are moved into
    // their place, not copied.
    let (position, _, _) = reader.cursor
    let rows = RowSplitter.lineBreaks(reader.bytes, from: position, to: reader.bytes.count) + 1
    let context = RowContext(
      file: name, source: source, separator: reader.separator, headers: headers,
      columnIndex: layout.columnIndex,
      extras: layout.extras,
      headerBasis: layout.valueBasis, yearStart: register.council.financialYearStart,
      aliases: state.aliases, lines: rows, bytes: reader.bytes.count - position)
    let earlier = register.contracts
    register.contracts = []
    var failure: RegisterError?
    let contracts = [Contract](unsafeUninitializedCapacity: earlier.count + rows) {
      buffer, count in
      _ = buffer.initialize(from: earlier)
      var room = ContractRoom(buffer: buffer, count: earlier.count)
      defer { count = room.count }
      do throws(RegisterError) {
        try readRows(&reader, context: context, parallelism: state.parallelism) { batch in
          rowsInFile += batch.contracts.count
          spacers.append(batch.spacers)
          strayQuotes += batch.strayQuotes
          settle(&batch, into: &room, diagnostics: &register.diagnostics, state: &state)
        }
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    register.contracts = contracts
    reader.adoptStrayQuotes(strayQuotes)
    noteSpacers(spacers, file: name, into: &register)
    if rowsInFile == 0 && !register.contracts.isEmpty {
      register.diagnostics.append(
        Diagnostic(
          .warning, "the file holds a header and no contracts",
          at: SourceLocation(file: name, line: 1, column: 1)))
    }
  }

  /// Where each canonical column is in a file, the columns kept as they are, and the basis the
  /// value column's header states.
  struct HeaderLayout {
    var columnIndex = [Int](repeating: -1, count: Column.allCases.count)
    var extras: [(index: Int, header: String)] = []
    var valueBasis: ValueBasis?
  }

  /// Maps headers to columns (the first header for each column wins), with a note for each
  /// foreign header, a "did you mean" for a probable misspelling, and quarter-named columns in a
  /// register kept as extras.
  ///
  /// - Throws: ``RegisterError/missingColumns(file:missing:found:)`` without a service or an end.
  static func mapHeaders(
    _ headers: [String], headerFields: [CSVField], reader: borrowing CSVReader, file name: String,
    into register: inout Register
  ) throws(RegisterError) -> HeaderLayout {
    var layout = HeaderLayout()
    var unknown: [Int] = []
    var columns = ColumnCursor()
    for (index, header) in headers.enumerated() {
      // Located only when a diagnostic needs it, from the last header located: 100k repeated
      // headers each scanning their line from its start were quadratic.
      var location: SourceLocation {
        SourceLocation(
          file: name, line: headerFields[index].line,
          column: columns.column(of: headerFields[index], in: reader))
      }
      if let column = Column.matching(header: header) {
        let slot = column.slot
        if layout.columnIndex[slot] < 0 {
          layout.columnIndex[slot] = index
          let basis = column == .value ? Column.impliedBasis(header: header) : nil
          if column == .value { layout.valueBasis = basis }
          if header != column.rawValue {
            let said = basis.map { " (\($0.rawValue) values)" } ?? ""
            register.diagnostics.append(
              Diagnostic(
                .note, "column '\(header)' read as '\(column.rawValue)'\(said)", at: location))
          }
          continue
        }
        register.diagnostics.append(
          Diagnostic(
            .warning, "column '\(header)' repeats '\(column.rawValue)'; kept as an extra column",
            at: location))
      } else {
        unknown.append(index)
      }
      layout.extras.append((index, header.isEmpty ? "column \(index + 1)" : header))
    }
    adoptFallbackService(headers, &layout, headerFields, reader, name, &register)
    noteUnknownHeaders(unknown, headers, headerFields, reader, name, &register)
    let missing = Column.required.filter { layout.columnIndex[$0.slot] < 0 }
    guard missing.isEmpty else {
      throw .missingColumns(file: name, missing: missing, found: headers)
    }
    return layout
  }

  /// `Description` names the service when no header does, with a note.
  static func adoptFallbackService(
    _ headers: [String], _ layout: inout HeaderLayout, _ headerFields: [CSVField],
    _ reader: borrowing CSVReader, _ name: String, _ register: inout Register
  ) {
    guard layout.columnIndex[Column.service.slot] < 0,
      let index = headers.firstIndex(where: {
        Column.fallbackServiceHeaders.contains(Column.normalise($0))
      })
    else { return }
    layout.columnIndex[Column.service.slot] = index
    layout.extras.removeAll { $0.index == index }
    register.diagnostics.append(
      Diagnostic(
        .note, "column '\(headers[index])' read as 'service' (the register names no title)",
        at: reader.location(of: headerFields[index], file: name)))
  }

  /// A note for each unknown header: quarter-named columns kept in a register, and probable
  /// misspellings of known headers. Only the first 20 are compared, so 100,000 columns stay fast.
  static func noteUnknownHeaders(
    _ unknown: [Int], _ headers: [String], _ headerFields: [CSVField],
    _ reader: borrowing CSVReader, _ name: String, _ register: inout Register
  ) {
    for index in unknown.prefix(20) {
      let header = headers[index]
      let location = reader.location(of: headerFields[index], file: name)
      if FinancialQuarter(header) != nil {
        register.diagnostics.append(
          Diagnostic(
            .note,
            "column '\(header)' is named like a commissioning grid's quarter; this file has"
              + " contract columns, so it is kept as an extra column",
            at: location))
      } else if let (_, column) = Column.closestHeader(to: header) {
        register.diagnostics.append(
          Diagnostic(
            .warning,
            "column '\(header)' is not a column we know; did you mean '\(column.rawValue)'?"
              + " kept as an extra column",
            at: location))
      } else if !header.isEmpty {
        register.diagnostics.append(
          Diagnostic(
            .note, "column '\(header)' is not one the planner reads; kept as an extra column",
            at: location))
      }
    }
    if unknown.count > 20, let first = unknown.first {
      register.diagnostics.append(
        Diagnostic(
          .note,
          "\(unknown.count - 20) more columns the planner does not read are kept as extra columns",
          at: SourceLocation(file: name, line: headerFields[first].line, column: 1)))
    }
  }

  /// Columns of fields met in order along their lines, each counted on from the one before.
  struct ColumnCursor {
    private var lineStart = -1
    private var offset = 0
    private var column = 1

    /// The field's 1-based column in characters, as ``CSVReader/column(of:)`` gives it.
    /// - Complexity: O(bytes since the last field asked about on the same line).
    mutating func column(of field: CSVField, in reader: borrowing CSVReader) -> Int {
      let target = field.quoted ? field.start - 1 : field.start
      if field.lineStart != lineStart || target < offset {
        lineStart = field.lineStart
        offset = field.lineStart
        column = 1
      }
      column += CSVReader.column(of: target, lineStart: offset, in: reader.bytes) - 1
      offset = target
      return column
    }
  }

  /// The rows of a file skipped as blank: how many, and the first few lines.
  struct BlankRows {
    var count = 0
    var lines: [Int] = []

    mutating func add(line: Int) {
      count += 1
      if lines.count < 5 { lines.append(line) }
    }
  }

  /// One note per file for the rows skipped as blank: how many and on which lines.
  static func noteSpacers(_ rows: BlankRows, file: String, into register: inout Register) {
    guard let first = rows.lines.first, let last = rows.lines.last else { return }
    let shown = rows.lines.map(String.init)
    let message =
      switch rows.count {
      case 1: "line \(first) holds only blank cells; skipped as no contract"
      case 2...5:
        "lines \(shown.dropLast().joined(separator: ", ")) and \(last) hold only blank cells; "
          + "skipped as no contracts"
      default:
        "\(rows.count) lines hold only blank cells (\(shown.joined(separator: ", ")) and "
          + "\(rows.count - 5) more); skipped as no contracts"
      }
    register.diagnostics.append(
      Diagnostic(.note, message, at: SourceLocation(file: file, line: first, column: 1)))
  }

  /// Reads one register row into a contract, in named steps; every finding is placed at its
  /// cell once the row is read.
  static func readContract(
    reader: borrowing CSVReader, fields: [CSVField], context: RowContext,
    into batch: inout RowBatch
  ) {
    let (file, headers, columnIndex) = (context.file, context.headers, context.columnIndex)
    let rowLocation = SourceLocation(file: file, line: fields[0].line, column: 1)
    if fields.count > headers.count {
      batch.diagnostics.append(
        Diagnostic(
          .warning,
          "row has \(fields.count) cells but the header has \(headers.count); the extra cells are kept",
          at: SourceLocation(
            file: file, line: fields[headers.count].line,
            column: reader.column(of: fields[headers.count]))))
    }
    var row = RowReading(reader: reader, fields: fields, columnIndex: columnIndex)
    if row.isEmpty(.service) {
      row.note([Finding(.warning, "row has no service name")], .service)
    }
    let providers = row.readProviders(aliases: context.aliases)
    var value = row.readValue(headerBasis: context.headerBasis)
    row.readTotalsRow(&value)
    let (start, end) = row.readTerm(yearStart: context.yearStart)
    let limits = row.readLimits(end: end.day)
    // The id is settled in file order once the row's stretch is read (``settle``); its
    // findings go here, between the row's others.
    let idFindingsAt = row.findings.count
    let derivedId = row.derivedId
    row.noteUnbalancedNames()
    let rare = RareColumns.Storage(
      rareColumns(
        &row, limits: limits, start: start, fields: fields,
        reader: reader, context: context))
    let cpvText = rare.box?.value.cpvText ?? ""
    if !cpvText.isEmpty, CPVCode.codes(in: cpvText).isEmpty {
      row.note(
        [
          Finding(
            .warning,
            "cpv \(quoted(cpvText)) holds no CPV code (eight digits, as 85000000-9); "
              + "the contract is left out of CPV clusters")
        ], .cpv)
    }
    // Into the stretch's store straight from the row's bytes: no string for a text cell, and no
    // contract of its own to copy out. The texts are the row's; `held` has the readings.
    let held = ContractFields(
      id: derivedId ?? "", service: "", provider: "", providers: providers ?? [],
      department: "", groups: [], valueText: "", value: value, statedId: "", endText: "",
      end: end, optionsText: "", options: limits.options, nextReviewText: "",
      nextReview: limits.review, location: rowLocation, rare: rare)
    let contract =
      batch.store?.add(held, from: row, providersAsCell: providers == nil)
      ?? Contract(fields: row.completed(held, providers: providers))
    row.noteCouncilShare(contract)
    row.noteNoCommissioner(contract)
    row.noteAnnualisedTotal(contract)
    batch.hashes.append(RowHashes(contract))
    for (index, (finding, column)) in row.findings.enumerated() {
      if index == idFindingsAt { batch.pending.append((batch.diagnostics.count, rowLocation)) }
      let location =
        column.flatMap { row.cell($0) }.map { reader.location(of: $0, file: file) }
        ?? rowLocation
      batch.diagnostics.append(Diagnostic(finding.severity, finding.message, at: location))
    }
    if row.findings.count == idFindingsAt {
      batch.pending.append((batch.diagnostics.count, rowLocation))
    }
    if let idCell = row.cell(.id) {
      batch.pending[batch.pending.count - 1].idLocation = reader.location(of: idCell, file: file)
    }
    batch.contracts.append(contract)
  }

  /// The columns many registers leave empty, read from the row (the council share's findings
  /// noted as it is read).
  static func rareColumns(
    _ row: inout RowReading, limits: RowReading.Limits, start: DateReading, fields: [CSVField],
    reader: borrowing CSVReader, context: RowContext
  ) -> RareColumns {
    var rare = RareColumns()
    rare.startText = row.text(.start)
    rare.start = start
    rare.maxEndText = row.text(.maxEnd)
    rare.statedMaxEnd = limits.maxEnd
    rare.procurementRoute = routeName(row.text(.procurementRoute))
    rare.leadTimeText = row.text(.leadTime)
    rare.leadTime = limits.leadTime
    rare.source = row.text(.source)
    rare.notes = row.text(.notes)
    rare.extra = extraColumns(
      reader: reader, fields: fields, headers: context.headers, extras: context.extras)
    rare.originalEndText = row.text(.originalEnd)
    rare.valueUnitText = row.text(.valueUnit)
    rare.valueBasisText = row.text(.valueBasis)
    rare.originalEnd = limits.originalEnd
    rare.commissioner = row.text(.commissioner)
    rare.councilShareText = row.text(.councilShare)
    rare.councilShare = row.readCouncilShare()
    rare.buyer = row.text(.buyer)
    rare.cpvText = row.text(.cpv)
    rare.buyerPostcode = row.text(.buyerPostcode)
    return rare
  }

  /// Unknown columns, kept when they hold something (an empty cell carries nothing, and an
  /// export writes the union of several files' columns), then cells beyond the header.
  static func extraColumns(
    reader: borrowing CSVReader, fields: [CSVField], headers: [String],
    extras: [(index: Int, header: String)]
  ) -> [Contract.ExtraColumn] {
    var extra: [Contract.ExtraColumn] = []
    for (index, header) in extras
    where index < fields.count && fields[index].end > fields[index].start {
      // As written, apart from an export's neutralising, which comes off as it does for the
      // canonical columns.
      extra.append(
        Contract.ExtraColumn(
          header: header, value: RegisterLoader.unneutralised(reader.string(fields[index]))))
    }
    if fields.count > headers.count {
      for index in headers.count..<fields.count {
        extra.append(
          Contract.ExtraColumn(header: "column \(index + 1)", value: reader.string(fields[index])))
      }
    }
    return extra
  }

  /// A cell as written before an export neutralised it for spreadsheets: `'=SUM(A1)` back to
  /// `=SUM(A1)` (the apostrophe is the spreadsheet convention for "this is text"), and
  /// `''=A1` back to `'=A1`. The inverse of ``CSVWriter``'s neutralising.
  static func unneutralised(_ text: String) -> String {
    guard text.utf8.first == UInt8(ascii: "'"), CSVWriter.startsLikeFormula(text.utf8.dropFirst())
    else { return text }
    return String(text.dropFirst())
  }

  /// A procurement route as a lowercase dashed name (`Competitive Dialogue` →
  /// `competitive-dialogue`), empty when none is given.
  static func routeName(_ text: String) -> String {
    text.isEmpty ? "" : slug(text, limit: 40)
  }

  /// Lowercase letters and digits joined by single dashes: `School Public Health (MFT)` →
  /// `school-public-health-mft`.
  static func slug(_ text: String, limit: Int) -> String {
    var out: [UInt8] = []
    var dash = false
    for b in text.utf8 {
      if TextScanner.isLetter(b) || TextScanner.isDigit(b) {
        if dash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
        dash = false
        if out.count >= limit { break }
        out.append(TextScanner.isLetter(b) ? b | 0x20 : b)
      } else if b != UInt8(ascii: "'") {
        dash = true
      }
    }
    // A cut at the limit can leave a dash at the end, which a second reading would drop: slugs
    // must read back as themselves.
    while out.last == UInt8(ascii: "-") { out.removeLast() }
    return out.isEmpty ? "row" : String(decoding: out, as: UTF8.self)
  }

  // MARK: - Grid

  static func loadGrid(
    _ reader: inout CSVReader, name: String, headers: [String], headerFields: [CSVField],
    into register: inout Register
  ) throws(RegisterError) {
    let lowered = headers.map { Column.normalise($0) }
    let categoryIndex = lowered.firstIndex(of: "category")
    let descriptionIndex = lowered.firstIndex { $0 == "description" || $0.hasPrefix("description") }
    let contractsIndex = lowered.firstIndex { $0 == "contracts" || $0 == "contract" || $0 == "ids" }
    let sectionIndex = lowered.firstIndex {
      $0 == "section" || $0 == "department" || $0 == "directorate"
    }
    let quarters = headers.enumerated().compactMap { index, header in
      FinancialQuarter(header).map { (index, $0) }
    }
    noteUnreadGridColumns(
      headers,
      read: [categoryIndex, descriptionIndex, contractsIndex, sectionIndex]
        + quarters.map(\.0), headerFields: headerFields, reader: reader, file: name,
      into: &register)
    var fields: [CSVField] = []
    var spacers = BlankRows()
    while true {
      let more: Bool
      do {
        more = try reader.next(into: &fields)
      } catch {
        throw .csv(file: name, error)
      }
      guard more else { break }
      if fields.allSatisfy({ reader.isBlank($0) }) {
        spacers.add(line: fields[0].line)
        continue
      }
      let location = SourceLocation(file: name, line: fields[0].line, column: 1)
      func cell(_ index: Int?) -> String {
        guard let index, index < fields.count else { return "" }
        return reader.string(fields[index]).trimmingASCIISpaces
      }
      var row = GridRow(
        category: cell(categoryIndex), description: cell(descriptionIndex),
        contracts: cell(contractsIndex).split(separator: ";").map { String($0).trimmingASCIISpaces }
          .filter { !$0.isEmpty },
        cells: [], location: location, section: cell(sectionIndex))
      for (index, quarter) in quarters where index < fields.count {
        let raw = reader.string(fields[index]).trimmingASCIISpaces
        guard !raw.isEmpty else { continue }
        let (stages, findings) = StageParser.parse(raw)
        let at = SourceLocation(
          file: name, line: fields[index].line, column: reader.column(of: fields[index]))
        for finding in findings {
          register.diagnostics.append(Diagnostic(finding.severity, finding.message, at: at))
        }
        row.cells.append(GridRow.Cell(quarter: quarter, raw: raw, stages: stages))
      }
      if row.cells.isEmpty {
        register.diagnostics.append(
          Diagnostic(
            .warning,
            "grid row '\(row.description.isEmpty ? row.category : row.description)' has no stages in any quarter",
            at: location))
      }
      register.grid.append(row)
    }
    noteSpacers(spacers, file: name, into: &register)
  }
}

extension RegisterLoader {
  /// A note for each grid column the grid does not read (a `2016/17 Q9` is no quarter, so its
  /// stages would vanish without a word); `source` and `notes` document a row and need none.
  static func noteUnreadGridColumns(
    _ headers: [String], read: [Int?], headerFields: [CSVField], reader: borrowing CSVReader,
    file: String, into register: inout Register
  ) {
    let kept = Set(read.compactMap { $0 })
    var noted = 0
    for (index, header) in headers.enumerated() where !kept.contains(index) {
      let name = Column.normalise(header)
      guard name != "source", name != "notes", !header.isEmpty, noted < 20 else { continue }
      noted += 1
      register.diagnostics.append(
        Diagnostic(
          .warning, "grid column '\(header)' is no quarter the grid reads; its cells are ignored",
          at: reader.location(of: headerFields[index], file: file)))
    }
  }
}

/// Positions in the register's contracts by a 64-bit hash of their bytes: an open-addressed table
/// that never hashes a `String` (Swift's string hashing normalises Unicode, a cost per row that
/// loading cannot afford). Equal hashes are confirmed by the caller's comparison.
///
/// Each slot holds a position and 32 bits of its hash, filled to three quarters: 8 bytes a slot
/// and at most 16 a row, where a 64-bit hash in a table kept half empty cost up to 48 (the two
/// tables were a sixth of the peak memory loading 1M rows). The slot is chosen by those 32
/// bits, so the table grows without the full hash; a match of 32 bits still goes to the caller's
/// comparison, so a collision costs a comparison, never a wrong answer.
struct IndexTable {
  /// Each slot's tag (the hash's low 32 bits) above its position, or ``empty``: one word a
  /// slot, so a probe reads one cache line, not a position's and a tag's apart (at 1M rows
  /// each is a miss, on the one thread that settles ids).
  private var slots = [UInt64](repeating: IndexTable.empty, count: 1024)
  private var count = 0
  private static let empty = UInt64.max

  /// The first position with `hash` for which `matches` holds.
  func find(_ hash: UInt64, where matches: (Int) -> Bool) -> Int? {
    let tag = hash & 0xFFFF_FFFF
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: tag) & mask
    while slots[i] != Self.empty {
      let slot = slots[i]
      if slot >> 32 == tag, matches(Int(slot & 0xFFFF_FFFF)) { return Int(slot & 0xFFFF_FFFF) }
      i = (i + 1) & mask
    }
    return nil
  }

  /// Adds a position (below 2³² − 1, as a register's rows are) under `hash`.
  mutating func insert(_ hash: UInt64, _ position: Int) {
    if (count + 1) * 4 > slots.count * 3 { grow() }
    place(hash << 32 | UInt64(UInt32(truncatingIfNeeded: position)))
    count += 1
  }

  private mutating func place(_ slot: UInt64) {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: slot >> 32) & mask
    while slots[i] != Self.empty { i = (i + 1) & mask }
    slots[i] = slot
  }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: Self.empty, count: old.count * 2)
    for slot in old where slot != Self.empty { place(slot) }
  }

  /// FNV-1a over the UTF-8 of each part, a separator between parts, then a final mix.
  static func hash(_ parts: String...) -> UInt64 {
    var h = seed
    for part in parts { mix(part, into: &h) }
    return finished(h)
  }

  /// The loader's two hashes without a variadic array: one id, and one row's four parts.
  static func hash(_ part: String) -> UInt64 {
    var h = seed
    mix(part, into: &h)
    return finished(h)
  }

  static func hash(_ a: String, _ b: String, _ c: String, _ d: String) -> UInt64 {
    var h = seed
    mix(a, into: &h)
    mix(b, into: &h)
    mix(c, into: &h)
    mix(d, into: &h)
    return finished(h)
  }

  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// FNV-1a over the part's bytes, then a separator byte, so ("ab", "c") is not ("a", "bc").
  @inline(__always)
  static func mix(_ part: String, into h: inout UInt64) {
    // Over the contiguous bytes (a native string's own, no copy): the same bytes in the same
    // order as its `utf8` view, without the view's per-byte checks.
    var text = part
    text.withUTF8 { mix(bytes: $0, into: &h) }
  }

  @inline(__always)
  static func mix(bytes: UnsafeBufferPointer<UInt8>, into h: inout UInt64) {
    var hash = h
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    h = (hash ^ 0x1F) &* 0x100_0000_01b3
  }

  /// One part's hash from its bytes: the same as ``hash(_:)-(String)`` of the same text.
  static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = seed
    mix(bytes: bytes, into: &h)
    return finished(h)
  }

  /// A final avalanche, so the table's low bits depend on every byte.
  @inline(__always)
  static func finished(_ hash: UInt64) -> UInt64 {
    var h = hash
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }
}
