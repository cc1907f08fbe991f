/// The value forms that fill real registers, read straight from the bytes.
extension MoneyParser {
  /// The reading of a cell in one of the forms most registers use, made with no tokens, arrays
  /// or strings but the note it owes: an optional `circa `, an optional `£`, digits (`1684122`)
  /// or thousands in groups of three (`1,684,122`), optional pence (`.5`, `.00`), an optional
  /// `k` or `m`, and after a `£` an optional ` (annual)` or ` per annum`; an empty cell. Nil
  /// for any other cell, and for a figure of £10 billion or more (the general path warns of it),
  /// which the caller then reads the general way.
  ///
  /// Every reading it gives is the general path's exactly, findings and all: MoneyFastPathTests
  /// compares the two, whole, on a table of the forms and their near misses and on thousands of
  /// generated cells.
  static func fastReading(_ bytes: UnsafeBufferPointer<UInt8>, unit: Int64) -> ValueReading? {
    var reading = ValueReading()
    guard !bytes.isEmpty else {
      reading.noValue = "no value given"
      return reading
    }
    var i = 0
    reading.isEstimate = bytes.hasPrefix("circa ", at: 0)
    if reading.isEstimate { i = 6 }
    let hasSign = bytes.hasPrefix("£", at: i)
    if hasSign { i += 2 }
    guard let (figure, multiplier) = fastFigure(bytes, &i),
      let pence = fastPence(figure, multiplier: multiplier, unit: unit)
    else { return nil }
    if hasSign, bytes.hasPrefix(" (annual)", at: i) || bytes.hasPrefix(" per annum", at: i) {
      i += bytes[i + 1] == UInt8(ascii: "(") ? 9 : 10
      reading.basis = .annual
    }
    guard i == bytes.count else { return nil }
    let money = Money(minorUnits: pence)
    reading.amount = money
    if reading.basis == .annual { reading.annual = money }
    if !hasSign && unit == 1 || reading.isEstimate {
      let raw = String(decoding: bytes, as: UTF8.self)
      if !hasSign && unit == 1 {
        reading.findings.append(
          Finding(.note, "\(quoted(raw)) has no currency sign; read as pounds"))
      }
      if reading.isEstimate {
        reading.findings.append(
          Finding(.note, "\(quoted(raw)) is an estimate; read \(money.formatted)"))
      }
    }
    return reading
  }

  /// The digits at `i`: the whole number (plain, or in groups of three after a first of one to
  /// three), pence of one or two digits, and a `k` or `m` directly after them; nil for anything
  /// else, or more digits than certainly fit.
  static func fastFigure(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int)
    -> (Figure, Int64)?
  {
    let n = bytes.count
    var figure = Figure(mantissa: 0)
    var digits = 0
    func run() -> Int {
      let start = i
      while i < n, TextScanner.isDigit(bytes[i]) {
        figure.mantissa = figure.mantissa &* 10 &+ Int64(bytes[i] &- 48)
        i += 1
      }
      digits += i - start
      return i - start
    }
    let first = run()
    guard first >= 1 else { return nil }
    if i < n, bytes[i] == UInt8(ascii: ",") {
      guard first <= 3 else { return nil }
      while i < n, bytes[i] == UInt8(ascii: ",") {
        i += 1
        guard run() == 3 else { return nil }
      }
    }
    if i < n, bytes[i] == UInt8(ascii: ".") {
      i += 1
      figure.decimals = run()
      guard figure.decimals >= 1, figure.decimals <= 2 else { return nil }
    }
    // At most 15 digits: the mantissa cannot overflow, and the pence are checked below.
    guard digits <= 15 else { return nil }
    var multiplier: Int64 = 1
    if i < n, bytes[i] | 0x20 == UInt8(ascii: "k") || bytes[i] | 0x20 == UInt8(ascii: "m") {
      multiplier = bytes[i] | 0x20 == UInt8(ascii: "k") ? 1000 : 1_000_000
      i += 1
    }
    // A letter, digit or mark straight after ('£5km', '£5.5.5', '£5,00'): not this form.
    guard i == n || bytes[i] == 0x20 else { return nil }
    return (figure, multiplier)
  }

  /// The figure in pence: exact, since pence of at most two digits divide a hundred; nil when a
  /// product overflows or the figure is one the general path warns of as implausible.
  static func fastPence(_ figure: Figure, multiplier: Int64, unit: Int64) -> Int64? {
    let perUnit: Int64 = figure.decimals == 0 ? 100 : figure.decimals == 1 ? 10 : 1
    let (a, o1) = figure.mantissa.multipliedReportingOverflow(by: perUnit)
    let (b, o2) = a.multipliedReportingOverflow(by: multiplier)
    let (pence, o3) = b.multipliedReportingOverflow(by: unit)
    guard !o1, !o2, !o3, pence >= 0, pence.magnitude < implausible else { return nil }
    return pence
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether `prefix`'s UTF-8 bytes are here from `offset` on.
  func hasPrefix(_ prefix: StaticString, at offset: Int) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard offset >= 0, offset + count <= self.count else { return false }
    let start = prefix.utf8Start
    for k in 0..<count where self[offset + k] != start[k] { return false }
    return true
  }
}
