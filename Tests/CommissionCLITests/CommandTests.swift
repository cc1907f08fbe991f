import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

@Suite("commission expiring and check")
struct CommandTests {
  @Test("the README's first command: the bundled register, by 30 September 2016")
  func readmeCommand() {
    let run = commission(["expiring", "--by", "2016-09-30", "--as-of", "2016-03-22"])
    #expect(run.code == 0)
    #expect(run.stderr == kentReading)
    assertGolden(run.stdout, "expiring-kent-2016-03-by-2016-09-30.txt")
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
  }

  @Test("the README's group example: one programme, its own group column hidden")
  func groupExample() {
    let run = commission([
      "expiring", "--by", "2016-09-30", "--as-of", "2016-03-22", "--group",
      "childrens-public-health",
    ])
    #expect(run.code == 0)
    assertGolden(run.stdout, "expiring-kent-2016-03-childrens-public-health.txt")
  }

  @Test("expiring at 80 and 160 columns", arguments: [80, 160])
  func widths(_ width: Int) {
    let run = commission([
      "expiring", "--by", "2016-09-30", "--as-of", "2016-03-22", "--width", String(width),
    ])
    #expect(run.code == 0)
    assertGolden(run.stdout, "expiring-kent-2016-03-by-2016-09-30-w\(width).txt")
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= width })
  }

  @Test("expiring as JSON and CSV", arguments: ["json", "csv"])
  func formats(_ format: String) {
    let run = commission([
      "expiring", "--by", "2016-09-30", "--as-of", "2016-03-22", "--format", format,
    ])
    #expect(run.code == 0)
    assertGolden(run.stdout, "expiring-kent-2016-03-by-2016-09-30.\(format)")
  }

  @Test("the July 2015 register: Health Visiting ends 30 September 2016, three are undated")
  func kent2015() {
    let run = commission([
      "expiring", "--by", "2016-09-30", "--as-of", "2015-07-22", "Contracts/kent-2015-07",
    ])
    #expect(run.code == 0)
    assertGolden(run.stdout, "expiring-kent-2015-07.txt")
  }

  @Test("contracts already ended at the as-of date are marked")
  func endedMarked() throws {
    let run = commission([
      "expiring", "--by", "2016-07-31", "--as-of", "2016-07-01", "--group",
      "early-help-family-support",
    ])
    #expect(run.code == 0)
    let lines = run.stdout.split(separator: "\n")
    let parenting = try #require(lines.first { $0.contains("County Parenting Service") })
    #expect(parenting.contains("-92 ended"))
    let mediation = try #require(lines.first { $0.contains("Family Mediation") })
    #expect(mediation.contains("-1 ended"))
    #expect(
      run.stdout.contains("11 contracts end by 31 July 2016 (11 already ended by 1 July 2016)."))
  }

  @Test("31/09/2016 is listed by --by 2016-09-30, and the JSON says so")
  func impossibleDateListed() throws {
    let run = commission([
      "expiring", "--by", "2016-09-30", "--as-of", "2016-03-22", "--format", "json",
    ])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let contracts = try #require(json["contracts"] as? [[String: Any]])
    let direct = try #require(
      contracts.first { $0["id"] as? String == "schw-direct-payments-support" })
    #expect(direct["end"] as? String == "2016-09-30")
    #expect(direct["endRaw"] as? String == "31/09/2016")
    let hv = try #require(contracts.first { $0["id"] as? String == "schw-hv-fnp" })
    let value = try #require(hv["value"] as? [String: String])
    #expect(value == ["amount": "22604400.00", "currency": "GBP"])
  }

  @Test(
    "every transcribed row is listed by --by 2100-01-01 or as undated, as Contracts/README.md counts"
  )
  func rowCounts() throws {
    for (folder, count) in [("Contracts/kent-2016-03", 137), ("Contracts/kent-2015-07", 4)] {
      let run = commission([
        "expiring", "--by", "2100-01-01", "--as-of", "2016-03-22", "--format", "json", folder,
      ])
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      let listed = (json["contracts"] as? [Any])?.count ?? 0
      let undated = (json["undated"] as? [Any])?.count ?? 0
      #expect(listed + undated == count)
      let readme = try String(
        contentsOf: repositoryRoot.appendingPathComponent("Contracts/README.md"), encoding: .utf8)
      #expect(readme.contains("`\(folder.dropFirst("Contracts/".count))`: \(count) contracts"))
    }
  }

  @Test("a provider filter matches every spelling an alias knows")
  func providerFilter() throws {
    let run = commission([
      "expiring", "--by", "2017-12-31", "--as-of", "2016-03-22", "--provider",
      "Kent Community Health Trust", "--format", "csv",
    ])
    #expect(run.code == 0)
    let ids = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
    #expect(ids == ["schw-hv-fnp", "schw-school-ph-kchft", "schw-postural-stability"])
  }

  @Test("check on the bundled registers", arguments: ["kent-2016-03", "kent-2015-07"])
  func check(_ folder: String) {
    let run = commission(["check", "Contracts/\(folder)"])
    #expect(run.code == 0)
    assertGolden(run.stdout, "check-\(folder).txt")
  }

  @Test("a register written the way officers write it: check, expiring and JSON, golden")
  func officerRegister() {
    let file = "Examples/transparency-register.csv"
    let check = commission(["check", file])
    #expect(check.code == 0)
    assertGolden(check.stdout, "check-transparency-register.txt")
    let expiring = commission([
      "expiring", "--by", "2017-03-31", "--as-of", "2016-04-01", "--width", "80", file,
    ])
    #expect(expiring.code == 0)
    assertGolden(expiring.stdout, "expiring-transparency-register-w80.txt")
    #expect(
      expiring.stderr
        == "commission: 4 warnings while reading transparency-register; 'commission check' lists them\n"
    )
    let json = commission([
      "expiring", "--by", "2017-03-31", "--as-of", "2016-04-01", "--format", "json", file,
    ])
    assertGolden(json.stdout, "expiring-transparency-register.json")
  }

  @Test("the reading's line: none without warnings, '1 warning' for one, silenced by --quiet")
  func readingLine() {
    let clean = "service,end\nA,2016-09-30\n"
    let oneWarning = "service,end\nA,2017\n"
    let twoAndError = "id,service,end\nx,A,2017\nx,B,31/09/2016\n"
    func run(_ text: String, _ extra: [String] = []) -> String {
      commission(
        ["expiring", "--by", "2016-12-31", "--as-of", "2016-01-01", "-"] + extra, stdin: text
      ).stderr
    }
    #expect(run(clean) == "")
    #expect(
      run(oneWarning)
        == "commission: 1 warning while reading <stdin>; 'commission check' lists them\n")
    #expect(
      run(twoAndError)
        == "commission: 1 error and 2 warnings while reading <stdin>; 'commission check' lists them\n"
    )
    #expect(run(oneWarning, ["--quiet"]) == "")
    #expect(run(oneWarning, ["-q"]) == "")
    // check lists the diagnostics themselves, so it prints no such line.
    #expect(commission(["check", "-"], stdin: oneWarning).stderr == "")
  }

  @Test("check --format json and --strict")
  func checkJSONAndStrict() throws {
    let run = commission(["check", "--format", "json", "Contracts/kent-2015-07"])
    assertGolden(run.stdout, "check-kent-2015-07.json")
    let strict = commission(["check", "--strict"])
    #expect(strict.code == 65)
    #expect(
      strict.stdout.hasSuffix("32 errors, 0 warnings, 124 notes (strict: warnings are errors)\n"))
  }

  @Test(
    "bad input: one line on standard error and a sysexits code",
    arguments: [
      (
        "", 65, "commission: <stdin>:1:1: error: the file is empty; a register needs a header row\n"
      ),
      (
        "service,end\nA,\"2017\n", 65,
        "commission: <stdin>:2:3: error: a quoted field opens here and never closes\n"
      ),
      (
        "service,value\nA,1\n", 65,
        "commission: <stdin>:1:1: error: no 'end' column (the header has 'service', 'value');"
          + " accepted: end as 'End Date', 'Contract End Date' or 'Expiry Date'\n"
      ),
    ])
  func badInput(_ stdin: String, _ code: Int32, _ message: String) {
    let run = commission(["check", "-"], stdin: stdin)
    #expect(run.code == code)
    #expect(run.stderr == message)
    #expect(run.stdout == "")
  }

  @Test("Windows-1252 on standard input is read as such with a note; bytes it lacks are an error")
  func latin1() {
    var environment = Environment(
      currentDirectory: repositoryRoot.path, today: fixedToday)
    environment.readStandardInput = { Array("service,end\nCaf".utf8) + [0xE9, 0x0A] }
    var out = ""
    var err = ""
    let code = Commission.run(["check", "-"], environment: environment, stdout: &out, stderr: &err)
    #expect(code == 0)
    #expect(
      out.hasPrefix(
        "<stdin>:1:1: note: the file is Windows-1252 text (no byte order mark; told by its bytes)"))
    // 0x81 is not a Windows-1252 character: the file is neither, and the error says where.
    environment.readStandardInput = { Array("service,end\nCaf".utf8) + [0x81, 0x0A] }
    out = ""
    let bad = Commission.run(["check", "-"], environment: environment, stdout: &out, stderr: &err)
    #expect(bad == 65)
    #expect(
      err == "commission: <stdin>:2:4: error: the file is not UTF-8 text (save it as CSV UTF-8)\n")
  }

  @Test("a header-only register warns and exits 0")
  func headerOnly() {
    let run = commission(["check", "-"], stdin: "service,end\n")
    #expect(run.code == 0)
    #expect(run.stdout.hasPrefix("<stdin>:1:1: warning: the register holds no contracts\n"))
  }

  @Test(
    "usage and input errors",
    arguments: [
      (
        ["expiring", "--as-of", "2016-03-22"], 64,
        "commission: missing '--by <date>'; for example --by 2016-09-30\n"
      ),
      (
        ["expiring", "--by", "2016-09-30", "no-such.csv"], 66,
        "commission: cannot open 'no-such.csv': no such file or folder\n"
      ),
      (
        ["expiring", "--by", "2016-09-30", "--group", "nope", "Contracts/kent-2015-07"], 1,
        "commission: no contract is in group 'nope'; the groups are childrens-public-health\n"
      ),
      (
        ["check", "--format", "csv"], 64,
        "commission: the value 'csv' is invalid for 'check --format'; use text or json\n"
      ),
    ])
  func usage(_ arguments: [String], _ code: Int32, _ message: String) {
    let run = commission(arguments)
    #expect(run.code == code)
    #expect(run.stderr == message)
  }

  @Test("--output writes atomically and never over an input")
  func output() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "commission-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let register = folder.appendingPathComponent("r.csv")
    try Data("service,end\nA,2016-09-30\n".utf8).write(to: register)
    let target = folder.appendingPathComponent("out.csv").path
    let ok = commission([
      "expiring", "--by", "2017-01-01", "--as-of", "2016-03-22", "--format", "csv", "--output",
      target, register.path,
    ])
    #expect(ok.code == 0)
    #expect(ok.stdout == "")
    #expect(
      try String(contentsOfFile: target, encoding: .utf8).hasPrefix("id,service,provider,end,"))
    let refused = commission([
      "expiring", "--by", "2017-01-01", "--output", register.path, register.path,
    ])
    #expect(refused.code == 73)
    #expect(
      refused.stderr
        == "commission: refusing to write '\(register.path)': it is one of the inputs\n")
    #expect(try String(contentsOf: register, encoding: .utf8) == "service,end\nA,2016-09-30\n")
    let missing = commission([
      "expiring", "--by", "2017-01-01", "--output", folder.path + "/no/such/dir/x.csv",
      register.path,
    ])
    #expect(missing.code == 73)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)
  }

  @Test("help and version")
  func help() {
    let run = commission(["--help"])
    #expect(run.code == 0)
    assertGolden(run.stdout, "help.txt")
    #expect(
      commission(["expiring", "--help"]).stdout.hasPrefix("Usage: commission expiring --by DATE"))
    #expect(commission(["--version"]).stdout == "commission 0.1.0\n")
    #expect(commission([]).code == 64)
  }
}

@Suite("check with several registers")
struct CrossRegisterCommandTests {
  @Test("the 2015 and 2016 Kent registers: MFT matched, Health Visiting's values disagree")
  func kent() {
    let run = commission(["check", "Contracts/kent-2015-07", "Contracts/kent-2016-03"])
    #expect(run.code == 0)
    let lines = run.stdout.split(separator: "\n").filter { $0.contains("the same contract as") }
    let hv: String =
      "Contracts/kent-2016-03/schw-providers.csv:79:1: warning: 'schw-hv-fnp' is the same "
      + "contract as 'hv-fnp-kchft' at Contracts/kent-2015-07/contracts.csv:2:1 (same "
      + "provider, one service name begins the other), but they disagree: annual value "
      + "'£22,604,400' (basis not stated; £22,604,400 a year) here, '£23,184,000' (annual; "
      + "£23,184,000 a year) there"
    let mft: String =
      "Contracts/kent-2016-03/schw-providers.csv:81:1: note: 'schw-school-ph-swale-mft' is the "
      + "same contract as 'school-ph-mft' at Contracts/kent-2015-07/contracts.csv:4:1 (same "
      + "provider, one service name begins the other); only here is an end given"
    #expect(lines.map(String.init) == [hv, mft])
  }

  @Test("without MFT's basis the 2016 value disagrees with the 2015 one, both places named")
  func mftWithoutBasis() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cross-\(UUID().uuidString)")
    let a = folder.appendingPathComponent("a")
    let b = folder.appendingPathComponent("b")
    try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(
      "id,service,provider,value,end\nschool-ph-mft,School Public Health Service,MFT,\"£414,379\",\n"
        .utf8
    ).write(to: a.appendingPathComponent("r.csv"))
    try Data(
      ("id,service,provider,value,end\nschw-school-ph-swale-mft,School Public Health Service "
        + "(Swale),Medway NHS Foundation Trust,\"£828,758\",30-09-16\nother,Meals,MFT,£5,\n").utf8
    ).write(to: b.appendingPathComponent("r.csv"))
    try Data(#"{"providerAliases": {"MFT": ["Medway NHS Foundation Trust"]}}"#.utf8)
      .write(to: b.appendingPathComponent("council.json"))
    let run = commission(["check", a.path, b.path])
    let lines = run.stdout.split(separator: "\n").filter { $0.contains("the same contract as") }
    #expect(lines.count == 1)
    #expect(lines.first?.contains("/b/r.csv:2:1: warning: 'schw-school-ph-swale-mft'") == true)
    #expect(lines.first?.contains("'school-ph-mft' at ") == true)
    #expect(lines.first?.contains("/a/r.csv:2:1") == true)
    #expect(lines.first?.contains("'£828,758'") == true)
    // Alone, neither register is compared with anything.
    #expect(!commission(["check", b.path]).stdout.contains("the same contract as"))
  }
}
