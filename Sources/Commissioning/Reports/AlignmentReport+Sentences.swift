extension AlignmentProposal {
  /// `Target end 31 March 2017 (the day before the new service starts); new service from …`
  public var targetSentence: String {
    let rule: String
    switch targetRule {
    case .end: rule = "the end date asked for"
    case .newServiceStart: rule = "the day before the new service starts"
    case .latestEnd: rule = "the latest current end in the group"
    }
    return
      "Target end \(DateStyle.long(target)) (\(rule)); new service from \(DateStyle.long(newServiceStart))."
      + " As of \(DateStyle.long(asOf))."
  }

  /// What the extensions cost the council, in one sentence: the total, the costs unknown, the
  /// council's shares and the partners' extensions left out. The text, HTML and other reports
  /// say it in the same words.
  public var costSentence: String {
    let count = councilExtensions.count
    let plural = count == 1 ? "" : "s"
    var total: String
    if count == 0 {
      total =
        partnerExtensions.isEmpty
        ? "No extension is needed: every contract already ends on or near the target"
        : "The council extends no contract it leads"
    } else if missingCosts == count {
      total =
        "The cost of the \(count) extension\(plural) is unknown"
        + (costTooLarge ? " or \(ContractProposal.tooLarge)" : "")
    } else {
      total =
        "Total extension cost \(totalCost.formatted(alwaysShowPence: true)) for \(count) extension\(plural)"
      if missingCosts > 0 {
        total +=
          " (\(missingCosts) cost\(missingCosts == 1 ? "" : "s") unknown"
          + (costTooLarge ? " or \(ContractProposal.tooLarge)" : "") + ", not included)"
      }
      if let caveat = overflowCaveat { total += "; " + caveat }
      let shared = councilExtensions.filter { $0.councilCost != $0.cost }
      if !shared.isEmpty {
        // The council pays a share of some: say what the whole costs, so neither is mistaken.
        let whole = CostSum(costs: councilExtensions.map(\.cost))
        total +=
          " (the council's share of \(shared.count == 1 ? "one contract" : "\(shared.count) contracts");"
          + " in whole, \(whole.total.formatted(alwaysShowPence: true)))"
      }
    }
    if !partnerExtensions.isEmpty {
      let n = partnerExtensions.count
      total +=
        "; \(n) partner-led extension\(n == 1 ? " is" : "s are") the partner's, not included"
    }
    return total + "."
  }

  /// Whether the extension is a key decision, and on what figure, in one sentence.
  public var keyDecisionSentence: String {
    let kd = keyDecision
    let amount = kd.amount.formatted(alwaysShowPence: true)
    let standIn = kd.basis != "extension cost"
    let subject =
      standIn ? "the annual values of the contracts to extend, \(amount)," : "the total, \(amount),"
    let verb = standIn ? (kd.required ? "meet" : "are under") : (kd.required ? "meets" : "is under")
    var verdict =
      "Key decision: \(kd.required ? "yes" : "no"): \(subject) \(verb) the threshold of \(kd.threshold.formatted)."
    if standIn { verdict += " They stand in because some extension costs are unknown." }
    return verdict
  }

  /// The council's deadlines, soonest first, with lines for dates unknown, a meeting missing
  /// or a notice not needed: a date (or none), a label, a status and the rule behind it.
  public var councilTimetable: [(day: Day?, label: String, status: String, why: String)] {
    var entries: [(day: Day?, label: String, status: String, why: String)] = []
    // The current end is the decision's day and named in its rule: not a line of its own.
    for milestone in timetable.milestones
    where milestone.owner == .council && milestone.kind != .currentEnd
      && Day.writable.contains(milestone.day)
    {
      entries.append(AlignmentProposal.entry(milestone, asOf: asOf))
    }
    let unwritable = timetable.milestones.filter { !Day.writable.contains($0.day) }.count
    if unwritable > 0 {
      entries.append(
        (
          nil, "\(unwritable) not shown", "",
          "fall\(unwritable == 1 ? "s" : "") outside the years 0001 to 9999"
        ))
    }
    let unknownEnds = "the current ends of the contracts to extend are not known"
    if decisionBy == nil, !councilExtensions.isEmpty {
      if keyDecision.required {
        entries.append((nil, Milestone.Kind.extensionNotice.label, "unknown", unknownEnds))
      }
      entries.append((nil, Milestone.Kind.extensionDecision.label, "unknown", unknownEnds))
    } else if let decisionBy, committee == nil {
      let why =
        council.calendarEnd(before: decisionBy.day).map {
          "the meetings in council.json end \(DateStyle.long($0)), too long before the decision"
        } ?? "no meeting in council.json on or before the decision"
      entries.append((nil, "Committee meeting", "none", why))
    }
    // The award's committee too: a calendar that ends years before the award names none.
    if let award = timetable.milestone(.awardDecision), timetable.milestone(.awardCommittee) == nil,
      let end = council.calendarEnd(before: award.day)
    {
      entries.append(
        (
          nil, Milestone.Kind.awardCommittee.label, "none",
          "the meetings in council.json end \(DateStyle.long(end)), too long before the award decision"
        ))
    }
    if decisionBy != nil, !keyDecision.required {
      entries.append(
        (
          nil, "Forward-plan notice", "not needed",
          "under the key-decision threshold, the decision is not on the forward plan"
        ))
    }
    entries.sort { ($0.day ?? Day(ordinal: Int.max)) < ($1.day ?? Day(ordinal: Int.max)) }
    return entries
  }
}
