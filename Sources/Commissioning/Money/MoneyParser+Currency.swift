/// Currencies in a value cell: `£`, `$`, `€` and ISO 4217 codes, kept and never converted.
extension MoneyParser {
  // MARK: - Currency

  /// ISO 4217 codes of currencies with pence-like minor units (two decimals) that registers meet.
  static let currencyCodes: [StaticString] = [
    "gbp", "usd", "eur", "chf", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "czk", "hkd",
    "sgd", "zar", "inr", "cny",
  ]

  static func isCurrencyCode(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    token.wordLength == 3 && DateParser.isWord(token, bytes, oneOf: currencyCodes)
  }

  /// The currency marked at token `i` (`£`, `$`, `US$`, `€`, `GBP`, `EUR`, …) and the index after
  /// it; `isCode` for an ISO code, which may also follow a figure (`500 USD`).
  static func currencyMark(_ tokens: [Token], _ i: Int, _ bytes: UnsafeBufferPointer<UInt8>)
    -> (code: String, next: Int, isCode: Bool)?
  {
    guard i < tokens.count else { return nil }
    let t = tokens[i]
    switch t.kind {
    case .punct(0xA3): return ("GBP", i + 1, false)
    case .punct(0xA4): return ("EUR", i + 1, false)
    case .punct(UInt8(ascii: "$")): return ("USD", i + 1, false)
    case .word:
      if DateParser.isWord(t, bytes, oneOf: ["us"]), i + 1 < tokens.count,
        tokens[i + 1].kind == .punct(UInt8(ascii: "$")), !tokens[i + 1].spaced
      {
        return ("USD", i + 2, false)
      }
      guard isCurrencyCode(t, bytes) else { return nil }
      var code = ""
      for k in t.start..<t.end { code.unicodeScalars.append(Unicode.Scalar(bytes[k] & ~0x20)) }
      return (code, i + 1, true)
    default: return nil
    }
  }
}
