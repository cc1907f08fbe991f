/// `extend`: the covered contracts extended to the proposal's target (15/00067, 16/00038).
extension RecordDraft {
  mutating func draftExtension() {
    // A contract led by another commissioner is the partner's to extend, never the council's.
    extended = covered.filter { $0.extends && $0.isCouncilLed }
    notExtended = covered.filter { !($0.extends && $0.isCouncilLed) }
    key = KeyDecisionTest(extended, threshold: council.keyDecisionThreshold)
    let count = extended.count
    subject = "Extension of the contract\(count == 1 ? "" : "s") for \(extendedList) to \(target)"
    decision = extensionDecision
    extensionReasons()
    // The one timetable: a contract led by another commissioner shapes the target but not
    // this decision's dates.
    let cycle = Timetable(
      newServiceStart: proposal.newServiceStart, extensions: covered, rules: council, asOf: asOf,
      extensionIsKey: key.required)
    takeDates(
      from: cycle, decision: .extensionDecision, notice: .extensionNotice,
      committee: .extensionCommittee)
    otherDates = [
      (
        Milestone.Kind.procurementStart.label,
        cycle.milestone(.procurementStart)?.deadline ?? proposal.procurementStartBy
      )
    ]
    checkRegisterGaps()
    extensionFinance()
  }

  var target: String { DateStyle.long(proposal.target) }

  var extendedList: String {
    let names = extended.map { ContractProposal.name($0.contract) }
    return RecordOfDecision.listed(names.isEmpty ? ["(none)"] : names)
  }

  /// "I propose to agree that the County Council extend the current contracts for ... to ...",
  /// or, in the agree form, "Extend Kent County Council's contracts with KCHFT for ... The
  /// contracts to be extended until 31 March 2017." as the 2016 record has it.
  var extensionDecision: [String] {
    let plural = extended.count == 1 ? "" : "s"
    switch spec.form ?? .propose {
    case .propose:
      return decisionParagraphs(
        action: "extend the current contract\(plural) for \(extendedList) to \(target)"
          + purposeClause(fallback: "to allow for harmonisation of the contract end dates") + ".")
    case .agree:
      return decisionParagraphs(
        action: "extend \(council.name)'s contract\(plural) with \(providerClauses). "
          + "The contract\(plural) to be extended until \(target)" + purposeClause() + ".")
    }
  }

  /// `KCHFT for A and B and with MFT for C`: the extended contracts by provider, each provider
  /// by the full name the council's aliases give an abbreviation.
  var providerClauses: String {
    var order: [String] = []
    var services: [String: [String]] = [:]
    for p in extended {
      let provider = p.contract.provider.singleLine
      if services[provider] == nil { order.append(provider) }
      let service = p.contract.service.isEmpty ? p.contract.id : p.contract.service.singleLine
      services[provider, default: []].append(service)
    }
    guard !order.isEmpty else { return "(none)" }
    return order.map { provider in
      let list = RecordOfDecision.listed(services[provider] ?? [])
      return provider.isEmpty ? "for \(list)" : "\(fullName(provider)) for \(list)"
    }.joined(separator: " and with ")
  }

  /// `Kent Community Health Foundation Trust` for `KCHFT`: an all-capitals name with aliases
  /// reads as the council's first alias for it.
  func fullName(_ provider: String) -> String {
    let isAbbreviation = provider.allSatisfy { $0.isUppercase || $0.isNumber }
    guard isAbbreviation, let alias = council.providerAliases[provider]?.first else {
      return provider
    }
    return alias
  }

  /// The key-decision test on the covered contracts, with their annual values.
  mutating func extensionReasons() {
    reasonItems = []
    reasonsClose = nil
    guard key.required else {
      let verb = key.basis == "extension cost" ? "is" : "are"
      reasonsLead =
        "This is not a key decision: the \(key.basis) of "
        + "\(key.amount.formatted(alwaysShowPence: true)) \(verb) below the key decision "
        + "threshold of \(key.threshold.formatted)."
      return
    }
    reasonsLead =
      "Decision exceeds key decision financial criteria. The annual value of each of the "
      + "contracts is:"
    for p in extended {
      let value =
        p.contract.annualValue.map { $0.formatted } ?? "value not known (the register gives none)"
      reasonItems.append("\(ContractProposal.name(p.contract)) – \(value)")
    }
    reasonsClose = extensionCostSentence
  }

  var extensionCostSentence: String {
    let unknownCosts = extended.filter { $0.cost == nil }
    let total = RecordOfDecision.sum(extended).formatted(alwaysShowPence: true)
    if unknownCosts.isEmpty {
      return "The extensions cost \(total) in total."
        + (RecordOfDecision.overflowSentence(extended).map { " " + $0 } ?? "")
    } else if unknownCosts.count == extended.count {
      return "The cost of the extensions is not known: the register gives "
        + "\(RecordOfDecision.missing(unknownCosts)) for them, so their annual values are the "
        + "measure."
    }
    return "The extensions whose cost is known cost \(total); the cost of "
      + "\(RecordOfDecision.listed(unknownCosts.map { ContractProposal.name($0.contract) })) is "
      + "not known."
  }
}

// MARK: - The financial implications of an extension

extension RecordDraft {
  mutating func extensionFinance() {
    finance = [extensionCostParagraph]
    if let overflow = RecordOfDecision.overflowSentence(extended) { finance.append(overflow) }
    if extended.contains(where: { $0.cost != nil }) {
      finance.append(
        "Costs are pro rata on each contract's annual value: whole months at one twelfth of the "
          + "annual value and remaining days at one 365th, rounded to the penny.")
    }
    let named = { (list: [ContractProposal]) in
      RecordOfDecision.listed(list.map { ContractProposal.name($0.contract) })
    }
    let assumed = extended.filter { $0.costBasis == .assumedAnnual }
    if !assumed.isEmpty {
      finance.append(
        "The register does not say whether the values of \(named(assumed)) are annual; they are "
          + "treated as annual.")
    }
    let annualised = extended.filter { $0.costBasis == .annualisedTotal }
    if !annualised.isEmpty {
      finance.append(
        "The total values of \(named(annualised)) are converted to annual values over their terms.")
    }
    let beyond = extended.filter { $0.withinOptions == false }
    if !beyond.isEmpty {
      finance.append(
        "\(named(beyond)) \(beyond.count == 1 ? "goes" : "go") beyond the extension options "
          + "recorded: a new award or a contract modification that the procurement rules permit "
          + "is needed.")
    }
    for p in notExtended { finance.append(notExtendedSentence(p)) }
    finance.append(keySentence)
  }

  /// The first paragraph: how many contracts, to when, at what cost.
  var extensionCostParagraph: String {
    let known = extended.filter { $0.councilCost != nil }
    let total = RecordOfDecision.sum(extended).formatted(alwaysShowPence: true)
    let each = { (list: [ContractProposal]) in
      list.map {
        "\(ContractProposal.name($0.contract)) \($0.councilCostText(unknown: "")) "
          + "for \(RecordOfDecision.lengthText($0))"
      }.joined(separator: "; ")
    }
    let count = extended.count
    let first = "The proposal extends \(count) contract\(count == 1 ? "" : "s") to \(target)"
    if known.count == count, count > 0 {
      return first + " at a total cost of \(total): " + each(extended) + "."
    } else if known.isEmpty {
      return first + ". The cost cannot be given: the register gives "
        + "\(RecordOfDecision.missing(extended)) for \(count == 1 ? "it" : "them")."
    }
    let unknown = extended.filter { $0.councilCost == nil }.map {
      ContractProposal.name($0.contract)
    }
    return first + ". The known costs total \(total): " + each(known)
      + ". The cost of \(RecordOfDecision.listed(unknown)) is not known."
  }

  func notExtendedSentence(_ p: ContractProposal) -> String {
    let end = DateStyle.long(p.currentEnd ?? proposal.target)
    let why: String
    if !p.isCouncilLed {
      return "\(ContractProposal.name(p.contract)) is commissioned by "
        + "\(p.contract.commissioner.singleLine), which decides its own extension: it is not "
        + "part of this decision."
    }
    switch p.action {
    case .withinTolerance:
      why =
        "ends \(end), within \(council.alignmentToleranceDays) days of the new end date, so needs "
        + "no extension"
    case .aligned: why = "already ends on \(target)"
    case .endsAfterTarget: why = "ends after \(target), on \(end), and is not shortened"
    default: why = "is not extended"
    }
    return "\(ContractProposal.name(p.contract)) \(why)."
  }
}
