import Commissioning
import Foundation
import Testing

/// `opportunities` on a small register of four buyers whose clusters are known by hand
/// (Opportunities/multi-buyer.csv, as of 1 January 2026):
///
/// 1. CPV 853: medway-care (ends 15 Jun 2026) and bexley-care (15 Dec 2026, exactly six
///    months on, so inside the window); £360,000 a year. swale-care (16 Dec, a day further) is
///    outside it, and alone after it: no cluster.
/// 2. Provider Carewell Ltd (spelled `CAREWELL LTD.` by Dartford): medway-care, medway-transport
///    (31 Jul) and dartford-meals (30 Nov); £300,000, first end 15 Jun.
/// 3. CPV 801: swale-training (20 Dec) and dartford-training (31 Jan 2027); £300,000, a tie
///    with 2 broken by 2's earlier first end.
/// 4. CPV 909: medway-cleaning (9091) and bexley-sanitation (9092); £80,000. Not at 4 digits.
///
/// Medway's two IT contracts (CPV 720) are one buyer's: no cluster. bexley-old ended before the
/// as-of date: never considered.
@Suite("opportunities")
struct OpportunitiesCommandTests {
  static let register = "Tests/CommissionCLITests/Opportunities/multi-buyer.csv"

  /// The JSON clusters of a run, as `[[String: Any]]`.
  func clusters(_ extra: [String]) throws -> [[String: Any]] {
    let run = commission(
      ["opportunities", Self.register, "--as-of", "2026-01-01", "--format", "json"] + extra)
    #expect(run.code == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    return object?["clusters"] as? [[String: Any]] ?? []
  }

  func ids(_ cluster: [String: Any]) -> [String] {
    (cluster["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
  }

  @Test("clusters rank by combined annual value, ties by the earlier first end")
  func ranking() throws {
    let found = try clusters([])
    #expect(
      found.map { "\($0["kind"] ?? "") \($0["key"] ?? "")" } == [
        "cpv 853", "provider Carewell Ltd", "cpv 801", "cpv 909",
      ])
    #expect(
      found.map(ids) == [
        ["medway-care", "bexley-care"],
        ["medway-care", "medway-transport", "dartford-meals"],
        ["swale-training", "dartford-training"],
        ["medway-cleaning", "bexley-sanitation"],
      ])
    let values = found.compactMap { ($0["combinedAnnualValue"] as? [String: Any])?["amount"] }
    #expect(values.map { "\($0)" } == ["360000.00", "300000.00", "300000.00", "80000.00"])
  }

  @Test(
    "the window holds an end exactly its length after the first, not a day more",
    arguments: [
      ("6m", ["medway-care", "bexley-care"]), ("183 days", ["medway-care", "bexley-care"]),
      ("182 days", []),
    ])
  func windowBoundary(window: String, expected: [String]) throws {
    // 15 Jun to 15 Dec 2026 is six months and 183 days.
    let found = try clusters(["--window", window]).filter { ids($0).contains("medway-care") }
      .filter { ($0["kind"] as? String) == "cpv" }
    #expect(found.map(ids).first ?? [] == expected)
    #expect(!found.map(ids).contains { $0.contains("swale-care") })
  }

  @Test(
    "codes sharing three digits cluster at depth 3, not at 4",
    arguments: [(2, true), (3, true), (4, false), (8, false)])
  func cpvDepth(digits: Int, clusters expected: Bool) throws {
    let found = try clusters(["--cpv-digits", String(digits)])
    #expect(found.contains { ids($0).contains("medway-cleaning") } == expected)
  }

  @Test("one buyer's two contracts are no cluster; an ended contract is not considered")
  func oneBuyer() throws {
    let found = try clusters(["--cpv-digits", "2"])
    #expect(!found.contains { ids($0).contains("medway-it-1") })
    #expect(!found.contains { ids($0).contains("bexley-old") })
  }

  @Test("the common end is the latest end; each extension is priced and checked by hand")
  func commonEndAndCost() throws {
    let carewell = try #require(try clusters([]).dropFirst().first)
    #expect(carewell["commonEnd"] as? String == "2026-11-30")
    let members = carewell["members"] as? [[String: Any]] ?? []
    func cost(_ m: [String: Any]) -> String? {
      (m["extensionCost"] as? [String: Any])?["amount"] as? String
    }
    // medway-care: 15 Jun to 30 Nov is 5 months 15 days: £120,000 × (5×365 + 15×12) / 4380.
    #expect(cost(members[0]) == "54931.51")
    #expect(members[0]["withinOptions"] as? Bool == true)  // a year's option reaches Jun 2027
    // medway-transport: 31 Jul to 30 Nov, 4 months of £100,000 a year; it has no options.
    #expect(cost(members[1]) == "33333.33")
    #expect(members[1]["withinOptions"] as? Bool == false)
    #expect(members[2]["extends"] as? Bool == false)
  }

  @Test("--postcode-area keeps the buyers whose postcodes start with its letters")
  func postcodeArea() throws {
    // Medway (ME4) and Swale (ME10): their home-care ends are 6 months and a day apart.
    #expect(try clusters(["--postcode-area", "me"]).isEmpty)
    #expect(
      try clusters(["--postcode-area", "ME", "--window", "7m"]).map(ids) == [
        ["medway-care", "swale-care"]
      ])
  }

  @Test("--buyer shows that buyer's clusters with a sentence")
  func buyer() throws {
    let run = commission([
      "opportunities", Self.register, "--as-of", "2026-01-01", "--buyer", "dartford",
    ])
    #expect(run.code == 0)
    #expect(run.stdout.contains("\nbuyer Dartford Borough Council\n"))
    #expect(
      run.stdout.contains(
        "Your contract 'Meals at home' ends within six months of Medway Council's with the same"))
    #expect(
      try clusters(["--buyer", "Swale Borough Council"]).map(ids) == [
        ["swale-training", "dartford-training"]
      ])
  }

  @Test("text, JSON and tidy golden files", arguments: ["text", "json", "tidy"])
  func golden(format: String) {
    let run = commission([
      "opportunities", Self.register, "--as-of", "2026-01-01", "--width", "80", "--format",
      format,
    ])
    #expect(run.code == 0)
    let suffix = format == "text" ? "txt" : format == "tidy" ? "csv" : format
    assertGolden(run.stdout, "opportunities-multi-buyer.\(suffix)")
  }

  @Test(
    "refusals",
    arguments: [
      (["--buyer", "Medwey Council"], Int32(1), "did you mean 'Medway Council'?"),
      (["--buyer", "Council"], 1, "is part of 3 buyers' names"),
      (["--buyer", " "], 64, "'--buyer' needs a buyer's name"),
      (["--cpv-digits", "1"], 64, "'--cpv-digits <n>'"),
      (["--cpv-digits", "9"], 64, "'--cpv-digits <n>'"),
      (["--window", "6 hours"], 64, "'--window <length>'"),
      (["--window", "11y"], 64, "'--window <length>'"),
      (["--postcode-area", "M4"], 64, "'--postcode-area <letters>'"),
      (["--format", "csv"], 64, "use text or json or tidy"),
    ])
  func refusals(extra: [String], code: Int32, message: String) {
    let run = commission(["opportunities", Self.register, "--as-of", "2026-01-01"] + extra)
    #expect(run.code == code)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  /// The worked example's register must be what the import makes of the sample, or the
  /// documentation would show a register no one can rebuild.
  @Test("the Contracts Finder example register is the import of the sample, and clusters")
  func contractsFinder() throws {
    let imported = commission([
      "import", "Examples/contracts-finder-sample-100.jsonl", "--from", "ocds",
    ])
    #expect(imported.code == 0)
    let committed = try String(
      contentsOf: repositoryRoot.appendingPathComponent(
        "Examples/contracts-finder-sample-100.csv"), encoding: .utf8)
    #expect(
      imported.stdout == committed,
      "re-run the import of the sample with --output Examples/contracts-finder-sample-100.csv")
    let run = commission([
      "opportunities", "Examples/contracts-finder-sample-100.csv", "--as-of", "2021-01-01",
      "--format", "json",
    ])
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let found = object?["clusters"] as? [[String: Any]] ?? []
    #expect(found.count == 11)  // 12 before frameworks left the providers' groups
    for cluster in found {
      #expect(cluster["commonEnd"] is String)
      let members = cluster["members"] as? [[String: Any]] ?? []
      #expect(Set(members.compactMap { $0["buyer"] as? String }).count >= 2)
      #expect(members.allSatisfy { $0["end"] is String && $0["annualValue"] != nil })
    }
  }

  /// A framework naming `suppliers` providers, one of them also Bexley's provider: grouped
  /// under each provider up to ``OpportunityReport/maximumProvidersGrouped``, not beyond.
  @Test(
    "a contract naming 10 providers is grouped under each; 11 are its CPV group's only",
    arguments: [(10, true), (11, false)])
  func manyProviders(suppliers: Int, grouped: Bool) throws {
    let names = ["Shared Ltd"] + (1..<suppliers).map { "Supplier \($0) Ltd" }
    let csv = """
      id,service,provider,buyer,cpv,value,value_basis,start,end
      framework,Framework,\(names.joined(separator: "; ")),Medway Council,85310000,"£100",annual,\
      2024-01-01,2026-06-30
      single,Care,Shared Ltd,London Borough of Bexley,72000000,"£100",annual,2024-01-01,2026-07-31

      """
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("opportunities-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("frameworks.csv")
    try Data(csv.utf8).write(to: path)
    let json = commission([
      "opportunities", path.path, "--as-of", "2026-01-01", "--format", "json",
    ])
    #expect(json.code == 0, "\(json.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let found = object?["clusters"] as? [[String: Any]] ?? []
    #expect(found.map { $0["key"] as? String } == (grouped ? ["Shared Ltd"] : []))
    #expect(object?["considered"] as? Int == 2)
    let text = commission(["opportunities", path.path, "--as-of", "2026-01-01", "--width", "200"])
    #expect(text.code == 0)
    #expect(
      text.stdout.contains("Note: 1 contract names more than 10 providers") == !grouped,
      "\(text.stdout)")
  }
}
