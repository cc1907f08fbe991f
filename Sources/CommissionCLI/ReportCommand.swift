import Commissioning

extension Commission {
  /// `commission report`: one self-contained HTML page for a programme or the whole register.
  static func programmeReport(
    _ invocation: Invocation, asOf: Day, _ environment: Environment
  ) throws(CommandFailure) -> (CommandOutput, ExitCode, [String]) {
    if invocation.to != nil && invocation.start != nil {
      throw CommandFailure(
        .usage,
        "'--to' and '--start' both set the target; give one (for example --start 2017-04-01)")
    }
    let (register, inputs) = try Files.loadRegister(invocation.registers, environment: environment)
    let target: AlignmentTarget =
      invocation.to.map { .end($0) } ?? invocation.start.map { .newServiceStart($0) }
      ?? .latestEnd
    var report: ProgrammeReport
    do {
      report = try ProgrammeReport(
        register: register, asOf: asOf,
        by: invocation.by, group: invocation.group,
        target: target)
    } catch {
      throw CommandFailure(.failure, error.description)
    }
    report.chartWidth = invocation.width ?? report.chartWidth
    var text = ""
    report.writeHTML(to: &text)
    return (.text(text), .success, inputs)
  }
}
