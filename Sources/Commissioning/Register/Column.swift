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
    }
  }

  /// Columns a register must have.
  public static let required: [Column] = [.service, .end]

  /// Foreign headers councils use, normalised (lowercase letters and digits only).
  static let foreignHeaders: [String: Column] = {
    var table: [String: Column] = [:]
    for column in Column.allCases { table[normalise(column.rawValue)] = column }
    let aliases: [Column: [String]] = [
      .id: [
        "reference", "referencenumber", "ref", "refno", "contractreference", "contractref",
        "contractid", "contractnumber", "contractno", "uniqueid", "ocid",
      ],
      .service: [
        "title", "titleofagreement", "contracttitle", "contractname", "servicename", "name",
        "nameofcontract", "agreement", "agreementtitle", "subject", "servicedescription",
      ],
      .provider: [
        "providername", "supplier", "suppliername", "suppliers", "contractor", "contractorname",
        "vendor", "vendorname", "organisationname",
      ],
      .department: [
        "directorate", "servicearea", "division", "responsibledepartment",
        "departmentname", "team", "buyer",
      ],
      .group: ["programme", "programmes", "groups", "workstream"],
      .value: [
        "contractvalue", "totalvalue", "valueofcontract", "estimatedvalue", "awardedvalue",
        "contractvaluegbp", "valuegbp", "amount", "annualvalue", "totalcontractvalue",
      ],
      .valueBasis: ["basis", "valuetype"],
      .valueUnit: ["unit", "units"],
      .start: [
        "startdate", "contractstartdate", "commencementdate", "contractstart", "from",
        "awarddate",
      ],
      .end: [
        "enddate", "contractenddate", "expirydate", "expiry", "contractend", "to",
        "contractexpirydate", "expires",
      ],
      .extensionOptions: [
        "extensions", "extensionoptions", "optiontoextend", "optionstoextend", "extensionperiod",
        "renewal", "renewaloptions", "extensionsavailable",
      ],
      .maxEnd: [
        "maxenddate", "maximumenddate", "maxextentdate", "enddateincludingextensions",
        "finalenddate", "latestenddate",
      ],
      .originalEnd: [
        "originalenddate", "initialenddate", "endbeforeextensions", "originalexpirydate",
      ],
      .nextReview: ["nextreviewdate", "reviewdate", "review", "nextreviewstage"],
      .procurementRoute: ["procurementprocedure", "route", "procedure", "routetomarket"],
      .leadTime: ["procurementleadtime"],
      .source: ["sourceline"],
      .notes: ["comments", "comment", "remarks", "note"],
    ]
    for (column, names) in aliases {
      for name in names { table[name] = column }
    }
    return table
  }()

  /// Lowercase ASCII letters and digits only: `Contract value (£)` becomes `contractvalue`.
  static func normalise(_ header: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(header.utf8.count)
    for b in header.utf8 {
      if TextScanner.isLetter(b) {
        out.append(b | 0x20)
      } else if TextScanner.isDigit(b) {
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The canonical column a header names, if any.
  public static func matching(header: String) -> Column? {
    foreignHeaders[normalise(header)]
  }
}
