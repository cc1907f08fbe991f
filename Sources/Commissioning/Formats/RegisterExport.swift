/// Writing a register back out: canonical CSV and JSON.
extension Register {
  /// The canonical register CSV of `contracts` (default: all): every canonical column, then
  /// the unknown columns the contracts carried, so an import of the export equals the register.
  /// Cells that a spreadsheet would run as formulas are neutralised with a leading `'`, which
  /// the loader removes again.
  public func canonicalCSV(_ contracts: [Contract]? = nil) -> String {
    var text = ""
    writeCanonicalCSV(contracts, to: &text)
    return text
  }

  /// The union of the contracts' unknown columns in first-seen order, and each one's position
  /// (a dictionary, not a search: a file may have 100k columns).
  static func extraHeaders(of contracts: [Contract]) -> (headers: [String], slot: [String: Int]) {
    var headers: [String] = []
    var slot: [String: Int] = [:]
    for contract in contracts {
      for extra in contract.extra where slot[extra.header] == nil {
        slot[extra.header] = headers.count
        headers.append(extra.header)
      }
    }
    return (headers, slot)
  }

  /// The register as JSON: each contract's raw and parsed values, and the diagnostics.
  ///
  /// `columns` is the header a canonical CSV export would have, and each contract's `asWritten`
  /// holds its non-empty canonical cells by column name, so `import --from json` reads the
  /// export back to an equal register (``RegisterJSONImport``).
  public func json(_ contracts: [Contract]? = nil) -> JSON {
    .object(streamed: jsonMembers(contracts ?? self.contracts))
  }

  /// Writes ``json(_:)`` to `target` a contract at a time, byte for byte as `json(_:).write`
  /// would: the whole document is never one tree or one string.
  public func writeJSON<Target: TextOutputStream>(
    _ contracts: [Contract]? = nil, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(contracts ?? self.contracts), to: &target)
  }

  /// Writes ``canonicalCSV(_:)`` to `target` a row at a time.
  public func writeCanonicalCSV<Target: TextOutputStream>(
    _ contracts: [Contract]? = nil, to target: inout Target
  ) {
    let list = contracts ?? self.contracts
    let stream = CanonicalCSVStream(
      extraHeaders: Register.extraHeaders(of: list).headers, writingHeader: false)
    stream.writeHeader(to: &target)
    for contract in list { stream.write(contract, to: &target) }
  }

  /// The register JSON's members, its two long arrays made an element at a time.
  func jsonMembers(_ list: [Contract]) -> [(String, JSON.Member)] {
    let columns = Column.allCases.map(\.rawValue) + Register.extraHeaders(of: list).headers
    let diagnostics = self.diagnostics
    return [
      ("register", .value(.string(name))),
      ("council", .value(.string(council.name))),
      ("columns", .value(.array(columns.map { .string($0) }))),
      ("contracts", .elements(count: list.count) { Register.contractJSON(list[$0]) }),
      (
        "diagnostics",
        .elements(count: diagnostics.count) { Register.diagnosticJSON(diagnostics[$0]) }
      ),
    ]
  }

  /// One contract of the register JSON.
  static func contractJSON(_ c: Contract) -> JSON {
    let row = c.canonicalRow
    return .object([
      ("id", .string(c.id)),
      ("service", .string(c.service)),
      (
        "provider",
        .object([
          ("raw", .string(c.provider)), ("names", .array(c.providers.map { .string($0) })),
        ])
      ),
      ("department", .string(c.department)),
      ("groups", .array(c.groups.map { .string($0) })),
      (
        "value",
        .object([
          ("raw", .string(c.valueText)),
          ("amount", .money(c.value.amount)),
          ("basis", .string(c.value.basis.rawValue)),
          ("annual", .money(c.annualValue)),
          ("annualAssumed", .bool(c.annualValueIsAssumed)),
          ("estimate", .bool(c.value.isEstimate)),
          ("noValue", .string(c.value.noValue)),
        ])
      ),
      ("start", Register.dateJSON(c.startText, c.start)),
      ("end", Register.dateJSON(c.endText, c.end)),
      (
        "extensionOptions",
        .object([
          ("raw", .string(c.optionsText)),
          ("periods", .array((c.allOptions?.periods ?? []).map { .string($0.description) })),
        ])
      ),
      ("maximumExtent", .day(c.maximumExtent)),
      ("originalEnd", .day(c.originalEnd)),
      ("nextReview", Register.dateJSON(c.nextReviewText, c.nextReview)),
      ("procurementRoute", .string(c.procurementRoute)),
      ("leadTime", .string(c.leadTime?.description)),
      ("source", .string(c.source)),
      ("notes", .string(c.notes)),
      ("extra", .object(c.extra.map { ($0.header, .string($0.value)) })),
      ("location", .string(c.location.description)),
      (
        "asWritten",
        .object(
          Column.allCases.compactMap { column in
            row[column].flatMap { $0.isEmpty ? nil : (column.rawValue, .string($0)) }
          })
      ),
    ])
  }

  /// One diagnostic of the register JSON.
  static func diagnosticJSON(_ d: Diagnostic) -> JSON {
    .object([
      ("file", .string(d.location?.file)),
      ("line", d.location.map { .int($0.line) } ?? .null),
      ("column", d.location.map { .int($0.column) } ?? .null),
      ("severity", .string(d.severity.rawValue)),
      ("message", .string(d.message)),
    ])
  }

  static func dateJSON(_ raw: String, _ reading: DateReading) -> JSON {
    .object([
      ("raw", .string(raw)),
      ("date", .day(reading.day)),
      ("precision", reading.day == nil ? .null : .string(reading.precision.rawValue)),
      ("undated", .string(reading.undated?.reason)),
    ])
  }
}
