import Foundation
import Testing

@testable import CommissionCLI
@testable import Commissioning

@Suite("One meaning per flag: a flag the command does not take is refused")
struct FlagScopeTests {
  static let foreignCases: [([String], String)] = [
    (
      ["summary", "--provider", "KCHFT", "--as-of", "2016-03-22"],
      "commission: '--provider' is not an option of 'summary'; see 'commission summary --help'\n"
    ),
    (
      ["summary", "--group", "childrens-public-health"],
      "commission: '--group' is not an option of 'summary'; see 'commission summary --help'\n"
    ),
    (
      ["summary", "--department", "foo"],
      "commission: '--department' is not an option of 'summary'; see 'commission summary --help'\n"
    ),
    (
      ["summary", "--by", "2016-09-30"],
      "commission: '--by' is not an option of 'summary'; see 'commission summary --help'\n"
    ),
    (
      ["align", "--by", "2016-09-30"],
      "commission: '--by' is not an option of 'align'; see 'commission align --help'\n"
    ),
    // The flags before the command count as much as those after it.
    (
      ["--sort", "value", "check"],
      "commission: '--sort' is not an option of 'check'; see 'commission check --help'\n"
    ),
    (
      ["expiring", "--by", "2016-09-30", "--min-severity", "warning"],
      "commission: '--min-severity' is not an option of 'expiring'; see 'commission expiring "
        + "--help'\n"
    ),
    // A close flag of that command is suggested.
    (
      ["align", "--from", "2016-04-01"],
      "commission: '--from' is not an option of 'align'; did you mean '--format'?; see "
        + "'commission align --help'\n"
    ),
  ]

  @Test("refused with exit 64, naming the flag and the command", arguments: foreignCases)
  func refused(arguments: [String], message: String) {
    let result = commission(arguments)
    #expect(result.code == 64)
    #expect(result.stdout == "")
    #expect(result.stderr == message + "Run 'commission --help' for usage.\n")
  }

  @Test("every command takes every flag of its table, and refuses every other flag")
  func table() {
    for command in CommandName.allCases {
      let taken = Set(Flags.common + Flags.own(command))
      for flag in Flags.all {
        // A value each flag takes, so only the command's table can refuse it.
        let argument = flag + (Flags.switches.contains(flag) ? "" : "=" + Invocation.example(flag))
        var message = ""
        do { _ = try Invocation.parse([command.rawValue, argument]) } catch {
          message = error.message
        }
        let refused = message.hasPrefix("'\(flag)' is not an option of '\(command.rawValue)'")
        #expect(refused == !taken.contains(flag), "\(command) \(flag): \(message)")
      }
    }
  }

  @Test("help with a foreign flag is still help")
  func help() {
    #expect(commission(["help", "summary", "--provider", "x"]).code == 0)
    #expect(commission(["summary", "--help", "--provider", "x"]).code == 0)
  }

  @Test("the flags a command reads work as before: whatif's Gantt window, export's --to")
  func commandsStillWork() {
    let scenario = "Examples/2016-align-with-camhs-april-2017.json"
    let whatif = commission([
      "whatif", scenario, "--gantt", "--from", "2016-04-01", "--until", "2018-03-31", "--ascii",
      "-q",
    ])
    #expect(whatif.code == 0, "\(whatif.stderr)")
    #expect(whatif.stdout.contains("Apr 2016") || whatif.stdout.contains("2016"))
    let export = commission([
      "export", "--format", "ics", "--group", "childrens-public-health", "--to", "2017-03-31",
      "--as-of", "2016-03-22", "-q",
    ])
    #expect(export.code == 0, "\(export.stderr)")
    let target = commission([
      "export", "--format", "ics", "--group", "childrens-public-health", "--target", "2017-03-31",
      "--as-of", "2016-03-22", "-q",
    ])
    #expect(export.stdout.count == target.stdout.count)
  }
}

@Suite("Fixed choices: a bad value suggests the close one")
struct ChoiceSuggestionTests {
  @Test(
    "the close choice first, then every choice",
    arguments: [
      (
        ["expiring", "--sort", "vale"],
        "the value 'vale' is invalid for '--sort <key>'; did you mean 'value'?; use one of end, "
          + "value, provider, group"
      ),
      (
        ["expiring", "--sort", "Value"],
        "the value 'Value' is invalid for '--sort <key>'; did you mean 'value'?; use one of end, "
          + "value, provider, group"
      ),
      (
        ["expiring", "--sort", "zzzzz"],
        "the value 'zzzzz' is invalid for '--sort <key>'; use one of end, value, provider, group"
      ),
      (
        ["check", "--min-severity", "warn"],
        "the value 'warn' is invalid for '--min-severity <level>'; did you mean 'warning'?; use "
          + "one of note, warning, error"
      ),
      (
        ["check", "--format", "jsn"],
        "the value 'jsn' is invalid for '--format <format>'; did you mean 'json'?; use one of "
          + "text, json, csv, svg, markdown, html, ics, mermaid, ocds, docx, tidy, jsonl"
      ),
      (
        ["gantt", "--scale", "quater"],
        "the value 'quater' is invalid for '--scale <scale>'; did you mean 'quarter'?; use one "
          + "of month, quarter, year"
      ),
      (
        ["decision", "--kind", "extnd"],
        "the value 'extnd' is invalid for '--kind'; did you mean 'extend'?; use one of extend, "
          + "award, vary"
      ),
      (
        ["decision", "--form", "agre"],
        "the value 'agre' is invalid for '--form'; did you mean 'agree'?; use one of propose, "
          + "agree"
      ),
      // A swap of two adjacent letters is one edit.
      (
        ["expiring", "--sotr", "value"],
        "unknown option '--sotr'; did you mean '--sort'?"
      ),
    ])
  func suggested(arguments: [String], message: String) {
    #expect(throws: UsageError(message)) { try Invocation.parse(arguments) }
  }
}

@Suite("Dates on the command line: no stray marks")
struct StrayMarkDateTests {
  @Test(
    "a mark before, after or inside a date is refused, naming the flag",
    arguments: [
      "-2016-01-01", "+2016-01-01", "~1 Jan 2016", "1 Jan 2016?", "(1 Jan 2016)", "1/1/2016-",
      "-1/1/2016", "1 Jan 2016.", "1 Jan 2016,", " 1 Jan 2016", "1 Jan 2016 ", "1 Jan (2016)",
      "1 Jan 2016!", "c. 1 Jan 2016", "1 Jan ~2016", "1 Jan 2016 +1", "1 Jän 2016",
    ])
  func refused(text: String) {
    #expect(
      throws: UsageError(
        "the value '\(text)' is invalid for '--by <date>'; use a date like 2016-09-30, "
          + "30/09/2016 or 30 Sep 2016")
    ) { try Invocation.parse(["expiring", "--by", text]) }
    let result = commission(["expiring", "--by=\(text)"])
    #expect(result.code == 64)
    #expect(result.stderr.contains("'--by <date>'"))
  }

  @Test(
    "the same dates without the mark, one inside each rule, are read",
    arguments: [
      ("2016-01-01", "2016-01-01"),
      ("1 Jan 2016", "2016-01-01"),
      ("1/1/2016", "2016-01-01"),
      ("1.1.2016", "2016-01-01"),
      ("1 Jan, 2016", "2016-01-01"),
      ("30th September 2016", "2016-09-30"),
      ("30 Sep 2016", "2016-09-30"),
      ("30 September 2016", "2016-09-30"),
      ("30/09/2016", "2016-09-30"),
    ])
  func accepted(text: String, iso: String) throws {
    #expect(try Invocation.parse(["expiring", "--by", text]).by == Day(iso))
  }

  @Test("a date that does not exist says why, as check does for the same text")
  func reason() {
    let result = commission(["expiring", "--by", "31/09/2016"])
    #expect(result.code == 64)
    #expect(
      result.stderr.hasPrefix(
        "commission: the value '31/09/2016' is invalid for '--by <date>': not a date (September "
          + "has 30 days); use a date like 2016-09-30, 30/09/2016 or 30 Sep 2016\n"))
  }
}

@Suite("The overview lists every command; expiring --sort value explains a total")
struct HelpAndFootnoteTests {
  @Test("help and completion are in the overview's command list")
  func overview() {
    let help = commission(["--help"]).stdout
    #expect(help.contains("\n  help        help for a command"))
    #expect(help.contains("\n  completion  print a bash, zsh or fish completion script"))
    for command in CommandName.allCases {
      // A name as long as the column stands on its own line, its summary under the others'.
      let name =
        command.rawValue.count < 12
        ? command.rawValue.padded(12) : command.rawValue + "\n" + "".padded(14)
      #expect(help.contains("\n  \(name)\(command.summary)\n"))
    }
  }

  static let footnote = "Sorted by annual value; a total is ranked by its yearly share.\n"

  @Test(
    "the footnote only when sorting by value and a whole-term total is shown",
    arguments: [
      // The £1,500,000 total ends on 31 March 2016: shown by then, not a day before.
      (["--by", "2016-03-31", "--sort", "value"], true),
      (["--by", "2016-03-30", "--sort", "value"], false),
      (["--by", "2016-03-31", "--sort", "end"], false),
      (["--by", "2016-03-31"], false),
      // Contracts shown, none of them a total.
      (["--by", "2016-03-31", "--sort", "value", "--department", "Social Care"], false),
    ])
  func footnote(flags: [String], shown: Bool) {
    let result = commission(["expiring", "--as-of", "2016-03-22", "-q", "--width", "160"] + flags)
    #expect(result.code == 0)
    #expect(result.stdout.contains(Self.footnote) == shown)
  }
}

@Suite("whatif's timeline window")
struct WhatIfWindowTests {
  static let scenario = "Examples/2016-align-with-camhs-april-2017.json"

  @Test("--from is read as every command-line date is: a UK date draws the same window")
  func ukFrom() {
    let iso = commission(["whatif", Self.scenario, "--gantt", "--from", "2016-04-01", "-q"])
    let uk = commission(["whatif", Self.scenario, "--gantt", "--from", "1 April 2016", "-q"])
    let none = commission(["whatif", Self.scenario, "--gantt", "-q"])
    #expect(iso.code == 0)
    #expect(uk.stdout == iso.stdout)
    #expect(none.stdout != iso.stdout)
    let bad = commission(["whatif", Self.scenario, "--gantt", "--from", "31/04/2016"])
    #expect(bad.code == 64)
    #expect(bad.stderr.contains("'--from <date>': not a date (April has 30 days)"))
  }

  @Test(
    "--from, --until and --ascii without --gantt are refused",
    arguments: [
      "--from", "--until", "--ascii",
    ])
  func withoutGantt(flag: String) {
    let value = flag == "--ascii" ? [] : ["2016-04-01"]
    let result = commission(["whatif", Self.scenario, flag] + value)
    #expect(result.code == 64)
    #expect(
      result.stderr
        == "commission: '\(flag)' shapes the '--gantt' timelines; give '--gantt' too, or leave "
        + "it out\n")
  }
}

@Suite("Flags one output format uses")
struct FormatScopeTests {
  @Test(
    "refused with another format, taken with their own",
    arguments: [
      (["export", "--format", "ics", "--alarms", "30"], nil),
      (["export", "--format", "csv", "--alarms", "30"], "'--alarms' sets a calendar's reminders"),
      (["export", "--alarms", "30"], "'--alarms' sets a calendar's reminders"),
      (["whatif", "--gantt", "s.json"], nil),
      (["whatif", "--gantt", "--format", "text", "s.json"], nil),
      (["whatif", "--gantt", "--format", "json", "s.json"], "'--gantt' draws each scenario's"),
      (["help", "expiring"], nil),
      (["help", "expirng"], "no help on 'expirng'; did you mean 'expiring'?"),
    ] as [([String], String?)])
  func scope(arguments: [String], refusal: String?) {
    do {
      _ = try Invocation.parse(arguments)
      #expect(refusal == nil, "\(arguments) was taken")
    } catch {
      #expect(refusal.map { error.message.hasPrefix($0) } ?? false, "\(error.message)")
    }
  }
}
