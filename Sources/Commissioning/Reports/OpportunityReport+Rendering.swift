/// The opportunities as text for people, JSON, and tidy CSV rows.
extension OpportunityReport {
  /// What every rendering says of the limits, so no reader takes a cluster for a plan.
  public static let caveat =
    "A cluster is an opportunity to look at, not advice: values are as the buyers published "
    + "them (Contracts Finder gives whole-contract totals), CPV codes are each buyer's own "
    + "choice, and the common end is the latest current end, reached by extending the others."

  /// A table of each cluster's members under a heading with its key, buyers, combined value,
  /// common end and procurement start.
  public func writeText<Target: TextOutputStream>(to out: inout Target, width: Int = 100) {
    Prose.write("Opportunities to procure together · \(registerName)", width: width, to: &out)
    Prose.write(filterLine, width: width, to: &out)
    out.write("\n")
    if ranked.isEmpty {
      Prose.write(
        "No cluster: no two buyers' contracts end within \(options.window.inMonths) of each "
          + "other with the same CPV \(options.cpvDigits)-digit prefix or provider.",
        width: width, to: &out)
      out.write("\n")
    }
    // Priced one at a time, so a large register never holds every cluster's proposal.
    for index in ranked.indices {
      guard let cluster = cluster(at: index) else { continue }
      writeCluster(cluster, rank: index + 1, to: &out, width: width)
    }
    let count = "\(clusterCount) cluster\(clusterCount == 1 ? "" : "s")"
    Prose.write(
      "\(count) among \(considered) contract\(considered == 1 ? "" : "s") ending on or after "
        + "\(DateStyle.long(asOf)). " + OpportunityReport.caveat, width: width, to: &out)
    if let note = manyProvidersNote { Prose.write(note, width: width, to: &out) }
  }

  /// `Note: 3 contracts name more than 10 providers ...`; nil when none does.
  public var manyProvidersNote: String? {
    guard manyProviders > 0 else { return nil }
    let limit = OpportunityReport.maximumProvidersGrouped
    return "Note: \(manyProviders) contract\(manyProviders == 1 ? " names" : "s name") more than "
      + "\(limit) providers (frameworks, most likely); "
      + "\(manyProviders == 1 ? "it is" : "they are") grouped by CPV code only, not under each "
      + "provider."
  }

  /// `As of 2 December 2026 · CPV 3 digits or the same provider · ends within 6 months`.
  var filterLine: String {
    var parts = [
      "As of \(DateStyle.long(asOf))",
      "CPV \(options.cpvDigits) digits or the same provider",
      "ends within \(options.window.inMonths)",
    ]
    if let area = options.postcodeArea { parts.append("postcode area \(area.uppercased())") }
    if let buyer = options.buyer { parts.append("buyer \(buyer)") }
    return parts.joined(separator: " · ")
  }

  func writeCluster<Target: TextOutputStream>(
    _ cluster: OpportunityCluster, rank: Int, to out: inout Target, width: Int
  ) {
    let start = cluster.proposal.procurementStartBy
    Prose.write(
      "\(rank). \(cluster.key.label) · \(cluster.buyers.count) buyers · "
        + OpportunityReport.combinedText(cluster),
      width: width, to: &out)
    Prose.write(
      "Common end \(DateStyle.long(cluster.proposal.target)); procurement starts by "
        + DateStyle.long(start.day)
        + (start.missedByDays.map { " (missed by \($0) days)" } ?? "") + ".",
      width: width, to: &out, indent: "   ")
    if let buyer = options.buyer, let sentence = OpportunityReport.sentence(cluster, for: buyer) {
      Prose.write(sentence, width: width, to: &out, indent: "   ")
    }
    var table = TextTable(columns: [
      .init("Buyer", flexible: true, minimum: 12, weight: 4),
      .init("Service", flexible: true, minimum: 12, weight: 3),
      .init("End", alignment: .right),
      .init("Annual", alignment: .right),
      .init("Extend", alignment: .right, dropPriority: 1),
      .init("Cost", alignment: .right, dropPriority: 2),
      .init("Options", dropPriority: 3),
    ])
    for member in cluster.members {
      table.add(OpportunityReport.row(member, council: cluster.proposal.council.name))
    }
    for line in table.render(width: width - 3).lines { out.write("   " + line + "\n") }
    if cluster.members.contains(where: { $0.action == .withinTolerance }) {
      let days = cluster.proposal.council.alignmentToleranceDays
      Prose.write(
        "aligned: ends within \(days) days of the common end, close enough to need no extension "
          + "(the alignment tolerance, as in align).", width: width, to: &out, indent: "   ")
    }
    out.write("\n")
  }

  /// `£1,234,567 a year combined`, with the count of unknown values.
  static func combinedText(_ cluster: OpportunityCluster) -> String {
    wholePounds(cluster.combinedAnnualValue) + " a year combined"
      + (cluster.unknownValues > 0
        ? " (\(cluster.unknownValues) value\(cluster.unknownValues == 1 ? "" : "s") unknown)"
        : "")
  }

  static func row(_ member: ContractProposal, council: String) -> [String] {
    let contract = member.contract
    return [
      buyerName(contract, council: council),
      contract.service.isEmpty ? contract.id : contract.service,
      member.currentEnd.map { DateStyle.short($0, precision: contract.end.precision) } ?? "-",
      contract.annualValue.map(wholePounds) ?? "unknown",
      extensionText(member),
      member.extends ? member.cost.map(wholePounds) ?? member.costText(unknown: "unknown") : "-",
      member.withinOptions.map { $0 ? "within" : "beyond" } ?? "-",
    ]
  }

  /// Money to the nearest pound for a table (`£94,036,958`): pence only widen the column.
  static func wholePounds(_ money: Money) -> String {
    guard let pounds = money.scaled(by: 1, over: 100) else { return money.formatted }
    return Money(pounds: pounds.minorUnits, currency: money.currency).formatted
  }

  /// `+3m`, `+1m 4d`, `+20d`; `aligned` when the end is within the tolerance of the common end,
  /// or `-` when the contract already ends on it.
  static func extensionText(_ member: ContractProposal) -> String {
    if member.action == .withinTolerance { return "aligned" }
    guard member.extends, let months = member.extensionMonths else { return "-" }
    let days = member.extensionRemainderDays ?? 0
    if months == 0 { return "+\(days)d" }
    return "+\(months)m" + (days > 0 ? " \(days)d" : "")
  }

  /// "Your contract 'Home care' ends within two months of Medway Council's and Bexley's with
  /// the same provider (Acme Care)."; nil when the buyer has no contract in the cluster.
  public static func sentence(_ cluster: OpportunityCluster, for buyer: String) -> String? {
    let council = cluster.proposal.council.name
    let mine = cluster.members.filter { buyerName($0.contract, council: council) == buyer }
    guard let own = mine.first, let end = own.currentEnd else { return nil }
    let others = cluster.members.filter { buyerName($0.contract, council: council) != buyer }
    let names = Set(others.map { buyerName($0.contract, council: council) }).sorted()
    let ends = others.compactMap(\.currentEnd)
    guard !names.isEmpty, let earliest = ends.min(), let latest = ends.max() else { return nil }
    let far = max(abs((earliest - end).days), abs((latest - end).days))
    let farDay = abs((earliest - end).days) >= abs((latest - end).days) ? earliest : latest
    let span = spanText(days: far, between: min(end, farDay), and: max(end, farDay))
    let service = own.contract.service.isEmpty ? own.contract.id : own.contract.service
    let same: String
    switch cluster.key {
    case .provider(let name): same = "with the same provider (\(name))"
    case .cpv(let digits): same = "buying under the same CPV \(digits)"
    }
    return "Your contract '\(service)' ends \(span) of "
      + listed(names.map { $0 + "'s" }) + " \(same)."
  }

  /// `on the same day as`, `within 12 days`, `within two months` (rounded up to whole months).
  static func spanText(days: Int, between a: Day, and b: Day) -> String {
    if days == 0 { return "on the same day as" }
    let (months, rest) = monthsAndDays(from: a, to: b)
    let count = months + (rest > 0 ? 1 : 0)
    if months == 0 { return "within \(days) day\(days == 1 ? "" : "s")" }
    let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    let number = count <= words.count ? words[count - 1] : String(count)
    return "within \(number) month\(count == 1 ? "" : "s")"
  }

  /// `A`, `A and B`, `A, B and C`.
  static func listed(_ names: [String]) -> String {
    guard names.count > 1, let last = names.last else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + last
  }
}

extension Prose {
  /// Writes the wrapped paragraph with every line indented.
  static func write<Target: TextOutputStream>(
    _ paragraph: String, width: Int, to out: inout Target, indent: String
  ) {
    for line in wrap(paragraph, width: width - indent.count) { out.write(indent + line + "\n") }
  }
}
