/// An amount of money in integer minor units (pence) and a currency.
///
/// Never a floating-point number: sums are exact and overflow is reported, not wrapped.
public struct Money: Hashable, Comparable, Sendable {
  /// Minor units: pence for GBP.
  public var minorUnits: Int64
  /// ISO 4217 code.
  public var currency: String

  public init(minorUnits: Int64, currency: String = "GBP") {
    self.minorUnits = minorUnits
    self.currency = currency
  }

  /// Whole pounds; the caller passes an amount that fits (at most about £92 million million).
  public init(pounds: Int64, currency: String = "GBP") {
    let (pence, overflow) = pounds.multipliedReportingOverflow(by: 100)
    self.init(minorUnits: overflow ? (pounds < 0 ? .min : .max) : pence, currency: currency)
  }

  public static let zero = Money(minorUnits: 0)

  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

  /// The sum, or `nil` when the currencies differ or the sum overflows.
  public func adding(_ other: Money) -> Money? {
    guard currency == other.currency else { return nil }
    let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
    return overflow ? nil : Money(minorUnits: sum, currency: currency)
  }

  /// `self × numerator ÷ denominator`, rounded half away from zero to the penny, or `nil` on
  /// overflow. Used for pro-rata costs, so the intermediate product is kept in 128 bits.
  public func scaled(by numerator: Int64, over denominator: Int64) -> Money? {
    guard denominator != 0 else { return nil }
    let product = minorUnits.multipliedFullWidth(by: numerator)
    let negative = (product.high < 0) != (denominator < 0)
    // Work on magnitudes to round half away from zero.
    let magnitude = Money.magnitude(high: product.high, low: product.low)
    let divisor = UInt64(denominator.magnitude)
    guard magnitude.high < divisor else { return nil }
    let (quotient, remainder) = divisor.dividingFullWidth((magnitude.high, magnitude.low))
    var rounded = quotient
    if remainder >= divisor - remainder {
      // The quotient can be UInt64.max itself: rounding up must not wrap or trap.
      let (up, overflow) = quotient.addingReportingOverflow(1)
      guard !overflow else { return nil }
      rounded = up
    }
    guard rounded <= UInt64(Int64.max) else { return nil }
    return Money(minorUnits: negative ? -Int64(rounded) : Int64(rounded), currency: currency)
  }

  private static func magnitude(high: Int64, low: UInt64) -> (high: UInt64, low: UInt64) {
    if high >= 0 { return (UInt64(high), low) }
    let notLow = ~low
    let (newLow, carry) = notLow.addingReportingOverflow(1)
    return (~UInt64(bitPattern: high) &+ (carry ? 1 : 0), newLow)
  }

  /// A plain decimal string with two places, as JSON carries money: `4852760.00`.
  public var decimalString: String {
    let negative = minorUnits < 0
    let magnitude = minorUnits.magnitude
    let pounds = magnitude / 100
    let pence = magnitude % 100
    return (negative ? "-" : "") + String(pounds) + "." + (pence < 10 ? "0" : "") + String(pence)
  }

  /// As a person reads it: `£4,852,760` when there are no pence, `£4,737,872.20` otherwise.
  public var formatted: String { formatted(alwaysShowPence: false) }

  /// `£4,852,760.00` style, or without pence when they are zero and `alwaysShowPence` is false.
  public func formatted(alwaysShowPence: Bool) -> String {
    let negative = minorUnits < 0
    let magnitude = minorUnits.magnitude
    let digits = String(magnitude / 100)
    var grouped = ""
    grouped.reserveCapacity(digits.utf8.count + digits.utf8.count / 3)
    for (index, ch) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(ch)
    }
    let pence = magnitude % 100
    let symbol = currency == "GBP" ? "£" : currency + " "
    var text = (negative ? "-" : "") + symbol + grouped
    if pence != 0 || alwaysShowPence { text += "." + (pence < 10 ? "0" : "") + String(pence) }
    return text
  }
}

extension Money: CustomStringConvertible {
  public var description: String { formatted }
}

extension Money {
  /// Reads a plain decimal like `1000000`, `4852760.00` or `-12.5` as pounds and pence.
  public init?(decimal text: String, currency: String = "GBP") {
    var negative = false
    var pounds: Int64 = 0
    var pence: Int64 = 0
    var decimals = -1
    var sawDigit = false
    for (index, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-") where index == 0: negative = true
      case UInt8(ascii: "."):
        guard decimals < 0 else { return nil }
        decimals = 0
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        sawDigit = true
        let digit = Int64(byte - 48)
        if decimals < 0 {
          let (times, o1) = pounds.multipliedReportingOverflow(by: 10)
          let (plus, o2) = times.addingReportingOverflow(digit)
          guard !o1, !o2 else { return nil }
          pounds = plus
        } else {
          decimals += 1
          guard decimals <= 2 else { return nil }
          pence = pence &* 10 &+ digit  // At most two digits: 99.
        }
      default: return nil
      }
    }
    guard sawDigit else { return nil }
    if decimals == 1 { pence *= 10 }
    let (scaled, o1) = pounds.multipliedReportingOverflow(by: 100)
    let (total, o2) = scaled.addingReportingOverflow(pence)
    guard !o1, !o2 else { return nil }
    self.init(minorUnits: negative ? -total : total, currency: currency)
  }
}
