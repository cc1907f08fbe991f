/// A canonical register CSV written a contract at a time, for imports too large to hold as a
/// ``Register`` (a `Contract` takes about 1.5 KB; its CSV row a tenth of that).
public struct CanonicalCSVStream {
  private var writer = CSVWriter()
  private let extraHeaders: [String]
  /// Each unknown column's position (a dictionary, not a search: a file may have 100k columns).
  private let slot: [String: Int]

  /// A CSV of every canonical column, then `extraHeaders`; the header is written at once
  /// into ``text`` unless `writingHeader` is false (for ``writeHeader(to:)``).
  public init(extraHeaders: [String], writingHeader: Bool = true) {
    self.extraHeaders = extraHeaders
    var slot: [String: Int] = [:]
    for (index, header) in extraHeaders.enumerated() where slot[header] == nil {
      slot[header] = index
    }
    self.slot = slot
    if writingHeader { writer.row(header) }
  }

  /// The CSV so far.
  public var text: String { writer.text }

  /// Every canonical column, then the unknown ones.
  var header: [String] { Column.allCases.map(\.rawValue) + extraHeaders }

  /// Appends the contract's row to ``text``.
  public mutating func append(_ contract: Contract) { writer.row(cells(contract)) }

  /// Writes the header line to `target`, as ``init(extraHeaders:writingHeader:)`` puts it in
  /// ``text``.
  public func writeHeader<Target: TextOutputStream>(to target: inout Target) {
    var line = ""
    CSVWriter.append(header.map { .text($0) }, to: &line)
    target.write(line)
  }

  /// Writes the contract's row to `target` (one `write` a row), not keeping it in ``text``.
  public func write<Target: TextOutputStream>(_ contract: Contract, to target: inout Target) {
    var line = ""
    CSVWriter.append(cells(contract).map { .text($0) }, to: &line)
    target.write(line)
  }

  /// The contract's canonical cells, then its unknown columns' cells.
  func cells(_ contract: Contract) -> [String] {
    let row = contract.canonicalRow
    var cells = Column.allCases.map { row[$0] ?? "" }
    if !extraHeaders.isEmpty {
      var extras = [String](repeating: "", count: extraHeaders.count)
      // The first value for a header wins, as before.
      for extra in contract.extra.reversed() {
        if let at = slot[extra.header] { extras[at] = extra.value }
      }
      cells += extras
    }
    return cells
  }
}
