import Commissioning
import Foundation

extension Commission {
  /// `commission decision`: the spec file (if any), overridden by flags; the register on the
  /// command line over the spec's; the proposal, then the record.
  /// - Parameter width: the text record's width; it is for email, so at most 80 columns.
  static func draftDecision(
    _ invocation: Invocation, format: OutputFormat, width: Int, environment: Environment
  ) throws(CommandFailure) -> (String, ExitCode, [String]) {
    var spec = DecisionSpec()
    var inputs: [String] = []
    var specFolder = environment.currentDirectory
    if let path = invocation.spec {
      let absolute = Files.absolutePath(path, environment)
      let bytes = try Files.read(absolute, environment)
      do {
        spec = try DecisionSpec.parse(json: bytes, file: Files.display(absolute, environment))
      } catch {
        throw CommandFailure(.dataError, error.description)
      }
      inputs.append(absolute)
      specFolder = (absolute as NSString).deletingLastPathComponent
    }
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
      throw CommandFailure(.dataError, error.description)
    } catch {
      throw CommandFailure(.failure, "\(error)")
    }
    var text = ""
    switch format {
    case .text: record.writeText(to: &text, width: min(width, 80))
    case .html: record.writeHTML(to: &text)
    case .json: record.json.withReading(register).write(to: &text)
    default: record.writeMarkdown(to: &text)
    }
    return (text, .success, inputs)
  }
}
