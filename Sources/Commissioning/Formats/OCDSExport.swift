/// The register as an OCDS release package (1.1): one release per contract, with `awards[]`
/// and `contracts[]` (period with `maxExtentDate`, value), an extension already exercised as an
/// `amendments[]` entry with its rationale, and the commissioning grid's stages as
/// `milestones[]` with OCDS milestone types.
public enum OCDSExport {
  /// The grid's stages as OCDS milestone types.
  public static func milestoneType(_ stage: Stage) -> String {
    switch stage {
    case .analyse: return "preProcurement"
    case .plan: return "procurement"
    case .keyDecision: return "approval"
    case .do: return "delivery"
    case .review: return "reporting"
    }
  }

  /// The contracts' dates that ``package(register:contracts:asOf:)`` leaves out (as `null`)
  /// because they fall outside ``Day/writable``, for a warning.
  public static func unwritableDates(_ contracts: [Contract]) -> [(id: String, day: Day)] {
    contracts.flatMap { c in
      [c.startDay, c.endDay, c.maximumExtent].compactMap { $0 }
        .filter { !Day.writable.contains($0) }.map { (c.id, $0) }
    }
  }

  /// The release package.
  public static func package(register: Register, contracts: [Contract], asOf: Day) -> JSON {
    .object(streamed: members(register: register, contracts: contracts, asOf: asOf))
  }

  /// Writes ``package(register:contracts:asOf:)`` to `target` a release at a time, byte for
  /// byte as `package(…).write(to:)` would: the package is never one tree or one string.
  public static func writePackage<Target: TextOutputStream>(
    register: Register, contracts: [Contract], asOf: Day, to target: inout Target
  ) {
    JSON.write(streamed: members(register: register, contracts: contracts, asOf: asOf), to: &target)
  }

  /// The package's members, its releases made one at a time.
  static func members(register: Register, contracts: [Contract], asOf: Day)
    -> [(String, JSON.Member)]
  {
    let context = Context(register: register, asOf: asOf)
    return [
      (
        "uri",
        .value(
          .string(
            "urn:commissioning-planner:\(RegisterLoader.slug(register.name, limit: 40)):\(asOf.iso)"
          ))
      ),
      ("version", .value(.string("1.1"))),
      ("publishedDate", .value(.string(context.stamp))),
      ("publisher", .value(.object([("name", .string(register.council.name))]))),
      ("releases", .elements(count: contracts.count) { context.release(contracts[$0]) }),
    ]
  }

  /// What every release of one package shares: its stamp, prefixes, buyer and grid links.
  struct Context {
    let asOf: Day
    let stamp: String
    let prefix: String
    let buyerId: String
    let buyerName: String
    let linked: [String: [GridRow]]

    init(register: Register, asOf: Day) {
      self.asOf = asOf
      stamp = asOf.iso + "T00:00:00Z"
      prefix = "ocds-commission-" + RegisterLoader.slug(register.name, limit: 40)
      buyerId = RegisterLoader.slug(register.council.name, limit: 40)
      buyerName = register.council.name
      var linked: [String: [GridRow]] = [:]
      for row in register.grid {
        for id in row.contracts { linked[id, default: []].append(row) }
      }
      self.linked = linked
    }

    func dateTime(_ day: Day?) -> JSON {
      day?.writableISO.map { .string($0 + "T00:00:00Z") } ?? .null
    }

    /// One contract's release.
    func release(_ c: Contract) -> JSON {
      let ocid = prefix + "-" + RegisterLoader.slug(c.id, limit: 80)
      // OCDS has no null value: an unknown value is left out.
      let value: [(String, JSON)] =
        c.value.amount.map {
          [
            (
              "value",
              .object([("amount", .number($0.decimalString)), ("currency", .string($0.currency))])
            )
          ]
        } ?? []
      let period: JSON = .object([
        ("startDate", dateTime(c.startDay)), ("endDate", dateTime(c.endDay)),
        ("maxExtentDate", dateTime(c.maximumExtent)),
      ])
      let suppliers: [JSON] = c.providers.enumerated().map { index, name in
        .object([("id", .string("\(ocid)-supplier-\(index + 1)")), ("name", .string(name))])
      }
      var release: [(String, JSON)] = [
        ("ocid", .string(ocid)),
        ("id", .string("\(ocid)-\(asOf.iso)")),
        ("date", .string(stamp)),
        ("tag", .array([.string("contract")])),
        ("initiationType", .string("tender")),
        ("language", .string("en")),
        ("buyer", .object([("id", .string(buyerId)), ("name", .string(buyerName))])),
        ("parties", .array(parties(c, ocid: ocid))),
        (
          "awards",
          .array([
            .object(
              [
                ("id", .string(c.id + "-award")), ("title", .string(c.service)),
                ("status", .string("active")),
              ]
                + value + [("suppliers", .array(suppliers)), ("contractPeriod", period)])
          ])
        ),
        ("contracts", .array([contract(c, ocid: ocid, value: value, period: period)])),
      ]
      if !c.department.isEmpty {
        release.append(
          (
            "tender",
            .object([
              ("id", .string(ocid + "-tender")), ("title", .string(c.service)),
              ("procuringEntity", .object([("name", .string(c.department))])),
            ])
          ))
      }
      return .object(release)
    }

    /// The buyer, then each supplier.
    func parties(_ c: Contract, ocid: String) -> [JSON] {
      var parties: [JSON] = [
        .object([
          ("id", .string(buyerId)), ("name", .string(buyerName)),
          ("roles", .array([.string("buyer")])),
        ])
      ]
      for (index, name) in c.providers.enumerated() {
        parties.append(
          .object([
            ("id", .string("\(ocid)-supplier-\(index + 1)")), ("name", .string(name)),
            ("roles", .array([.string("supplier")])),
          ]))
      }
      return parties
    }

    /// The release's one contract: its period and value, an extension exercised as an
    /// amendment, and the grid's stages as milestones.
    func contract(_ c: Contract, ocid: String, value: [(String, JSON)], period: JSON) -> JSON {
      var amendments: [JSON] = []
      if let original = c.originalEnd, let end = c.endDay, original < end {
        amendments.append(
          .object([
            ("id", .string("\(ocid)-extension-1")),
            ("date", .string(stamp)),
            (
              "rationale",
              .string(
                "Extension exercised: the term was extended from \(DateStyle.long(original)) to \(DateStyle.long(end))."
              )
            ),
            ("description", .string("endDate changed from \(original.iso) to \(end.iso)")),
          ]))
      }
      let milestones = self.milestones(c, ocid: ocid)
      var contract: [(String, JSON)] =
        [
          ("id", .string(c.id)),
          ("awardID", .string(c.id + "-award")),
          ("title", .string(c.service)),
          ("status", .string((c.endDay ?? asOf) < asOf ? "terminated" : "active")),
        ] + value + [("period", period)]
      if !amendments.isEmpty { contract.append(("amendments", .array(amendments))) }
      if !milestones.isEmpty { contract.append(("milestones", .array(milestones))) }
      return .object(contract)
    }

    /// The commissioning grid's stages for the contract, as OCDS milestones.
    func milestones(_ c: Contract, ocid: String) -> [JSON] {
      var milestones: [JSON] = []
      for row in linked[c.id] ?? [] {
        for cell in row.cells {
          for stage in cell.stages {
            milestones.append(
              .object([
                (
                  "id",
                  .string(
                    "\(ocid)-\(cell.quarter.startYear)-q\(cell.quarter.quarter)-\(stage.rawValue.lowercased())-\(row.location.line)"
                  )
                ),
                ("title", .string("\(stage.name), \(cell.quarter): \(row.description)")),
                ("type", .string(milestoneType(stage))),
                ("dueDate", dateTime(cell.quarter.lastDay)),
                ("status", .string(cell.quarter.lastDay < asOf ? "met" : "scheduled")),
              ]))
          }
        }
      }
      return milestones
    }
  }
}
