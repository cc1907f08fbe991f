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
}
