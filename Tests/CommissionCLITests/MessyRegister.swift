import Foundation

/// A register of a few thousand messy rows, the same on every run: the Kent register's mix of
/// day-first, month-only, quarter and undated ends, values in words, other currencies and
/// totals, and names with commas, quotes, line breaks, control characters, markup, wide and
/// combining characters, so a streamed writer meets every kind of cell it must escape.
struct MessyRegister {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// SplitMix64, as the benchmark's generator: the same numbers on every platform.
  private mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  private mutating func pick(_ items: [String]) -> String { items[below(items.count)] }

  static let header = [
    "id", "service", "provider", "department", "group", "value", "value_basis", "start", "end",
    "extension_options", "max_end", "notes",
  ]

  static let services = [
    "Health Visiting", "School Public Health, Kent", "Young \"Carers\"", "Family\nMediation",
    "Day services\r\nEast", "=SUM(A1:A9)", "Home Care \u{1B}[31mred\u{1B}[0m", "Café Crème",
    "儿童服务 Children's services", "Advocacy 👩‍👩‍👧 families", "Tabs\tand\tmore",
    "Supported Accommodation for Young People Leaving Care and Care Leavers in West Kent",
    "A < B & C > D", "e\u{301}tude",
  ]
  static let providers = [
    "KCHFT", "Kent Community Health Foundation Trust", "", "Various", "Barnardo's",
    "Salus/Addaction", "A & B <Ltd>", "Porchlight; CXK", "-Minus Ltd",
  ]
  static let values = [
    "£23,184,000", "circa £55m", "£1.5m (2 year contract)", "£275,000 annually for 3 years",
    "N/A – formulaic hourly rate", "", "$10,000", "€2,500,000", "£99999999999999999999",
    "£12K", "–£414,379", "£1,000,000 total",
  ]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// An end in one of the forms registers use, or none.
  private mutating func end() -> String {
    let year = 2015 + below(7)
    let month = 1 + below(12)
    let day = 1 + below(28)
    switch below(20) {
    case 0: return "\(Self.months[month - 1]) \(year)"
    case 1: return "Q\(1 + below(4)) \(year)/\(String((year + 1) % 100))"
    case 2: return String(year)
    case 3: return pick(["TBC", "Open ended", "", "31/09/2016", "Ongoing; spot contract"])
    case 4: return "\(day)th \(Self.months[month - 1]) \(year)"
    default: return "\(day)/\(month)/\(year)"
    }
  }

  /// One row's cells, under ``header``.
  private mutating func row(_ index: Int, group: String) -> [String] {
    let start = below(3) == 0 ? "1/4/\(2012 + below(4))" : ""
    return [
      below(50) == 0 ? "m\(index / 2)" : "m\(index)",
      pick(Self.services) + " \(index)", pick(Self.providers), "Department \(index % 7)", group,
      pick(Self.values), below(4) == 0 ? pick(["annual", "total"]) : "", start, end(),
      below(5) == 0 ? pick(["3+1", "up to two years", "2 x 12 months", "5+2+2"]) : "",
      below(10) == 0 ? "31/03/\(2020 + below(5))" : "",
      below(8) == 0 ? "note with, comma and \"quote\"" : "",
    ]
  }

  /// Buyers for a register of several buyers' contracts (`opportunities` clusters across them).
  static let buyers = [
    "Kent County Council", "Medway Council", "Bexley \"LB\"", "Dartford, Borough", "Swale",
  ]
  static let cpvs = ["85100000", "85300000; 85320000", "80000000", "", "98000000-3"]

  /// `rows` rows as a CSV file: groups of 1 to 40 contracts, some rows in none or in two; with
  /// `buyers`, each row also names a buyer and a CPV code.
  static func csv(rows: Int, seed: UInt64 = 2016, buyers: Bool = false) -> String {
    var generator = MessyRegister(seed: seed)
    var text = (header + (buyers ? ["buyer", "cpv"] : [])).joined(separator: ",") + "\n"
    var group = 0
    var left = 0
    for index in 0..<rows {
      if left == 0 {
        group += 1
        left = 1 + generator.below(40)
      }
      left -= 1
      let name =
        generator.below(15) == 0 ? "" : generator.below(20) == 0 ? "g\(group); g1" : "g\(group)"
      var cells = generator.row(index, group: name)
      if buyers { cells += [generator.pick(Self.buyers), generator.pick(Self.cpvs)] }
      text += cells.map(quoted).joined(separator: ",") + "\n"
    }
    return text
  }

  /// A cell quoted as RFC 4180 wants when it holds a comma, quote or line break.
  static func quoted(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
