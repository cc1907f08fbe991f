/// What the council pays of a contract's value (`council_share`): an amount with its basis, or a
/// percentage. Young Healthy Minds' £4,737,872.20 is jointly funded; the council pays £882,000 a
/// year of it from the public health grant (003 l.689), so its cost to the council is that share.
public enum CouncilShare: Hashable, Sendable {
  /// An amount as the money reader reads it: annual (`£882,000 pa`), a total over a term, or of
  /// unknown basis (treated as annual, as a value is).
  case amount(ValueReading)
  /// Hundredths of a percent: `50%` is 5000, `12.5%` is 1250.
  case percent(basisPoints: Int)

  /// The council's share of a year of the contract whose annual value is `annual`; `nil` when
  /// it cannot be put in pounds a year (a total with no term, another currency).
  public func annualShare(of annual: Money?, termMonths: Int? = nil, termDays: Int? = nil)
    -> Money?
  {
    switch self {
    case .percent(let points):
      return annual.flatMap { $0.scaled(by: Int64(points), over: 10_000) }
    case .amount(let reading):
      guard reading.isInPounds else { return nil }
      if let yearly = reading.annual { return yearly }
      guard let amount = reading.amount else { return nil }
      switch (reading.basis, reading.term) {
      case (.total, .months(let m)?) where m > 0: return amount.scaled(by: 12, over: Int64(m))
      case (.total, .days(let d)?) where d > 0: return amount.scaled(by: 365, over: Int64(d))
      case (.total, nil):
        // A total share with no term of its own is spread over the contract's, as its value is.
        if let m = termMonths, m > 0 { return amount.scaled(by: 12, over: Int64(m)) }
        if let d = termDays, d > 0 { return amount.scaled(by: 365, over: Int64(d)) }
        return nil
      case (.total, _): return nil
      default: return amount
      }
    }
  }

  /// A percentage as written (`50%`, `12.5 %`, `33.33 per cent`), in hundredths of a percent,
  /// or `nil` when the text is not one. At most two decimal places.
  static func percent(_ text: String) -> Int? {
    var bytes = Array(text.utf8)
    while let last = bytes.last, last == 0x20 { bytes.removeLast() }
    let lower = String(decoding: bytes, as: UTF8.self).lowercased()
    var number: Substring
    if lower.hasSuffix("%") {
      number = lower.dropLast()
    } else if let range = lower.range(of: "per cent") ?? lower.range(of: "percent"),
      range.upperBound == lower.endIndex
    {
      number = lower[..<range.lowerBound]
    } else {
      return nil
    }
    number = number.drop { $0 == " " }
    while number.last == " " { number = number.dropLast() }
    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
      parts[0].allSatisfy(\.isASCIIDigit), let whole = Int(parts[0])
    else { return nil }
    var fraction = 0
    if parts.count == 2 {
      let digits = parts[1]
      guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
      fraction = (Int(digits) ?? 0) * (digits.count == 1 ? 10 : 1)
    }
    return whole * 100 + fraction
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

extension RowReading {
  /// `council_share`: a percentage of the value, or an amount read as a value is; what cannot
  /// be read is warned of and the council is taken to pay the whole.
  mutating func readCouncilShare() -> CouncilShare? {
    let written = text(.councilShare)
    guard !written.isEmpty else { return nil }
    if let points = CouncilShare.percent(written) {
      guard points <= 10_000 else {
        note(
          [Finding(.warning, "council share \(quoted(written)) is over 100%; ignored")],
          .councilShare)
        return nil
      }
      return .percent(basisPoints: points)
    }
    var reading = MoneyParser.parse(written)
    note(reading.findings, .councilShare)
    reading.findings = []
    guard let amount = reading.amount, reading.isInPounds, amount >= .zero else {
      note(
        [
          Finding(
            .warning,
            "council share \(quoted(written)) is not an amount in pounds of zero or more, or a percentage; the council is taken to pay all of the value"
          )
        ], .councilShare)
      return nil
    }
    return .amount(reading)
  }
}

extension Contract {
  /// The council's share a year, spread over the contract's term where it is a total.
  public var councilAnnualShare: Money? {
    councilShare?.annualShare(of: annualValue, termMonths: termMonths, termDays: termDays)
  }
}

extension RowReading {
  /// A share the council pays that cannot be put in pounds a year, or is more than the whole,
  /// is said: the council's cost is then unknown, or not what the register means.
  mutating func noteCouncilShare(_ contract: Contract) {
    guard let share = contract.councilShare else { return }
    guard let yearly = contract.councilAnnualShare else {
      note(
        [
          Finding(
            .warning,
            "council share \(quoted(contract.councilShareText)) cannot be made a year's (no term to spread it over, or no value); the council's cost is unknown"
          )
        ], .councilShare)
      return
    }
    if case .amount = share, let whole = contract.annualValue, yearly > whole {
      note(
        [
          Finding(
            .warning,
            "council share \(yearly.formatted) a year is more than the contract's \(whole.formatted) a year"
          )
        ], .councilShare)
    }
  }
}
