extension Contract {
  /// The contract's raw text by canonical column: what a canonical register CSV row holds.
  public var canonicalRow: [Column: String] {
    var row: [Column: String] = [
      .id: id, .service: service, .provider: provider, .department: department,
      .group: groups.joined(separator: ";"), .value: valueText, .valueUnit: valueUnitText,
      .start: startText, .end: endText, .extensionOptions: optionsText, .maxEnd: maxEndText,
      .originalEnd: originalEndText, .nextReview: nextReviewText,
      .procurementRoute: procurementRoute, .leadTime: leadTimeText, .source: source, .notes: notes,
    ]
    row[.valueBasis] = value.basis == .unknown ? "" : value.basis.rawValue
    return row
  }
}

extension RegisterLoader {
  /// A contract read from one row of canonical columns, as the loader would read it from CSV,
  /// with its diagnostics placed at `file`.
  ///
  /// - Throws: ``RegisterError`` only if the row cannot form a register (it always can when it
  ///   has `service` and `end`).
  public static func contract(
    row: [Column: String], extra: [Contract.ExtraColumn] = [], council: CouncilRules, file: String
  ) throws(RegisterError) -> (Contract, [Diagnostic]) {
    // The required columns are always written: a row without an end is undated, not unreadable.
    let columns = Column.allCases.filter { row[$0] != nil || Column.required.contains($0) }
    var writer = CSVWriter()
    writer.row(columns.map(\.rawValue) + extra.map(\.header))
    // Written as an export writes it: the loader trims cells but keeps what follows the `'` of a
    // neutralised one, so a leading tab or formula sign comes back as written.
    writer.row(columns.map { row[$0] ?? "" } + extra.map(\.value))
    let register = try load(
      [RegisterInput(name: file, bytes: Array(writer.text.utf8))], council: council, name: file)
    guard let contract = register.contracts.first else { throw .empty(file: file) }
    return (contract, register.diagnostics)
  }
}
