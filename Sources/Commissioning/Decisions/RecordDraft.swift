/// A Record of Decision while it is drafted: each step (the decision's kind, the consultation,
/// the notice check, the timetable) fills in its part, so no step is longer than a reader can
/// hold at once.
struct RecordDraft {
  let proposal: AlignmentProposal
  let spec: DecisionSpec
  let covered: [ContractProposal]
  var council: CouncilRules { proposal.council }
  var asOf: Day { proposal.asOf }
  let role: String
  let number: String

  var subject = ""
  var decision: [String] = []
  var reasonsLead = ""
  var reasonItems: [String] = []
  var reasonsClose: String?
  var consultation = ""
  var extended: [ContractProposal] = []
  var notExtended: [ContractProposal] = []
  var award: AwardTerms?
  var variation: Variation?
  var key = KeyDecisionTest(required: false, basis: "value", amount: .zero, threshold: .zero)
  var finance: [String] = []
  var checks: [RecordCheck] = []
  /// The decision's dates: by when it is taken and its forward-plan notice.
  var decisionBy: Deadline?
  var noticeBy: Deadline?
  /// The council's committee meeting on or before the decision, as the timetable chose it.
  var meeting: CouncilRules.Meeting?
  var meetingRule: TimetableRule?
  /// The timetable's other dates, by label (procurement start, contract start).
  var otherDates: [(String, Deadline?)] = []
  var timetable: [RecordOfDecision.TimetableEntry] = []

  init(proposal: AlignmentProposal, spec: DecisionSpec, covered: [ContractProposal]) {
    self.proposal = proposal
    self.spec = spec
    self.covered = covered
    role = spec.decisionMaker ?? proposal.council.decisionMaker ?? "Cabinet Member"
    number = spec.decisionNumber ?? "YY/NNNNN"
    if !RecordOfDecision.isDecisionNumber(number) {
      checks.append(.decisionNumberForm(number: number))
    }
  }

  /// The role as the decision's sentence writes it: Kent's heading says "Adult Social Care &
  /// Public Health", its sentence "Adult Social Care and Public Health".
  var roleInProse: String { role.replacingOccurrences(of: " & ", with: " and ") }

  /// How the council refers to itself: `the County Council`.
  var body: String { RecordOfDecision.councilBody(council.name) }

  /// The decision's paragraphs for an action clause ("extend the current contracts ...", "enter
  /// into a contract ..."), in the spec's form.
  func decisionParagraphs(action: String) -> [String] {
    switch spec.form ?? .propose {
    case .propose: return ["As \(roleInProse), I propose to agree that \(body) \(action)"]
    case .agree:
      return ["As \(roleInProse) I agree to:", action.prefix(1).uppercased() + action.dropFirst()]
    }
  }

  /// The spec's purpose as a clause ending the decision: `, to allow for ...` with no full stop.
  func purposeClause(separator: String = ", ", fallback: String? = nil) -> String {
    guard let purpose = spec.purpose ?? fallback, !purpose.isEmpty else { return "" }
    return separator + (purpose.hasSuffix(".") ? String(purpose.dropLast()) : purpose)
  }

  /// The decision's dates from the one timetable engine: by when it is taken, its forward-plan
  /// notice and the committee meeting that considers it (``Timetable``).
  mutating func takeDates(
    from cycle: Timetable, decision: Milestone.Kind, notice: Milestone.Kind,
    committee: Milestone.Kind
  ) {
    decisionBy = cycle.milestone(decision)?.deadline
    noticeBy = cycle.milestone(notice)?.deadline
    meeting = cycle.milestone(committee)?.meeting
    meetingRule = cycle.milestone(committee)?.rule
  }

  /// The key-decision sentence for the appendix, on the test's own figures.
  var keySentence: String {
    let verb = key.basis.hasSuffix("s") ? ("meet", "are") : ("meets", "is")
    let amount = key.amount.formatted(alwaysShowPence: true)
    return key.required
      ? "The decision is a key decision: the \(key.basis) of \(amount) \(verb.0) the threshold "
        + "of \(key.threshold.formatted)."
      : "The decision is not a key decision: the \(key.basis) of \(amount) \(verb.1) below the "
        + "threshold of \(key.threshold.formatted)."
  }

  /// The reasons' lead when the test is on one figure (an award's value, a variation's change).
  mutating func setSingleFigureReasons(known: Bool) {
    if !known {
      reasonsLead =
        "Whether this is a key decision cannot be said: the \(key.basis) is not known."
    } else if key.required {
      reasonsLead = "Decision exceeds key decision financial criteria."
    } else {
      reasonsLead =
        "This is not a key decision: the \(key.basis) of "
        + "\(key.amount.formatted(alwaysShowPence: true)) is below the key decision threshold of "
        + "\(key.threshold.formatted)."
    }
  }
}

// MARK: - The steps every kind shares

extension RecordDraft {
  /// The committee that considers the decision, and when: the spec's, or the council's last
  /// meeting on or before the decision.
  mutating func consult() {
    if let named = spec.committee, spec.meetingDate == nil {
      // A committee the spec names meets on its own dates, never on another committee's.
      func key(_ name: String) -> String {
        Column.normalise(name.replacingOccurrences(of: "&", with: " and "))
      }
      let own = proposal.council.meetings.filter {
        key($0.committee) == key(named) || $0.committee.isEmpty
      }
      // Its latest meeting on or before the decision; else its next, which the checks flag.
      let fits = decisionBy.flatMap { d in own.last { $0.date <= d.day } }
      self.meeting = fits ?? own.first { m in decisionBy.map { m.date > $0.day } ?? true }
      meetingRule = fits.map { _ in .latestMeeting(committee: named, decision: .extensionDecision) }
    }
    let committeeName = spec.committee ?? self.meeting?.committee
    let meeting = spec.meetingDate ?? self.meeting?.date
    if let committeeName, let meeting {
      consultation =
        "The \(committeeName) will consider the matter at its meeting of \(DateStyle.long(meeting))."
    } else if let committeeName {
      consultation = "The \(committeeName) will consider the matter before the decision is taken."
      checks.append(.committeeNoDate(committee: committeeName))
    } else {
      consultation = "No committee meeting is recorded before the decision date."
      checks.append(.noCommittee)
    }
    if let meeting, let decisionBy = decisionBy?.day, meeting > decisionBy {
      checks.append(.committeeAfterDecision(meeting: meeting, decisionBy: decisionBy))
    }
    if let meeting {
      let status = meeting < asOf ? "held" : "in \((meeting - asOf).days) days"
      // The timetable's rule when it chose the meeting; none when the spec names the date.
      let rule = spec.meetingDate == nil ? meetingRule : nil
      timetable.append(
        .init(label: "Committee meeting", day: meeting, status: status, missed: false, rule: rule))
    }
  }

  /// Whether the notice the spec gives leaves the council's clear days before the decision.
  mutating func checkNotice() {
    guard let notice = spec.noticeDate, let decisionBy = decisionBy?.day else { return }
    let clear = (decisionBy - notice).days - 1
    if clear < council.noticeClearDays {
      checks.append(
        .noticeShort(
          notice: notice, decisionBy: decisionBy, clearDays: max(0, clear),
          needed: council.noticeClearDays))
    }
  }

  /// The timetable in date order, each missed date also a check.
  mutating func buildTimetable() {
    var dates = [("Decision by", decisionBy)] + otherDates
    // A decision under the threshold is not on the forward plan: no notice date to meet.
    if noticeBy != nil || decisionBy == nil || key.required {
      dates.insert(("Forward-plan notice by", noticeBy), at: 0)
    }
    for (label, deadline) in dates { addEntry(label, deadline) }
    timetable.sort { ($0.day ?? Day(ordinal: Int.max)) < ($1.day ?? Day(ordinal: Int.max)) }
  }

  private mutating func addEntry(_ label: String, _ deadline: Deadline?) {
    guard let deadline else {
      timetable.append(
        .init(
          label: label, day: nil,
          status: "not known: the current end dates are not in the register", missed: false))
      return
    }
    let status =
      deadline.missedByDays.map { "MISSED by \($0) day\($0 == 1 ? "" : "s")" }
      ?? deadline.daysLeft.map { $0 == 0 ? "today" : "in \($0) day\($0 == 1 ? "" : "s")" } ?? ""
    timetable.append(
      .init(
        label: label, day: deadline.day, status: status, missed: deadline.missedByDays != nil,
        rule: deadline.rule))
    if let missed = deadline.missedByDays {
      checks.append(
        .deadlineMissed(milestone: label, day: deadline.day, byDays: missed, asOf: asOf))
    }
  }

  /// Covered contracts the register gives no end date or no value for (the council's own: a
  /// partner's gaps are the partner's).
  mutating func checkRegisterGaps() {
    let covered = covered.filter(\.isCouncilLed)
    for p in covered where p.contract.endDay == nil {
      checks.append(.noEndDate(contract: p.contract.id, name: ContractProposal.name(p.contract)))
    }
    for p in covered where p.contract.value.amount == nil {
      checks.append(.noValue(contract: p.contract.id, name: ContractProposal.name(p.contract)))
    }
    for p in covered {
      let text = p.contract.service + " " + p.contract.provider
      if let character = RecordCheck.unbalanced(text) {
        checks.append(
          .nameUnbalanced(
            contract: p.contract.id, name: ContractProposal.name(p.contract), character: character))
      }
    }
  }
}
