/// The opportunities as JSON and as tidy rows, one per cluster member.
extension OpportunityReport {
  /// The report as JSON: the options, then each cluster with its members.
  public var json: JSON { .object(streamed: jsonMembers()) }

  /// Writes ``json`` (with the register's `reading` counts when given) a cluster at a time,
  /// byte for byte as the tree would be written: each cluster is priced, written and let go.
  public func writeJSON<Target: TextOutputStream>(
    reading register: Register? = nil, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(), reading: register, to: &target)
  }

  /// The JSON's members, the clusters priced one at a time as they are written (a cluster that
  /// cannot be priced is left out, so their count is known only at the end).
  func jsonMembers() -> [(String, JSON.Member)] {
    var index = 0
    let next = { () -> [(String, JSON.Member)]? in
      while index < ranked.count {
        defer { index += 1 }
        if let cluster = cluster(at: index) { return clusterMembers(cluster, rank: index + 1) }
      }
      return nil
    }
    return [
      ("register", .value(.string(registerName))),
      ("asOf", .value(.day(asOf))),
      ("cpvDigits", .value(.int(options.cpvDigits))),
      ("window", .value(.string(options.window.inMonths))),
      ("postcodeArea", .value(.string(options.postcodeArea?.uppercased()))),
      ("buyer", .value(.string(options.buyer))),
      ("considered", .value(.int(considered))),
      ("clusters", .objectSequence(next: next)),
      ("caveat", .value(.string(OpportunityReport.caveat))),
    ]
  }

  /// One cluster's members, its contracts made one at a time (a CPV cluster of a large
  /// register may hold thousands).
  func clusterMembers(_ cluster: OpportunityCluster, rank: Int) -> [(String, JSON.Member)] {
    let start = cluster.proposal.procurementStartBy
    var members: [(String, JSON)] = [
      ("rank", .int(rank)),
      ("kind", .string(cluster.key.kind)),
      ("key", .string(cluster.key.value)),
      ("buyers", .array(cluster.buyers.map { .string($0) })),
      ("combinedAnnualValue", .money(cluster.combinedAnnualValue)),
      ("unknownValues", .int(cluster.unknownValues)),
      ("commonEnd", .day(cluster.proposal.target)),
      ("procurementStartBy", .day(start.day)),
      ("procurementStartMissedByDays", start.missedByDays.map { .int($0) } ?? .null),
    ]
    if let buyer = options.buyer {
      members.append(("sentence", .string(OpportunityReport.sentence(cluster, for: buyer))))
    }
    let council = cluster.proposal.council.name
    let contracts = cluster.members
    return members.map { ($0.0, .value($0.1)) } + [
      (
        "members",
        .elements(count: contracts.count) {
          OpportunityReport.memberJSON(contracts[$0], council)
        }
      )
    ]
  }

  static func memberJSON(_ member: ContractProposal, _ council: String) -> JSON {
    let contract = member.contract
    return .object([
      ("id", .string(contract.id)),
      ("buyer", .string(buyerName(contract, council: council))),
      ("buyerPostcode", contract.buyerPostcode.isEmpty ? .null : .string(contract.buyerPostcode)),
      ("service", .string(contract.service)),
      ("providers", .array(contract.providers.map { .string($0) })),
      ("cpv", .string(TidyExport.mainCPV(contract.cpvText))),
      ("end", .day(member.currentEnd)),
      ("annualValue", .money(contract.annualValue)),
      ("annualValueAssumed", .bool(contract.annualValueIsAssumed)),
      ("action", .string(member.action.rawValue)),
      ("extends", .bool(member.extends)),
      ("extensionDays", member.extends ? member.extensionDays.map { .int($0) } ?? .null : .null),
      ("extensionCost", member.extends ? .money(member.cost) : .null),
      ("costBasis", .string(member.costBasis.rawValue)),
      ("withinOptions", member.withinOptions.map { .bool($0) } ?? .null),
      ("maximumExtent", .day(member.maximumExtent)),
      ("route", .string(member.route)),
      ("leadTime", .string(member.leadTime.inMonths)),
      ("procurementStartBy", .day(member.procurementStartBy)),
      ("location", .string("\(contract.location.file):\(contract.location.line)")),
    ])
  }

  /// The tidy header: the cluster's columns, then the member's.
  public static let tidyColumns = [
    "rank", "kind", "key", "buyers", "combined_annual_value", "common_end",
    "procurement_start_by", "buyer", "id", "service", "providers", "cpv", "end",
    "annual_value", "extension_days", "extension_cost", "within_options", "location",
  ]

  /// One CSV row per cluster member, cluster columns repeated: a pivot's input.
  public var tidyCSV: String {
    var text = ""
    writeTidyCSV(to: &text)
    return text
  }

  /// Writes ``tidyCSV`` a row at a time, each cluster priced only as its rows are written.
  public func writeTidyCSV<Target: TextOutputStream>(to out: inout Target) {
    var line = ""
    CSVWriter.append(OpportunityReport.tidyColumns.map { .text($0) }, to: &line)
    out.write(line)
    for index in ranked.indices {
      guard let cluster = cluster(at: index) else { continue }
      let council = cluster.proposal.council.name
      let head: [CSVWriter.Cell] = [
        .number(String(index + 1)), .text(cluster.key.kind), .text(cluster.key.value),
        .number(String(cluster.buyers.count)),
        .number(cluster.combinedAnnualValue.decimalString),
        .text(cluster.proposal.target.iso), .text(cluster.proposal.procurementStartBy.day.iso),
      ]
      for member in cluster.members {
        line.removeAll(keepingCapacity: true)
        CSVWriter.append(head + OpportunityReport.tidyMember(member, council), to: &line)
        out.write(line)
      }
    }
  }

  static func tidyMember(_ member: ContractProposal, _ council: String) -> [CSVWriter.Cell] {
    let contract = member.contract
    let annual = contract.annualValueIsAssumed ? nil : contract.annualValue
    return [
      .text(buyerName(contract, council: council)), .text(contract.id), .text(contract.service),
      .text(contract.providers.joined(separator: "; ")),
      .text(TidyExport.mainCPV(contract.cpvText) ?? ""),
      .text(member.currentEnd?.iso ?? ""), .number(annual?.decimalString ?? ""),
      .number(member.extends ? member.extensionDays.map(String.init) ?? "" : "0"),
      .number(member.extends ? member.cost?.decimalString ?? "" : "0.00"),
      .text(member.withinOptions.map { $0 ? "true" : "false" } ?? ""),
      .text("\(contract.location.file):\(contract.location.line)"),
    ]
  }
}
