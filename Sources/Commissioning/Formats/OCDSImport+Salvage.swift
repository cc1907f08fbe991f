import Foundation

/// The salvage rules of an OCDS import: a value that cannot be read as it stands is either read
/// with a note saying how, or left empty with a warning naming the field and the text.
extension OCDSImport {
  /// Marks a number given as an `amount` after it has been rewritten as a string, so its
  /// decimal text reaches ``pence(_:)`` as written (Foundation would hand over a Double).
  static let numberMark = "\u{E000}"

  /// The bytes of a release with every numeric `amount` member rewritten as a marked string:
  /// rounding is then done on the decimal text, and a number no Double holds (`1e400`) no
  /// longer stops Foundation reading the release. Nil when the release has no numeric amount.
  static func markingAmounts(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> [UInt8]?
  {
    var numbers: [Range<Int>] = []
    collectAmounts(buffer, range, into: &numbers, depth: 0)
    guard !numbers.isEmpty else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(range.count + numbers.count * 5)
    var copied = range.lowerBound
    for number in numbers {
      out.append(contentsOf: buffer[copied..<number.lowerBound])
      out.append(UInt8(ascii: "\""))
      out.append(contentsOf: numberMark.utf8)
      out.append(contentsOf: buffer[number])
      out.append(UInt8(ascii: "\""))
      copied = number.upperBound
    }
    out.append(contentsOf: buffer[copied..<range.upperBound])
    return out
  }

  /// The ranges of numeric `amount` members in a checked JSON value, in order.
  private static func collectAmounts(
    _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into numbers: inout [Range<Int>],
    depth: Int
  ) {
    guard depth < JSONReading.depthLimit, let first = range.first.map({ buffer[$0] }) else {
      return
    }
    var scanner = JSONScanner(buffer, range: range)
    do throws(JSONScanner.Problem) {
      if first == UInt8(ascii: "{") {
        try scanner.beginObject()
        while let member = try scanner.nextMember() {
          let head = buffer[member.value.lowerBound]
          if head == UInt8(ascii: "-") || (0x30...0x39).contains(head) {
            if scanner.key(member.key, is: "amount") { numbers.append(member.value) }
          } else {
            collectAmounts(buffer, member.value, into: &numbers, depth: depth + 1)
          }
        }
      } else if first == UInt8(ascii: "[") {
        try scanner.beginArray()
        while let element = try scanner.nextElement() {
          collectAmounts(buffer, element, into: &numbers, depth: depth + 1)
        }
      }
    } catch {
      return
    }
  }

  /// A decimal number's text in pence, rounded half away from zero on the text itself; nil
  /// when it is not a decimal number or its size is at or beyond ``amountLimit``.
  static func pence(_ text: Substring) -> (pence: Int64, rounded: Bool)? {
    var bytes = Array(text.utf8)[...]
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { bytes = bytes.dropFirst() }
    var digits: [UInt8] = []
    var point: Int?
    var exponent = 0
    while let b = bytes.first {
      if (0x30...0x39).contains(b) {
        digits.append(b - 0x30)
      } else if b == UInt8(ascii: "."), point == nil {
        point = digits.count
      } else {
        break
      }
      bytes = bytes.dropFirst()
    }
    if let e = bytes.first, e | 0x20 == UInt8(ascii: "e") {
      guard let value = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)) else { return nil }
      exponent = max(-100_000, min(100_000, value))
    } else if !bytes.isEmpty {
      return nil
    }
    guard !digits.isEmpty else { return nil }
    // The digits before the point, once the point moves two places right (pounds to pence).
    let whole = (point ?? digits.count) + exponent + 2
    var value: Int64 = 0
    for index in 0..<max(0, min(whole, digits.count)) {
      value = value * 10 + Int64(digits[index])
      if value >= amountLimit { return nil }
    }
    if whole > digits.count {
      for _ in digits.count..<whole {
        guard value < amountLimit / 10 || value == 0 else { return nil }
        value *= 10
      }
      if value >= amountLimit { return nil }
    }
    let dropped = whole < 0 ? digits[...] : digits.dropFirst(whole)
    let rounded = dropped.contains { $0 != 0 }
    if whole >= 0, let next = dropped.first, next >= 5 { value += 1 }
    if value >= amountLimit { return nil }
    return (negative ? -value : value, rounded)
  }

  /// The pence at and beyond which an amount is refused: £9 quadrillion, far above any
  /// contract, and far enough below Int64's reach that totals of many cannot overflow.
  static let amountLimit: Int64 = 900_000_000_000_000_000

  /// A contract's value from its OCDS `value` object: pence and currency, with a note when
  /// the figure was rounded, given as text or its currency assumed, or a warning when it is
  /// left empty.
  static func money(
    _ value: [String: Any], id: String, at: SourceLocation, diagnostics: inout [Diagnostic]
  ) -> Money? {
    guard let amount = value["amount"] else { return nil }
    let raw: String
    var fromText = false
    if let string = amount as? String, string.hasPrefix(numberMark) {
      raw = String(string.dropFirst())
    } else if let string = amount as? String {
      raw = string
      fromText = true
    } else {
      let shown = amount is NSNull ? "null" : "\(amount)"
      diagnostics.append(
        Diagnostic(.warning, "\(id): amount: \(shown) is not a number; left empty", at: at))
      return nil
    }
    guard let (pence, rounded) = pence(fromText ? moneyText(raw) : raw[...]) else {
      let why = fromText ? "is not an amount of money" : "is too large to be a contract's value"
      diagnostics.append(Diagnostic(.warning, "\(id): amount: '\(raw)' \(why); left empty", at: at))
      return nil
    }
    let currency = self.currency(value["currency"], id: id, at: at, diagnostics: &diagnostics)
    let money = Money(minorUnits: pence, currency: currency)
    let shown = money.formatted(alwaysShowPence: true)
    if fromText {
      diagnostics.append(
        Diagnostic(.note, "\(id): amount given as text '\(raw)'; read as \(shown)", at: at))
    } else if rounded {
      let verb = pence == 0 ? "rounds to" : "rounded to the penny:"
      diagnostics.append(Diagnostic(.note, "\(id): amount: '\(raw)' \(verb) \(shown)", at: at))
    }
    return money
  }

  /// A text amount as a number: `£1,000.50` reads as `1000.50`; anything else stays as it is,
  /// so ``pence(_:)`` refuses it.
  static func moneyText(_ text: String) -> Substring {
    var trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
    if trimmed.hasPrefix("£") { trimmed = trimmed.dropFirst() }
    let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
    let grouped =
      groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 }
      && (1...3).contains(groups[0].count)
    guard grouped else { return trimmed }
    return Substring(groups.joined() + (parts.count > 1 ? "." + parts[1] : ""))
  }

  /// The value's currency: missing or null read as GBP, lower case read as upper, each noted.
  static func currency(
    _ value: Any?, id: String, at: SourceLocation, diagnostics: inout [Diagnostic]
  ) -> String {
    guard let text = value as? String, !text.isEmpty else {
      diagnostics.append(Diagnostic(.note, "\(id): no currency given; read as GBP", at: at))
      return "GBP"
    }
    let upper = text.uppercased()
    if upper != text {
      diagnostics.append(
        Diagnostic(.note, "\(id): currency '\(text)' read as \(upper)", at: at))
    }
    return upper
  }
}

extension OCDSImport {
  /// Whether an amount's text is exactly nought (not a sub-penny figure rounded to £0.00).
  static func isZeroText(_ amount: Any) -> Bool {
    guard let string = amount as? String else { return false }
    let text = string.hasPrefix(numberMark) ? Substring(string.dropFirst()) : moneyText(string)
    return pence(text).map { $0.pence == 0 && !$0.rounded } ?? false
  }
}
