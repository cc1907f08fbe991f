import Foundation
import Testing

@testable import Commissioning

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The 15/00067 spec, as Examples/decision-15-00067.json has it.
func spec(_ name: String) throws -> DecisionSpec {
  let url = repositoryRoot.appendingPathComponent("Examples/\(name)")
  return try DecisionSpec.parse(json: [UInt8](try Data(contentsOf: url)), file: name)
}

@Suite("Record of decision")
struct DecisionTests {
  @Test("15/00067: three contracts, their annual values, a key decision, the papers' wording")
  func record15_00067() throws {
    let s = try spec("decision-15-00067.json")
    let proposal = try AlignmentProposal(
      register: try loadKent("kent-2015-07"), group: "childrens-public-health",
      target: .end(day("2016-09-30")), asOf: day("2015-07-08"))
    let record = try RecordOfDecision(proposal: proposal, spec: s)
    #expect(record.title == "KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION")
    #expect(record.decisionNumber == "15/00067")
    #expect(record.extended.map(\.contract.id) == ["school-ph-kchft", "school-ph-mft", "ypsm-kca"])
    #expect(record.keyDecision.required)
    #expect(record.reasonsLead.hasPrefix("Decision exceeds key decision financial criteria."))
    #expect(
      record.reasonItems == [
        "School Public Health Services (KCHFT) – £4,859,856",
        "School Public Health Service (MFT) – £414,379",
        "Young People’s Substance Misuse Service (KCA) – £854,464",
      ])
    #expect(
      record.decision[0].hasPrefix(
        "As Cabinet Member for Adult Social Care and Public Health, I propose to agree that the County Council extend the current contracts for School Public Health Services (KCHFT), School Public Health Service (MFT) and Young People’s Substance Misuse Service (KCA) to 30 September 2016, to allow for harmonisation of the contract end dates"
      ))
    #expect(
      record.consultation
        == "The Children's Social Care & Health Cabinet Committee will consider the matter at its meeting of 22 July 2015."
    )
    // No end dates: the record says so rather than invent a length or a cost.
    #expect(record.checks.filter { $0.code == "no-end-date" }.count == 3)
    #expect(
      record.checks.contains(
        .noEndDate(
          contract: "ypsm-kca",
          name: ContractProposal.name(
            record.extended[2].contract))))
    #expect(
      record.financialImplications[0].contains(
        "The cost cannot be given: the register gives no current end date for them."))
  }

  @Test(
    "16/00038: the scheduler's figures, Young Healthy Minds needs no extension, CAMHS shapes only the target"
  )
  func record16_00038() throws {
    let s = try spec("decision-16-00038.json")
    let proposal = try AlignmentProposal(
      register: try loadKent("kent-2016-03"), group: "childrens-public-health",
      target: .newServiceStart(day("2017-04-01")), asOf: day("2016-03-10"))
    let record = try RecordOfDecision(proposal: proposal, spec: s)
    #expect(
      record.extended.map(\.contract.id) == [
        "schw-hv-fnp", "schw-school-ph-kchft", "schw-school-ph-swale-mft",
      ])
    // The real record covers the KCHFT and MFT contracts only (003 l.751).
    #expect(record.notExtended.isEmpty)
    #expect(
      record.decision == [
        "As Cabinet Member for Adult Social Care and Public Health I agree to:",
        "Extend Kent County Council's contracts with Kent Community Health Foundation Trust for "
          + "Health Visiting and Family Nurse Partnership[ and School Public Health Service "
          + "(All exc. Swale) and with Medway Foundation Trust for School Public Health Service "
          + "(Swale). The contracts to be extended until 31 March 2017.",
      ])
    #expect(
      record.extended.map(\.cost) == [
        Money(pounds: 11_302_200), Money(pounds: 2_426_380), Money(minorUnits: 20_718_950),
      ])
    #expect(record.reasonsClose == "The extensions cost £13,935,769.50 in total.")
    // The council's own contracts set its dates: decision by 30 September, not CAMHS's 31 August.
    let dates = Dictionary(uniqueKeysWithValues: record.timetable.map { ($0.label, $0.day) })
    #expect(dates["Decision by"] == day("2016-09-30"))
    #expect(dates["Forward-plan notice by"] == day("2016-09-01"))
    #expect(dates["Procurement start by"] == day("2016-10-01"))
    #expect(dates["Committee meeting"] == day("2016-03-22"))
    // The stray '[' in the 2016 table (003 l.3210) would reach the record: it is flagged.
    #expect(
      record.checks == [
        .nameUnbalanced(
          contract: "schw-hv-fnp", name: "Health Visiting and Family Nurse Partnership[ (KCHFT)",
          character: "[")
      ])
  }

  @Test("with no meeting date, the timetable's committee: the latest meeting before the decision")
  func timetableCommittee() throws {
    var s = try spec("decision-16-00038.json")
    s.committee = nil
    s.meetingDate = nil
    let proposal = try AlignmentProposal(
      register: try loadKent("kent-2016-03"), group: "childrens-public-health",
      target: .newServiceStart(day("2017-04-01")), asOf: day("2016-03-22"))
    let record = try RecordOfDecision(proposal: proposal, spec: s)
    let committee = try #require(record.timetable.first { $0.label == "Committee meeting" })
    #expect(committee.day == day("2016-09-06"))
    #expect(committee.rule?.code == "latest-meeting")
    #expect(record.consultation.hasSuffix("at its meeting of 6 September 2016."))
  }

  @Test("a partner-led contract is never the council's to extend: CAMHS is West Kent CCG's")
  func partnerLed() throws {
    var s = DecisionSpec()
    s.decisionNumber = "16/00038"
    let proposal = try AlignmentProposal(
      register: try loadKent("kent-2016-03"), group: "childrens-public-health",
      target: .newServiceStart(day("2017-04-01")), asOf: day("2016-03-22"))
    let record = try RecordOfDecision(proposal: proposal, spec: s)
    #expect(
      record.extended.map(\.contract.id) == [
        "schw-hv-fnp", "schw-school-ph-kchft", "schw-school-ph-swale-mft",
      ])
    let partner = try #require(record.notExtended.first { !$0.isCouncilLed })
    #expect(!record.decision[0].contains(ContractProposal.name(partner.contract)))
    #expect(
      record.financialImplications.contains {
        $0.hasSuffix("which decides its own extension: it is not part of this decision.")
      })
    let dates = Dictionary(uniqueKeysWithValues: record.timetable.map { ($0.label, $0.day) })
    #expect(dates["Decision by"] == day("2016-09-30"))
  }

  @Test("under the threshold it says plainly that it is not a key decision, and lists no values")
  func notKeyDecision() throws {
    let r = try register(
      "id,service,provider,value,value_basis,end,group\na,Meals,Acme,\"£120,000\",annual,2016-03-31,g\nb,Rides,Bus Co,£10,annual,2016-09-30,g\n"
    )
    let proposal = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    var s = DecisionSpec()
    s.decisionNumber = "16/00001"
    let record = try RecordOfDecision(proposal: proposal, spec: s)
    #expect(!record.keyDecision.required)
    #expect(record.reasonItems.isEmpty)
    #expect(
      record.reasonsLead
        == "This is not a key decision: the extension cost of £60,000.00 is below the key decision threshold of £1,000,000."
    )
  }

  @Test("checks: a malformed number, a committee after the decision, too short a notice")
  func checks() throws {
    let r = try register(
      "id,service,value,value_basis,end,group\na,A,\"£2,000,000\",annual,2016-06-30,g\nb,B,£1,annual,2016-12-31,g\n"
    )
    let proposal = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    var s = DecisionSpec()
    s.decisionNumber = "16/38"
    s.committee = "Cabinet Committee"
    s.meetingDate = day("2016-07-05")
    s.noticeDate = day("2016-06-10")
    let record = try RecordOfDecision(proposal: proposal, spec: s)
    #expect(
      record.checks == [
        .decisionNumberForm(number: "16/38"),
        .committeeAfterDecision(meeting: day("2016-07-05"), decisionBy: day("2016-06-30")),
        .noticeShort(
          notice: day("2016-06-10"), decisionBy: day("2016-06-30"), clearDays: 19, needed: 28),
      ])
    #expect(
      record.checks.map(\.code) == [
        "decision-number-form", "committee-after-decision", "notice-short",
      ])
  }

  @Test("a contract outside the group is an error naming close matches")
  func unknownContract() throws {
    let proposal = try AlignmentProposal(
      register: try loadKent("kent-2016-03"), group: "childrens-public-health",
      target: .newServiceStart(day("2017-04-01")), asOf: day("2016-03-10"))
    var s = DecisionSpec()
    s.contracts = ["schw-hv-fpn"]
    #expect(
      throws: DecisionError.unknownContracts(
        ["schw-hv-fpn"], group: "childrens-public-health", closeMatches: ["schw-hv-fnp"])
    ) {
      try RecordOfDecision(proposal: proposal, spec: s)
    }
  }

  @Test("a spec's fields are overridden by flags; unknown keys and versions are refused")
  func specs() throws {
    var flags = DecisionSpec()
    flags.decisionNumber = "16/99999"
    flags.start = day("2017-10-01")
    let merged = try spec("decision-16-00038.json").overridden(by: flags)
    #expect(merged.decisionNumber == "16/99999")
    #expect(merged.start == day("2017-10-01"))
    #expect(
      merged.subject
        == "Extending the term of the contracts for the Health Visiting and School Public Health services"
    )
    #expect(
      throws: DecisionSpecError(
        file: "s.json", message: "unknown key 'subjct'; did you mean 'subject'?")
    ) {
      try DecisionSpec.parse(json: Array(#"{"version": 1, "subjct": "x"}"#.utf8), file: "s.json")
    }
    #expect(
      throws: DecisionSpecError(
        file: "s.json", message: "this spec is version 2; this commission reads version 1 only")
    ) {
      try DecisionSpec.parse(json: Array(#"{"version": 2}"#.utf8), file: "s.json")
    }
    #expect(
      throws: DecisionSpecError(
        file: "s.json", message: "'meetingDate' must be a date like 2016-09-30, not '22/03/2016'")
    ) {
      try DecisionSpec.parse(json: Array(#"{"meetingDate": "22/03/2016"}"#.utf8), file: "s.json")
    }
  }

  @Test("a service named <script>, & or quotes is escaped in HTML and harmless in Markdown")
  func escaping() throws {
    let r = try register(
      "id,service,provider,value,end,group\na,\"<script>alert('x')</script> & \"\"Q\"\" *b*\",P&Co,£5,2016-03-31,g\nb,B,P,£5,2016-09-30,g\n"
    )
    let proposal = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    let record = try RecordOfDecision(proposal: proposal, spec: DecisionSpec())
    var html = ""
    record.writeHTML(to: &html)
    #expect(!html.contains("<script>"))
    #expect(
      html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Q&quot; *b*"))
    #expect(
      XMLParser(
        data: Data(
          html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "").replacingOccurrences(
            of: "&nbsp;", with: "&#160;"
          ).utf8)
      ).parse())
    var markdown = ""
    record.writeMarkdown(to: &markdown)
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains(#"\<script\>alert('x')\</script\> & "Q" \*b\*"#))
  }
}
