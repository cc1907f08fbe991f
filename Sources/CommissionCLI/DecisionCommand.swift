import Commissioning
import Foundation

extension Commission {
  /// `commission decision`: the spec file (if any), overridden by flags; the register on the
  /// command line over the spec's; the proposal, then the record.
  /// - Parameter width: the text record's width; it is for email, so at most 80 columns.
  static func draftDecision(
    _ invocation: Invocation, format: OutputFormat, width: Int, environment: Environment
  ) throws(CommandFailure) -> (CommandOutput, ExitCode, [String]) {
    var (spec, inputs, specFolder) = try readSpec(invocation, environment: environment)
    var fields = invocation.decisionFields
    fields.group = invocation.group
    fields.to = invocation.to
    fields.start = invocation.start
    fields.asOf = invocation.asOf
    fields.provider = invocation.provider
    spec = spec.overridden(by: fields)
    // A register named on the command line wins; the spec's is relative to the spec file.
    var registers = invocation.registers
    if registers.isEmpty, let fromSpec = spec.register {
      registers = [fromSpec.hasPrefix("/") ? fromSpec : specFolder + "/" + fromSpec]
    }
    guard let group = spec.group else {
      throw CommandFailure(
        .usage,
        "missing '--group <name>' (or \"group\" in the spec); for example --group childrens-public-health"
      )
    }
    let (register, registerInputs) = try Files.loadRegister(registers, environment: environment)
    inputs += registerInputs
    if spec.to != nil, spec.start != nil {
      throw CommandFailure(
        .usage,
        "the spec and flags give both \"to\" and \"start\"; give one (for example --start 2017-04-01)"
      )
    }
    let asOf = spec.asOf ?? environment.today
    // An award with no target of its own aligns the group to the new contract's end.
    let awardEnd = spec.kind == .award ? spec.contractEnd : nil
    let target: AlignmentTarget =
      spec.to.map { .end($0) } ?? spec.start.map { .newServiceStart($0) }
      ?? awardEnd.map { .end($0) } ?? .latestEnd
    let record: RecordOfDecision
    do {
      let proposal = try AlignmentProposal(
        register: register, group: group, target: target, asOf: asOf)
      record = try RecordOfDecision(proposal: proposal, spec: spec)
    } catch let error as AlignmentError {
      throw CommandFailure(.failure, error.description)
    } catch let error as DecisionError {
      // Nothing to draft is a request that cannot be done (1), not bad data (65).
      if case .nothingToExtend = error { throw CommandFailure(.failure, error.description) }
      throw CommandFailure(.dataError, error.description)
    } catch {
      throw CommandFailure(.failure, "\(error)")
    }
    if format == .docx { return (.bytes(record.docx), .success, inputs) }
    var text = ""
    switch format {
    case .text: record.writeText(to: &text, width: min(width, 80))
    case .html: record.writeHTML(to: &text)
    case .json: record.json.withReading(register).write(to: &text)
    default: record.writeMarkdown(to: &text)
    }
    return (.text(text), .success, inputs)
  }

  /// The spec file, if one is given: the spec, the file (as an input), and its folder (which a
  /// register named in it is relative to).
  static func readSpec(_ invocation: Invocation, environment: Environment)
    throws(CommandFailure) -> (DecisionSpec, [String], String)
  {
    guard let path = invocation.spec else {
      return (DecisionSpec(), [], environment.currentDirectory)
    }
    let absolute = Files.absolutePath(path, environment)
    let bytes = try Files.read(absolute, environment)
    do {
      let spec = try DecisionSpec.parse(json: bytes, file: Files.display(absolute, environment))
      return (spec, [absolute], (absolute as NSString).deletingLastPathComponent)
    } catch {
      throw CommandFailure(.dataError, error.description)
    }
  }
}
