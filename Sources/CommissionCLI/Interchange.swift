import Commissioning
import Foundation

extension Commission {
  /// `commission export`: the (filtered) register as csv, json, ics, mermaid or ocds.
  ///
  /// Every format but Mermaid is streamed: written a contract (or an event) at a time into the
  /// output, after every check and warning, so a million contracts are never one string.
  static func exportRegister(
    _ invocation: Invocation, format: OutputFormat, environment: Environment
  ) throws(CommandFailure) -> (CommandOutput, ExitCode, [String]) {
    let (register, inputs) = try Files.loadRegister(invocation.registers, environment: environment)
    let asOf = invocation.asOf ?? environment.today
    var contracts = register.contracts
    if let group = invocation.group {
      guard register.hasGroup(group) else {
        throw CommandFailure(
          .failure,
          register.unknownGroupMessage(group))
      }
      contracts = contracts.filter { $0.isIn(group: group) }
    }
    if let by = invocation.by {
      contracts = contracts.filter { ($0.endDay ?? .init(ordinal: .max)) <= by }
    }
    let proposal = try overlaidProposal(invocation, register: register, asOf: asOf)
    let output: CommandOutput
    switch format {
    case .json: output = .stream { register.writeJSON(contracts, to: &$0) }
    case .ics:
      let calendar = ICalendarExport(
        register: register, contracts: contracts, asOf: asOf, proposal: proposal,
        alarms: invocation.alarms ?? [180, 90, 30])
      let omitted = calendar.omitted
      if !omitted.isEmpty {
        environment.writeStandardError(
          "commission: warning: \(omitted.count) date\(omitted.count == 1 ? "" : "s") outside "
            + "the years 0001 to 9999 left out of the calendar (first: \(omitted[0].uid), "
            + "\(omitted[0].day.iso))\n")
      }
      output = .stream { calendar.write(to: &$0) }
    case .mermaid:
      let chart = MermaidExport.chart(
        register: register, contracts: contracts, asOf: asOf, proposal: proposal)
      if chart.omitted > 0 {
        environment.writeStandardError(
          "commission: warning: \(chart.omitted) task\(chart.omitted == 1 ? "" : "s") with a date "
            + "outside the years 0001 to 9999 left out of the chart\n")
      }
      output = .text(chart.text)
    case .ocds:
      let unwritable = OCDSExport.unwritableDates(contracts)
      if let first = unwritable.first {
        environment.writeStandardError(
          "commission: warning: \(unwritable.count) date\(unwritable.count == 1 ? "" : "s") "
            + "outside the years 0001 to 9999 left out (null) of the releases (first: "
            + "\(first.id), \(first.day.iso))\n")
      }
      output = .stream {
        OCDSExport.writePackage(register: register, contracts: contracts, asOf: asOf, to: &$0)
      }
    case .tidy:
      output = .stream { TidyExport.writeCSV(contracts, council: register.council.name, to: &$0) }
    case .jsonl:
      output = .stream {
        TidyExport.writeJSONLines(contracts, council: register.council.name, to: &$0)
      }
    default: output = .stream { register.writeCanonicalCSV(contracts, to: &$0) }
    }
    return (output, .success, inputs)
  }

  /// The alignment that `gantt` and `export` overlay when given `--target` or `--start` (with
  /// `--group`), or nil.
  static func overlaidProposal(_ invocation: Invocation, register: Register, asOf: Day)
    throws(CommandFailure) -> AlignmentProposal?
  {
    // `--to` is the target end here as in align and decision; `--target` is its older name.
    let end = try targetEnd(invocation)
    guard end != nil || invocation.start != nil else { return nil }
    guard let group = invocation.group else {
      throw CommandFailure(
        .usage,
        (invocation.to != nil
          ? "'--to' is the target end date and needs '--group <name>' (the window's end is "
            + "'--until <date>')"
          : "'--target' and '--start' need '--group <name>'")
          + "; for example --group childrens-public-health")
    }
    if end != nil && invocation.start != nil {
      throw CommandFailure(
        .usage,
        "'--to' and '--start' both set the target; give one (for example --start 2017-04-01)")
    }
    let target: AlignmentTarget =
      end.map { .end($0) } ?? invocation.start.map { .newServiceStart($0) } ?? .latestEnd
    do {
      return try AlignmentProposal(register: register, group: group, target: target, asOf: asOf)
    } catch {
      throw CommandFailure(.failure, error.description)
    }
  }

  /// The Gantt's target end: `--to`, or `--target`, its older name; both only when they agree.
  static func targetEnd(_ invocation: Invocation) throws(CommandFailure) -> Day? {
    if let to = invocation.to, let target = invocation.target, to != target {
      throw CommandFailure(
        .usage,
        "'--to' and '--target' both set the target end; give one (for example --to 2017-03-31)")
    }
    return invocation.to ?? invocation.target
  }

  /// `commission import FILE --from ocds|csv|json`: a canonical register CSV; what was read and
  /// assumed goes to standard error.
  static func importRegister(_ invocation: Invocation, environment: Environment)
    throws(CommandFailure) -> (CommandOutput, ExitCode, [String])
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
    // A bulk OCDS file is mapped, not copied: only its pages in use are held.
    let mapped = kind == "ocds" && path != "-" ? try MappedFile.map(absolute, environment) : nil
    var bytes: [UInt8] = []
    if mapped == nil {
      bytes =
        path == "-"
        ? try Files.readStandardInput(environment) : try Files.read(absolute, environment)
    }
    let csv: CommandOutput
    // What was mapped and assumed goes on standard error (stdout carries the CSV).
    switch kind {
    case "ocds", "json":
      // Diagnostics go out as each release is read, 64 KB at a time, never all held at once.
      let messages = ChunkedMessages(environment.writeStandardError)
      let imported = try importStreaming(
        bytes, mapped: mapped, kind: kind, file: shown, messages: messages)
      bytes = []  // The file is read: free it before the output is written.
      csv = .text(imported.csv)
      messages.flush(then: imported.report)
    default:
      let register: Register
      do {
        register = try RegisterLoader.load([RegisterInput(name: shown, bytes: bytes)], name: shown)
      } catch {
        throw CommandFailure(.dataError, error.description)
      }
      bytes = []
      csv = .stream { register.writeCanonicalCSV(to: &$0) }
      let messages = ChunkedMessages(environment.writeStandardError)
      messages.add(register.diagnostics)
      messages.flush(
        then:
          "imported \(register.contracts.count) contract\(register.contracts.count == 1 ? "" : "s") into canonical columns\n"
      )
    }
    return (csv, .success, path == "-" ? [] : [absolute])
  }

  /// Diagnostics on their way to standard error, one line each, written 64 KB at a time: a
  /// million rows' notes are never one more copy of themselves in memory.
  final class ChunkedMessages {
    private let write: @Sendable (String) -> Void
    private var chunk = ""

    init(_ write: @escaping @Sendable (String) -> Void) {
      self.write = write
      chunk.reserveCapacity(1 << 16)
    }

    func add(_ diagnostics: [Diagnostic]) {
      for diagnostic in diagnostics {
        chunk += diagnostic.description
        chunk += "\n"
        if chunk.utf8.count >= 1 << 16 {
          write(chunk)
          chunk.removeAll(keepingCapacity: true)
        }
      }
    }

    /// What is left, then the closing report.
    func flush(then report: String) {
      write(chunk + report)
      chunk = ""
    }
  }

  /// An OCDS or register JSON import as canonical CSV, each row written as it is made: only the
  /// file, the CSV and the diagnostics are held, never every row as a contract.
  /// An OCDS file may come `mapped` instead of as `bytes`; its pages are given back as it is read.
  static func importStreaming(
    _ bytes: [UInt8], mapped: MappedFile? = nil, kind: String, file: String,
    messages: ChunkedMessages
  ) throws(CommandFailure) -> (csv: String, report: String) {
    var rows = ImportedRows(file: file, messages: messages)
    do throws(OCDSImport.ImportError) {
      if kind == "ocds" {
        rows.stream = CanonicalCSVStream(extraHeaders: [])
        let each = { (row: [Column: String], line: Int) throws(OCDSImport.ImportError) in
          try rows.add(row, [], at: SourceLocation(file: file, line: line, column: 1))
        }
        let summary: OCDSImport.Summary
        if let mapped {
          summary = try OCDSImport.read(
            buffer: mapped.buffer, file: file, drain: messages.add, evict: mapped.evict, each: each)
        } else {
          summary = try OCDSImport.read(bytes, file: file, drain: messages.add, each: each)
        }
        let count = summary.rows
        return (
          rows.stream.text,
          "imported \(count) contract\(count == 1 ? "" : "s") from \(summary.releases) release\(summary.releases == 1 ? "" : "s"): \(summary.withEnd) with end dates, \(summary.withOptions) with extension options\n"
        )
      }
      try RegisterJSONImport.read(
        bytes, file: file, begin: { rows.stream = CanonicalCSVStream(extraHeaders: $0) },
        each: { (row) throws(OCDSImport.ImportError) in
          try rows.add(row.cells, row.extra, at: row.location)
        })
    } catch {
      throw CommandFailure(.dataError, error.description)
    }
    let count = rows.count
    return (
      rows.stream.text,
      "imported \(count) contract\(count == 1 ? "" : "s") from a register JSON export\n"
    )
  }

  /// Imported rows read as the loader reads a CSV row and written out at once: diagnostics
  /// placed where the row came from and naming the column. Notes are left out: the rows are
  /// already canonical, so the loader's notes only restate what the import said.
  struct ImportedRows {
    let file: String
    let messages: ChunkedMessages
    var stream = CanonicalCSVStream(extraHeaders: [])
    var count = 0

    mutating func add(_ row: [Column: String], _ extra: [Contract.ExtraColumn], at: SourceLocation)
      throws(OCDSImport.ImportError)
    {
      do {
        let (contract, found) = try RegisterLoader.contract(
          row: row, extra: extra, council: .default, file: file, at: at)
        stream.append(contract)
        messages.add(found.filter { $0.severity != .note })
        count += 1
      } catch {
        throw OCDSImport.ImportError(message: error.description)
      }
    }
  }
}
