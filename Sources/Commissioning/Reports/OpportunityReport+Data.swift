/// The opportunities as JSON and as tidy rows, one per cluster member.
extension OpportunityReport {
  /// The report as JSON: the options, then each cluster with its members.
  public var json: JSON {
    .object([
      ("register", .string(registerName)),
      ("asOf", .day(asOf)),
      ("cpvDigits", .int(options.cpvDigits)),
      ("window", .string(options.window.inMonths)),
      ("postcodeArea", .string(options.postcodeArea?.uppercased())),
      ("buyer", .string(options.buyer)),
      ("considered", .int(considered)),
      (
        "clusters",
        .array(
          ranked.indices.compactMap { index in
            cluster(at: index).map { clusterJSON($0, rank: index + 1) }
          })
      ),
      ("caveat", .string(OpportunityReport.caveat)),
    ])
  }

  func clusterJSON(_ cluster: OpportunityCluster, rank: Int) -> JSON {
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
    members.append(
      ("members", .array(cluster.members.map { OpportunityReport.memberJSON($0, council) })))
    return .object(members)
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
    var writer = CSVWriter()
    writer.row(OpportunityReport.tidyColumns)
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
        writer.row(head + OpportunityReport.tidyMember(member, council))
      }
    }
    return writer.text
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
