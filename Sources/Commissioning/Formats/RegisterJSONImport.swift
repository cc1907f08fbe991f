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
    func failure(_ message: String) -> OCDSImport.ImportError {
      OCDSImport.ImportError(message: "\(file): error: \(message)")
    }
    let document: Any
    do {
      document = try JSONReading.value(bytes)
    } catch {
      throw failure(error.reason)
    }
    guard let object = document as? [String: Any], let contracts = object["contracts"] as? [Any]
    else {
      throw failure(
        "not a register export: expected an object with a 'contracts' array (commission export --format json)"
      )
    }
    // The export's column order decides the order of each contract's unknown columns.
    var order: [String: Int] = [:]
    for (index, name) in ((object["columns"] as? [Any]) ?? []).enumerated() {
      if let name = name as? String, order[name] == nil { order[name] = index }
    }
    // Foundation's reader gives no positions; the `asWritten` keys, in order, give each
    // contract's line (or line 1, if the file has them anywhere else too).
    var keys = keyPositions(of: "asWritten", in: bytes)
    if keys.count != contracts.count { keys = Array(repeating: (1, 1), count: contracts.count) }
    var rows: [Row] = []
    rows.reserveCapacity(contracts.count)
    for (index, item) in contracts.enumerated() {
      let number = index + 1
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
      var extra: [Contract.ExtraColumn] = []
      if let extras = contract["extra"] {
        guard let extras = extras as? [String: Any] else {
          throw failure("contract \(number): 'extra' must be an object of column names to text")
        }
        for (header, value) in extras {
          guard let text = value as? String else {
            throw failure("contract \(number): extra column '\(header)' must be text")
          }
          // An empty unknown cell carries nothing, as in a CSV register.
          if !text.isEmpty { extra.append(Contract.ExtraColumn(header: header, value: text)) }
        }
        extra.sort {
          (order[$0.header] ?? .max, $0.header) < (order[$1.header] ?? .max, $1.header)
        }
      }
      rows.append(
        Row(
          cells: row, extra: extra,
          location: SourceLocation(file: file, line: keys[index].line, column: keys[index].column)
        ))
    }
    return rows
  }

  /// The line and column of each `"key":` outside strings, in order.
  static func keyPositions(of key: String, in bytes: [UInt8]) -> [(line: Int, column: Int)] {
    let token = Array("\"\(key)\"".utf8)
    var found: [(line: Int, column: Int)] = []
    var line = 1
    var lineStart = 0
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
        lineStart = i + 1
        i += 1
      } else if b == UInt8(ascii: "\"") {
        let start = i
        // To the string's closing quote, past escapes.
        i += 1
        while i < n, bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
        i += 1
        guard i - start == token.count, bytes[start..<min(i, n)].elementsEqual(token) else {
          continue
        }
        var j = i
        while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D || bytes[j] == 0x0A {
          j += 1
        }
        if j < n, bytes[j] == UInt8(ascii: ":") {
          // Columns count characters: UTF-8 continuation bytes do not start one.
          let column = 1 + bytes[lineStart..<start].filter { $0 & 0xC0 != 0x80 }.count
          found.append((line, column))
        }
      } else {
        i += 1
      }
    }
    return found
  }
}
