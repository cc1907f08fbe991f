import Commissioning
import Foundation

/// `opportunities`' own flags, read and checked here so a slip is a usage error, not a quietly
/// different search.
public struct OpportunityFlags: Equatable, Sendable {
  public var cpvDigits: Int?
  public var window: Length?
  public var postcodeArea: String?
  public var buyer: String?

  public init() {}

  mutating func set(_ flag: String, _ text: String) throws(UsageError) {
    switch flag {
    case "--cpv-digits":
      guard let digits = Int(text), OpportunityOptions.cpvDigitsRange.contains(digits) else {
        throw UsageError(
          "the value '\(text)' is invalid for '--cpv-digits <n>'; use a number of CPV digits "
            + "from 2 (division) to 8, like 3 (group) or 4 (class)")
      }
      cpvDigits = digits
    case "--window":
      guard let length = LengthParser.parse(text), OpportunityFlags.windowFits(length) else {
        throw UsageError(
          "the value '\(text)' is invalid for '--window <length>'; use a length up to 10 years, "
            + "like 6m, 90 days or 1 year")
      }
      window = length
    case "--postcode-area":
      let letters = text.trimmingCharacters(in: .whitespaces)
      guard (1...2).contains(letters.count), letters.allSatisfy({ $0.isASCII && $0.isLetter })
      else {
        throw UsageError(
          "the value '\(text)' is invalid for '--postcode-area <letters>'; use the one or two "
            + "letters a postcode starts with, like ME or B")
      }
      postcodeArea = letters.uppercased()
    default:
      guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw UsageError(
          "'--buyer' needs a buyer's name, or part of one, like \"Medway Council\"")
      }
      buyer = text
    }
  }

  /// A window of at most ten years: longer is no longer "ending together".
  static func windowFits(_ length: Length) -> Bool {
    switch length {
    case .months(let months): return (0...120).contains(months)
    case .days(let days): return (0...3653).contains(days)
    }
  }

  static func example(_ flag: String) -> String {
    switch flag {
    case "--cpv-digits": return "4"
    case "--window": return "6m"
    case "--postcode-area": return "ME"
    default: return "\"Medway Council\""
    }
  }
}
