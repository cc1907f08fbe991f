import Foundation

/// Foundation's JSON reader, with a one-line reason when a file is not JSON: where the text
/// goes wrong, that it ends too soon, or that it nests deeper than the reader follows.
enum JSONReading {
  /// Why the bytes are not JSON, as the middle of an error line: `not valid JSON near line 3,
  /// column 9`.
  struct Failure: Error, Equatable {
    var reason: String
  }

  /// The deepest nesting Foundation's reader follows; deeper is refused, not a crash.
  static let depthLimit = 512

  static func value(_ bytes: [UInt8]) throws(Failure) -> Any {
    do {
      return try JSONSerialization.jsonObject(with: Data(bytes), options: [])
    } catch {
      throw Failure(reason: reason(for: bytes, detail: (error as NSError).userInfo))
    }
  }

  static func reason(for bytes: [UInt8], detail: [String: Any]) -> String {
    guard bytes.contains(where: { $0 > 0x20 }) else { return "not valid JSON: the file is empty" }
    let text = detail[NSDebugDescriptionErrorKey] as? String ?? ""
    if text.contains("Too many nested") {
      return "not valid JSON: nested more than \(depthLimit) levels deep"
    }
    if text.contains("Unexpected end of file") {
      return "not valid JSON: the text ends before the JSON is complete"
    }
    // "Invalid value around character 15.": a byte offset, shown as a line and column.
    if let range = text.range(of: "around character ") {
      let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
      if let offset = Int(digits) {
        let (line, column) = position(of: min(offset, bytes.count), in: bytes)
        return "not valid JSON near line \(line), column \(column)"
      }
    }
    return "not valid JSON"
  }

  /// The 1-based line and column (in characters) of a byte offset.
  static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for b in bytes[..<offset] {
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}
