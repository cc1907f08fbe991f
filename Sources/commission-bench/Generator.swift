import Commissioning
import Foundation

/// Deterministic synthetic registers with the real mix of the Kent data, and clean twins.
struct RegisterGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  static let services = [
    "Health Visiting and Family Nurse Partnership", "School Public Health Service", "Young Carers",
    "Adolescent Support Service", "Family Mediation", "Learning Disability Day Services",
    "Supported Accommodation", "Integrated Community Equipment Service", "Kent Advocacy",
    "Carers Short Breaks", "Healthwatch", "Youth Service Contracts", "Home Care Contracts",
  ]
  static let providers = [
    "KCHFT", "Kent Community Health Foundation Trust", "MFT", "Porchlight", "Barnardo's", "CXK",
    "Salus/Addaction", "Home Group Ltd", "Various", "Action for Children", "Sanctuary Housing",
  ]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// One row: the messy register's cells and the clean twin's (ISO end, pence value).
  mutating func row(_ index: Int, group: Int) -> (messy: [String], clean: [String]) {
    let year = 2016 + below(8)
    let month = 1 + below(12)
    let day = 1 + below(Day.daysIn(month: month, year: year))
    let end = Day(year: year, month: month, day: day) ?? Day(ordinal: 17_000)
    var cleanEnd = end
    // About a fifth of ends in messy forms, a few undated, the rest UK day-first.
    var endText: String
    let form = below(100)
    switch form {
    case 0..<5:
      endText = "\(Self.months[month - 1]) \(year)"
      cleanEnd = end.lastOfMonth
    case 5..<10:
      endText = Self.two(day) + "-" + Self.two(month) + "-" + Self.two(year % 100)
    case 10..<14:
      let suffix =
        day == 1 || day == 21 || day == 31
        ? "st" : day == 2 || day == 22 ? "nd" : day == 3 || day == 23 ? "rd" : "th"
      endText = "\(day)\(suffix) \(Self.months[month - 1]) \(year)"
    case 14..<17:
      endText = "\(Self.months[month - 1]) \(year) +1"
      cleanEnd = end.lastOfMonth
    case 17..<19:
      endText = ["TBC", "Open ended", "Ongoing; spot contract", "None"][below(4)]
    default:
      endText = "\(day)/\(month)/\(year)"
    }
    let pounds = 1000 + below(5_000_000)
    let valueText: String
    switch below(10) {
    case 0: valueText = "£\(pounds / 1000)K"
    case 1: valueText = "circa £\(pounds / 1_000_000).\(below(10))m"
    case 2: valueText = "£" + Self.grouped(pounds) + " (annual)"
    case 3: valueText = "£" + Self.grouped(pounds) + " per annum"
    case 4: valueText = "N/A – formulaic hourly rate"
    default: valueText = "£" + Self.grouped(pounds) + (below(3) == 0 ? ".\(10 + below(89))" : "")
    }
    let service = Self.services[below(Self.services.count)] + " \(index)"
    let provider = Self.providers[below(Self.providers.count)]
    let options =
      below(5) == 0 ? ["3+1", "up to two years", "2 x 12 months", "5+2+2"][below(4)] : ""
    let messy = [
      "c\(index)", service, provider, "Department \(index % 17)", "g\(group)", valueText, endText,
      options, "\(Self.months[below(12)]) \(2016 + below(3))",
    ]
    let isUndated = form >= 17 && form < 19
    let clean = [
      "c\(index)", service, provider, "Department \(index % 17)", "g\(group)",
      String(pounds), isUndated ? "" : cleanEnd.iso,
    ]
    return (messy, clean)
  }

  static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return out
  }

  /// Writes `rows` rows to the messy file and its clean twin; groups of 2 to 10 contracts.
  static func write(rows: Int, messy: String, clean: String, seed: UInt64) throws {
    var generator = RegisterGenerator(seed: seed)
    var messyWriter = CSVWriter()
    var cleanWriter = CSVWriter()
    messyWriter.row([
      "id", "service", "provider", "department", "group", "value", "end", "extension_options",
      "next_review",
    ])
    cleanWriter.row([
      "id", "service", "provider", "department", "group", "value_pounds", "end_date",
    ])
    // Written 10,000 rows at a time: a large register is never held whole in memory.
    _ = FileManager.default.createFile(atPath: messy, contents: nil)
    _ = FileManager.default.createFile(atPath: clean, contents: nil)
    let messyFile = try FileHandle(forWritingTo: URL(fileURLWithPath: messy))
    let cleanFile = try FileHandle(forWritingTo: URL(fileURLWithPath: clean))
    var group = 0
    var left = 0
    for index in 0..<rows {
      if left == 0 {
        group += 1
        left = 2 + generator.below(9)
      }
      left -= 1
      let (m, c) = generator.row(index, group: group)
      messyWriter.rawRow(m)
      cleanWriter.rawRow(c)
      if index % 10_000 == 9_999 {
        try messyFile.write(contentsOf: Data(messyWriter.text.utf8))
        try cleanFile.write(contentsOf: Data(cleanWriter.text.utf8))
        messyWriter = CSVWriter()
        cleanWriter = CSVWriter()
      }
    }
    try messyFile.write(contentsOf: Data(messyWriter.text.utf8))
    try cleanFile.write(contentsOf: Data(cleanWriter.text.utf8))
    try messyFile.close()
    try cleanFile.close()
  }
}
