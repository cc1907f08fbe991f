import Commissioning
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Registers past `--repeat`'s size (10M contracts by default: 1.19 GB): made by repeating the
/// register of that size with each copy's ids prefixed (`k0-c0`, …, `k9-c999999`), which writes
/// in seconds what generating row by row takes many minutes for; and measured as whole processes
/// only (`expiring`, under `timeout`), since loading one in this process too would need its
/// memory twice over.
enum LargeRegister {
  /// Writes `copies` copies of `base`'s rows under its header to `path`, ids prefixed `k<i>-`.
  ///
  /// Rows are lines: the generator never writes a line break inside a cell.
  static func repeatRows(of base: String, copies: Int, to path: String) throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base)))
    guard let headerEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
      throw CocoaError(.fileReadCorruptFile)
    }
    let rows = bytes[(headerEnd + 1)...]
    let partial = path + ".partial"
    _ = FileManager.default.createFile(atPath: partial, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
    try handle.write(contentsOf: bytes[...headerEnd])
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 23)
    for copy in 0..<copies {
      let prefix = Array("k\(copy)-".utf8)
      var lineStart = true
      for byte in rows {
        if lineStart { buffer.append(contentsOf: prefix) }
        buffer.append(byte)
        lineStart = byte == UInt8(ascii: "\n")
      }
      if !lineStart { buffer.append(UInt8(ascii: "\n")) }
      if buffer.count >= 1 << 23 || copy == copies - 1 {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    try handle.close()
    // Renamed only when whole: an interrupted run leaves no short file to be measured.
    _ = try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.moveItem(atPath: partial, toPath: path)
  }

  /// The `--max-input-size` a file needs past the command's 1 GiB default: whole GiB above it.
  static func inputSizeFlag(bytes: Int) -> [String] {
    bytes < 1 << 30 ? [] : ["--max-input-size", "\(bytes >> 30 + 1)G"]
  }
}

/// Makes (if missing) and measures each size past the repeat size: `expiring --format csv` as a
/// whole process under `timeout`, its time (as a multiple of DuckDB's query on the clean twin
/// when `duckDB` gives the query's script) and its peak memory against the file's size.
@MainActor func largeSizes(_ sizes: [Int], duckDB: (python: String, script: String)?) throws {
  guard !sizes.isEmpty else { return }
  print("\nLarge registers: whole processes only, each stopped after \(options.limit) s")
  print("(made by repeating the \(options.repeatSize)-row register, ids prefixed per copy)\n")
  var table = TextTable(columns: [
    .init("rows", alignment: .right), .init("file MB", alignment: .right),
    .init("made s", alignment: .right), .init("expiring s", alignment: .right),
    .init("× DuckDB", alignment: .right), .init("peak MB", alignment: .right),
    .init("× file", alignment: .right), .init("exit", alignment: .right),
  ])
  for size in sizes {
    let (messy, clean) = (
      "\(options.data)/register-\(size).csv", "\(options.data)/register-\(size)-clean.csv"
    )
    let start = now()
    let made = try makeLarge(size: size, messy: messy, clean: clean)
    let madeText = made ? String(format: "%.0f", now() - start) : "-"
    // The file's size, not a symbolic link's (a data folder may link to registers elsewhere).
    let file = URL(fileURLWithPath: messy).resolvingSymlinksInPath().path
    let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 1
    let run = spawn(
      [
        "/usr/bin/timeout", String(options.limit), commission, "expiring", "--by", by.iso,
        "--as-of",
        asOf.iso, "--format", "csv",
      ] + LargeRegister.inputSizeFlag(bytes: bytes) + [messy],
      measureMemory: true)
    let over = run.status == 124
    var ratio = "-"
    if let duckDB, run.status == 0, let query = duckDBQuery(duckDB, clean: clean) {
      ratio = String(format: "%.1f", run.ms / query)
    }
    table.add([
      String(size), String(format: "%.1f", Double(bytes) / 1_000_000), madeText,
      over ? "> \(options.limit)" : String(format: "%.1f", run.ms / 1000), ratio,
      String(format: "%.0f", Double(run.rssKB) / 1024),
      String(format: "%.1f", Double(run.rssKB) * 1024 / Double(bytes)),
      over ? "killed" : String(run.status),
    ])
  }
  for line in table.render(width: 120).lines { print(line) }
}

/// Makes the register of `size` rows and its clean twin where missing: by repeating the
/// repeat-size register when `size` is a multiple of it, else row by row. Whether it made any.
@MainActor func makeLarge(size: Int, messy: String, clean: String) throws -> Bool {
  func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
  if exists(messy) && exists(clean) { return false }
  let base = options.repeatSize
  guard size % base == 0 else {
    try RegisterGenerator.write(rows: size, messy: messy, clean: clean, seed: 20_160_322)
    return true
  }
  let (baseMessy, baseClean) = (
    "\(options.data)/register-\(base).csv", "\(options.data)/register-\(base)-clean.csv"
  )
  if !exists(baseMessy) || !exists(baseClean) {
    try RegisterGenerator.write(rows: base, messy: baseMessy, clean: baseClean, seed: 20_160_322)
  }
  if !exists(messy) { try LargeRegister.repeatRows(of: baseMessy, copies: size / base, to: messy) }
  if !exists(clean) { try LargeRegister.repeatRows(of: baseClean, copies: size / base, to: clean) }
  return true
}

/// DuckDB's expiry query on `clean` in milliseconds (its own timing, without Python's start),
/// or `nil` when it fails or passes the limit.
@MainActor func duckDBQuery(_ duckDB: (python: String, script: String), clean: String) -> Double? {
  let output = options.data + "/duckdb-ms.txt"
  let run = spawn([
    "/bin/sh", "-c", "exec /usr/bin/timeout \"$0\" \"$1\" \"$2\" \"$3\" \"$4\" > \"$5\"",
    String(options.limit), duckDB.python, duckDB.script, clean, by.iso, output,
  ])
  guard run.status == 0, let text = try? String(contentsOfFile: output, encoding: .utf8) else {
    return nil
  }
  return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
}
