import Commissioning
import Foundation

extension Commission {
  /// `commission whatif`: each scenario file (and those it extends) applied to its register.
  static func compareScenarios(
    _ invocation: Invocation, format: OutputFormat, width: Int, environment: Environment
  ) throws(CommandFailure) -> (CommandOutput, ExitCode, [String]) {
    guard !invocation.registers.isEmpty else {
      throw CommandFailure(
        .usage,
        "missing scenario files; for example: commission whatif Examples/2016-stagger-ends.json")
    }
    let windowStart = try ganttWindowStart(invocation)
    let (outcomes, registers, inputs) = try scenarioOutcomes(invocation, environment)
    let report = WhatIfReport(outcomes: outcomes)
    let body: (inout OutputSink) -> Void
    switch format {
    case .json:
      // One register behind every scenario: its reading's counts go with the answer.
      let only = registers.count == 1 ? registers.values.first : nil
      body = { report.writeJSON(reading: only, to: &$0) }
    case .csv: body = { report.writeCSV(to: &$0) }
    default:
      // The charts are laid out first (that can fail); the text is written as it is made.
      let timelines =
        invocation.gantt
        ? try scenarioTimelines(outcomes, invocation, width: width, windowStart: windowStart) : []
      body = { sink in
        TerminalSafeStream.write(into: &sink) { out in
          report.writeText(to: &out, width: width)
          for (heading, chart) in timelines {
            out.write(heading)
            chart.writeText(to: &out, ascii: invocation.ascii)
          }
        }
      }
    }
    return (.stream(body), .success, inputs)
  }

  /// Each scenario applied to its register (a register named by several is read once), the
  /// registers read, and every file read.
  static func scenarioOutcomes(_ invocation: Invocation, _ environment: Environment)
    throws(CommandFailure) -> ([ScenarioOutcome], [String: Register], [String])
  {
    var outcomes: [ScenarioOutcome] = []
    var inputs: [String] = []
    var registers: [String: Register] = [:]
    for path in invocation.registers {
      let chain = try loadChain(path, environment: environment, visiting: [])
      inputs += chain.map(\.path)
      // The register: the nearest file in the chain that names one, relative to that file.
      let named = chain.last { $0.scenario.register != nil }
      let registerPath = named.map { link -> String in
        let r = link.scenario.register ?? ""
        return r.hasPrefix("/") ? r : (link.path as NSString).deletingLastPathComponent + "/" + r
      }
      let key = registerPath ?? ""
      let register: Register
      if let loaded = registers[key] {
        register = loaded
      } else {
        let (loaded, registerInputs) = try Files.loadRegister(
          registerPath.map { [$0] } ?? [], environment: environment)
        registers[key] = loaded
        inputs += registerInputs
        register = loaded
      }
      let asOf =
        chain.last { $0.scenario.asOf != nil }?.scenario.asOf ?? invocation.asOf
        ?? environment.today
      do {
        outcomes.append(
          try ScenarioOutcome(chain: chain.map(\.scenario), baseline: register, asOf: asOf))
      } catch {
        throw CommandFailure(.dataError, error.description)
      }
    }
    return (outcomes, registers, inputs)
  }

  /// `whatif --gantt`: each scenario's timeline under its heading (a rule, its letter and
  /// name), in one window for every timeline, so the scenarios compare by eye.
  static func scenarioTimelines(
    _ outcomes: [ScenarioOutcome], _ invocation: Invocation, width: Int, windowStart: Day?
  ) throws(CommandFailure) -> [(heading: String, chart: GanttChart)] {
    let from = outcomes.map(\.asOf).min()
    let to = outcomes.flatMap { $0.moves.compactMap(\.proposedEnd) }.max()
    var timelines: [(heading: String, chart: GanttChart)] = []
    for (index, outcome) in outcomes.enumerated() {
      var options = GanttOptions()
      options.width = width
      options.ascii = invocation.ascii
      options.group = outcome.groupsNamed.first
      options.from = windowStart ?? from
      options.to = invocation.until ?? to
      let heading =
        "\n" + String(repeating: "=", count: min(width, 100)) + "\n"
        + "\(index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "S")  \(outcome.name)\n\n"
      do {
        var chart = try GanttChart(
          register: outcome.baseline, asOf: outcome.asOf, extensions: outcome.moves,
          options: options)
        // Only a window the user asked for is said to be widened, not the shared one.
        chart.askedFrom = windowStart
        chart.askedUntil = invocation.until
        timelines.append((heading, chart))
      } catch {
        throw CommandFailure(.failure, error.description)
      }
    }
    return timelines
  }

  /// `whatif --gantt`'s window start, read as every command-line date is (not only ISO, and
  /// never dropped silently); `--from`, `--until` and `--ascii` only shape the `--gantt`
  /// timelines, so without `--gantt` they are refused rather than ignored.
  static func ganttWindowStart(_ invocation: Invocation) throws(CommandFailure) -> Day? {
    if !invocation.gantt,
      let flag = invocation.flags.first(where: { ["--from", "--until", "--ascii"].contains($0) })
    {
      throw CommandFailure(
        .usage, "'\(flag)' shapes the '--gantt' timelines; give '--gantt' too, or leave it out")
    }
    guard let text = invocation.fromText else { return nil }
    do throws(UsageError) {
      return try Invocation.day("--from", text, example: "2016-04-01")
    } catch {
      throw CommandFailure(.usage, error.message)
    }
  }

  /// A scenario and the files it extends, the root first; a cycle is an error, not a hang.
  static func loadChain(_ path: String, environment: Environment, visiting: [String])
    throws(CommandFailure) -> [(scenario: Scenario, path: String)]
  {
    let absolute = Files.absolutePath(path, environment)
    let shown = Files.display(absolute, environment)
    if visiting.contains(absolute) {
      let cycle = (visiting + [absolute]).map { Files.display($0, environment) }
      throw CommandFailure(
        .dataError, "\(shown): error: 'extends' makes a cycle: \(cycle.joined(separator: " → "))")
    }
    let bytes = try Files.read(absolute, environment)
    let scenario: Scenario
    do {
      scenario = try Scenario.parse(json: bytes, file: shown)
    } catch {
      throw CommandFailure(.dataError, error.description)
    }
    guard let parent = scenario.extends else { return [(scenario, absolute)] }
    let parentPath =
      parent.hasPrefix("/")
      ? parent : (absolute as NSString).deletingLastPathComponent + "/" + parent
    return try loadChain(parentPath, environment: environment, visiting: visiting + [absolute])
      + [(scenario, absolute)]
  }
}
