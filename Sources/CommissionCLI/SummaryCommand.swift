import Commissioning

extension Commission {
  /// `commission summary`: the register at a glance, as text or JSON.
  static func summarise(
    _ invocation: Invocation, format: OutputFormat, width: Int, asOf: Day,
    _ environment: Environment
  ) throws(CommandFailure) -> (CommandOutput, ExitCode, [String]) {
    let (register, inputs) = try Files.loadRegister(invocation.registers, environment: environment)
    let report = SummaryReport(register: register, asOf: asOf)
    let body: (inout OutputSink) -> Void
    switch format {
    case .json: body = { report.writeJSON(reading: register, to: &$0) }
    default:
      body = { sink in
        TerminalSafeStream.write(into: &sink) { report.writeText(to: &$0, width: width) }
      }
    }
    return (.stream(body), .success, inputs)
  }
}
