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
    let proposal = try overlaidProposal(invocation, register: register, asOf: asOf)
    var text = ""
    switch format {
    case .json: register.json(contracts).write(to: &text)
    case .ics:
      let calendar = ICalendarExport(
        register: register, contracts: contracts, asOf: asOf, proposal: proposal,
        alarms: invocation.alarms ?? [180, 90, 30])
      text = calendar.text
      let omitted = calendar.omitted
      if !omitted.isEmpty {
        environment.writeStandardError(
          "commission: warning: \(omitted.count) date\(omitted.count == 1 ? "" : "s") outside "
            + "the years 0001 to 9999 left out of the calendar (first: \(omitted[0].uid), "
            + "\(omitted[0].day.iso))\n")
      }
    case .mermaid:
      text = MermaidExport.gantt(
        register: register, contracts: contracts, asOf: asOf, proposal: proposal)
    case .ocds:
      OCDSExport.package(register: register, contracts: contracts, asOf: asOf).write(to: &text)
    default: text = register.canonicalCSV(contracts)
    }
    return (text, .success, inputs)
  }

  /// The alignment that `gantt` and `export` overlay when given `--target` or `--start` (with
  /// `--group`), or nil.
  static func overlaidProposal(_ invocation: Invocation, register: Register, asOf: Day)
    throws(CommandFailure) -> AlignmentProposal?
  {
    guard invocation.target != nil || invocation.start != nil else { return nil }
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
      return try AlignmentProposal(register: register, group: group, target: target, asOf: asOf)
    } catch {
      throw CommandFailure(.failure, error.description)
    }
  }

  /// `commission import FILE --from ocds|csv|json`: a canonical register CSV; what was read and
  /// assumed goes to standard error.
  static func importRegister(_ invocation: Invocation, environment: Environment)
    throws(CommandFailure) -> (String, ExitCode, [String])
  {
    guard let kind = invocation.fromText, ["ocds", "csv", "json"].contains(kind) else {
      throw CommandFailure(
        .usage, "missing or invalid '--from <format>'; use --from ocds, --from csv or --from json")
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
      bytes = try Files.read(absolute, environment)
    }
    var report = ""
    let register: Register
    switch kind {
    case "ocds":
      let result: OCDSImport.Result
      do {
        result = try OCDSImport.read(bytes, file: shown)
      } catch {
        throw CommandFailure(.dataError, error.description)
      }
      register = try imported(
        zip(result.rows, result.lines).map {
          ($0, [], SourceLocation(file: shown, line: $1, column: 1))
        }, file: shown, diagnostics: result.diagnostics)
      report =
        "imported \(result.rows.count) contract\(result.rows.count == 1 ? "" : "s") from \(result.releases) release\(result.releases == 1 ? "" : "s"): \(result.withEnd) with end dates, \(result.withOptions) with extension options\n"
    case "json":
      let rows: [RegisterJSONImport.Row]
      do {
        rows = try RegisterJSONImport.read(bytes, file: shown)
      } catch {
        throw CommandFailure(.dataError, error.description)
      }
      register = try imported(
        rows.map { ($0.cells, $0.extra, $0.location) }, file: shown, diagnostics: [])
      report =
        "imported \(rows.count) contract\(rows.count == 1 ? "" : "s") from a register JSON export\n"
    default:
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

  /// A register built from imported rows, each read as the loader reads a CSV row: its
  /// diagnostics placed where the row came from and naming the column, the contract numbered as
  /// its row in the CSV that the import writes (the header is row 1). Notes are left out: the
  /// rows are already canonical, so the loader's notes only restate what the import said.
  static func imported(
    _ rows: [([Column: String], [Contract.ExtraColumn], SourceLocation)], file: String,
    diagnostics: [Diagnostic]
  ) throws(CommandFailure) -> Register {
    var register = Register(name: (file as NSString).deletingPathExtension)
    var diagnostics = diagnostics
    for (index, (row, extra, source)) in rows.enumerated() {
      do {
        var (contract, found) = try RegisterLoader.contract(
          row: row, extra: extra, council: .default, file: file, at: source)
        contract.location = SourceLocation(file: file, line: index + 2, column: 1)
        register.contracts.append(contract)
        diagnostics += found.filter { $0.severity != .note }
      } catch {
        throw CommandFailure(.dataError, error.description)
      }
    }
    register.diagnostics = diagnostics
    return register
  }
}
