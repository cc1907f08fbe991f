/// The canonical register columns. Raw values are the CSV header spellings.
public enum Column: String, CaseIterable, Sendable {
  case id
  case service
  case provider
  case department
  case group
  case value
  case valueBasis = "value_basis"
  case valueUnit = "value_unit"
  case start
  case end
  case extensionOptions = "extension_options"
  case maxEnd = "max_end"
  /// The end before any extension already exercised (an addition to INTERFACE.md's columns).
  case originalEnd = "original_end"
  case nextReview = "next_review"
  case procurementRoute = "procurement_route"
  case leadTime = "lead_time"
  case source
  case notes
  /// The lead commissioning body; empty means the council itself.
  case commissioner
  /// What the council pays of the value: money with its basis, or a percentage.
  case councilShare = "council_share"
  /// The buying organisation, when a register holds several buyers' contracts (a Contracts
  /// Finder import); empty means the register's own council.
  case buyer
  /// The Common Procurement Vocabulary code(s) as written (`85000000-9`), `;`-separated.
  case cpv
  /// The buyer's postcode as written, for a postcode area (`ME14 1XX` is in `ME`).
  case buyerPostcode = "buyer_postcode"

  /// The column's position in `allCases`, without hashing (read once per cell while loading).
  var slot: Int {
    switch self {
    case .id: return 0
    case .service: return 1
    case .provider: return 2
    case .department: return 3
    case .group: return 4
    case .value: return 5
    case .valueBasis: return 6
    case .valueUnit: return 7
    case .start: return 8
    case .end: return 9
    case .extensionOptions: return 10
    case .maxEnd: return 11
    case .originalEnd: return 12
    case .nextReview: return 13
    case .procurementRoute: return 14
    case .leadTime: return 15
    case .source: return 16
    case .notes: return 17
    case .commissioner: return 18
    case .councilShare: return 19
    case .buyer: return 20
    case .cpv: return 21
    case .buyerPostcode: return 22
    }
  }

  /// Columns a register must have.
  public static let required: [Column] = [.service, .end]

  /// Foreign headers councils use, normalised (lowercase letters and digits only): the Local
  /// Government Transparency Code's contract register fields, and the headers real councils'
  /// published registers use.
  static let foreignHeaders: [String: Column] = {
    var table: [String: Column] = [:]
    for column in Column.allCases { table[normalise(column.rawValue)] = column }
    for (column, names) in aliases {
      for name in names { table[name] = column }
    }
    for name in basisHeaders.keys { table[name] = .value }
    return table
  }()

  static let aliases: [Column: [String]] = [
    .id: [
      "reference", "referencenumber", "ref", "refno", "contractreference", "contractref",
      "contractid", "contractnumber", "contractno", "uniqueid", "ocid", "contractreferencenumber",
      "referenceno", "contractcode", "agreementreference", "id",
    ],
    .service: [
      "title", "titleofagreement", "contracttitle", "contractname", "servicename", "name",
      "nameofcontract", "agreement", "agreementtitle", "subject", "servicedescription",
      "contract", "titleofcontract", "contractdescription", "service", "services",
      "servicecontract", "agreementname", "projecttitle", "tendertitle",
    ],
    .provider: [
      "providername", "supplier", "suppliername", "suppliers", "contractor", "contractorname",
      "vendor", "vendorname", "organisationname", "suppliernameanddetails", "provider",
      "providers", "serviceprovider", "awardedsupplier", "awardedto", "successfulsupplier",
      "suppliertradingname", "contractorsname", "suppliersname",
    ],
    .department: [
      "directorate", "servicearea", "division", "responsibledepartment",
      "departmentname", "team", "localauthoritydepartmentresponsible",
      "departmentresponsible", "responsibledirectorate", "departmentdirectorate",
      "commissioningdepartment", "owningdepartment", "businessunit",
    ],
    .group: ["programme", "programmes", "groups", "workstream", "portfolio"],
    .value: ["amount", "valuegbp", "cost", "price", "contractamount", "value"],
    .valueBasis: ["basis", "valuetype"],
    .valueUnit: ["unit", "units"],
    .start: [
      "startdate", "contractstartdate", "commencementdate", "contractstart", "from",
      "awarddate", "start", "datestart", "dateofcommencement", "contractcommencementdate",
      "commencement", "effectivedate",
    ],
    .end: [
      "enddate", "contractenddate", "expirydate", "expiry", "contractend", "to",
      "contractexpirydate", "expires", "contractexpiry", "dateofexpiry", "dateend",
      "currentenddate", "expirationdate", "enddateexcludingextensions", "contractenddatecurrent",
      "end",
    ],
    .extensionOptions: [
      "extensions", "extensionoptions", "optiontoextend", "optionstoextend", "extensionperiod",
      "renewal", "renewaloptions", "extensionsavailable", "extensionoption", "extensionperiods",
      "possibleextension", "possibleextensions", "extensionsremaining", "optionalextension",
      "optionalextensions", "extensiondetails", "renewaloption",
    ],
    .maxEnd: [
      "maxenddate", "maximumenddate", "maxextentdate", "enddateincludingextensions",
      "finalenddate", "latestenddate", "enddateincludingoptions", "maximumexpirydate",
      "enddateifallextensionsused", "finalexpirydate", "extendedenddate",
    ],
    .originalEnd: [
      "originalenddate", "initialenddate", "endbeforeextensions", "originalexpirydate",
    ],
    .nextReview: ["nextreviewdate", "reviewdate", "review", "nextreviewstage", "dateofreview"],
    .procurementRoute: [
      "procurementprocedure", "route", "procedure", "routetomarket", "procurementroute",
      "procurementprocess", "procurementmethod", "procurementtype", "awardprocedure",
      "procurementprocedureused", "tenderprocess", "invitationtoquoteortender",
    ],
    .leadTime: ["procurementleadtime"],
    .source: ["sourceline"],
    .commissioner: [
      "leadcommissioner", "commissioningbody", "leadbody", "commissionedby", "leadorganisation",
    ],
    .buyer: [
      "buyername", "buyingorganisation", "contractingauthority", "contractingbody",
      "purchasingorganisation", "buyer",
    ],
    .buyerPostcode: ["buyerpostalcode", "buyerpostcode"],
    .cpv: ["cpvcode", "cpvcodes", "cpvclassification", "classificationcode", "cpvcategory"],
    .councilShare: ["councilcontribution", "councilfunding", "kccshare", "councilshareofvalue"],
    .notes: ["comments", "comment", "remarks", "note", "notes", "additionalinformation"],
  ]

  /// Value headers that state the figure's basis: a year's (`Annual Value`, `Estimated annual
  /// spend`) or the whole term's (`Total Value`, `Contract Value`).
  static let basisHeaders: [String: ValueBasis] = {
    let annual = [
      "annualvalue", "annualcontractvalue", "valueperannum", "annualcost", "valuepa",
      "yearlyvalue", "annualspend", "estimatedannualvalue", "estimatedannualspend",
      "annualvaluegbp", "estimatedannualspendingorbudget", "annualbudget", "annualamount",
      "valueperyear", "costperannum", "annualcontractvaluegbp",
    ]
    let total = [
      "totalvalue", "contractvalue", "totalcontractvalue", "valueofcontract", "lifetimevalue",
      "wholelifevalue", "totalvaluegbp", "contractvaluegbp", "estimatedtotalvalue",
      "awardedvalue", "estimatedvalue", "valueofagreement", "estimatedcontractvalue",
      "totalestimatedvalue", "sumtobepaidoverthelengthofthecontract", "wholelifecost",
      "totalcost", "contracttotal", "totalcontractvaluegbp", "estimatedvalueofcontract",
    ]
    return Dictionary(
      uniqueKeysWithValues: annual.map { ($0, ValueBasis.annual) }
        + total.map { ($0, ValueBasis.total) })
  }()

  /// Headers that name a service only when the register has no better one: `Description`.
  static let fallbackServiceHeaders: Set<String> = [
    "description", "descriptionofgoodsandservices", "descriptionofservices", "contractsummary",
    "descriptionofthegoodsandorservicesbeingprovided", "details",
  ]

  /// A few of the headers read as this column, for an error that says what would be accepted.
  var acceptedHeaders: String {
    switch self {
    case .service: return "service as 'Title', 'Contract Title' or 'Contract'"
    case .end: return "end as 'End Date', 'Contract End Date' or 'Expiry Date'"
    default: return "\(rawValue) as '\(rawValue)'"
    }
  }

  /// The basis a value column's header states (`Annual Value` is a year's), if any.
  static func impliedBasis(header: String) -> ValueBasis? {
    let name = normalise(header)
    return basisHeaders[name]
  }

  /// The known header closest to an unknown one, when it is probably a misspelling: at most two
  /// letters apart (one for short names), as `Contarct End Date` is from `Contract End Date`.
  static func closestHeader(to header: String) -> (name: String, column: Column)? {
    let name = normalise(header)
    guard name.utf8.count >= 4, name.utf8.count <= 60 else { return nil }
    let limit = name.utf8.count < 8 ? 1 : 2
    var best: (distance: Int, name: String, column: Column)?
    for (known, column) in foreignHeaders where abs(known.utf8.count - name.utf8.count) <= limit {
      let distance = editDistance(Array(name.utf8), Array(known.utf8), limit: limit)
      // Ties go to the name first in byte order: the table's order changes from run to run,
      // and the suggestion must not.
      if distance <= limit,
        best.map({
          distance < $0.distance
            || distance == $0.distance && known.utf8.lexicographicallyPrecedes($0.name.utf8)
        }) ?? true
      {
        best = (distance, known, column)
      }
    }
    return best.map { ($0.name, $0.column) }
  }

  /// Levenshtein distance, stopping early once every path exceeds `limit`.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      current[0] = i
      var rowBest = current[0]
      for j in 1...max(b.count, 1) where !b.isEmpty {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowBest = min(rowBest, current[j])
      }
      if rowBest > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return a.isEmpty ? b.count : previous[b.count]
  }

  /// Lowercase ASCII letters and digits only: `Contract value (£)` becomes `contractvalue`.
  static func normalise(_ header: String) -> String {
    // Written straight into the string (no byte array first): a short result allocates nothing.
    String(unsafeUninitializedCapacity: header.utf8.count) { out in
      var count = 0
      for b in header.utf8 {
        if TextScanner.isLetter(b) {
          out[count] = b | 0x20
          count += 1
        } else if TextScanner.isDigit(b) {
          out[count] = b
          count += 1
        }
      }
      return count
    }
  }

  /// The canonical column a header names, if any.
  public static func matching(header: String) -> Column? {
    foreignHeaders[normalise(header)]
  }
}
