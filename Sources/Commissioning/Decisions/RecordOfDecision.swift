/// A Proposed Record of Decision in the council's layout (DOMAIN.md section 5), with an
/// appendix for the covering report: extending contracts to a common end, awarding a new
/// contract, or varying one. Every extension figure is the scheduler's: the record is built
/// from an ``AlignmentProposal``.
public struct RecordOfDecision: Sendable {
  public var kind: DecisionKind
  public var councilName: String
  public var decisionMaker: String
  public var decisionMakerName: String?
  public var decisionNumber: String
  public var classification: String
  public var subject: String
  /// The decision, first person, as paragraphs ("I agree to:" puts the action in its own).
  public var decision: [String]
  /// The reasons: the lead sentence, then one line per contract when it is a key decision.
  public var reasonsLead: String
  public var reasonItems: [String]
  public var reasonsClose: String?
  public var consultation: String
  public var alternatives: String
  public var reportAuthor: String?
  public var director: String?
  /// The contracts the record extends, and those it covers that need no extension (both empty
  /// for an award or a variation, which have ``award`` and ``variation`` instead).
  public var extended: [ContractProposal]
  public var notExtended: [ContractProposal]
  public var award: AwardTerms?
  public var variation: Variation?
  public var keyDecision: KeyDecisionTest
  public var newEnd: Day
  public var asOf: Day
  /// The appendix: the financial implications paragraphs and the timetable.
  public var financialImplications: [String]
  public var timetable: [TimetableEntry]
  /// Problems the drafter must look at: a late committee, a short notice, missed dates.
  public var checks: [RecordCheck]
  public var proposal: AlignmentProposal

  public struct TimetableEntry: Sendable {
    public var label: String
    public var day: Day?
    public var status: String
    public var missed: Bool
    /// The timetable rule that set the date (nil for the committee the spec names).
    public var rule: TimetableRule? = nil
  }
}

/// A record that cannot be drafted as asked.
public enum DecisionError: Error, Equatable, CustomStringConvertible {
  case unknownContracts([String], group: String, closeMatches: [String])
  /// A variation modifies one contract: the spec must name exactly one.
  case variationNeedsOneContract(count: Int)
  /// An extension record with no contract the council leads and extends: partners decide
  /// their own, and a record of "(none)" would mislead.
  case nothingToExtend(group: String, partners: [String])
  /// An award whose contract ends before it starts.
  case awardEndsBeforeStart(start: Day, end: Day)

  public var description: String {
    switch self {
    case .unknownContracts(let ids, let group, let close):
      return
        "the record names \(ids.map { "'\($0)'" }.joined(separator: ", ")), not in group '\(group)'"
        + (close.isEmpty
          ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?")
    case .awardEndsBeforeStart(let start, let end):
      return "the award's contract ends on \(end.iso), before it starts on \(start.iso)"
    case .nothingToExtend(let group, let partners):
      return "the council extends no contract it leads in group '\(group)'"
        + (partners.isEmpty
          ? "; every contract already ends on or near the target"
          : "; \(RecordOfDecision.listed(partners)) decide\(partners.count == 1 ? "s" : "") their own")
        + ", so there is no record to draft"
    case .variationNeedsOneContract(let count):
      return "a variation modifies one contract; the spec names \(count) (give \"contracts\": "
        + "[\"id\"] or --contracts id)"
    }
  }
}

extension RecordOfDecision {
  /// Drafts the record.
  ///
  /// - Parameters:
  ///   - proposal: the scheduler's proposal for the group (the whole group shapes the target).
  ///   - spec: who decides, the number, the committee, the wording; the contracts it covers.
  /// - Throws: ``DecisionError`` when the spec names contracts outside the group, or a
  ///   variation does not name exactly one.
  public init(proposal: AlignmentProposal, spec: DecisionSpec) throws(DecisionError) {
    if spec.kind == .award, let start = spec.contractStart, let end = spec.contractEnd, end < start
    {
      throw .awardEndsBeforeStart(start: start, end: end)
    }
    let covered = try Self.covered(proposal, spec)
    if (spec.kind ?? .extend) == .extend,
      !covered.contains(where: { $0.extends && $0.isCouncilLed })
    {
      var partners: [String] = []
      for p in covered where !p.isCouncilLed && !partners.contains(p.contract.commissioner) {
        partners.append(p.contract.commissioner)
      }
      throw .nothingToExtend(group: proposal.group, partners: partners)
    }
    var draft = RecordDraft(proposal: proposal, spec: spec, covered: covered)
    switch spec.kind ?? .extend {
    case .extend: draft.draftExtension()
    case .award: draft.draftAward()
    case .vary: try draft.draftVariation()
    }
    draft.consult()
    draft.checkNotice()
    draft.buildTimetable()
    self.init(draft)
  }

  /// The contracts the spec names (all in the group), or by default every contract to extend.
  static func covered(_ proposal: AlignmentProposal, _ spec: DecisionSpec) throws(DecisionError)
    -> [ContractProposal]
  {
    let ids = Set(proposal.contracts.map(\.contract.id))
    if let wanted = spec.contracts {
      let unknown = wanted.filter { !ids.contains($0) }
      if !unknown.isEmpty {
        let close = ids.filter { id in unknown.contains { editDistance($0, id) <= 4 } }.sorted()
        throw .unknownContracts(unknown, group: proposal.group, closeMatches: close)
      }
    }
    // With none named, an extension covers every contract to extend; an award or a variation
    // none (its terms come from the spec).
    let extending = (spec.kind ?? .extend) == .extend
    return proposal.contracts.filter {
      spec.contracts?.contains($0.contract.id) ?? (extending && $0.extends)
    }
  }

  init(_ draft: RecordDraft) {
    let spec = draft.spec
    self.init(
      kind: spec.kind ?? .extend, councilName: draft.council.name, decisionMaker: draft.role,
      decisionMakerName: spec.decisionMakerName, decisionNumber: draft.number,
      classification: spec.exemptParagraph.map { "Exempt: \($0)" } ?? "For publication",
      subject: spec.subject ?? draft.subject, decision: draft.decision,
      reasonsLead: draft.reasonsLead, reasonItems: draft.reasonItems,
      reasonsClose: draft.reasonsClose, consultation: draft.consultation,
      alternatives: spec.alternatives ?? "None recorded.", reportAuthor: spec.reportAuthor,
      director: spec.director, extended: draft.extended, notExtended: draft.notExtended,
      award: draft.award, variation: draft.variation, keyDecision: draft.key,
      newEnd: draft.proposal.target, asOf: draft.proposal.asOf,
      financialImplications: draft.finance, timetable: draft.timetable, checks: draft.checks,
      proposal: draft.proposal)
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
