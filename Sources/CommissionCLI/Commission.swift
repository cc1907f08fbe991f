import Commissioning
import Foundation

/// The `commission` command: arguments in, text out, an exit code back.
public enum Commission {
  /// Runs one command line.
  ///
  /// - Parameters:
  ///   - arguments: the arguments without the program name.
  ///   - environment: the world as the command may see it.
  ///   - stdout: where results go (unless `--output` names a file).
  ///   - stderr: where errors go, one line each.
  /// - Returns: the exit code (sysexits).
  public static func run<Out: TextOutputStream, Err: TextOutputStream>(
    _ arguments: [String], environment: Environment, stdout: inout Out, stderr: inout Err
  ) -> Int32 {
    let invocation: Invocation
    do {
      invocation = try Invocation.parse(arguments)
    } catch {
      stderr.write("commission: \(error.message.singleLine)\n")
      stderr.write("Run 'commission --help' for usage.\n")
      return ExitCode.usage.rawValue
    }
    if invocation.version {
      stdout.write(Help.version + "\n")
      return 0
    }
    if let shell = invocation.completion.flatMap(Completion.Shell.init(rawValue:)) {
      stdout.write(Completion.script(for: shell))
      return 0
    }
    guard let command = invocation.command else {
      if invocation.help || arguments.isEmpty {
        stdout.write(Help.overview)
        return arguments.isEmpty ? ExitCode.usage.rawValue : 0
      }
      stderr.write(
        "commission: missing command; for example: commission expiring --by 2016-09-30\n")
      return ExitCode.usage.rawValue
    }
    if invocation.help {
      stdout.write(Help.text(for: command))
      return 0
    }
    let tally = ReadingTally()
    var environment = environment
    environment.noteReading = { tally.add($0) }
    environment.maxInputSize = invocation.maxInputSize ?? Files.defaultMaxInputSize
    // Messages on standard error carry file names and cells too: one line each, made safe.
    let writeError = environment.writeStandardError
    environment.writeStandardError = { writeError($0.terminalSafe) }
    do {
      let (output, code, inputs) = try execute(command, invocation, environment)
      try write(output, command, invocation, environment, inputs: inputs, stdout: &stdout)
      // Every answer shows its doubts; check lists them, and import reports its own reading.
      if !invocation.quiet && command != .check && command != .import {
        for line in tally.summaries.compactMap(\.line) {
          stderr.write("commission: \(line.terminalSafe)\n")
        }
      }
      return code.rawValue
    } catch {
      stderr.write("commission: \(error.message.singleLine)\n")
      return error.code.rawValue
    }
  }

  /// The binary's exit code once the run is over: standard output that could not be written
  /// turns any code into 74 with one line on standard error, except a reader that went away
  /// (EPIPE, when SIGPIPE is ignored), which ends quietly with 141 as a death by SIGPIPE would.
  ///
  /// - Parameters:
  ///   - code: what ``run(_:environment:stdout:stderr:)`` returned.
  ///   - stdout: the stream the run wrote its output to.
  ///   - stderr: where the one line goes.
  public static func finish(
    _ code: Int32, stdout: DescriptorStream, stderr: inout DescriptorStream
  ) -> Int32 {
    guard let failure = stdout.failure else { return code }
    if failure == EPIPE { return ExitCode.brokenPipe.rawValue }
    stderr.write(
      "commission: cannot write to standard output: \(String(cString: strerror(failure)))\n")
    return ExitCode.ioError.rawValue
  }

  /// Writes a command's output to `--output` or standard output; a stream goes a chunk at a
  /// time, unless ``safeOutput(_:_:_:_:)`` must see it whole (data on a terminal).
  static func write<Out: TextOutputStream>(
    _ output: CommandOutput, _ command: CommandName, _ invocation: Invocation,
    _ environment: Environment, inputs: [String], stdout: inout Out
  ) throws(CommandFailure) {
    let toFile = invocation.output.map { Files.descriptorNamed($0) != STDOUT_FILENO } ?? false
    if case .bytes(let bytes) = output {
      try writeBytes(bytes, to: toFile ? invocation.output : nil, inputs, environment, &stdout)
      return
    }
    guard case .stream(let body) = output, toFile || !environment.isTerminal else {
      let text = safeOutput(output.text, command, invocation, environment)
      if let path = invocation.output, toFile {
        try Files.write(text, to: path, inputs: inputs, environment: environment)
      } else {
        stdout.write(text)
      }
      return
    }
    if let path = invocation.output, toFile {
      try Files.write(to: path, inputs: inputs, environment: environment, body)
      return
    }
    withoutActuallyEscaping({ (chunk: String) in stdout.write(chunk) }) { drain in
      var sink = OutputSink(drain: drain)
      body(&sink)
      sink.flush()
    }
  }

  /// Writes a binary output (a `.docx`) to `path` atomically, or to standard output as it is
  /// (``execute(_:_:_:)`` has refused a terminal already).
  static func writeBytes<Out: TextOutputStream>(
    _ bytes: [UInt8], to path: String?, _ inputs: [String], _ environment: Environment,
    _ stdout: inout Out
  ) throws(CommandFailure) {
    if let path {
      try Files.write(to: path, inputs: inputs, environment: environment, binary: true) {
        $0.write(bytes: bytes)
      }
    } else if var byteStream = stdout as? any ByteOutputStream {
      byteStream.write(bytes: bytes)
      if let written = byteStream as? Out { stdout = written }
    } else {
      stdout.write(String(decoding: bytes, as: UTF8.self))
    }
  }

  /// A binary format (`docx`) to a terminal is refused before any work: its bytes would
  /// scramble the screen, and `terminalSafe` would make them a broken file.
  static func refuseBinaryOnTerminal(
    _ format: OutputFormat, _ invocation: Invocation, _ environment: Environment
  ) throws(CommandFailure) {
    guard format == .docx else { return }
    let terminal = invocation.output.map { Files.opensTerminal($0, environment) }
    guard terminal ?? environment.isTerminal else { return }
    throw Files.binaryOnTerminal()
  }

  /// The one choke point for what a command prints: text for people (text, Markdown, Mermaid)
  /// always passes ``Swift/String/terminalSafe``, data formats (CSV, JSON, ICS, SVG, HTML, OCDS)
  /// when they go straight to a terminal; a file or a pipe gets their bytes unchanged.
  ///
  /// A coloured Gantt is the one exception: it holds the renderer's own colour codes, and its
  /// user text was already put on one line by `TextTable` and `Prose` before painting.
  static func safeOutput(
    _ text: String, _ command: CommandName, _ invocation: Invocation, _ environment: Environment
  ) -> String {
    let format = invocation.format ?? command.defaultFormat
    if command == .gantt && useColor(invocation, format: format, environment) { return text }
    switch format {
    case .text, .markdown, .mermaid: return text.terminalSafe
    default:
      return invocation.output == nil && environment.isTerminal ? text.terminalSafe : text
    }
  }

  /// Colour only for text on a terminal that can show it: not with `NO_COLOR` set (to
  /// anything, as no-color.org asks), not with `TERM=dumb` (or no `TERM`), not to a file.
  static func useColor(_ invocation: Invocation, format: OutputFormat, _ environment: Environment)
    -> Bool
  {
    let term = environment.variables["TERM"] ?? "dumb"
    return invocation.output == nil && format == .text && environment.isTerminal
      && environment.variables["NO_COLOR"] == nil && term != "dumb" && !term.isEmpty
  }

  static func execute(_ command: CommandName, _ invocation: Invocation, _ environment: Environment)
    throws(CommandFailure) -> (CommandOutput, ExitCode, [String])
  {
    let asOf = invocation.asOf ?? environment.today
    let format = invocation.format ?? command.defaultFormat
    let width = environment.textWidth(asked: invocation.widthIsPixels ? nil : invocation.width)
    let allowed = command.formats(grouped: invocation.group != nil || invocation.all)
    guard allowed.contains(format) else {
      throw CommandFailure(
        .usage,
        "the value '\(format.rawValue)' is invalid for '\(command.rawValue) --format'"
          + (command == .align && invocation.group == nil && !invocation.all
            ? " without '--group' or '--all'" : "")
          + "; use " + allowed.map(\.rawValue).joined(separator: " or "))
    }
    try refuseBinaryOnTerminal(format, invocation, environment)
    switch command {
    case .summary:
      return try summarise(invocation, format: format, width: width, asOf: asOf, environment)
    case .expiring:
      guard let by = invocation.by else {
        throw CommandFailure(.usage, "missing '--by <date>'; for example --by 2016-09-30")
      }
      let (register, inputs) = try Files.loadRegister(
        invocation.registers, environment: environment)
      if let group = invocation.group, !register.hasGroup(group) {
        throw CommandFailure(
          .failure,
          register.unknownGroupMessage(group))
      }
      let provider = try invocation.provider.map { text throws(CommandFailure) in
        try resolveProvider(text, in: register, environment: environment)
      }
      let department = try invocation.department.map { text throws(CommandFailure) in
        try resolveDepartment(text, in: register, environment: environment)
      }
      let report = ExpiryReport(
        register: register, by: by, asOf: asOf, group: invocation.group,
        provider: provider, department: department, sort: invocation.sort ?? .end)
      let body: (inout OutputSink) -> Void
      switch format {
      case .json: body = { report.writeJSON(reading: register, to: &$0) }
      case .csv: body = { report.writeCSV(to: &$0) }
      default:
        body = { sink in
          TerminalSafeStream.write(into: &sink) { report.writeText(to: &$0, width: width) }
        }
      }
      return (.stream(body), .success, inputs)
    case .align:
      let (register, inputs) = try Files.loadRegister(
        invocation.registers, environment: environment)
      let target: AlignmentTarget =
        invocation.to.map { .end($0) } ?? invocation.start.map { .newServiceStart($0) }
        ?? .latestEnd
      if invocation.all {
        if invocation.group != nil {
          throw CommandFailure(.usage, "'--all' and '--group' both choose the groups; give one")
        }
        if format == .docx {
          throw CommandFailure(
            .usage, "'align --format docx' is for one group's proposal; give '--group <name>'")
        }
        let plan = AlignmentPlan(register: register, target: target, asOf: asOf)
        let body: (inout OutputSink) -> Void
        switch format {
        case .json: body = { plan.writeJSON(reading: register, to: &$0) }
        case .csv: body = { plan.writeCSV(to: &$0) }
        default:
          body = { sink in
            TerminalSafeStream.write(into: &sink) { plan.writeText(to: &$0, width: width) }
          }
        }
        return (.stream(body), .success, inputs)
      }
      guard let group = invocation.group else {
        if invocation.to != nil || invocation.start != nil {
          throw CommandFailure(
            .usage,
            "'--to' and '--start' need '--group <name>' or '--all'; for example --group childrens-public-health"
          )
        }
        let groups = GroupSummary.all(in: register)
        let body: (inout OutputSink) -> Void
        switch format {
        case .json: body = { GroupSummary.writeJSON(groups, register: register, to: &$0) }
        default:
          body = { sink in
            TerminalSafeStream.write(into: &sink) {
              GroupSummary.writeText(groups, register: register, to: &$0, width: width)
            }
          }
        }
        return (.stream(body), .success, inputs)
      }
      let proposal: AlignmentProposal
      do {
        proposal = try AlignmentProposal(
          register: register, group: group, target: target, asOf: asOf)
      } catch {
        throw CommandFailure(.failure, error.description)
      }
      let body: (inout OutputSink) -> Void
      switch format {
      case .docx: return (.bytes(proposal.docx), .success, inputs)
      case .json: body = { proposal.writeJSON(reading: register, to: &$0) }
      case .csv: body = { proposal.writeCSV(to: &$0) }
      default:
        body = { sink in
          TerminalSafeStream.write(into: &sink) { proposal.writeText(to: &$0, width: width) }
        }
      }
      return (.stream(body), .success, inputs)
    case .gantt:
      let (register, inputs) = try Files.loadRegister(
        invocation.registers, environment: environment)
      let proposal = try overlaidProposal(invocation, register: register, asOf: asOf)
      var options = GanttOptions()
      // A drawing's window and scale do not follow the terminal: it is laid out as a wide chart.
      options.width = format == .svg ? ProgrammeReport.chartColumns : width
      options.drawing = format == .svg
      options.scale = invocation.scale
      options.from = try invocation.fromText.map { text throws(CommandFailure) -> Day in
        do throws(UsageError) {
          return try Invocation.day("--from", text, example: "2016-04-01")
        } catch {
          throw CommandFailure(.usage, error.message)
        }
      }
      options.to = invocation.until
      options.group = invocation.group
      options.ascii = invocation.ascii
      options.color = useColor(invocation, format: format, environment)
      let chart: GanttChart
      do {
        chart = try GanttChart(register: register, asOf: asOf, proposal: proposal, options: options)
      } catch {
        throw CommandFailure(.failure, error.description)
      }
      var text = ""
      switch format {
      case .json: return (.stream { chart.writeJSON(reading: register, to: &$0) }, .success, inputs)
      case .svg:
        var drawing = GanttSVGOptions()
        drawing.width = invocation.width ?? drawing.width
        let svg = drawing
        return (.stream { chart.writeSVG(to: &$0, options: svg) }, .success, inputs)
      case .text where !options.color:
        // A text chart of every row is large: written as it is drawn, made safe a piece at a time.
        let ascii = options.ascii
        let body: (inout OutputSink) -> Void = { sink in
          TerminalSafeStream.write(into: &sink) { chart.writeText(to: &$0, ascii: ascii) }
        }
        return (.stream(body), .success, inputs)
      default: chart.writeText(to: &text, ascii: options.ascii, color: options.color)
      }
      return (.text(text), .success, inputs)
    case .decision:
      return try draftDecision(invocation, format: format, width: width, environment: environment)
    case .whatif:
      return try compareScenarios(
        invocation, format: format, width: width, environment: environment)
    case .export:
      return try exportRegister(invocation, format: format, environment: environment)
    case .import:
      return try importRegister(invocation, environment: environment)
    case .report:
      return try programmeReport(invocation, asOf: asOf, environment)
    case .opportunities:
      return try findOpportunities(
        invocation, format: format, width: width, asOf: asOf, environment)
    case .check:
      var (register, inputs, parts) = try Files.loadRegisters(
        invocation.registers, environment: environment)
      // Registers given together are compared: the same contract told two ways is warned of.
      register.diagnostics += CrossRegisterCheck.diagnostics(register: register, parts: parts)
      let report = CheckReport(
        register: register, strict: invocation.strict,
        minimumSeverity: invocation.minSeverity ?? .note)
      // A messy register of a million rows has about a million diagnostics: written a line
      // (or a JSON element) at a time, never as one string.
      let body: (inout OutputSink) -> Void
      switch format {
      case .json: body = { report.writeJSON(to: &$0) }
      default:
        body = { sink in TerminalSafeStream.write(into: &sink) { report.writeText(to: &$0) } }
      }
      return (.stream(body), report.passes ? .success : .dataError, inputs)
    }
  }
}
