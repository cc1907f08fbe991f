import Commissioning
import Foundation

/// A deterministic Contracts Finder bulk file in JSON Lines: one release package a line, as
/// Contracts Finder publishes, with many buyers and their postcodes, CPV codes from the
/// services councils and the NHS buy, suppliers, contract periods, values, extension options in
/// the text, later releases of earlier ocids, and some double-encoded UTF-8.
///
/// Releases are about 2 KB, a trimmed Contracts Finder release (the real ones carry documents
/// and contact details too, 4 to 12 KB): the import's memory is measured against the file's own
/// size either way.
struct OCDSGenerator {
  var random: RegisterGenerator

  init(seed: UInt64) { random = RegisterGenerator(seed: seed) }

  static let places = [
    "Kent", "Medway", "Bexley", "Bromley", "Surrey", "Essex", "Hertfordshire", "Norfolk",
    "Suffolk", "Devon", "Cornwall", "Leeds", "Sheffield", "Bristol", "Birmingham", "Manchester",
    "Liverpool", "Newcastle", "Oxfordshire", "Cambridgeshire", "Lancashire", "Cumbria",
    "Derbyshire", "Nottingham", "Leicestershire", "Lincolnshire", "Hampshire", "Dorset",
    "Wiltshire", "Somerset", "Gloucestershire", "Worcestershire", "Shropshire", "Cheshire",
    "Durham", "Northumberland", "Swindon", "Reading", "Slough", "Luton",
  ]
  static let kinds = [
    "County Council", "Borough Council", "City Council", "District Council",
    "NHS Foundation Trust", "Clinical Commissioning Group", "Police", "Fire and Rescue Service",
    "Academy Trust", "Housing Association",
  ]
  static let areas = [
    "ME", "CT", "TN", "DA", "BR", "GU", "CM", "SG", "NR", "IP", "EX", "TR", "LS", "S", "BS", "B",
    "M", "L", "NE", "OX", "CB", "PR", "CA", "DE", "NG", "LE", "LN", "SO", "DT", "SN", "TA", "GL",
    "WR", "SY", "CH", "DH", "RG", "SL", "LU", "SE",
  ]
  static let cpv: [(code: String, service: String)] = [
    ("85000000", "Health and social work services"), ("85310000", "Social work services"),
    ("85311000", "Social work services with accommodation"), ("85312000", "Day-care services"),
    ("85320000", "Social services"), ("85323000", "Community health services"),
    ("85140000", "Miscellaneous health services"), ("80000000", "Education and training"),
    ("80500000", "Training services"), ("79600000", "Recruitment services"),
    ("72000000", "IT services"), ("48000000", "Software packages"),
    ("45000000", "Construction work"), ("45453000", "Overhaul and refurbishment work"),
    ("90910000", "Cleaning services"), ("90500000", "Refuse and waste services"),
    ("60100000", "Road transport services"), ("55520000", "Catering services"),
    ("98000000", "Other community services"), ("71000000", "Architectural and engineering"),
    ("50000000", "Repair and maintenance services"), ("33000000", "Medical equipments"),
    ("66000000", "Financial and insurance services"), ("77310000", "Grounds maintenance"),
    ("79400000", "Business and management consultancy"), ("75200000", "Provision of services"),
  ]
  static let suppliers = [
    "Care UK", "Mears Group", "Serco", "Capita", "Barnardo\u{2019}s", "Action for Children",
    "Turning Point", "Sodexo", "Veolia", "Biffa", "Kier", "Amey", "Mitie", "ISS",
    "Caf\u{E9} Direct Ltd", "Soci\u{E9}t\u{E9} G\u{E9}n\u{E9}rale", "Change Grow Live",
    "Home Group", "Sanctuary Housing", "Virgin Care",
  ]
  static let options = [
    "with an option to extend for a further 12 months", "(3+1)", "(2+1+1)",
    "with an optional extension of up to 24 months", "", "", "", "",
  ]

  mutating func pick<T>(_ list: [T]) -> T { list[random.below(list.count)] }

  /// The Windows-1252 characters of the bytes the generated text's UTF-8 uses (’ – € ™).
  static let windows1252: [UInt8: UInt32] = [0x80: 0x20AC, 0x93: 0x201C, 0x99: 0x2122]

  /// Text as it was read by a Windows-1252 reader and written again as UTF-8.
  static func doubleEncoded(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      if byte < 0x80 || byte >= 0xA0 {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        out.unicodeScalars.append(Unicode.Scalar(windows1252[byte] ?? UInt32(byte)) ?? "?")
      }
    }
    return out
  }

  static func escaped(_ text: String) -> String {
    guard text.contains("\"") || text.contains("\\") else { return text }
    return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "\"", with: "\\\"")
  }

  static func iso(_ day: Day) -> String { day.iso + "T00:00:00Z" }

  /// One release package line for contract `n`, release `version` of its ocid.
  mutating func line(_ n: Int, version: Int) -> String {
    let buyerIndex = random.below(Self.places.count * Self.kinds.count)
    let place = Self.places[buyerIndex % Self.places.count]
    let buyer = place + " " + Self.kinds[buyerIndex / Self.places.count]
    let area = Self.areas[buyerIndex % Self.areas.count]
    let postcode = "\(area)\(1 + random.below(20)) \(random.below(10))\(pick(["AB", "XQ", "TR"]))"
    let service = pick(Self.cpv)
    let extra = pick(Self.cpv)
    var supplier = pick(Self.suppliers)
    var title = "\(service.service) for \(place) (lot \(n % 7 + 1))"
    // About one release in fifty as a real notice carries it: double-encoded.
    if random.below(50) == 0 {
      supplier = Self.doubleEncoded(supplier)
      title = Self.doubleEncoded(title + " \u{2013} \u{A3}\(random.below(900))k")
    }
    let start = Day(ordinal: 16_800 + random.below(2_500))
    let end = start + DayCount(365 * (1 + random.below(5)) - 1)
    let date = Day(ordinal: start.ordinal - 60 + version * 30)
    let amount = 10_000 + random.below(5_000_000)
    let ocid = "ocds-b5fd17-\(String(n, radix: 16))-bench"
    let description =
      "The \(buyer) requires \(service.service.lowercased()) across \(place), "
      + "delivered to the specification in the tender documents \(pick(Self.options)). "
      + "Bidders must demonstrate experience of similar contracts and meet the social value "
      + "requirements set out in the invitation to tender."
    let period = #"{"startDate":"\#(Self.iso(start))","endDate":"\#(Self.iso(end))"}"#
    let value = #"{"amount":\#(amount),"currency":"GBP"}"#
    let pieces: [String] = [
      #"{"uri":"https://www.contractsfinder.service.gov.uk/Published/Notice/releases/\#(n).json","#,
      #""version":"1.1","publishedDate":"\#(Self.iso(date))","releases":[{"ocid":"\#(ocid)","#,
      #""id":"\#(ocid)-\#(version)","date":"\#(Self.iso(date))","tag":["award"],"#,
      #""initiationType":"tender","parties":[{"id":"b\#(buyerIndex)","roles":["buyer"],"#,
      #""name":"\#(Self.escaped(buyer))","address":{"locality":"\#(place)","#,
      #""postalCode":"\#(postcode)","countryName":"United Kingdom"}},{"id":"s1","#,
      #""roles":["supplier"],"name":"\#(Self.escaped(supplier))"}],"language":"en-GB","#,
      #""tender":{"id":"\#(n)","title":"\#(Self.escaped(title))","#,
      #""description":"\#(Self.escaped(description))","status":"complete","#,
      #""classification":{"scheme":"CPV","id":"\#(service.code)"},"items":[{"id":"1","#,
      #""classification":{"scheme":"CPV","id":"\#(extra.code)"}}],"value":\#(value),"#,
      #""procurementMethod":"open","contractPeriod":\#(period)},"#,
      #""buyer":{"id":"b\#(buyerIndex)","name":"\#(Self.escaped(buyer))"},"#,
      #""awards":[{"id":"\#(n)-1","title":"\#(Self.escaped(title))","status":"active","#,
      #""date":"\#(Self.iso(date))","value":\#(value),"#,
      #""suppliers":[{"id":"s1","name":"\#(Self.escaped(supplier))"}],"#,
      #""contractPeriod":\#(period)}]}]}"#,
    ]
    return pieces.joined()
  }

  /// Writes `releases` lines to `path`, a tenth of them later releases of an earlier ocid,
  /// 10,000 lines at a time.
  static func write(releases: Int, to path: String, seed: UInt64) throws {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw CocoaError(.fileWriteUnknown)
    }
    defer { try? handle.close() }
    var generator = OCDSGenerator(seed: seed)
    var chunk = ""
    var contracts = 0
    for index in 0..<releases {
      if contracts > 10, generator.random.below(10) == 0 {
        chunk += generator.line(generator.random.below(contracts), version: 2)
      } else {
        chunk += generator.line(contracts, version: 1)
        contracts += 1
      }
      chunk += "\n"
      if index % 10_000 == 9_999 {
        try handle.write(contentsOf: Data(chunk.utf8))
        chunk = ""
      }
    }
    try handle.write(contentsOf: Data(chunk.utf8))
  }
}
