/// A canonical register CSV written a contract at a time, for imports too large to hold as a
/// ``Register`` (a `Contract` takes about 1.5 KB; its CSV row a tenth of that).
public struct CanonicalCSVStream {
  private var writer = CSVWriter()
  private let extraHeaders: [String]
  /// Each unknown column's position (a dictionary, not a search: a file may have 100k columns).
  private let slot: [String: Int]

  /// A CSV of every canonical column, then `extraHeaders`; the header is written at once.
  public init(extraHeaders: [String]) {
    self.extraHeaders = extraHeaders
    var slot: [String: Int] = [:]
    for (index, header) in extraHeaders.enumerated() where slot[header] == nil {
      slot[header] = index
    }
    self.slot = slot
    writer.row(Column.allCases.map(\.rawValue) + extraHeaders)
  }

  /// The CSV so far.
  public var text: String { writer.text }

  /// Appends the contract's row: its canonical cells, then its unknown columns' cells.
  public mutating func append(_ contract: Contract) {
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
    writer.row(cells)
  }
}
