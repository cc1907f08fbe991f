extension Contract {
  /// The contract's raw text by canonical column: what a canonical register CSV row holds.
  public var canonicalRow: [Column: String] {
    var row: [Column: String] = [
      .id: id, .service: service, .provider: provider, .department: department,
      .group: groups.joined(separator: ";"), .value: valueText, .valueUnit: valueUnitText,
      .start: startText, .end: endText, .extensionOptions: optionsText, .maxEnd: maxEndText,
      .originalEnd: originalEndText, .nextReview: nextReviewText,
      .procurementRoute: procurementRoute, .leadTime: leadTimeText, .source: source, .notes: notes,
      .commissioner: commissioner, .councilShare: councilShareText,
      .buyer: buyer, .cpv: cpvText, .buyerPostcode: buyerPostcode,
    ]
    // As written when the register has the column (a total's term lives there), else the basis
    // the value cell or its header stated.
    row[.valueBasis] =
      !valueBasisText.isEmpty
      ? valueBasisText : value.basis == .unknown ? "" : value.basis.rawValue
    return row
  }
}

extension RegisterLoader {
  /// A contract read from one row of canonical columns, as the loader would read it from CSV,
  /// with its diagnostics placed at `file`.
  ///
  /// With `location` (where the row came from: an OCDS release's line, a JSON contract's), each
  /// diagnostic is placed there and names the column it is about (`end: '31/09/2016' is not a
  /// date…`); without it, diagnostics keep their place in the one-row CSV the row is read as.
  ///
  /// - Throws: ``RegisterError/emptyRow(at:)`` when no cell holds any text.
  public static func contract(
    row: [Column: String], extra: [Contract.ExtraColumn] = [], council: CouncilRules, file: String,
    at location: SourceLocation? = nil
  ) throws(RegisterError) -> (Contract, [Diagnostic]) {
    // The required columns are always written: a row without an end is undated, not unreadable.
    let columns = Column.allCases.filter { row[$0] != nil || Column.required.contains($0) }
    var writer = CSVWriter()
    let headers = columns.map(\.rawValue) + extra.map(\.header)
    writer.row(headers)
    // Written as an export writes it: the loader trims cells but keeps what follows the `'` of a
    // neutralised one, so a leading tab or formula sign comes back as written.
    writer.row(columns.map { row[$0] ?? "" } + extra.map(\.value))
    let bytes = Array(writer.text.utf8)
    let register = try load(
      [RegisterInput(name: file, bytes: bytes)], council: council, name: file)
    // A row of empty cells is no contract (the loader passes over blank rows).
    guard let contract = register.contracts.first else {
      throw .emptyRow(at: location ?? SourceLocation(file: file, line: 2, column: 1))
    }
    guard let location else { return (contract, register.diagnostics) }
    let starts = cellStarts(bytes)
    let placed = register.diagnostics.map { diagnostic in
      var moved = diagnostic
      moved.location = location
      // The cell the diagnostic points into; the row's start, or a message about the row, means
      // the row as a whole.
      if let at = diagnostic.location, !(at.line == 2 && at.column == 1),
        let index = starts.lastIndex(where: { ($0.line, $0.column) <= (at.line, at.column) }),
        index < headers.count, !diagnostic.message.hasPrefix("row ")
      {
        moved.message = headers[index] + ": " + diagnostic.message
      }
      return moved
    }
    return (contract, placed)
  }

  /// Where each cell of a one-row CSV's data row starts (line and column, as the loader places
  /// diagnostics).
  static func cellStarts(_ bytes: [UInt8]) -> [(line: Int, column: Int)] {
    bytes.withUnsafeBufferPointer { buffer in
      do {
        var reader = try CSVReader(bytes: buffer)
        var fields: [CSVField] = []
        guard try reader.next(into: &fields), try reader.next(into: &fields) else { return [] }
        return fields.map { ($0.line, reader.column(of: $0)) }
      } catch {
        return []
      }
    }
  }
}
