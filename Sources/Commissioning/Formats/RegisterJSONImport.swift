import Foundation

/// Reads a register back from its own JSON export (`commission export --format json`).
///
/// Each contract's `asWritten` object holds its canonical cells as written; its `extra` object
/// holds the unknown columns, ordered as the export's `columns` list orders them (a JSON object's
/// keys have no order of their own). The parsed values beside them are ignored: they are
/// recomputed on loading, so a hand-edited `asWritten` cell is read like a CSV cell.
public enum RegisterJSONImport {
  /// One contract's cells, ready for ``RegisterLoader/contract(row:extra:council:file:)``.
  public struct Row: Equatable, Sendable {
    public var cells: [Column: String]
    public var extra: [Contract.ExtraColumn]
    /// Where the contract's `asWritten` key stands in the file, for its diagnostics.
    public var location: SourceLocation
  }

  /// Reads the contracts of a register JSON export.
  ///
  /// - Throws: ``OCDSImport/ImportError`` when the file is not JSON, is not a register export,
  ///   or a contract's cells are not text.
  public static func read(_ bytes: [UInt8], file: String) throws(OCDSImport.ImportError) -> [Row] {
    var rows: [Row] = []
    try read(bytes, file: file, begin: { _ in }, each: { rows.append($0) })
    return rows
  }

  /// Reads the contracts one at a time, each handed to `each` as it is read, so memory stays
  /// near the file's size however many there are (Foundation's reader of the whole file took
  /// about 20 times it).
  ///
  /// - Parameters:
  ///   - begin: called once before the first contract with the unknown columns of them all,
  ///     in the order a canonical CSV of them has (``Register/canonicalCSV(_:)``), for a header.
  ///   - each: called with each contract in order.
  /// - Throws: ``OCDSImport/ImportError`` as ``read(_:file:)`` does, or what `each` throws.
  /// - Complexity: O(bytes); the file is scanned three times and each contract read once.
  public static func read(
    _ bytes: [UInt8], file: String, begin: ([String]) throws(OCDSImport.ImportError) -> Void,
    each: (Row) throws(OCDSImport.ImportError) -> Void
  ) throws(OCDSImport.ImportError) {
    try bytes.withUnsafeBufferPointer { (buffer) throws(OCDSImport.ImportError) in
      let document = try Document(buffer, file: file)
      try begin(document.extraHeaders())
      var scanner = JSONScanner(buffer, range: document.contracts)
      var lines = LineCounter()
      var number = 0
      do {
        try scanner.beginArray()
        while let element = try scanner.nextElement() {
          number += 1
          try each(document.row(element, number: number, lines: &lines))
        }
      } catch let problem as JSONScanner.Problem {
        throw document.failure(JSONReading.reason(for: problem, in: buffer))
      } catch let error as OCDSImport.ImportError {
        throw error
      } catch {
        throw document.failure("\(error)")
      }
    }
  }

  /// A register export checked as JSON, with where its contracts are and its column order.
  struct Document {
    let buffer: UnsafeBufferPointer<UInt8>
    let file: String
    /// The byte range of the `contracts` array.
    var contracts: Range<Int> = 0..<0
    /// The export's column order, which decides the order of each contract's unknown columns.
    var order: [String: Int] = [:]

    init(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws(OCDSImport.ImportError) {
      self.buffer = buffer
      self.file = file
      var columns: Range<Int>?
      var found: Range<Int>?
      do throws(JSONScanner.Problem) {
        var whole = JSONScanner(buffer)
        _ = try whole.value()
        if whole.peek() != nil { throw .invalid(offset: whole.position) }
        var top = JSONScanner(buffer)
        if top.peek() == UInt8(ascii: "{") {
          try top.beginObject()
          while let member = try top.nextMember() {
            if top.key(member.key, is: "contracts") { found = member.value }
            if top.key(member.key, is: "columns") { columns = member.value }
          }
        }
      } catch {
        throw failure(JSONReading.reason(for: error, in: buffer))
      }
      guard let found, buffer[found.lowerBound] == UInt8(ascii: "[") else {
        throw failure(
          "not a register export: expected an object with a 'contracts' array (commission export --format json)"
        )
      }
      contracts = found
      if let columns, let names = try? JSONReading.value(buffer, columns) as? [Any] {
        for (index, name) in names.enumerated() {
          if let name = name as? String, order[name] == nil { order[name] = index }
        }
      }
    }

    func failure(_ message: String) -> OCDSImport.ImportError {
      OCDSImport.ImportError(message: "\(file): error: \(message)")
    }

    /// The contracts' unknown columns, each contract's sorted by the export's order, the union
    /// in first-seen order. A malformed `extra` is passed over here; reading the row refuses it.
    func extraHeaders() -> [String] {
      var headers: [String] = []
      var seen: Set<String> = []
      var scanner = JSONScanner(buffer, range: contracts)
      try? scanner.beginArray()
      while let element = try? scanner.nextElement() {
        guard let range = member("extra", of: element)?.value,
          buffer[range.lowerBound] == UInt8(ascii: "{"), range.count > 2,
          let extras = try? JSONReading.value(buffer, range) as? [String: Any]
        else { continue }
        let names = extras.compactMap { header, value in
          (value as? String).flatMap { $0.isEmpty ? nil : header }
        }
        for header in sorted(names) where seen.insert(header).inserted { headers.append(header) }
      }
      return headers
    }

    /// Unknown columns in the export's order, then by name.
    func sorted(_ headers: [String]) -> [String] {
      headers.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
    }

    /// The first member named `name` of the object at `range`, if it is one.
    func member(_ name: StaticString, of range: Range<Int>) -> (
      key: Range<Int>, value: Range<Int>
    )? {
      var scanner = JSONScanner(buffer, range: range)
      guard scanner.peek() == UInt8(ascii: "{"), (try? scanner.beginObject()) != nil else {
        return nil
      }
      while let member = try? scanner.nextMember() {
        if scanner.key(member.key, is: name) { return member }
      }
      return nil
    }

    /// One contract's cells from its element of the `contracts` array.
    func row(_ element: Range<Int>, number: Int, lines: inout LineCounter)
      throws(OCDSImport.ImportError) -> Row
    {
      let item: Any
      do {
        item = try JSONReading.value(buffer, element)
      } catch {
        throw failure(error.reason)
      }
      guard let contract = item as? [String: Any], let written = contract["asWritten"] else {
        throw failure("contract \(number) has no 'asWritten' object")
      }
      guard let cells = written as? [String: Any] else {
        throw failure("contract \(number): 'asWritten' must be an object of column names to text")
      }
      var row: [Column: String] = [:]
      for (name, value) in cells {
        guard let column = Column(rawValue: name) else {
          throw failure(
            "contract \(number): 'asWritten' names '\(name)', which is not a canonical column")
        }
        guard let text = value as? String else {
          throw failure("contract \(number): '\(name)' must be text, as written in the register")
        }
        row[column] = text
      }
      let extra = try extraColumns(contract["extra"], number: number)
      // The `asWritten` key's place (its opening quote) is the contract's, for its diagnostics.
      let key = member("asWritten", of: element)?.key.lowerBound ?? 1
      let (line, column) = lines.position(of: key - 1, in: buffer)
      return Row(
        cells: row, extra: extra, location: SourceLocation(file: file, line: line, column: column))
    }

    func extraColumns(_ value: Any?, number: Int) throws(OCDSImport.ImportError)
      -> [Contract.ExtraColumn]
    {
      guard let value else { return [] }
      guard let extras = value as? [String: Any] else {
        throw failure("contract \(number): 'extra' must be an object of column names to text")
      }
      var extra: [Contract.ExtraColumn] = []
      for (header, value) in extras {
        guard let text = value as? String else {
          throw failure("contract \(number): extra column '\(header)' must be text")
        }
        // An empty unknown cell carries nothing, as in a CSV register.
        if !text.isEmpty { extra.append(Contract.ExtraColumn(header: header, value: text)) }
      }
      return extra.sorted {
        (order[$0.header] ?? .max, $0.header) < (order[$1.header] ?? .max, $1.header)
      }
    }
  }
}
