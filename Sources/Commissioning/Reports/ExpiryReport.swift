/// The answer to "which contracts expire by this date?": dated contracts ending on or before it,
/// soonest first, and every undated contract with its reason.
public struct ExpiryReport: Sendable {
  public var registerName: String
  public var councilName: String
  public var asOf: Day
  public var by: Day
  public var group: String?
  public var provider: String?
  /// The order of ``contracts``.
  public var sort: ExpirySort = .end
  /// Only contracts of this department (ignoring case), when set.
  public var department: String?
  /// Contracts whose current end is on or before `by`, soonest first: the register's rows.
  public var contracts: ContractRows
  /// Contracts with no usable end date (within the filters), in register order.
  public var undated: ContractRows

  /// Builds the report.
  ///
  /// - Parameters:
  ///   - register: the register to query.
  ///   - by: the last day of the window (inclusive).
  ///   - asOf: today, for "already ended" and days remaining.
  ///   - group: only contracts in this group.
  ///   - provider: only contracts with this provider (any spelling an alias knows).
  ///   - department: only contracts of this department (ignoring case).
  ///   - sort: the order of the dated contracts (soonest end first by default).
  /// - Complexity: O(n log n) in the matching contracts.
  public init(
    register: Register, by: Day, asOf: Day, group: String? = nil, provider: String? = nil,
    department: String? = nil, sort: ExpirySort = .end
  ) {
    self.registerName = register.name
    self.councilName = register.council.name
    self.asOf = asOf
    self.by = by
    self.group = group
    self.provider = provider
    self.department = department
    let departmentKey = department?.lowercased()
    let providerKey = provider.map { Column.normalise(register.council.canonicalProvider($0)) }
    // Positions only: a contract is a large value, so the report names the register's rows
    // rather than copying (or sorting) the contracts themselves.
    var dated: [(end: Day, position: Int)] = []
    var undated: [Int] = []
    for (position, contract) in register.contracts.enumerated() {
      if let group, !contract.isIn(group: group) { continue }
      if let departmentKey, contract.department.lowercased() != departmentKey { continue }
      if let providerKey,
        !contract.providers.contains(where: { Column.normalise($0) == providerKey })
          && Column.normalise(contract.provider) != providerKey
      {
        continue
      }
      if let end = contract.endDay {
        if end <= by { dated.append((end, position)) }
      } else {
        undated.append(position)
      }
    }
    let all = register.contracts
    dated.sort {
      $0.end != $1.end
        ? $0.end < $1.end : all[$0.position].precedes(byServiceThenId: all[$1.position])
    }
    if sort != .end { ExpiryReport.order(&dated, by: sort, in: all) }
    self.sort = sort
    self.contracts = ContractRows(all, positions: dated.map(\.position))
    self.undated = ContractRows(all, positions: undated)
  }

  /// Orders the dated contracts by a key other than the end: ties keep register order (the
  /// sort is stable on the position), and a contract without the key comes last.
  static func order(
    _ dated: inout [(end: Day, position: Int)], by sort: ExpirySort, in all: [Contract]
  ) {
    func key(_ position: Int) -> ExpirySort.Key { sort.key(all[position]) }
    dated.sort { a, b in
      let (ka, kb) = (key(a.position), key(b.position))
      return ka != kb ? ka < kb : a.position < b.position
    }
  }

  /// Contracts that had already ended on the as-of day.
  public var endedCount: Int { contracts.reduce(0) { $0 + (($1.endDay ?? by) < asOf ? 1 : 0) } }

  /// The annual values in pounds added up, and every contract the sum leaves out or assumes.
  public struct AnnualTotal: Sendable {
    public var total = Money.zero
    /// Values of unknown basis, counted as annual.
    public var assumed = 0
    /// Totals made a year's value over their terms (stated, or start to end).
    public var annualised = 0
    /// Figures the register calls estimates (`circa £55m`).
    public var estimates = 0
    /// Contracts with no figure at all.
    public var unknown = 0
    /// Totals whose term the register does not give, so no year's value can be derived.
    public var totalsWithoutTerm = 0
    /// Figures in another currency, by ISO code: never converted, never added to pounds.
    public var otherCurrencies: [String: Int] = [:]
    /// Totals whose annual value is more than pence can hold: known, but left out.
    public var tooLarge = 0
    public var overflow = false
    /// Contracts whose annual value is in ``total``.
    public var counted = 0

    public init() {}

    /// `2 of unknown basis counted as annual; 1 with no value; 1 in USD, not added`.
    public var caveats: [String] {
      var caveats: [String] = []
      if assumed > 0 { caveats.append("\(assumed) of unknown basis counted as annual") }
      if annualised > 0 {
        caveats.append(
          "\(annualised) \(annualised == 1 ? "total" : "totals") made a year's over the term")
      }
      if estimates > 0 {
        caveats.append("\(estimates) \(estimates == 1 ? "estimate" : "estimates")")
      }
      if totalsWithoutTerm > 0 {
        caveats.append(
          "\(totalsWithoutTerm) \(totalsWithoutTerm == 1 ? "total" : "totals") with no term, not added"
        )
      }
      for (code, count) in otherCurrencies.sorted(by: { $0.key < $1.key }) {
        caveats.append("\(count) in \(code), not added")
      }
      if unknown > 0 { caveats.append("\(unknown) with no value") }
      if tooLarge > 0 { caveats.append("\(tooLarge) \(ContractProposal.tooLarge), not included") }
      if overflow { caveats.append("the sum overflowed and is incomplete") }
      return caveats
    }
  }

  /// The annual values added up, with how many were assumed, left out, or unknown.
  public var annualTotal: AnnualTotal { AnnualTotal(contracts) }
}

extension ExpiryReport.AnnualTotal {
  /// The annual values of `contracts` added up; every contract the sum leaves out is counted
  /// under its reason, so a report never prints a part as the whole.
  public init(_ contracts: some Sequence<Contract>) {
    for contract in contracts {
      guard let annual = contract.annualValue else {
        switch contract.annualValueGap {
        case .otherCurrency(let code)?: otherCurrencies[code, default: 0] += 1
        case .totalWithoutTerm?: totalsWithoutTerm += 1
        case .tooLarge?: tooLarge += 1
        case nil: unknown += 1
        }
        continue
      }
      counted += 1
      if contract.annualValueIsAssumed { assumed += 1 }
      if contract.value.annual == nil && contract.value.basis == .total { annualised += 1 }
      if contract.value.isEstimate { estimates += 1 }
      if let added = total.adding(annual) { total = added } else { overflow = true }
    }
  }

  /// Contracts whose annual value is not in ``total``: unknown, in another currency, a total
  /// with no term, or too large.
  public var notCounted: Int {
    unknown + totalsWithoutTerm + tooLarge + otherCurrencies.values.reduce(0, +)
  }

  /// `£1,234.00`, or `unknown` when no value could be added at all: unknown is never £0.00.
  public var totalText: String { knownTotal?.formatted ?? "unknown" }

  /// The total, or `nil` when contracts were summed but none had a value in pounds.
  public var knownTotal: Money? { counted == 0 && notCounted > 0 ? nil : total }
}

extension ExpiryReport {
  /// The text report, fitting `width` columns (100 by default; reads well down to 80).
  public func writeText<Target: TextOutputStream>(to out: inout Target, width: Int = 100) {
    Prose.write(
      "Contracts ending by \(DateStyle.long(by)) · \(councilName) · \(registerName)", width: width,
      to: &out)
    var filters: [String] = []
    if let group { filters.append("group \(group)") }
    if let provider { filters.append("provider \(provider)") }
    if let department { filters.append("department \(department)") }
    out.write(
      "As of \(DateStyle.long(asOf))"
        + (filters.isEmpty ? "" : " · " + filters.joined(separator: ", "))
        + "\n\n")
    if contracts.isEmpty {
      out.write("No dated contract ends by \(DateStyle.long(by)).\n")
    } else {
      var table = TextTable(columns: [
        .init("End", alignment: .right),
        .init("Days", alignment: .right),
        .init("Service", flexible: true, minimum: 24, weight: 5),
        .init("Provider", flexible: true, minimum: 12, weight: 3),
        .init("Value", alignment: .right),
        .init("Options", dropPriority: 2),
        // A group name is what `--group` takes: shown whole or, with a note, not at all.
        .init("Group", dropPriority: 1),
      ])
      for contract in contracts {
        guard let end = contract.endDay else { continue }
        let days = (end - asOf).days
        table.add([
          DateStyle.short(end, precision: contract.end.precision),
          days < 0 ? "\(days) ended" : days == 0 ? "today" : String(days),
          contract.service.isEmpty ? "(no service name)" : contract.service,
          contract.provider.isEmpty ? "-" : contract.provider,
          ExpiryReport.valueLabel(contract),
          contract.optionsLeft.map { "+" + $0.compact } ?? "",
          // Under a group filter, only the other groups a contract belongs to are news.
          contract.groups.filter { !($0.caseInsensitiveEquals(group ?? "")) }
            .joined(separator: "; "),
        ])
      }
      let (lines, dropped) = table.render(width: width)
      for line in lines { out.write(line + "\n") }
      out.write("\n")
      let sum = annualTotal
      Prose.write(
        "\(contracts.count) \(contracts.count == 1 ? "contract ends" : "contracts end") by \(DateStyle.long(by))"
          + (endedCount > 0 ? " (\(endedCount) already ended by \(DateStyle.long(asOf)))" : "")
          + ".",
        width: width, to: &out)
      var valueLine = "Annual value \(sum.totalText)"
      let caveats = sum.caveats
      if !caveats.isEmpty { valueLine += " (" + caveats.joined(separator: "; ") + ")" }
      Prose.write(valueLine + ".", width: width, to: &out)
      let legend = ExpiryReport.periodLegend(Set(contracts.map(\.end.precision)))
      Prose.write(
        "Values: pa = a year, total = whole term, ~ = estimate. " + legend, width: width,
        to: &out)
      // A whole-term total among yearly values looks mis-sorted unless the order is explained.
      if sort == .value, contracts.contains(where: { $0.value.basis == .total }) {
        Prose.write(
          "Sorted by annual value; a total is ranked by its yearly share.", width: width, to: &out)
      }
      if !dropped.isEmpty {
        Prose.write(
          "(\(dropped.joined(separator: " and ")) hidden to fit \(width) columns.)", width: width,
          to: &out)
      }
    }
    guard !undated.isEmpty else { return }
    out.write("\n")
    Prose.write(
      "Undated: \(undated.count) contract\(undated.count == 1 ? "" : "s") with no usable end date",
      width: width, to: &out)
    var table = TextTable(columns: [
      .init("Service", flexible: true, minimum: 20, weight: 3),
      .init("Provider", flexible: true, minimum: 10, dropPriority: 1, weight: 2),
      .init("Why", flexible: true, minimum: 24, weight: 4),
    ])
    for contract in undated {
      let reason = contract.end.undated?.reason ?? "no date"
      table.add([
        contract.service.isEmpty ? "(no service name)" : contract.service,
        contract.provider.isEmpty ? "-" : contract.provider,
        reason,
      ])
    }
    for line in table.render(width: width).lines { out.write(line + "\n") }
  }

  /// What the End column's short forms mean: `Month-only ends are the month's last day.`, or
  /// every kind of period present (`Month, quarter and year-only ends are …`).
  static func periodLegend(_ precisions: Set<DatePrecision>) -> String {
    let names: [(DatePrecision, String)] = [
      (.month, "month"), (.quarter, "quarter"), (.half, "half-year"),
      (.financialYear, "financial-year"), (.year, "year-only"),
    ]
    let present = names.filter { precisions.contains($0.0) }.map(\.1)
    if present.isEmpty || present == ["month"] {
      return "Month-only ends are the month's last day."
    }
    let list =
      present.count == 1
      ? present[0]
      : present.dropLast().joined(separator: ", ") + " and " + present[present.count - 1]
    return list.prefix(1).uppercased() + list.dropFirst() + " ends are the period's last day."
  }

  /// `£22,604,400 pa`, `£1,500,000 total`, `~£55,000,000`, `£105,000`, or `no value`.
  static func valueLabel(_ contract: Contract) -> String {
    guard let amount = contract.value.amount else { return "no value" }
    var label = (contract.value.isEstimate ? "~" : "") + amount.formatted
    switch contract.value.basis {
    case .annual: label += " pa"
    case .total: label += " total"
    case .unknown: break
    }
    return label
  }

  /// The report as JSON, with the keys INTERFACE.md fixes; `department` after `provider` only
  /// when the report is filtered by one, so unfiltered answers keep their keys.
  public var json: JSON { .object(streamed: jsonMembers()) }

  /// Writes ``json`` (with the register's `reading` counts when given) a contract at a time,
  /// byte for byte as the tree would be written: a large answer is never one string.
  public func writeJSON<Target: TextOutputStream>(
    reading register: Register? = nil, to target: inout Target
  ) {
    JSON.write(streamed: jsonMembers(), reading: register, to: &target)
  }

  /// The JSON's members: the filters, the two long arrays made a contract at a time, totals.
  func jsonMembers() -> [(String, JSON.Member)] {
    var members: [(String, JSON.Member)] = [
      ("asOf", .value(.day(asOf))),
      ("by", .value(.day(by))),
      ("register", .value(.string(registerName))),
      ("group", .value(.string(group))),
      ("provider", .value(.string(provider))),
    ]
    if let department { members.append(("department", .value(.string(department)))) }
    let (contracts, undated) = (self.contracts, self.undated)
    members += [
      ("contracts", .elements(count: contracts.count) { contractJSON(contracts[$0]) }),
      ("undated", .elements(count: undated.count) { ExpiryReport.undatedJSON(undated[$0]) }),
      ("totals", .value(totalsJSON)),
    ]
    return members
  }

  /// One dated contract of the JSON.
  func contractJSON(_ contract: Contract) -> JSON {
    let end = contract.endDay
    return .object([
      ("id", .string(contract.id)),
      ("service", .string(contract.service)),
      ("provider", .string(contract.provider)),
      ("providers", .array(contract.providers.map { .string($0) })),
      ("department", .string(contract.department)),
      ("groups", .array(contract.groups.map { .string($0) })),
      ("end", .day(end)),
      ("endRaw", .string(contract.endText)),
      ("endPrecision", .string(contract.end.precision.rawValue)),
      ("daysFromAsOf", end.map { .int(($0 - asOf).days) } ?? .null),
      ("ended", .bool((end ?? asOf) < asOf)),
      ("value", .money(contract.value.amount)),
      ("valueRaw", .string(contract.valueText)),
      ("valueBasis", .string(contract.value.basis.rawValue)),
      ("valueEstimate", .bool(contract.value.isEstimate)),
      ("annualValue", .money(contract.annualValue)),
      ("annualValueAssumed", .bool(contract.annualValueIsAssumed)),
      ("maximumExtent", .day(contract.maximumExtent)),
      ("optionsLeft", .string(contract.optionsLeft?.description)),
      ("source", .string(contract.source)),
      ("location", .string(contract.location.description)),
    ])
  }

  /// One undated contract of the JSON, with why it has no end.
  static func undatedJSON(_ contract: Contract) -> JSON {
    .object([
      ("id", .string(contract.id)),
      ("service", .string(contract.service)),
      ("provider", .string(contract.provider)),
      ("reason", .string(contract.end.undated?.reason ?? "")),
      ("kind", .string(contract.end.undated?.kind.rawValue ?? "unknown")),
      ("endRaw", .string(contract.endText)),
      ("location", .string(contract.location.description)),
    ])
  }

  /// The counts and the annual total of the JSON.
  var totalsJSON: JSON {
    let sum = annualTotal
    return .object([
      ("count", .int(contracts.count)),
      ("ended", .int(endedCount)),
      ("undated", .int(undated.count)),
      ("annualValue", .money(sum.knownTotal)),
      ("valuesAssumedAnnual", .int(sum.assumed)),
      ("valuesUnknown", .int(sum.unknown)),
      ("totalsWithoutTerm", .int(sum.totalsWithoutTerm)),
      ("totalsAnnualised", .int(sum.annualised)),
      ("estimates", .int(sum.estimates)),
      (
        "otherCurrencies",
        .object(
          sum.otherCurrencies.sorted(by: { $0.key < $1.key }).map { ($0.key, .int($0.value)) })
      ),
      // Totals whose annual value is beyond 64-bit pence: known, but left out of the sum.
      ("valuesTooLarge", .int(sum.tooLarge)),
      // The sum itself went past what pence can hold: `annualValue` is a partial sum.
      ("sumOverflowed", .bool(sum.overflow)),
    ])
  }

  /// The dated contracts as CSV (undated ones follow with an empty end and their reason).
  public var csv: String {
    var text = ""
    writeCSV(to: &text)
    return text
  }

  /// Writes ``csv`` a row at a time, so a stream need never hold the whole answer.
  public func writeCSV<Target: TextOutputStream>(to out: inout Target) {
    var line = ""
    CSVWriter.append(
      [
        "id", "service", "provider", "end", "end_raw", "days_from_as_of", "ended", "value",
        "value_basis", "annual_value", "maximum_extent", "group", "undated_reason",
      ].map { CSVWriter.Cell.text($0) }, to: &line)
    out.write(line)
    for list in [contracts, undated] {
      for contract in list {
        line.removeAll(keepingCapacity: true)
        CSVWriter.append(row(contract), to: &line)
        out.write(line)
      }
    }

    func row(_ contract: borrowing Contract) -> [CSVWriter.Cell] {
      let end = contract.endDay
      return [
        .text(contract.id), .text(contract.service), .text(contract.provider),
        .number(end?.iso ?? ""), .text(contract.endText),
        .number(end.map { String(($0 - asOf).days) } ?? ""),
        .number(end.map { $0 < asOf ? "true" : "false" } ?? ""),
        .number(contract.value.amount?.decimalString ?? ""),
        .text(contract.value.basis.rawValue),
        .number(contract.annualValue?.decimalString ?? ""),
        .number(contract.maximumExtent?.iso ?? ""),
        .text(contract.groups.joined(separator: ";")),
        .text(contract.end.undated?.reason ?? ""),
      ]
    }
  }
}

/// The orders `expiring --sort` offers, spelled as users type them.
public enum ExpirySort: String, CaseIterable, Sendable {
  /// Soonest current end first (ties by service): the default.
  case end
  /// Largest annual value first; contracts with no annual value in pounds last.
  case value
  /// Provider A to Z, ignoring case; contracts with no provider last.
  case provider
  /// First group A to Z, ignoring case; contracts in no group last.
  case group

  /// A sort key: whether the contract lacks the value (so it sorts last), then the value.
  struct Key: Comparable {
    var missing: Bool
    var amount: Int64 = 0
    var text = ""

    static func < (a: Key, b: Key) -> Bool {
      (a.missing ? 1 : 0, a.amount, a.text) < (b.missing ? 1 : 0, b.amount, b.text)
    }
  }

  /// The contract's key; value is negated so the largest comes first.
  func key(_ contract: Contract) -> Key {
    switch self {
    case .end:
      return Key(missing: contract.endDay == nil, amount: Int64(contract.endDay?.ordinal ?? 0))
    case .value:
      guard let annual = contract.annualValue else { return Key(missing: true) }
      return Key(missing: false, amount: annual.minorUnits == .min ? .max : -annual.minorUnits)
    case .provider:
      return Key(missing: contract.provider.isEmpty, text: contract.provider.lowercased())
    case .group:
      let first = contract.groups.map { $0.lowercased() }.min()
      return Key(missing: first == nil, text: first ?? "")
    }
  }
}
