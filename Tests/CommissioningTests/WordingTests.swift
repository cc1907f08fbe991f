import Testing

@testable import Commissioning

@Suite("Wording: flags that never contradict, ended contracts, unknown never £0.00")
struct WordingTests {
  @Test(
    "a contract that ended the day before the as-of date is flagged; one ending on it is not",
    arguments: [("2016-03-21", true), ("2016-03-22", false), ("2016-03-23", false)])
  func alreadyEnded(_ end: String, _ flagged: Bool) throws {
    let r = try register("id,service,value,end,group\na,A,£100,\(end),g\nb,B,£100,2016-09-30,g\n")
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-03-22"))
    let a = p.contracts[0]
    #expect(a.action == .extend)
    #expect(a.flags.contains(.alreadyEnded(end: day(end), asOf: day("2016-03-22"))) == flagged)
    var text = ""
    p.writeText(to: &text, width: 100)
    #expect(text.contains("ended 21 March 2016, before the as-of date") == flagged)
  }

  @Test(
    "within its +1+1 options an extension is no modification; beyond them the limits are tested",
    arguments: [("2017-03-31", true), ("2018-03-31", true), ("2018-04-30", false)])
  func optionsAreNoModification(_ target: String, _ within: Bool) throws {
    // One year's term, £100,000 a year: a year's extension adds 100% to the value and the term.
    let r = try register(
      "id,service,value,value_basis,start,end,group\n"
        + "a,A,\"£100,000\",annual,2015-04-01,March 2016 +1+1,g\n")
    let p = try AlignmentProposal(
      register: r, group: "g", target: .end(day(target)), asOf: day("2016-01-01"))
    let a = p.contracts[0]
    #expect(a.maximumExtent == day("2018-03-31"))
    #expect(a.withinOptions == within)
    let codes = a.flags.map(\.code)
    #expect(codes.contains("value-change-over-limit") == !within)
    #expect(codes.contains("term-change-over-limit") == !within)
    #expect(codes.contains("beyond-options") == !within)
  }

  @Test("every extension cost unknown: the total is unknown in text and null in JSON")
  func unknownTotalCost() throws {
    let r = try register("id,service,value,end,group\na,A,,2016-03-31,g\nb,B,£100,2016-09-30,g\n")
    let p = try AlignmentProposal(
      register: r, group: "g", target: .latestEnd, asOf: day("2016-01-01"))
    #expect(p.missingCosts == 1 && p.councilExtensions.count == 1)
    var json = ""
    p.json.write(to: &json)
    #expect(json.contains("\"totalCost\": null"))
    #expect(CostSum(p.contracts).known == 0)
  }
}

@Suite("expiring --sort")
struct ExpirySortTests {
  /// Register order a..e; b and d tie on value, e has none; c and e have no provider or group.
  let csv = """
    id,service,provider,value,value_basis,end,group
    a,A,Zed,"£10,000",annual,2016-05-31,y
    b,B,alpha,"£50,000",annual,2016-04-30,x
    c,C,,"£90,000",annual,2016-06-30,
    d,D,Mid,"£50,000",annual,2016-04-15,x
    e,E,,,,2016-04-01,

    """

  @Test(
    "each key, ties in register order, missing keys last",
    arguments: [
      (ExpirySort.end, ["e", "d", "b", "a", "c"]),
      (.value, ["c", "b", "d", "a", "e"]),
      (.provider, ["b", "d", "a", "c", "e"]),
      (.group, ["b", "d", "a", "c", "e"]),
    ])
  func order(_ sort: ExpirySort, _ ids: [String]) throws {
    let report = ExpiryReport(
      register: try register(csv), by: day("2016-12-31"), asOf: day("2016-01-01"), sort: sort)
    #expect(report.contracts.map(\.id) == ids)
  }
}

@Suite("check --min-severity")
struct MinSeverityTests {
  @Test(
    "what is listed and what is counted as hidden",
    arguments: [
      (Severity.note, 2, ""), (.warning, 1, "; 1 note hidden"),
      (.error, 0, "; 1 note hidden; 1 warning hidden"),
    ])
  func hidden(_ minimum: Severity, _ listed: Int, _ suffix: String) throws {
    var r = try register("id,service,end\na,A,2016-06-30\n")
    r.diagnostics = [Diagnostic(.note, "n"), Diagnostic(.warning, "w")]
    let report = CheckReport(register: r, minimumSeverity: minimum)
    #expect(report.shown.count == listed)
    #expect(report.summary.hasSuffix("1 warning, 1 note" + suffix))
    #expect(report.passes)
  }
}
