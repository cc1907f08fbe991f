import Commissioning
import Foundation

/// The commands `commission` knows.
public enum CommandName: String, CaseIterable, Sendable {
  case summary
  case expiring
  case check
  case align
  case gantt
  case decision
  case whatif
  case export
  case `import`
  case report
  case opportunities

  var summary: String {
    switch self {
    case .summary: return "the register at a glance: contracts, value, groups, next deadlines"
    case .expiring: return "contracts ending on or before --by DATE, soonest first"
    case .check: return "validate registers and print every diagnostic"
    case .align: return "find misaligned end dates; propose synchronised extensions for a group"
    case .gantt: return "timeline of contracts, options, proposals and the commissioning cycle"
    case .decision: return "draft the Proposed Record of Decision for a synchronised extension"
    case .whatif: return "apply scenario files and compare them with the baseline, side by side"
    case .export:
      return "write the register as csv, json, ics, mermaid, ocds, tidy or jsonl"
    case .import: return "read OCDS or a foreign-headed CSV into a canonical register CSV"
    case .report: return "one self-contained HTML page for a programme (--group) or the register"
    case .opportunities:
      return "contracts of several buyers, ending close together, to procure together"
    }
  }

  /// The format when `--format` is not given.
  var defaultFormat: OutputFormat {
    switch self {
    case .decision: return .markdown
    case .export, .import: return .csv
    case .report: return .html
    default: return .text
    }
  }

  /// The output formats the command writes (align writes CSV only for a proposal).
  func formats(grouped: Bool) -> [OutputFormat] {
    switch self {
    case .summary: return [.text, .json]
    case .expiring: return [.text, .json, .csv]
    case .check: return [.text, .json]
    case .align: return grouped ? [.text, .json, .csv, .docx] : [.text, .json]
    case .gantt: return [.text, .svg, .json]
    case .decision: return [.markdown, .text, .html, .json, .docx]
    case .whatif: return [.text, .json, .csv]
    case .export: return [.csv, .json, .ics, .mermaid, .ocds, .tidy, .jsonl]
    case .import: return [.csv]
    case .report: return [.html]
    case .opportunities: return [.text, .json, .tidy]
    }
  }
}

/// Output formats, spelled as users type them.
public enum OutputFormat: String, CaseIterable, Sendable {
  case text
  case json
  case csv
  case svg
  case markdown
  case html
  case ics
  case mermaid
  case ocds
  /// A Word document (Office Open XML): bytes, not text, so never to a terminal.
  case docx
  /// One flat row per contract (CSV) for analytics engines; JSON Lines with `jsonl`.
  case tidy
  case jsonl
}

/// A parsed command line: what to run, on what, with which options.
public struct Invocation: Equatable, Sendable {
  public var command: CommandName?
  public var registers: [String] = []
  public var asOf: Day?
  public var by: Day?
  /// The target end date (`--to`) in every command, or the new service start. `gantt`: the
  /// window (`--from`, `--until`) and an alignment to overlay (`--to`, `--target` or `--start`).
  public var to: Day?
  /// `gantt` and `whatif --gantt`: the chart window's last day.
  public var until: Day?
  public var start: Day?
  /// `--from`: a date for `gantt`, a source format (`ocds`, `csv`, `json`) for `import`.
  public var fromText: String?
  /// `export --format ics`: reminders, in days before each date.
  public var alarms: [Int]?
  public var target: Day?
  public var scale: GanttScale?
  /// `expiring --sort` and `check --min-severity` (parsed in Invocation+ReportFlags.swift).
  public var sort: ExpirySort?
  public var minSeverity: Severity?
  public var ascii = false
  /// `align --all`: propose for every group.
  public var all = false
  /// `whatif`: draw each scenario as a timeline too.
  public var gantt = false
  /// `decision`: a spec file, and fields that override it.
  public var spec: String?
  public var decisionFields = DecisionSpec()
  /// `nil` when not given: each command has its own default.
  public var format: OutputFormat?
  public var output: String?
  public var group: String?
  public var provider: String?
  /// `expiring`: only contracts of this department.
  public var department: String?
  /// `opportunities`: its CPV depth, window, postcode area and buyer.
  public var opportunity = OpportunityFlags()
  /// `completion SHELL`: print the completion script for this shell.
  public var completion: String?
  public var strict = false
  /// No line on standard error about the reading's warnings.
  public var quiet = false
  public var width: Int?
  /// `--max-input-size`: the most bytes any one input may have (nil: the default cap).
  public var maxInputSize: Int?
  public var help = false
  public var version = false
  /// The flags given, as typed (`-o` or `--output`), in order: each must be one the command takes.
  public var flags: [String] = []

  public init() {}
}

/// A command line that cannot be run: exit 64 with this one-line message.
public struct UsageError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension Invocation {
  /// Parses arguments (without the program name). `--label value` and `--label=value` both work.
  ///
  /// - Throws: ``UsageError`` naming the flag and showing an example.
  public static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
    var invocation = Invocation()
    var index = 0
    var positional: [String] = []
    func value(for flag: String, inline: String?) throws(UsageError) -> String {
      if let inline { return inline }
      index += 1
      guard index < arguments.count else {
        throw UsageError("missing value for '\(flag)'; for example \(flag) \(example(flag))")
      }
      return arguments[index]
    }
    func day(_ flag: String, _ text: String) throws(UsageError) -> Day {
      try Invocation.day(flag, text, example: "2016-09-30")
    }
    var widthText: String?
    var onlyPositional = false
    while index < arguments.count {
      let argument = arguments[index]
      if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
        positional.append(argument)
        index += 1
        continue
      }
      if argument == "--" {
        onlyPositional = true
        index += 1
        continue
      }
      var flag = argument
      var inline: String?
      if let equals = argument.firstIndex(of: "=") {
        flag = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      switch flag {
      case "--as-of": invocation.asOf = try day(flag, try value(for: flag, inline: inline))
      case "--by": invocation.by = try day(flag, try value(for: flag, inline: inline))
      case "--to": invocation.to = try day(flag, try value(for: flag, inline: inline))
      case "--until": invocation.until = try day(flag, try value(for: flag, inline: inline))
      case "--start": invocation.start = try day(flag, try value(for: flag, inline: inline))
      case "--from": invocation.fromText = try value(for: flag, inline: inline)
      case "--alarms":
        let text = try value(for: flag, inline: inline)
        let days = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !days.isEmpty, days.allSatisfy({ Invocation.alarmDays.contains($0 ?? -1) }) else {
          throw UsageError(
            "the value '\(text)' is invalid for '--alarms <days>'; use days before each date, "
              + "from 0 to \(Invocation.alarmDays.upperBound), like 180,90,30")
        }
        invocation.alarms = days.compactMap { $0 }
      case "--target": invocation.target = try day(flag, try value(for: flag, inline: inline))
      case "--scale":
        let text = try value(for: flag, inline: inline)
        guard let scale = GanttScale(rawValue: text) else {
          throw UsageError(invalid(text, "--scale <scale>", GanttScale.allCases))
        }
        invocation.scale = scale
      case "--sort", "--min-severity":
        try invocation.setReportFlag(flag, try value(for: flag, inline: inline))
      case "--spec":
        invocation.spec = try fileName(flag, try value(for: flag, inline: inline))
      case "--decision-number":
        invocation.decisionFields.decisionNumber = try value(for: flag, inline: inline)
      case "--decision-maker":
        invocation.decisionFields.decisionMaker = try value(for: flag, inline: inline)
      case "--decision-maker-name":
        invocation.decisionFields.decisionMakerName = try value(for: flag, inline: inline)
      case "--committee": invocation.decisionFields.committee = try value(for: flag, inline: inline)
      case "--meeting-date":
        invocation.decisionFields.meetingDate = try day(flag, try value(for: flag, inline: inline))
      case "--notice-date":
        invocation.decisionFields.noticeDate = try day(flag, try value(for: flag, inline: inline))
      case "--subject": invocation.decisionFields.subject = try value(for: flag, inline: inline)
      case "--purpose": invocation.decisionFields.purpose = try value(for: flag, inline: inline)
      case "--alternatives":
        invocation.decisionFields.alternatives = try value(for: flag, inline: inline)
      case "--exempt":
        invocation.decisionFields.exemptParagraph = try value(for: flag, inline: inline)
      case "--author": invocation.decisionFields.reportAuthor = try value(for: flag, inline: inline)
      case "--director": invocation.decisionFields.director = try value(for: flag, inline: inline)
      case "--kind", "--form", "--service", "--value", "--change", "--scope", "--contract-start",
        "--contract-end":
        try invocation.decisionFields.setKindField(flag, try value(for: flag, inline: inline))
      case "--contracts":
        // Repeated, the lists add up: `--contracts a --contracts b` is both.
        invocation.decisionFields.contracts =
          (invocation.decisionFields.contracts ?? [])
          + (try value(for: flag, inline: inline)
            .split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty })
      case "--gantt":
        guard inline == nil else { throw UsageError("'--gantt' takes no value") }
        invocation.gantt = true
      case "--all":
        guard inline == nil else { throw UsageError("'--all' takes no value") }
        invocation.all = true
      case "--ascii":
        guard inline == nil else { throw UsageError("'--ascii' takes no value") }
        invocation.ascii = true
      case "--format":
        let text = try value(for: flag, inline: inline)
        guard let format = OutputFormat(rawValue: text) else {
          throw UsageError(invalid(text, "--format <format>", OutputFormat.allCases))
        }
        invocation.format = format
      case "--output", "-o":
        invocation.output = try fileName(flag, try value(for: flag, inline: inline))
      case "--group": invocation.group = try value(for: flag, inline: inline)
      case "--provider": invocation.provider = try value(for: flag, inline: inline)
      case "--department": invocation.department = try value(for: flag, inline: inline)
      case "--cpv-digits", "--window", "--postcode-area", "--buyer":
        try invocation.opportunity.set(flag, try value(for: flag, inline: inline))
      case "--width":
        // Checked once the command and format are known: columns for text, pixels for a page.
        widthText = try value(for: flag, inline: inline)
      case "--quiet", "-q":
        guard inline == nil else { throw UsageError("'--quiet' takes no value") }
        invocation.quiet = true
      case "--max-input-size":
        let text = try value(for: flag, inline: inline)
        guard let size = size(text) else {
          throw UsageError(
            "the value '\(text)' is invalid for '--max-input-size <size>'; use bytes or a size with K, M, G or T, like 4G"
          )
        }
        invocation.maxInputSize = size
      case "--strict":
        guard inline == nil else { throw UsageError("'--strict' takes no value") }
        invocation.strict = true
      case "--help", "-h": invocation.help = true
      case "--version": invocation.version = true
      default:
        throw UsageError(Flags.unknown(flag))
      }
      invocation.flags.append(flag)
      index += 1
    }
    if invocation.target != nil && invocation.start != nil {
      throw UsageError(
        "'--target' and '--start' both set the target; give one (for example --start 2017-04-01)")
    }
    if invocation.to != nil && invocation.start != nil
      && ["align", "decision", "report"].contains(positional.first)
    {
      throw UsageError(
        "'--to' and '--start' both set the target; give one (for example --start 2017-04-01)")
    }
    if positional.first == nil, let widthText {
      invocation.width = try width(widthText, for: invocation)
    }
    if let first = positional.first {
      guard let command = CommandName(rawValue: first) else {
        if first == "help" {
          invocation.help = true
          invocation.registers = Array(positional.dropFirst())
          if let topic = invocation.registers.first {
            guard let command = CommandName(rawValue: topic) else {
              throw UsageError(
                CloseMatch.refusal(
                  "no help on '\(topic)'", for: topic, in: CommandName.allCases.map(\.rawValue),
                  noun: "commands"))
            }
            invocation.command = command
            invocation.registers = []
          }
          return invocation
        }
        if first == "completion" { return try completion(invocation, positional) }
        throw UsageError(
          CloseMatch.refusal(
            "unknown command '\(first)'", for: first,
            in: CommandName.allCases.map(\.rawValue) + ["help", "completion"], noun: "commands"))
      }
      invocation.command = command
      invocation.registers = Array(positional.dropFirst())
      if let widthText { invocation.width = try width(widthText, for: invocation) }
      if !invocation.help {
        try Flags.refuseForeign(invocation.flags, of: command)
        try refuseUnusedWithFormat(invocation)
      }
    }
    return invocation
  }

  /// Flags that only one output format uses are refused with another, not ignored: reminders
  /// in a CSV, or timelines in JSON, would otherwise vanish without a word.
  static func refuseUnusedWithFormat(_ invocation: Invocation) throws(UsageError) {
    if invocation.alarms != nil, invocation.format != .ics {
      throw UsageError(
        "'--alarms' sets a calendar's reminders; it goes with '--format ics'"
          + (invocation.format.map { ", not '--format \($0.rawValue)'" } ?? ""))
    }
    if invocation.gantt, let format = invocation.format, format != .text {
      throw UsageError(
        "'--gantt' draws each scenario's timeline as text; it cannot go with '--format \(format.rawValue)'"
      )
    }
  }

  /// `completion SHELL`: exactly one shell, one of ``Completion/Shell``.
  static func completion(_ invocation: Invocation, _ positional: [String]) throws(UsageError)
    -> Invocation
  {
    let shells = Completion.Shell.allCases.map(\.rawValue)
    guard positional.count == 2, let shell = Completion.Shell(rawValue: positional[1]) else {
      let given = positional.dropFirst().first
      throw UsageError(
        (given.map { "the value '\($0)' is invalid for 'completion <shell>'" }
          ?? "missing shell for 'completion'")
          + (given.map { CloseMatch.hint(for: $0, in: shells) } ?? "")
          + "; use one of " + shells.joined(separator: ", ")
          + ", like: commission completion bash")
    }
    var invocation = invocation
    invocation.completion = shell.rawValue
    return invocation
  }

  /// A file name given to `--output` or `--spec`: not empty, and not an option-looking word
  /// (`--output --help` would otherwise write a file named `--help`, and a forgotten name
  /// swallow the next flag). Only `-` alone, standard output, starts with a dash; a file whose
  /// name does is still reached as `./-name`.
  static func fileName(_ flag: String, _ text: String) throws(UsageError) -> String {
    guard !text.isEmpty else {
      throw UsageError("'\(flag)' needs a file name; for example \(flag) \(example(flag))")
    }
    guard text == "-" || !text.hasPrefix("-") else {
      throw UsageError(
        "'\(flag)' needs a file name, not '\(text)' (write ./\(text) for a file of that name)")
    }
    return text
  }

  /// The days an alarm may come before its date: up to ten years, like the council's notice
  /// and lead times, so a calendar never carries `TRIGGER:-P99999999999D`.
  static let alarmDays = 0...3650

  /// The years a date on the command line may fall in. Councils plan decades ahead, not
  /// millennia; `--start 0001-01-01` is a slip, and reports about it would be nonsense. A
  /// decision spec's dates are held to the same range.
  static let commandLineYears = DecisionSpec.years

  /// A date given on the command line: ISO, or day-first as UK users write it (`30/09/2016`,
  /// `30 Sep 2016`, `30 September 2016`), and within ``commandLineYears``.
  ///
  /// The register's ``DateParser`` reads the day-first forms, but only a reading with no
  /// doubt is taken: a whole day, one date, no assumption (`31/02/2016`, `30/09/16`,
  /// `September 2016` are refused), and no stray marks the parser would step over
  /// (`-2016-01-01`, `~1 Jan 2016`, `1 Jan 2016?`), since a slip here changes every answer
  /// silently. A finding the parser gives (`September has 30 days`) says why.
  static func day(_ flag: String, _ text: String, example: String) throws(UsageError) -> Day {
    func refuse(_ reason: String?) -> UsageError {
      UsageError(
        "the value '\(text)' is invalid for '\(flag) <date>'"
          + (reason.map { ": \($0)" } ?? "")
          + "; use a date like \(example), 30/09/2016 or 30 Sep 2016")
    }
    guard isPlainDate(text) else { throw refuse(nil) }
    let reading = DateParser.parse(text, role: .start)
    if let year = (Day(text) ?? reading.day)?.year, !commandLineYears.contains(year) {
      throw UsageError(
        "the value '\(text)' is invalid for '\(flag) <date>'; use a date in the years "
          + "\(commandLineYears.lowerBound) to \(commandLineYears.upperBound), like \(example)")
    }
    guard
      let day = Day(text)
        ?? reading.day.flatMap({ day in
          reading.precision == .day && reading.findings.isEmpty && reading.rangeStart == nil
            && reading.option == nil ? day : nil
        })
    else {
      throw refuse(reading.findings.first.map { reason($0.message, quoting: text) })
    }
    return day
  }

  /// Digits first, a digit or letter last, and only digits, ASCII letters, spaces, `/`, `-`,
  /// `.` and `,` between: the marks a date is written with, and none it could be hedged with.
  static func isPlainDate(_ text: String) -> Bool {
    let marks: Set<Character> = [" ", "/", "-", ".", ","]
    func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    func isLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    guard let first = text.first, let last = text.last, isDigit(first),
      isDigit(last) || isLetter(last)
    else { return false }
    return text.allSatisfy { isDigit($0) || isLetter($0) || marks.contains($0) }
  }

  /// A parser finding as a reason: `'31/09/2016' is not a date (September has 30 days); read as
  /// 2016-09-30` becomes `not a date (September has 30 days)`, `'30/09/16' has a two-digit
  /// year` becomes `it has a two-digit year`: on the command line nothing is read as anything.
  static func reason(_ message: String, quoting text: String) -> String {
    var reason = Substring(message)
    if let cut = reason.range(of: "; read") { reason = reason[..<cut.lowerBound] }
    let quoted = "'\(text)' "
    guard reason.hasPrefix(quoted) else { return String(reason) }
    reason = reason.dropFirst(quoted.count)
    return reason.hasPrefix("is ") ? String(reason.dropFirst(3)) : "it " + reason
  }

  /// A size in bytes: digits, then perhaps K, M, G or T (powers of 1024, either case); at least 1.
  static func size(_ text: String) -> Int? {
    var digits = Substring(text)
    var unit = 1
    if let last = text.last, let power = "KMGT".firstIndex(of: Character(last.uppercased())) {
      unit = 1 << (10 * ("KMGT".distance(from: "KMGT".startIndex, to: power) + 1))
      digits = digits.dropLast()
    }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let count = Int(digits), count > 0
    else { return nil }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: unit)
    return overflow ? nil : bytes
  }

  /// A size as `--max-input-size` takes it: in the largest unit that divides it exactly.
  static func sizeText(_ bytes: Int) -> String {
    for (shift, unit) in [(40, "T"), (30, "G"), (20, "M"), (10, "K")]
    where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
      return "\(bytes >> shift)\(unit)"
    }
    return "\(bytes) bytes"
  }

  static func example(_ flag: String) -> String {
    switch flag {
    case "--as-of", "--by", "--to", "--target", "--until": return "2016-09-30"
    case "--from": return "2016-04-01 (gantt) or ocds (import)"
    case "--alarms": return "180,90,30"
    case "--start": return "2017-04-01"
    case "--format": return "json"
    case "--output", "-o": return "report.json"
    case "--group": return "childrens-public-health"
    case "--provider": return "KCHFT"
    case "--department": return "\"Public Health\""
    case "--width": return "100"
    case "--max-input-size": return "4G"
    case "--scale": return "quarter"
    case "--sort", "--min-severity": return reportFlagExample(flag)
    case "--spec": return "Examples/decision-16-00038.json"
    case "--decision-number": return "16/00038"
    case "--meeting-date", "--notice-date": return "2016-03-22"
    case "--contracts": return "schw-hv-fnp,schw-school-ph-kchft"
    case "--kind": return "award"
    case "--form": return "agree"
    case "--value": return "£23,184,000"
    case "--change": return "-£250,000"
    case "--scope": return "\"to add the Swale service\""
    case "--contract-start", "--contract-end": return "2015-10-01"
    case "--cpv-digits", "--window", "--postcode-area", "--buyer":
      return OpportunityFlags.example(flag)
    default: return "VALUE"
    }
  }
}
