import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

@Suite("Did you mean: flags, commands, groups, providers, departments")
struct DidYouMeanTests {
  static let parseCases: [([String], String)] = [
    (["expiring", "--grup", "g"], "unknown option '--grup'; did you mean '--group'?"),
    (["expiring", "--bye", "x"], "unknown option '--bye'; did you mean '--by'?"),
    (["expiring", "--zzzzzz"], "unknown option '--zzzzzz'"),
    (
      ["expring"],
      "unknown command 'expring'; did you mean 'expiring'? (the commands are summary, expiring, check, "
        + "align, gantt, decision, whatif, export, import, report, opportunities, help, completion)"
    ),
    (
      ["completion", "bsh"],
      "the value 'bsh' is invalid for 'completion <shell>'; did you mean 'bash' or 'zsh'?; use one of "
        + "bash, zsh, fish, like: commission completion bash"
    ),
  ]

  @Test(
    "an unknown flag or command names the closest, or none when nothing is close",
    arguments: parseCases)
  func parseErrors(arguments: [String], message: String) {
    #expect(throws: UsageError(message)) { try Invocation.parse(arguments) }
  }

  static let expiring = ["expiring", "--by", "2016-09-30", "--as-of", "2016-03-22", "-q"]

  static let filterCases: [([String], Int32, String)] = [
    (
      ["--group", "childrens-public-helth"], Int32(1),
      "commission: no contract is in group 'childrens-public-helth'; did you mean "
        + "'childrens-public-health'? (the groups are childrens-public-health, "
        + "early-help-family-support, learning-disability-day-services, school-facilities, "
        + "supported-accommodation, troubled-families)\n"
    ),
    (
      ["--provider", "Porch"], 1,
      "commission: provider 'Porch' is part of 2 providers' names; give one of 'Porchlight', "
        + "'Shaw Trust Porchlight'\n"
    ),
    (
      ["--provider", "Porchlite"], 1,
      "commission: no contract has provider 'Porchlite'; did you mean 'Porchlight'?\n"
    ),
    (
      ["--provider", "Nobody At All Ltd"], 1,
      "commission: no contract has provider 'Nobody At All Ltd'; see the providers with: "
        + "commission export --format csv\n"
    ),
    (
      ["--provider", "home group"], 0,
      "commission: note: provider 'home group' taken as 'Home Group Ltd'\n"
    ),
    (["--provider", "porchlight"], 0, ""),
    // A part of exactly one department's name is taken, with a note, as a provider's is.
    (
      ["--department", "Social Care"], 0,
      "commission: note: department 'Social Care' taken as 'Social Care, Health and Wellbeing'\n"
    ),
    (
      ["--department", "social care, health and wellbeing"], 0, ""
    ),
    // A part of two names: both, each quoted, since a name may hold commas.
    (
      ["--department", "ca"], 1,
      "commission: department 'ca' is part of 2 departments' names; give one of 'Education and "
        + "Young People's Services', 'Social Care, Health and Wellbeing'\n"
    ),
    (
      ["--department", "kent"], 0,
      "commission: note: department 'kent' taken as 'West Kent CCG (lead commissioner for Kent "
        + "CCGs and KCC)'\n"
    ),
    (
      ["--department", "Social Care, Health and Welbeing"], 1,
      "commission: no contract is in department 'Social Care, Health and Welbeing'; did you mean "
        + "'Social Care, Health and Wellbeing'? (the departments are 'Education and Young "
        + "People's Services', 'Social Care, Health and Wellbeing', 'West Kent CCG (lead "
        + "commissioner for Kent CCGs and KCC)')\n"
    ),
    (
      ["--department", "Nowhere"], 1,
      "commission: no contract is in department 'Nowhere'; the departments are 'Education and "
        + "Young People's Services', 'Social Care, Health and Wellbeing', 'West Kent CCG (lead "
        + "commissioner for Kent CCGs and KCC)'\n"
    ),
  ]

  @Test(
    "an unknown group, provider or department is exit 1 with the closest; a part is noted",
    arguments: filterCases)
  func filters(flags: [String], code: Int32, stderr: String) {
    let notes = Notes()
    let environment = Environment(
      currentDirectory: repositoryRoot.path, variables: [:], isTerminal: false,
      today: fixedToday, executablePath: nil, readStandardInput: { [] },
      writeStandardError: { notes.add($0) })
    var out = ""
    var err = ""
    let status = Commission.run(
      Self.expiring + flags, environment: environment, stdout: &out, stderr: &err)
    #expect(status == code)
    #expect(notes.text + err == stderr)
  }

  @Test("--department keeps only that department's contracts and says so")
  func department() {
    let all = commission(Self.expiring + ["--format", "csv"])
    let social = commission(
      Self.expiring + ["--format", "csv", "--department", "social care, health and wellbeing"])
    let education = commission(
      Self.expiring + ["--format", "csv", "--department", "Education and Young People's Services"])
    let rows = { (r: RunResult) in r.stdout.split(separator: "\n").count - 1 }
    #expect(rows(social) > 0 && rows(education) > 0)
    #expect(rows(social) + rows(education) <= rows(all))
    #expect(rows(social) < rows(all))
    let text = commission(Self.expiring + ["--department", "social care, health and wellbeing"])
    #expect(text.stdout.contains("department Social Care, Health and Wellbeing"))
    let json = commission(
      Self.expiring + ["--format", "json", "--department", "Social Care, Health and Wellbeing"])
    #expect(json.stdout.contains(#""department": "Social Care, Health and Wellbeing""#))
  }

  @Test("a scenario naming a missing group suggests the closest")
  func scenarioGroup() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scenario-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("s.json")
    try Data(
      #"{"version": 1, "changes": [{"align": "troubled-familes", "to": "2017-03-31"}]}"#.utf8
    ).write(to: file)
    let result = commission(["whatif", file.path, "-q"])
    #expect(result.code == 65)
    #expect(result.stderr.contains("did you mean 'troubled-families'?"))
  }
}

/// What a command wrote through ``Environment/writeStandardError`` (notes during a run).
final class Notes: @unchecked Sendable {
  private let lock = NSLock()
  private var lines = ""
  func add(_ text: String) { lock.withLock { lines += text } }
  var text: String { lock.withLock { lines } }
}

@Suite("Dates on the command line: ISO or UK day-first")
struct CommandLineDateTests {
  @Test(
    "accepted, each boundary one inside",
    arguments: [
      ("2016-09-30", "2016-09-30"),
      ("30/09/2016", "2016-09-30"),
      ("30/9/2016", "2016-09-30"),
      ("30 Sep 2016", "2016-09-30"),
      ("30 September 2016", "2016-09-30"),
      ("30 sept 2016", "2016-09-30"),
      ("29/02/2016", "2016-02-29"),
      ("28/02/2015", "2015-02-28"),
      ("31/12/2016", "2016-12-31"),
      ("01/01/1990", "1990-01-01"),
      ("31/12/2099", "2099-12-31"),
      ("1900-01-01", "1900-01-01"),
      ("2200-12-31", "2200-12-31"),
    ])
  func accepted(text: String, iso: String) throws {
    for (command, flag) in [
      ("expiring", "--by"), ("decision", "--as-of"), ("decision", "--to"),
      ("decision", "--start"), ("gantt", "--target"), ("decision", "--meeting-date"),
    ] {
      let parsed = try Invocation.parse([command, flag, text])
      let day = [
        parsed.by, parsed.asOf, parsed.to, parsed.start, parsed.target,
        parsed.decisionFields.meetingDate,
      ].compactMap { $0 }.first
      #expect(day == Day(iso), "\(flag) \(text)")
    }
  }

  @Test(
    "refused, naming the flag and the parser's reason: invalid, ambiguous, imprecise",
    arguments: [
      ("31/02/2016", "not a date (February has 29 days)"),
      ("30/02/2016", "not a date (February has 29 days)"),
      ("29/02/2015", "not a date (February has 28 days)"),
      ("31/09/2016", "not a date (September has 30 days)"),
      ("32/12/2016", "not a date (no day 32)"),
      ("30/13/2016", "not a date (no month 13)"),
      ("30/09/16", "it has a two-digit year"),
      ("September 2016", nil), ("Sep 2016", nil),
      ("2016", "it gives a year only"),
      ("1 to 3 May 2016", "it has words around its date"),
      ("30 Sep 2016 +1", nil), ("tomorrow", nil), ("", nil),
      // Stray marks the parser would step over: not a digit first, not a digit or letter
      // last, or a character other than digits, letters, spaces, `/`, `-`, `.` and `,`.
      ("-2016-01-01", nil), ("+2016-01-01", nil), ("~1 Jan 2016", nil), ("1 Jan 2016?", nil),
      ("(1 Jan 2016)", nil), ("1/1/2016-", nil), ("-1/1/2016", nil), ("1 Jan 2016.", nil),
      ("1 Jan (2016)", nil),
    ] as [(String, String?)])
  func refused(text: String, reason: String?) {
    #expect(
      throws: UsageError(
        "the value '\(text)' is invalid for '--by <date>'" + (reason.map { ": " + $0 } ?? "")
          + "; use a date like 2016-09-30, 30/09/2016 or 30 Sep 2016")
    ) { try Invocation.parse(["expiring", "--by", text]) }
  }

  @Test(
    "a year one beyond each end of the range is refused with the range",
    arguments: [
      "31/12/1899", "01/01/2201", "1899-12-31", "2201-01-01",
    ])
  func years(text: String) {
    #expect(
      throws: UsageError(
        "the value '\(text)' is invalid for '--by <date>'; use a date in the years 1900 to "
          + "2200, like 2016-09-30")
    ) { try Invocation.parse(["expiring", "--by", text]) }
  }

  @Test("gantt --from reads the same forms")
  func ganttFrom() {
    let iso = commission(["gantt", "--from", "2016-04-01", "--as-of", "2016-03-22", "-q"])
    let uk = commission(["gantt", "--from", "1 April 2016", "--as-of", "22/03/2016", "-q"])
    #expect(iso.code == 0)
    #expect(uk.stdout == iso.stdout)
    let bad = commission(["gantt", "--from", "31/04/2016", "--as-of", "2016-03-22"])
    #expect(bad.code == 64)
    #expect(bad.stderr.contains("'--from <date>'"))
  }
}

@Suite("The flags table the parser, the help and the completions share")
struct FlagsTableTests {
  @Test("every flag in the table is one the parser knows")
  func parserKnowsEveryFlag() {
    for flag in Flags.all {
      do {
        _ = try Invocation.parse(["check", flag + (Flags.switches.contains(flag) ? "" : "=x")])
      } catch {
        #expect(!error.message.hasPrefix("unknown option"), "\(flag): \(error.message)")
      }
    }
  }

  @Test("every flag a command's help shows is in the table for it, and the other way round")
  func helpMatchesTable() throws {
    let pattern = try Regex(#"--[a-z][a-z-]*"#)
    for command in CommandName.allCases {
      let help = Help.text(for: command)
      let shown = Set(help.matches(of: pattern).map { String(help[$0.range]) })
      let table = Set(Flags.own(command) + Flags.common)
      #expect(shown.subtracting(table).isEmpty, "\(command): \(shown.subtracting(table))")
      let own = Set(Flags.own(command))
      #expect(own.subtracting(shown).isEmpty, "\(command) help lacks \(own.subtracting(shown))")
    }
  }
}
