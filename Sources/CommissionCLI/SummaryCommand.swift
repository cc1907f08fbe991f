import Commissioning

extension Commission {
  /// `commission summary`: the register at a glance, as text or JSON.
  static func summarise(
    _ invocation: Invocation, format: OutputFormat, width: Int, asOf: Day,
    _ environment: Environment
  ) throws(CommandFailure) -> (CommandOutput, ExitCode, [String]) {
    let (register, inputs) = try Files.loadRegister(invocation.registers, environment: environment)
    let report = SummaryReport(register: register, asOf: asOf)
    var text = ""
    switch format {
    case .json: report.json.withReading(register).write(to: &text)
    default: report.writeText(to: &text, width: width)
    }
    return (.text(text), .success, inputs)
  }

  /// A flag that belongs to one command is refused elsewhere, rather than silently ignored.
  static func checkReportFlags(_ command: CommandName, _ invocation: Invocation)
    throws(CommandFailure)
  {
    if invocation.sort != nil && command != .expiring {
      throw CommandFailure(.usage, "'--sort' is for 'expiring'; for example --sort value")
    }
    if invocation.minSeverity != nil && command != .check {
      throw CommandFailure(
        .usage, "'--min-severity' is for 'check'; for example --min-severity warning")
    }
  }
}
