import CommissionCLI
import Commissioning
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// commission-bench: synthetic registers of 1k to 1M contracts, timed in-process and as whole
// processes, with peak memory; `--compare` runs DuckDB on the clean twin in the same run.
//
//   swift run -c release commission-bench [--sizes 1000,10000] [--runs 5] [--compare]
//   swift run -c release commission-bench --compare-only --sizes 100000   (no in-process table)
//   swift run -c release commission-bench --worst-cases [--sizes 100000]
//   swift run -c release commission-bench --ocds-sizes 100000,1000000
//   swift run -c release commission-bench --compare --sizes 10000000 [--limit 900]
//     (past --repeat's 1M: the 1M register repeated, `expiring` whole process only)

struct Options {
  var sizes = [1_000, 10_000, 100_000, 1_000_000]
  var runs = 5
  var compare = false
  /// `--compare-only`: the side-by-side comparison without the in-process table first.
  var compareOnly = false
  var worstCases = false
  /// Releases in each generated Contracts Finder file to import (`--ocds-sizes`); empty: none.
  var ocdsSizes: [Int] = []
  /// Seconds a worst case may run before it is stopped and shown as over.
  var limit = 300
  var data = ".build/bench-data"
  /// Sizes above this are made by repeating the register of this size (ids prefixed per copy)
  /// and measured as whole processes only (see LargeSizes.swift).
  var repeatSize = 1_000_000
}

var options = Options()
var arguments = Array(CommandLine.arguments.dropFirst())
while let flag = arguments.first {
  arguments.removeFirst()
  switch flag {
  case "--sizes":
    options.sizes = (arguments.first ?? "").split(separator: ",").compactMap { Int($0) };
    arguments.removeFirst()
  case "--runs": options.runs = Int(arguments.first ?? "") ?? 5; arguments.removeFirst()
  case "--data": options.data = arguments.first ?? options.data; arguments.removeFirst()
  case "--compare": options.compare = true
  case "--compare-only": (options.compare, options.compareOnly) = (true, true)
  case "--worst-cases": options.worstCases = true
  case "--ocds-sizes":
    options.ocdsSizes = (arguments.first ?? "").split(separator: ",").compactMap { Int($0) }
    arguments.removeFirst()
  case "--limit": options.limit = Int(arguments.first ?? "") ?? 300; arguments.removeFirst()
  case "--repeat":
    options.repeatSize = max(1, Int(arguments.first ?? "") ?? 1_000_000)
    arguments.removeFirst()
  default:
    FileHandle.standardError.write(Data("commission-bench: unknown option '\(flag)'\n".utf8))
    exit(64)
  }
}

let root = FileManager.default.currentDirectoryPath
let binaryFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  .deletingLastPathComponent()
let commission = binaryFolder.appendingPathComponent("commission").path
try FileManager.default.createDirectory(atPath: options.data, withIntermediateDirectories: true)

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Median milliseconds of `runs` calls.
func time(_ runs: Int, _ body: () -> Void) -> Double {
  median(
    (0..<runs).map { _ in
      let start = now()
      body()
      return (now() - start) * 1000
    })
}

/// Runs a command to completion with stdout to /dev/null: wall milliseconds and peak RSS in KB.
///
/// The peak RSS comes from GNU time when it is installed: a child spawned straight from this
/// (large) process would report this process's resident size as its own peak.
@MainActor func spawn(_ arguments: [String], measureMemory: Bool = false) -> (
  ms: Double, rssKB: Int, status: Int32
) {
  let timeTool = "/usr/bin/time"
  let rssFile = options.data + "/rss.txt"
  let useTime = measureMemory && FileManager.default.isExecutableFile(atPath: timeTool)
  let command = useTime ? [timeTool, "-f", "%M", "-o", rssFile] + arguments : arguments
  var pid: pid_t = 0
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  // Diagnostics too: a worst case writes one line a row.
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv = command.map { strdup($0) } + [nil]
  defer { for p in argv { free(p) } }
  let start = now()
  let result = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
  posix_spawn_file_actions_destroy(&actions)
  guard result == 0 else { return (0, 0, -1) }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let ms = (now() - start) * 1000
  var rss = usage.ru_maxrss
  if useTime, let text = try? String(contentsOfFile: rssFile, encoding: .utf8) {
    rss = Int(text.split(separator: "\n").last.map(String.init) ?? "") ?? rss
  }
  return (ms, rss, (status >> 8) & 0xFF)
}

// `swift run commission-bench` builds only the benchmark: build the command beside it (a no-op
// when it is up to date), in the same scratch folder, so the whole-process timings are current.
let scratch = binaryFolder.deletingLastPathComponent().deletingLastPathComponent().path
if spawn([
  "/usr/bin/env", "swift", "build", "-c", "release", "--product", "commission", "--scratch-path",
  scratch,
]).status != 0 {
  FileHandle.standardError.write(
    Data("commission-bench: could not build 'commission' in \(scratch)\n".utf8))
  exit(70)
}

if !options.ocdsSizes.isEmpty {
  try nationalImport(options.ocdsSizes)
  exit(0)
}

if options.worstCases {
  let sizes = CommandLine.arguments.contains("--sizes") ? options.sizes : [100_000]
  print("commission-bench --worst-cases: whole processes, release build, stdout to /dev/null")
  print("(time in seconds, peak RSS in MB by GNU time, and RSS over the file's size)\n")
  var worst = TextTable(columns: [
    .init("case"), .init("rows", alignment: .right), .init("file MB", alignment: .right),
    .init("exit", alignment: .right), .init("s", alignment: .right),
    .init("RSS MB", alignment: .right), .init("RSS/file", alignment: .right),
  ])
  for size in sizes {
    let register = "\(options.data)/register-\(size).csv"
    if !FileManager.default.fileExists(atPath: register) {
      try RegisterGenerator.write(
        rows: size, messy: register, clean: "\(options.data)/register-\(size)-clean.csv",
        seed: 20_160_322)
    }
    for item in try WorstCases.cases(rows: size, folder: options.data, register: register) {
      let bytes = (try? FileManager.default.attributesOfItem(atPath: item.file)[.size] as? Int) ?? 0
      let run = spawn(
        ["/usr/bin/timeout", String(options.limit), commission] + item.arguments,
        measureMemory: true)
      let over = run.status == 124
      worst.add([
        item.name, item.name.hasPrefix("10 MB") ? "1" : String(size),
        String(format: "%.1f", Double(bytes) / 1_000_000), over ? "killed" : String(run.status),
        over ? "> \(options.limit)" : String(format: "%.2f", run.ms / 1000),
        String(format: "%.0f", Double(run.rssKB) / 1024),
        String(format: "%.2f", Double(run.rssKB) * 1024 / Double(max(bytes, 1))),
      ])
    }
  }
  for line in worst.render(width: 120).lines { print(line) }
  exit(0)
}

let by = Day(year: 2019, month: 12, day: 31) ?? Day(ordinal: 0)
let asOf = Day(year: 2018, month: 1, day: 1) ?? Day(ordinal: 0)
var table: [[String]] = []
var notes: [String] = []

for size in options.sizes where size <= options.repeatSize {
  let messy = "\(options.data)/register-\(size).csv"
  let clean = "\(options.data)/register-\(size)-clean.csv"
  if !FileManager.default.fileExists(atPath: messy)
    || !FileManager.default.fileExists(atPath: clean)
  {
    try RegisterGenerator.write(rows: size, messy: messy, clean: clean, seed: 20_160_322)
  }
  if options.compareOnly { continue }
  let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: messy)))
  let megabytes = Double(bytes.count) / 1_000_000
  let runs = size >= 1_000_000 ? max(3, min(options.runs, 5)) : options.runs
  var register = Register(name: "")
  let load = time(runs) {
    register =
      (try? RegisterLoader.load([RegisterInput(name: messy, bytes: bytes)], name: "bench"))
      ?? Register(name: "")
  }
  let expiring = time(runs) {
    let report = ExpiryReport(register: register, by: by, asOf: asOf)
    _ = report.csv
  }
  let align = time(runs) {
    _ = AlignmentPlan(register: register, target: .latestEnd, asOf: asOf).totalCost
  }
  let exportCSV = time(runs) { _ = register.canonicalCSV() }
  let exportJSON = time(max(1, runs / 2)) { _ = register.json().text }
  var gantt = "-"
  if size == 10_000 {
    var ganttOptions = GanttOptions()
    ganttOptions.width = 120
    gantt = String(
      format: "%.0f",
      time(runs) {
        if let chart = try? GanttChart(register: register, asOf: asOf, options: ganttOptions) {
          var out = ""
          chart.writeText(to: &out)
        }
      })
    let process = median(
      (0..<runs).map { _ in
        spawn([commission, "gantt", "--as-of", asOf.iso, "--width", "120", messy]).ms
      })
    notes.append(
      String(format: "gantt of 10k rows, whole process: %.0f ms (median of %d)", process, runs))
  }
  let whole = (0..<runs).map { _ in
    spawn(
      [commission, "expiring", "--by", by.iso, "--as-of", asOf.iso, "--format", "csv", messy],
      measureMemory: true)
  }
  let wholeMS = median(whole.map(\.ms))
  let rss = whole.map(\.rssKB).max() ?? 0
  table.append([
    String(size), String(format: "%.1f", megabytes),
    String(format: "%.0f", load), String(format: "%.0f", megabytes / (load / 1000)),
    String(format: "%.0f", Double(size) / (load / 1000) / 1000),
    String(format: "%.1f", load * 1_000_000 / Double(size)),
    String(format: "%.0f", expiring), String(format: "%.0f", align), gantt,
    String(format: "%.0f", exportCSV), String(format: "%.0f", exportJSON),
    String(format: "%.0f", wholeMS), String(format: "%.0f", Double(rss) / 1024),
    String(format: "%.1f", Double(rss) * 1024 / Double(bytes.count)),
  ])
}

// A run of the bundled register is some 10 ms, so 40 of them (as Performance.md times it),
// and `--version` beside it: what starting the process alone costs.
let kent = (0..<max(40, options.runs)).map { _ in
  spawn([commission, "expiring", "--by", "2016-09-30", "--as-of", "2016-03-22"]).ms
}
let started = (0..<max(40, options.runs)).map { _ in spawn([commission, "--version"]).ms }
notes.append(
  String(
    format: "expiring on the bundled Kent register, whole process: %.1f ms (median of %d, "
      + "least %.1f); --version alone %.1f ms (least %.1f)",
    median(kent), kent.count, kent.min() ?? 0, median(started), started.min() ?? 0))

var textTable = TextTable(columns: [
  .init("rows", alignment: .right), .init("MB", alignment: .right),
  .init("load ms", alignment: .right),
  .init("MB/s", alignment: .right), .init("krows/s", alignment: .right),
  .init("ns/row", alignment: .right),
  .init("expiring", alignment: .right), .init("align all", alignment: .right),
  .init("gantt", alignment: .right),
  .init("csv out", alignment: .right), .init("json out", alignment: .right),
  .init("process ms", alignment: .right), .init("RSS MB", alignment: .right),
  .init("RSS/file", alignment: .right),
])
for row in table { textTable.add(row) }
if !options.compareOnly {
  print(
    "commission-bench: release build, \(ProcessInfo.processInfo.activeProcessorCount) cores; medians in milliseconds"
  )
  print(
    "(in-process: load, expiring, align of every group, gantt of 10k rows, CSV and JSON export;")
  print(" whole process: `commission expiring --by \(by.iso) --format csv`, with its peak RSS)\n")
  for line in textTable.render(width: 160).lines { print(line) }
  print("")
  for note in notes { print(note) }
}

if options.compare {
  // DuckDB on the clean twin, alternating with ours, in a local virtual environment.
  let venv = ".build/bench-venv"
  let python = venv + "/bin/python"
  if !FileManager.default.fileExists(atPath: python) {
    _ = spawn(["/usr/bin/env", "python3", "-m", "venv", venv])
  }
  if spawn([python, "-c", "import duckdb"]).status != 0 {
    print("\ninstalling duckdb into \(venv) …")
    _ = spawn([python, "-m", "pip", "install", "--quiet", "duckdb"])
  }
  let script = """
    import duckdb, sys, time
    path, day = sys.argv[1], sys.argv[2]
    con = duckdb.connect()
    start = time.perf_counter()
    con.execute(f"COPY (SELECT * FROM read_csv('{path}') WHERE end_date <= DATE '{day}') TO '/dev/null' (FORMAT CSV)")
    print((time.perf_counter() - start) * 1000)
    """
  let scriptPath = options.data + "/duckdb-query.py"
  try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
  print("\nDuckDB comparison: the same expiry query, alternating, median of \(options.runs)")
  for size in options.sizes where size >= 100_000 && size <= options.repeatSize {
    let messy = "\(options.data)/register-\(size).csv"
    let clean = "\(options.data)/register-\(size)-clean.csv"
    var ours: [Double] = []
    var theirs: [Double] = []
    var theirsWhole: [Double] = []
    for _ in 0..<options.runs {
      ours.append(
        spawn([
          commission, "expiring", "--by", by.iso, "--as-of", asOf.iso, "--format", "csv", messy,
        ]).ms)
      let pipe = Pipe()
      let process = Process()
      process.executableURL = URL(fileURLWithPath: python)
      process.arguments = [scriptPath, clean, by.iso]
      process.standardOutput = pipe
      let start = now()
      try process.run()
      let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      theirsWhole.append((now() - start) * 1000)
      theirs.append(Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan)
    }
    let ratio = median(ours) / median(theirs)
    print(
      String(
        format:
          "%8d rows: commission %.0f ms (whole process, messy file) · DuckDB %.0f ms (query only, clean twin; %.0f ms with Python start) · ratio %.2f",
        size, median(ours), median(theirs), median(theirsWhole), ratio))
    try compareCommands(size: size, messy: messy, duckDB: median(theirs))
  }
}

try largeSizes(
  options.sizes.filter { $0 > options.repeatSize },
  duckDB: options.compare
    ? (".build/bench-venv/bin/python", options.data + "/duckdb-query.py") : nil)

/// Every command of the issue's table as a whole process on the messy register: its time, its
/// ratio to DuckDB's expiry query on the clean twin, and its peak memory against the file's size.
@MainActor func compareCommands(size: Int, messy: String, duckDB: Double) throws {
  let fileBytes = (try? FileManager.default.attributesOfItem(atPath: messy)[.size] as? Int) ?? 1
  let scenario = options.data + "/bench-scenario.json"
  // A scenario names its register, beside it in the data folder.
  let changes =
    #"{"version": 1, "register": "register-\#(size).csv", "#
    + #""changes": [{"align": "g1", "to": "2025-03-31"}]}"#
  try Data(changes.utf8).write(to: URL(fileURLWithPath: scenario))
  let dates = ["--as-of", asOf.iso]
  let commands: [(String, [String])] = [
    ("expiring --format csv", ["expiring", "--by", by.iso, "--format", "csv"] + dates),
    ("align --all", ["align", "--all"] + dates),
    ("gantt", ["gantt", "--width", "120"] + dates),
    ("export --format json", ["export", "--format", "json"] + dates),
    ("export --format ocds", ["export", "--format", "ocds"] + dates),
    ("whatif (align one group)", ["whatif", scenario] + dates),
  ]
  var table = TextTable(columns: [
    .init("command"), .init("ms", alignment: .right), .init("× DuckDB", alignment: .right),
    .init("peak MB", alignment: .right), .init("× file", alignment: .right),
    .init("exit", alignment: .right),
  ])
  let runs = size >= 1_000_000 ? 1 : max(1, min(options.runs, 3))
  for (name, arguments) in commands {
    // whatif reads the register its scenario names; the others take it as an argument.
    let register = arguments.first == "whatif" ? [] : [messy]
    let results = (0..<runs).map { _ in
      spawn([commission] + arguments + register, measureMemory: true)
    }
    let ms = median(results.map(\.ms))
    let rss = results.map(\.rssKB).max() ?? 0
    table.add([
      name, String(format: "%.0f", ms), String(format: "%.1f", ms / duckDB),
      String(format: "%.0f", Double(rss) / 1024),
      String(format: "%.1f", Double(rss) * 1024 / Double(fileBytes)),
      String(results.last?.status ?? -1),
    ])
  }
  print("  every command, whole process (median of \(runs)):")
  for line in table.render(width: 100).lines { print("    " + line) }
}

/// `import --from ocds` of generated Contracts Finder bulk files, whole processes: time, peak
/// memory and its ratio to the file's size (the acceptance is under 3).
@MainActor func nationalImport(_ sizes: [Int]) throws {
  print("commission-bench --ocds-sizes: `commission import --from ocds`, release build,")
  print("stdout and stderr to /dev/null; peak RSS by GNU time\n")
  var table = TextTable(columns: [
    .init("releases", alignment: .right), .init("file MB", alignment: .right),
    .init("generate s", alignment: .right), .init("import s", alignment: .right),
    .init("MB/s", alignment: .right), .init("krel/s", alignment: .right),
    .init("RSS MB", alignment: .right), .init("RSS/file", alignment: .right),
    .init("exit", alignment: .right),
  ])
  for size in sizes {
    let file = "\(options.data)/ocds-\(size).jsonl"
    var generated = "-"
    if !FileManager.default.fileExists(atPath: file) {
      let start = now()
      try OCDSGenerator.write(releases: size, to: file, seed: 20_160_322)
      generated = String(format: "%.0f", now() - start)
    }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 1
    let run = spawn(
      [commission, "import", "--from", "ocds", "--max-input-size", "64G", file],
      measureMemory: true)
    let seconds = run.ms / 1000
    table.add([
      String(size), String(format: "%.0f", Double(bytes) / 1_000_000), generated,
      String(format: "%.1f", seconds), String(format: "%.0f", Double(bytes) / 1e6 / seconds),
      String(format: "%.0f", Double(size) / seconds / 1000),
      String(format: "%.0f", Double(run.rssKB) / 1024),
      String(format: "%.2f", Double(run.rssKB) * 1024 / Double(bytes)), String(run.status),
    ])
  }
  for line in table.render(width: 120).lines { print(line) }
}
