import Commissioning

extension Commission {
  /// `commission opportunities`: clusters of several buyers' contracts to procure together.
  static func findOpportunities(
    _ invocation: Invocation, format: OutputFormat, width: Int, asOf: Day,
    _ environment: Environment
  ) throws(CommandFailure) -> (CommandOutput, ExitCode, [String]) {
    let (register, inputs) = try Files.loadRegister(invocation.registers, environment: environment)
    let flags = invocation.opportunity
    var options = OpportunityOptions()
    options.cpvDigits = flags.cpvDigits ?? options.cpvDigits
    options.window = flags.window ?? options.window
    options.postcodeArea = flags.postcodeArea
    options.buyer = try flags.buyer.map { text throws(CommandFailure) in
      try resolveBuyer(text, in: register, environment: environment)
    }
    let report = OpportunityReport(register: register, asOf: asOf, options: options)
    // Each cluster is priced as it is written, and the answer goes out a cluster at a time.
    let body: (inout OutputSink) -> Void
    switch format {
    case .json: body = { report.writeJSON(reading: register, to: &$0) }
    case .tidy: body = { report.writeTidyCSV(to: &$0) }
    default:
      body = { sink in
        TerminalSafeStream.write(into: &sink) { report.writeText(to: &$0, width: width) }
      }
    }
    return (.stream(body), .success, inputs)
  }

  /// `--buyer`: a buyer the register names (ignoring case), or text inside exactly one
  /// buyer's name, taken with a note; several or none is exit 1, with the closest names.
  static func resolveBuyer(_ text: String, in register: Register, environment: Environment)
    throws(CommandFailure) -> String
  {
    let buyers = OpportunityReport.buyers(in: register)
    if let exact = buyers.first(where: { $0.lowercased() == text.lowercased() }) { return exact }
    let needle = text.lowercased()
    let containing = needle.isEmpty ? [] : buyers.filter { $0.lowercased().contains(needle) }
    if containing.count == 1 {
      environment.writeStandardError(
        "commission: note: buyer '\(text)' taken as '\(containing[0])'\n")
      return containing[0]
    }
    if containing.count > 1 {
      throw CommandFailure(
        .failure,
        "buyer '\(text)' is part of \(containing.count) buyers' names; give one of "
          + containing.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
          + (containing.count > 5 ? ", ..." : ""))
    }
    throw CommandFailure(
      .failure,
      "no contract has buyer '\(text)'" + CloseMatch.hint(for: text, in: buyers))
  }
}
