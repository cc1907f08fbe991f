import Commissioning
import Foundation

extension Commission {
  /// `commission export`: the (filtered) register as csv, json, ics, mermaid or ocds.
  static func exportRegister(
    _ invocation: Invocation, format: OutputFormat, environment: Environment
  ) throws(CommandFailure) -> (String, ExitCode, [String]) {
    let (register, inputs) = try Files.loadRegister(invocation.registers, environment: environment)
    let asOf = invocation.asOf ?? environment.today
    var contracts = register.contracts
    if let group = invocation.group {
      guard register.hasGroup(group) else {
        throw CommandFailure(
          .failure,
          "no contract is in group '\(group)'; the groups are \(register.groups.joined(separator: ", "))"
        )
      }
      contracts = contracts.filter { $0.isIn(group: group) }
    }
    if let by = invocation.by {
      contracts = contracts.filter { ($0.endDay ?? .init(ordinal: .max)) <= by }
    }
    var proposal: AlignmentProposal?
    if invocation.target != nil || invocation.start != nil {
      guard let group = invocation.group else {
        throw CommandFailure(
          .usage,
          "'--target' and '--start' need '--group <name>'; for example --group childrens-public-health"
        )
      }
      let target: AlignmentTarget =
        invocation.target.map { .end($0) } ?? invocation.start.map { .newServiceStart($0) }
        ?? .latestEnd
      do {
        proposal = try AlignmentProposal(
          register: register, group: group, target: target, asOf: asOf)
      } catch {
        throw CommandFailure(.failure, error.description)
      }
    }
    var text = ""
    switch format {
    case .json: register.json(contracts).write(to: &text)
    case .ics:
      text =
        ICalendarExport(
          register: register, contracts: contracts, asOf: asOf, proposal: proposal,
          alarms: invocation.alarms ?? [180, 90, 30]
        ).text
    case .mermaid:
      text = MermaidExport.gantt(
        register: register, contracts: contracts, asOf: asOf, proposal: proposal)
    case .ocds:
      OCDSExport.package(register: register, contracts: contracts, asOf: asOf).write(to: &text)
    default: text = register.canonicalCSV(contracts)
    }
    return (text, .success, inputs)
  }

  /// `commission import FILE --from ocds|csv`: a canonical register CSV; what was read and
  /// assumed goes to standard error.
  static func importRegister(_ invocation: Invocation, environment: Environment)
    throws(CommandFailure) -> (String, ExitCode, [String])
  {
    guard let kind = invocation.fromText, kind == "ocds" || kind == "csv" else {
      throw CommandFailure(
        .usage, "missing or invalid '--from <format>'; use --from ocds or --from csv")
    }
    guard invocation.registers.count == 1, let path = invocation.registers.first else {
      throw CommandFailure(
        .usage, "import takes one file; for example: commission import releases.jsonl --from ocds")
    }
    let absolute = path == "-" ? "-" : Files.absolutePath(path, environment)
    let shown = path == "-" ? "<stdin>" : Files.display(absolute, environment)
    var bytes: [UInt8]
    if path == "-" {
      bytes = environment.readStandardInput()
    } else {
      guard FileManager.default.fileExists(atPath: absolute) else {
        throw CommandFailure(.noInput, "cannot open '\(path)': no such file")
      }
      bytes = try Files.read(absolute, environment)
    }
    var report = ""
    let register: Register
    if kind == "ocds" {
      let result: OCDSImport.Result
      do {
        result = try OCDSImport.read(bytes, file: shown)
      } catch {
        throw CommandFailure(.dataError, error.description)
      }
      var built = Register(name: (shown as NSString).deletingPathExtension)
      var diagnostics = result.diagnostics
      for (index, row) in result.rows.enumerated() {
        do {
          var (contract, found) = try RegisterLoader.contract(
            row: row, council: .default, file: shown)
          contract.location = SourceLocation(file: shown, line: index + 2, column: 1)
          built.contracts.append(contract)
          diagnostics += found.filter { $0.severity != .note }
        } catch {
          throw CommandFailure(.dataError, error.description)
        }
      }
      built.diagnostics = diagnostics
      register = built
      report =
        "imported \(result.rows.count) contract\(result.rows.count == 1 ? "" : "s") from \(result.releases) release\(result.releases == 1 ? "" : "s"): \(result.withEnd) with end dates, \(result.withOptions) with extension options\n"
    } else {
      do {
        register = try RegisterLoader.load([RegisterInput(name: shown, bytes: bytes)], name: shown)
      } catch {
        throw CommandFailure(.dataError, error.description)
      }
      report =
        "imported \(register.contracts.count) contract\(register.contracts.count == 1 ? "" : "s") into canonical columns\n"
    }
    // What was mapped and assumed, on standard error (stdout carries the CSV).
    var messages = ""
    for diagnostic in register.diagnostics { messages += diagnostic.description + "\n" }
    environment.writeStandardError(messages + report)
    return (register.canonicalCSV(), .success, path == "-" ? [] : [absolute])
  }
}
