/// A Proposed Record of Decision for a synchronised extension, in the council's layout
/// (DOMAIN.md section 5), with an appendix for the covering report. Every figure is the
/// scheduler's: the record is built from an ``AlignmentProposal``.
public struct RecordOfDecision: Sendable {
  public var councilName: String
  public var decisionMaker: String
  public var decisionMakerName: String?
  public var decisionNumber: String
  public var classification: String
  public var subject: String
  /// The decision, first person.
  public var decision: String
  /// The reasons: the lead sentence, then one line per contract when it is a key decision.
  public var reasonsLead: String
  public var reasonItems: [String]
  public var reasonsClose: String?
  public var consultation: String
  public var alternatives: String
  public var reportAuthor: String?
  public var director: String?
  /// The contracts the record extends, and those it covers that need no extension.
  public var extended: [ContractProposal]
  public var notExtended: [ContractProposal]
  public var keyDecision: KeyDecisionTest
  public var newEnd: Day
  public var asOf: Day
  /// The appendix: the financial implications paragraphs and the timetable.
  public var financialImplications: [String]
  public var timetable: [TimetableEntry]
  /// Problems the drafter must look at: a late committee, a short notice, missed dates.
  public var checks: [String]
  public var proposal: AlignmentProposal

  public struct TimetableEntry: Sendable {
    public var label: String
    public var day: Day?
    public var status: String
    public var missed: Bool
  }
}

/// A record that cannot be drafted as asked.
public enum DecisionError: Error, Equatable, CustomStringConvertible {
  case unknownContracts([String], group: String, closeMatches: [String])

  public var description: String {
    switch self {
    case .unknownContracts(let ids, let group, let close):
      return
        "the record names \(ids.map { "'\($0)'" }.joined(separator: ", ")), not in group '\(group)'"
        + (close.isEmpty
          ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?")
    }
  }
}

extension RecordOfDecision {
  /// Drafts the record.
  ///
  /// - Parameters:
  ///   - proposal: the scheduler's proposal for the group (the whole group shapes the target).
  ///   - spec: who decides, the number, the committee, the wording; the contracts it covers.
  /// - Throws: ``DecisionError`` when the spec names contracts outside the group.
  public init(proposal: AlignmentProposal, spec: DecisionSpec) throws(DecisionError) {
    let council = proposal.council
    let ids = Set(proposal.contracts.map(\.contract.id))
    if let wanted = spec.contracts {
      let unknown = wanted.filter { !ids.contains($0) }
      if !unknown.isEmpty {
        let close = ids.filter { id in unknown.contains { editDistance($0, id) <= 4 } }.sorted()
        throw .unknownContracts(unknown, group: proposal.group, closeMatches: close)
      }
    }
    let covered = proposal.contracts.filter {
      spec.contracts?.contains($0.contract.id) ?? $0.extends
    }
    let extended = covered.filter(\.extends)
    let notExtended = covered.filter { !$0.extends }
    let key = KeyDecisionTest(extended, threshold: council.keyDecisionThreshold)
    let target = DateStyle.long(proposal.target)
    let role = spec.decisionMaker ?? council.decisionMaker ?? "Cabinet Member"
    let names = extended.map { ContractProposal.name($0.contract) }
    let list = RecordOfDecision.listed(names.isEmpty ? ["(none)"] : names)
    let body = RecordOfDecision.councilBody(council.name)
    var checks: [String] = []

    let number = spec.decisionNumber ?? "YY/NNNNN"
    if !RecordOfDecision.isDecisionNumber(number) {
      checks.append(
        "the decision number '\(number)' is not in the form YY/NNNNN (for example 16/00038)")
    }
    let purpose =
      spec.purpose ?? "to allow for harmonisation of the contract end dates"
    let decision =
      "As \(role), I propose to agree that \(body) extend the current contract\(extended.count == 1 ? "" : "s") for "
      + "\(list) to \(target), \(purpose.hasSuffix(".") ? String(purpose.dropLast()) : purpose)."

    // Reasons: the key-decision test on the covered contracts, with their annual values.
    var reasonItems: [String] = []
    let lead: String
    var close: String?
    if key.required {
      lead =
        "Decision exceeds key decision financial criteria. The annual value of each of the contracts is:"
      for p in extended {
        let value =
          p.contract.annualValue.map { $0.formatted } ?? "value not known (the register gives none)"
        reasonItems.append("\(ContractProposal.name(p.contract)) – \(value)")
      }
      let unknownCosts = extended.filter { $0.cost == nil }
      if unknownCosts.isEmpty {
        close =
          "The extensions cost \(RecordOfDecision.sum(extended).formatted(alwaysShowPence: true)) in total."
          + (RecordOfDecision.overflowSentence(extended).map { " " + $0 } ?? "")
      } else if unknownCosts.count == extended.count {
        close =
          "The cost of the extensions is not known: the register gives \(RecordOfDecision.missing(unknownCosts)) for them, so their annual values are the measure."
      } else {
        close =
          "The extensions whose cost is known cost \(RecordOfDecision.sum(extended).formatted(alwaysShowPence: true)); the cost of \(RecordOfDecision.listed(unknownCosts.map { ContractProposal.name($0.contract) })) is not known."
      }
    } else {
      lead =
        "This is not a key decision: the \(key.basis) of \(key.amount.formatted(alwaysShowPence: true)) \(key.basis == "extension cost" ? "is" : "are") below the key decision threshold of \(key.threshold.formatted)."
    }

    // Deadlines from the contracts the record covers: a contract led by another commissioner
    // shapes the target but not this decision's dates.
    let asOf = proposal.asOf
    let cycle = Timetable(
      newServiceStart: proposal.newServiceStart, extensions: covered, rules: council, asOf: asOf)
    let decisionBy = cycle.milestone(.extensionDecision)?.deadline
    let noticeBy = cycle.milestone(.extensionNotice)?.deadline
    let procurementBy =
      cycle.milestone(.procurementStart)?.deadline ?? proposal.procurementStartBy
    let councilMeeting = cycle.milestone(.extensionCommittee)?.meeting

    // Consultation: the committee that considers it, and when.
    let committeeName = spec.committee ?? councilMeeting?.committee
    let meeting = spec.meetingDate ?? councilMeeting?.date
    let consultation: String
    if let committeeName, let meeting {
      consultation =
        "The \(committeeName) will consider the matter at its meeting of \(DateStyle.long(meeting))."
    } else if let committeeName {
      consultation = "The \(committeeName) will consider the matter before the decision is taken."
      checks.append("no meeting date is given for the \(committeeName)")
    } else {
      consultation = "No committee meeting is recorded before the decision date."
      checks.append(
        "no committee meeting on or before the decision: add one to council.json or give --committee and --meeting-date"
      )
    }
    if let meeting, let decisionBy = decisionBy?.day, meeting > decisionBy {
      checks.append(
        "the committee meets on \(DateStyle.long(meeting)), after the decision must be taken (\(DateStyle.long(decisionBy)))"
      )
    }
    if let notice = spec.noticeDate, let decisionBy = decisionBy?.day {
      let clear = (decisionBy - notice).days - 1
      if clear < council.noticeClearDays {
        checks.append(
          "the forward-plan notice of \(DateStyle.long(notice)) leaves \(max(0, clear)) clear days before the decision on \(DateStyle.long(decisionBy)); \(council.noticeClearDays) are needed"
        )
      }
    }
    for p in covered where p.contract.endDay == nil {
      checks.append(
        "\(ContractProposal.name(p.contract)) has no end date in the register: the record does not give its extension's length or cost"
      )
    }
    for p in covered where p.contract.value.amount == nil {
      checks.append(
        "\(ContractProposal.name(p.contract)) has no value in the register: the record does not give one"
      )
    }

    // The timetable, with missed dates called out.
    var timetable: [TimetableEntry] = []
    func entry(_ label: String, _ deadline: Deadline?) {
      guard let deadline else {
        timetable.append(
          TimetableEntry(
            label: label, day: nil,
            status: "not known: the current end dates are not in the register", missed: false))
        return
      }
      let status =
        deadline.missedByDays.map { "MISSED by \($0) day\($0 == 1 ? "" : "s")" }
        ?? deadline.daysLeft.map { $0 == 0 ? "today" : "in \($0) day\($0 == 1 ? "" : "s")" } ?? ""
      timetable.append(
        TimetableEntry(
          label: label, day: deadline.day, status: status, missed: deadline.missedByDays != nil))
      if let missed = deadline.missedByDays {
        checks.append(
          "\(label.lowercased()) \(DateStyle.long(deadline.day)) was missed by \(missed) day\(missed == 1 ? "" : "s") at \(DateStyle.long(asOf))"
        )
      }
    }
    entry("Forward-plan notice by", noticeBy)
    if let meeting {
      let passed = meeting < asOf
      timetable.append(
        TimetableEntry(
          label: "Committee meeting", day: meeting,
          status: passed ? "held" : "in \((meeting - asOf).days) days", missed: false))
    }
    entry("Decision by", decisionBy)
    entry("Procurement start by", procurementBy)
    timetable.sort { ($0.day ?? Day(ordinal: Int.max)) < ($1.day ?? Day(ordinal: Int.max)) }

    // The financial implications paragraph.
    var finance: [String] = []
    let known = extended.filter { $0.cost != nil }
    var first =
      "The proposal extends \(extended.count) contract\(extended.count == 1 ? "" : "s") to \(target)"
    if known.count == extended.count, !extended.isEmpty {
      first +=
        " at a total cost of \(RecordOfDecision.sum(extended).formatted(alwaysShowPence: true)): "
      first +=
        extended.map {
          "\(ContractProposal.name($0.contract)) \($0.cost?.formatted(alwaysShowPence: true) ?? "") for \(RecordOfDecision.lengthText($0))"
        }.joined(separator: "; ") + "."
    } else if known.isEmpty {
      first +=
        ". The cost cannot be given: the register gives \(RecordOfDecision.missing(extended)) for \(extended.count == 1 ? "it" : "them")."
    } else {
      first +=
        ". The known costs total \(RecordOfDecision.sum(extended).formatted(alwaysShowPence: true)): "
      first += known.map {
        "\(ContractProposal.name($0.contract)) \($0.cost?.formatted(alwaysShowPence: true) ?? "") for \(RecordOfDecision.lengthText($0))"
      }.joined(separator: "; ")
      first +=
        ". The cost of \(RecordOfDecision.listed(extended.filter { $0.cost == nil }.map { ContractProposal.name($0.contract) })) is not known."
    }
    finance.append(first)
    if let overflow = RecordOfDecision.overflowSentence(extended) { finance.append(overflow) }
    if !known.isEmpty {
      finance.append(
        "Costs are pro rata on each contract's annual value: whole months at one twelfth of the annual value and remaining days at one 365th, rounded to the penny."
      )
    }
    let assumed = extended.filter { $0.costBasis == .assumedAnnual }
    if !assumed.isEmpty {
      finance.append(
        "The register does not say whether the values of \(RecordOfDecision.listed(assumed.map { ContractProposal.name($0.contract) })) are annual; they are treated as annual."
      )
    }
    let annualised = extended.filter { $0.costBasis == .annualisedTotal }
    if !annualised.isEmpty {
      finance.append(
        "The total values of \(RecordOfDecision.listed(annualised.map { ContractProposal.name($0.contract) })) are converted to annual values over their terms."
      )
    }
    let beyond = extended.filter { $0.withinOptions == false }
    if !beyond.isEmpty {
      finance.append(
        "\(RecordOfDecision.listed(beyond.map { ContractProposal.name($0.contract) })) \(beyond.count == 1 ? "goes" : "go") beyond the extension options recorded: a new award or a contract modification that the procurement rules permit is needed."
      )
    }
    for p in notExtended {
      let why: String
      switch p.action {
      case .withinTolerance:
        why =
          "ends \(DateStyle.long(p.currentEnd ?? proposal.target)), within \(council.alignmentToleranceDays) days of the new end date, so needs no extension"
      case .aligned: why = "already ends on \(target)"
      case .endsAfterTarget:
        why =
          "ends after \(target), on \(DateStyle.long(p.currentEnd ?? proposal.target)), and is not shortened"
      default: why = "is not extended"
      }
      finance.append("\(ContractProposal.name(p.contract)) \(why).")
    }
    finance.append(
      key.required
        ? "The decision is a key decision: the \(key.basis) of \(key.amount.formatted(alwaysShowPence: true)) \(key.basis == "extension cost" ? "meets" : "meet") the threshold of \(key.threshold.formatted)."
        : "The decision is not a key decision: the \(key.basis) of \(key.amount.formatted(alwaysShowPence: true)) \(key.basis == "extension cost" ? "is" : "are") below the threshold of \(key.threshold.formatted)."
    )

    self.init(
      councilName: council.name, decisionMaker: role, decisionMakerName: spec.decisionMakerName,
      decisionNumber: number,
      classification: spec.exemptParagraph.map { "Exempt: \($0)" } ?? "For publication",
      subject: spec.subject
        ?? "Extension of the contract\(extended.count == 1 ? "" : "s") for \(list) to \(target)",
      decision: decision, reasonsLead: lead, reasonItems: reasonItems, reasonsClose: close,
      consultation: consultation, alternatives: spec.alternatives ?? "None recorded.",
      reportAuthor: spec.reportAuthor, director: spec.director, extended: extended,
      notExtended: notExtended, keyDecision: key, newEnd: proposal.target, asOf: proposal.asOf,
      financialImplications: finance, timetable: timetable, checks: checks, proposal: proposal)
  }

  /// The title line: `KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION`.
  public var title: String { councilName.uppercased() + " – PROPOSED RECORD OF DECISION" }

  /// `A`, `A and B`, `A, B and C`.
  static func listed(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
  }

  /// How a council refers to itself in a decision: `the County Council`.
  static func councilBody(_ name: String) -> String {
    for body in ["County Council", "Borough Council", "District Council", "City Council"]
    where name.hasSuffix(body) {
      return "the " + body
    }
    return "the Council"
  }

  /// `YY/NNNNN`.
  static func isDecisionNumber(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    return bytes.count == 8 && bytes[2] == UInt8(ascii: "/")
      && bytes.enumerated().allSatisfy { $0.offset == 2 || TextScanner.isDigit($0.element) }
  }

  /// What the register lacks for these contracts: `no current end date`, `no value`, or both.
  static func missing(_ proposals: [ContractProposal]) -> String {
    let noEnd = proposals.contains { $0.contract.endDay == nil }
    let noValue = proposals.contains { $0.contract.annualValue == nil && $0.costBasis != .tooLarge }
    if proposals.contains(where: { $0.costBasis == .tooLarge }) {
      // The register gives the figures; the arithmetic cannot hold the result.
      let other = noEnd || noValue ? missing(proposals.filter { $0.costBasis != .tooLarge }) : nil
      return "values whose cost is \(ContractProposal.tooLarge)" + (other.map { " or " + $0 } ?? "")
    }
    switch (noEnd, noValue) {
    case (true, true): return "no current end date or no value"
    case (false, true): return "no value"
    default: return "no current end date"
    }
  }

  static func sum(_ proposals: [ContractProposal]) -> Money { CostSum(proposals).total }

  /// The sentence for costs whose sum overflowed 64-bit pence, or nil: the total printed is
  /// only part of the whole, and the record must not pass it off as the whole.
  static func overflowSentence(_ proposals: [ContractProposal]) -> String? {
    CostSum(proposals).overflowCaveat.map {
      "The total is not the whole cost: " + $0 + "; it is larger than this tool can add up."
    }
  }

  /// `6 months`, `7 months and 3 days`, `15 days`.
  static func lengthText(_ p: ContractProposal) -> String {
    let m = p.extensionMonths ?? 0
    let d = p.extensionRemainderDays ?? 0
    var parts: [String] = []
    if m > 0 { parts.append(m == 1 ? "1 month" : "\(m) months") }
    if d > 0 || m == 0 { parts.append(d == 1 ? "1 day" : "\(d) days") }
    return parts.joined(separator: " and ")
  }
}
