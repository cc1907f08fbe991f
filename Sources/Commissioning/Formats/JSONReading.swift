import Foundation

/// Foundation's JSON reader, with a one-line reason when a file is not JSON: where the text
/// goes wrong, that it ends too soon, or that it nests deeper than the reader follows.
enum JSONReading {
  /// Why the bytes are not JSON, as the middle of an error line: `not valid JSON near line 3,
  /// column 9`.
  struct Failure: Error, Equatable {
    var reason: String
    /// Where the text goes wrong, when it is known (in a value read from a larger file).
    var line: Int? = nil
    var column: Int? = nil
  }

  /// A JSON whole number, or `nil`: Foundation bridges `true` and `false` to 1 and 0, and a
  /// number written with a fraction or exponent (`1.0`, `1e18`) to a double that `as? Int`
  /// also accepts, so the number's stored type is checked (`c` is a boolean, `d` and `f`
  /// doubles) before it counts as a count of days or a version.
  static func wholeNumber(_ value: Any) -> Int? {
    guard let number = value as? NSNumber else { return nil }
    guard !["c", "B", "d", "f"].contains(String(cString: number.objCType)) else { return nil }
    return value as? Int
  }

  /// Whether a JSON value is `true` or `false` (which `as? NSNumber` also accepts).
  static func isBoolean(_ value: Any) -> Bool {
    guard let number = value as? NSNumber else { return false }
    return ["c", "B"].contains(String(cString: number.objCType))
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

  /// One value, a byte range of a larger file that ``JSONScanner`` found, read by Foundation: a
  /// failure names its place in the whole file.
  static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(Failure) -> Any
  {
    do {
      return try JSONSerialization.jsonObject(
        with: Data(UnsafeBufferPointer(rebasing: bytes[range])), options: [.fragmentsAllowed])
    } catch {
      let offset = characterOffset((error as NSError).userInfo) ?? 0
      var lines = LineCounter()
      let (line, column) = lines.position(of: range.lowerBound + offset, in: bytes)
      throw Failure(
        reason: "not valid JSON near line \(line), column \(column)", line: line, column: column)
    }
  }

  /// The scanner's problem, placed where the text goes wrong (not placed when it ends too soon
  /// or nests too deep).
  static func failure(_ problem: JSONScanner.Problem, in bytes: UnsafeBufferPointer<UInt8>)
    -> Failure
  {
    guard case .invalid(let offset) = problem else {
      return Failure(reason: reason(for: problem, in: bytes))
    }
    var lines = LineCounter()
    let (line, column) = lines.position(of: offset, in: bytes)
    return Failure(reason: reason(for: problem, in: bytes), line: line, column: column)
  }

  /// The scanner's problem in the words Foundation's failures get here.
  static func reason(for problem: JSONScanner.Problem, in bytes: UnsafeBufferPointer<UInt8>)
    -> String
  {
    guard bytes.contains(where: { $0 > 0x20 }) else { return blankReason(bytes.contains(0)) }
    switch problem {
    case .endsEarly: return "not valid JSON: the text ends before the JSON is complete"
    case .tooDeep: return "not valid JSON: nested more than \(depthLimit) levels deep"
    case .invalid(let offset):
      var lines = LineCounter()
      let (line, column) = lines.position(of: offset, in: bytes)
      return "not valid JSON near line \(line), column \(column)"
    }
  }

  /// Why a file with nothing above a space is not JSON: empty, or only NUL bytes.
  static func blankReason(_ hasNUL: Bool) -> String {
    hasNUL
      ? "not valid JSON: the file holds only NUL bytes; it is not text"
      : "not valid JSON: the file is empty"
  }

  /// The byte offset in Foundation's "Invalid value around character 15.", if it gives one.
  static func characterOffset(_ detail: [String: Any]) -> Int? {
    let text = detail[NSDebugDescriptionErrorKey] as? String ?? ""
    guard let range = text.range(of: "around character ") else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
  }

  static func reason(for bytes: [UInt8], detail: [String: Any]) -> String {
    guard bytes.contains(where: { $0 > 0x20 }) else { return blankReason(bytes.contains(0)) }
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
