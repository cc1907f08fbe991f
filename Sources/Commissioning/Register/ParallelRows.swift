import Dispatch
import Foundation

/// How many cores read one file's rows.
///
/// Reading a row (its dates, its money, its options) is most of loading's cost, and rows are
/// independent until their ids are settled, which is quick and done in file order afterwards.
/// So a large file is cut into stretches at record boundaries, each read on its own core, and
/// the results are joined in file order: the contracts and the diagnostics are the same, in the
/// same order, as one core reading the whole file.
public struct Parallelism: Sendable, Hashable {
  /// At most this many stretches of a file are read at once.
  public var cores: Int
  /// No stretch is shorter than this many bytes: a small file is read on one core, where
  /// starting threads would cost more than it saves.
  public var minimumStretch: Int

  public init(cores: Int, minimumStretch: Int) {
    self.cores = max(1, cores)
    self.minimumStretch = max(1, minimumStretch)
  }

  /// Every core the process may use, in stretches of at least 1 MiB.
  public static var automatic: Parallelism {
    Parallelism(
      cores: min(16, ProcessInfo.processInfo.activeProcessorCount), minimumStretch: 1 << 20)
  }

  /// Stretches a core: enough that the batches read but not yet settled stay a small part of
  /// the file.
  static let stretchesPerCore = 8

  /// One core: the reference every parallel reading must equal.
  public static let sequential = Parallelism(cores: 1, minimumStretch: 1)

  /// How many stretches `bytes` bytes of rows are read in: none shorter than the minimum, and
  /// a few a core when there are more cores than one.
  func stretches(for bytes: Int) -> Int {
    guard cores > 1 else { return 1 }
    return max(1, min(cores * Self.stretchesPerCore, bytes / minimumStretch))
  }
}

/// A stretch of a file's rows: its bytes `[start, end)`, and the line it starts on.
struct RowStretch: Equatable {
  var start: Int
  var end: Int
  var line: Int
  var lineStart: Int
}

/// Cuts the rows of a CSV file into stretches of about equal size, each starting at a probable
/// record boundary.
///
/// A boundary is a line break outside quotes, by the parity of the quotes before it, followed by
/// any blank lines. It is only probable: the reader takes a quote inside an unquoted field
/// (`12" pipe`) as a literal, which flips the parity. So every stretch but the last is confirmed
/// by reading it to its end without an unterminated quote: the reader is deterministic, so a
/// stretch that ends inside a quoted field always ends unterminated. An unconfirmed cut sends
/// the whole file back to one core.
enum RowSplitter {
  static let quote = UInt8(ascii: "\"")

  /// Up to `count` stretches covering `[start, bytes.count)`.
  ///
  /// - Parameters:
  ///   - start: the first byte of the rows, at a record boundary (after the header).
  ///   - line: the line `start` is on, and `lineStart` where that line begins.
  /// - Complexity: O(bytes before the last cut), a word at a time.
  static func stretches(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, lineStart: Int, count: Int
  ) -> [RowStretch] {
    let n = bytes.count
    var found: [RowStretch] = []
    var current = RowStretch(start: start, end: n, line: line, lineStart: lineStart)
    // Quotes since `start`, and lines counted up to `scanned`.
    var odd = false
    var scanned = start
    var lines = line
    for k in 1..<max(1, count) {
      let target = start + (n - start) / count * k
      guard target > scanned else { continue }
      tally(bytes, from: scanned, to: target, odd: &odd, lines: &lines)
      scanned = target
      guard let cut = nextBoundary(bytes, from: &scanned, odd: &odd, lines: &lines) else { break }
      current.end = cut
      found.append(current)
      current = RowStretch(start: cut, end: n, line: lines, lineStart: cut)
    }
    found.append(current)
    return found
  }

  /// Counts quotes (as parity) and line breaks in `[from, to)`: LF, or CR not followed by LF,
  /// as the reader counts lines.
  static func tally(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, odd: inout Bool, lines: inout Int
  ) {
    guard let base = bytes.baseAddress else { return }
    var i = from
    while i < to {
      if i + 8 <= to {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if !hasByte(word, quote) && !hasByte(word, 0x0A) && !hasByte(word, 0x0D) {
          i += 8
          continue
        }
      }
      let b = bytes[i]
      if b == quote {
        odd.toggle()
      } else if b == 0x0A || b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A) {
        lines += 1
      }
      i += 1
    }
  }

  /// The first byte after a line break at even quote parity and any blank lines after it,
  /// counting on from `position`; `nil` when the rows end first.
  static func nextBoundary(
    _ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int, odd: inout Bool,
    lines: inout Int
  ) -> Int? {
    let n = bytes.count
    var i = position
    while i < n {
      let b = bytes[i]
      if b == quote {
        odd.toggle()
      } else if b == 0x0A || b == 0x0D {
        let isBreak = b == 0x0A || i + 1 >= n || bytes[i + 1] != 0x0A
        if !odd {
          // Through this break and any blank lines after it.
          while i < n, bytes[i] == 0x0A || bytes[i] == 0x0D {
            if bytes[i] == 0x0A || i + 1 >= n || bytes[i + 1] != 0x0A { lines += 1 }
            i += 1
          }
          position = i
          return i < n ? i : nil
        }
        if isBreak { lines += 1 }
      }
      i += 1
    }
    position = n
    return nil
  }

  /// The line breaks in `[from, to)`: one more than the rows there can be, so the register can
  /// be sized once instead of doubling (at 10M contracts the doubling alone asked for 15 GB).
  /// Counted as ``tally(_:from:to:odd:lines:)`` counts them (LF, or CR not followed by LF), eight
  /// bytes at a time: LFs, plus CRs, less each CR followed by an LF.
  static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    guard let base = bytes.baseAddress, from < to else { return 0 }
    var (feeds, returns, pairs) = (0, 0, 0)
    // Whether the byte before the current word was a CR.
    var carried = false
    var i = from
    while i + 8 <= to {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      let lf = zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
      let cr = zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
      feeds += byteCount(lf)
      returns += byteCount(cr)
      // Little-endian: the byte after byte k is byte k + 1, eight bits up.
      pairs += byteCount((cr << 8 | (carried ? 0x80 : 0)) & lf)
      carried = cr >> 63 != 0
      i += 8
    }
    while i < to {
      if bytes[i] == 0x0A {
        feeds += 1
        if carried { pairs += 1 }
      } else if bytes[i] == 0x0D {
        returns += 1
      }
      carried = bytes[i] == 0x0D
      i += 1
    }
    // A CR at the end followed by an LF past it is not a line break, as the tally reads it.
    if carried && to < bytes.count && bytes[to] == 0x0A { returns -= 1 }
    return feeds + returns - pairs
  }

  /// How many bytes of a ``zeroBytes(_:)`` mask are marked (no `popcnt` on baseline x86-64).
  @inline(__always)
  static func byteCount(_ mask: UInt64) -> Int {
    Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
  }

  /// The high bit of each byte of `x` that is zero, and no other bit.
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// Whether any byte of `word` is `byte` (the classic zero-byte test on `word ^ byte…`).
  @inline(__always)
  static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
  }
}

/// What reading a file's rows needs besides the rows: the same for every stretch.
struct RowContext: @unchecked Sendable {
  var file: String
  /// The file's bytes, which the stores keep ranges of.
  var source: [UInt8]
  /// The byte between fields (a comma, or a tab).
  var separator = UInt8(ascii: ",")
  var headers: [String]
  var columnIndex: [Int]
  var extras: [(index: Int, header: String)]
  var headerBasis: ValueBasis?
  var yearStart: Int
  var aliases: [String: String]
  /// The file's rows' lines and bytes: a stretch's store is sized in proportion.
  var lines = 0
  var bytes = 0

  /// About how many rows `size` bytes of the file hold: the file's lines in proportion, and a
  /// sixteenth more (a store grows past it if it must).
  func rows(in size: Int) -> Int {
    guard bytes > 0 else { return 0 }
    let (product, overflow) = size.multipliedReportingOverflow(by: lines)
    let share = overflow ? lines : (product + bytes - 1) / bytes
    return min(lines, share + share / 16 + 1)
  }
}

/// Rows read from one stretch of a file, before their ids are settled.
struct RowBatch {
  var contracts = ContractBatch()
  /// Where the stretch's contracts are held: each in ``contracts`` is a view of its row.
  var store: ContractStore?
  var diagnostics: [Diagnostic] = []
  /// For each contract: where in ``diagnostics`` its id's findings go, and where its id cell is
  /// (the row's start when the file has no id column).
  var pending: [(insertAt: Int, idLocation: SourceLocation)] = []
  /// For each contract, its id's and its row's hashes, made while the stretch is read (on its
  /// core) for the one thread that settles ids in file order.
  var hashes: [RowHashes] = []
  var spacers = RegisterLoader.BlankRows()
  /// A stretch's own reader's stray quotes, for the file's reader to take on in order.
  var strayQuotes: [CSVField] = []
}

extension RegisterLoader.BlankRows {
  /// A later stretch's blank rows after these: the count, and the first few lines.
  mutating func append(_ later: Self) {
    count += later.count
    lines += later.lines.prefix(5 - min(5, lines.count))
  }
}

/// A stretch's contracts in raw memory, so that settling moves them into the register (their
/// bytes, once) instead of copying each: copying retained some twenty strings a contract, and
/// dropping the batch released them again, most of settling's sixth of loading at 1M rows.
final class ContractBatch: @unchecked Sendable {
  private var base: UnsafeMutablePointer<Contract>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 64) {
    self.capacity = max(1, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func append(_ contract: consuming Contract) {
    if count == capacity {
      let bigger = UnsafeMutablePointer<Contract>.allocate(capacity: capacity * 2)
      bigger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = bigger
      capacity *= 2
    }
    (base + count).initialize(to: contract)
    count += 1
  }

  /// Moves every contract to `destination` (uninitialised room for ``count`` of them), in
  /// order, leaving the batch empty.
  func move(to destination: UnsafeMutablePointer<Contract>) {
    destination.moveInitialize(from: base, count: count)
    count = 0
  }
}

/// The register's contracts while a file is read: room for every row the file can hold (one
/// a line at most), the first ``count`` initialised, in file order.
struct ContractRoom {
  let buffer: UnsafeMutableBufferPointer<Contract>
  var count: Int

  /// Moves a batch's contracts in after the others.
  mutating func take(_ batch: ContractBatch) {
    let moved = batch.count
    precondition(count + moved <= buffer.count, "more rows than line breaks")
    guard moved > 0, let base = buffer.baseAddress else { return }
    batch.move(to: base + count)
    count += moved
  }
}

/// Results written by index from several threads, each index by one thread only: raw memory,
/// so no thread touches a shared array's header (its copy-on-write check) while another writes.
private final class Slots<Value>: @unchecked Sendable {
  let values: UnsafeMutableBufferPointer<Value?>
  init(_ count: Int) {
    values = .allocate(capacity: count)
    values.initialize(repeating: nil)
  }
  deinit {
    values.deinitialize()
    values.deallocate()
  }
}

extension RegisterLoader {
  /// Reads the rows after the header and hands them to `settle` in batches, in file order.
  ///
  /// A large file is cut into several stretches a core, read a wave (one stretch a core) at a
  /// time, each wave settled before the next is read: the batches waiting to be settled stay a
  /// small part of the file, so reading on several cores holds little more memory than one.
  /// From a stretch whose cut is not confirmed (the stretch before it failed to read), the
  /// rest of the file is read on this core, which meets any real error in its place.
  static func readRows(
    _ reader: inout CSVReader, context: RowContext, parallelism: Parallelism,
    settle: (inout RowBatch) -> Void
  ) throws(RegisterError) {
    let (position, line, lineStart) = reader.cursor
    let count = parallelism.stretches(for: reader.bytes.count - position)
    var stretches = [
      RowStretch(start: position, end: reader.bytes.count, line: line, lineStart: lineStart)
    ]
    if count > 1 {
      stretches = RowSplitter.stretches(
        reader.bytes, from: position, line: line, lineStart: lineStart, count: count)
    }
    var next = 0
    if stretches.count > 1 {
      next = try readWaves(
        stretches, of: reader.bytes, cores: parallelism.cores, context: context, settle: settle)
      guard next < stretches.count else { return }
    }
    // One core from the first unconfirmed stretch (from the start for a small file).
    let from = stretches[next]
    var rest = CSVReader(
      resuming: reader.bytes, at: from.start, line: from.line, lineStart: from.lineStart,
      separator: reader.separator)
    var batch = RowBatch()
    do {
      try readRows(&rest, context: context, into: &batch)
    } catch {
      throw .csv(file: context.file, error)
    }
    batch.strayQuotes = rest.strayQuotes
    settle(&batch)
  }

  /// Reads stretches a wave at a time, settling each in order; returns how many were read and
  /// settled: all of them, or up to the first whose cut is not confirmed.
  static func readWaves(
    _ stretches: [RowStretch], of bytes: UnsafeBufferPointer<UInt8>, cores: Int,
    context: RowContext, settle: (inout RowBatch) -> Void
  ) throws(RegisterError) -> Int {
    nonisolated(unsafe) let whole = bytes
    var first = 0
    while first < stretches.count {
      let wave = Array(stretches[first..<min(stretches.count, first + cores)])
      let slots = Slots<Result<RowBatch, CSVError>>(wave.count)
      DispatchQueue.concurrentPerform(iterations: wave.count) { k in
        let stretch = wave[k]
        // A stretch ends at its cut, so a quoted cell running past it is an error.
        var reader = CSVReader(
          resuming: UnsafeBufferPointer(rebasing: whole[0..<stretch.end]), at: stretch.start,
          line: stretch.line, lineStart: stretch.lineStart, separator: context.separator)
        var batch = RowBatch()
        do throws(CSVError) {
          try readRows(&reader, context: context, into: &batch)
          batch.strayQuotes = reader.strayQuotes
          slots.values[k] = .success(batch)
        } catch {
          slots.values[k] = .failure(error)
        }
      }
      for k in wave.indices {
        switch slots.values[k] {
        case .success(var batch)?:
          slots.values[k] = nil
          settle(&batch)
        case .failure(let error)? where first + k == stretches.count - 1:
          throw .csv(file: context.file, error)
        default:
          // The next stretch's cut is unconfirmed: read on from this one's start on one core.
          return first + k
        }
      }
      first += wave.count
    }
    return stretches.count
  }

  /// Reads rows to the reader's end: contracts, their findings and blank rows (the reader
  /// keeps the stray quotes).
  static func readRows(
    _ reader: inout CSVReader, context: RowContext, into batch: inout RowBatch
  ) throws(CSVError) {
    var fields: [CSVField] = []
    let (position, _, _) = reader.cursor
    let size = reader.bytes.count - position
    // Sized for the stretch's share of the file's lines, and no more text than its bytes.
    batch.store = ContractStore(
      file: context.file, source: context.source, base: reader.bytes,
      rows: context.rows(in: size))
    defer { batch.store?.seal() }
    while try reader.next(into: &fields) {
      // A row of blank cells is a spacer, not a contract; the note says where they were.
      if fields.allSatisfy({ reader.isBlank($0) }) {
        batch.spacers.add(line: fields[0].line)
        continue
      }
      readContract(reader: reader, fields: fields, context: context, into: &batch)
    }
  }

  /// Settles a batch's ids in file order (a taken id renamed, a repeated row noted) and moves
  /// its contracts into the register's room and its diagnostics into the register, each row's
  /// id findings in their place.
  static func settle(
    _ batch: inout RowBatch, into room: inout ContractRoom, diagnostics: inout [Diagnostic],
    state: inout LoadState
  ) {
    let base = room.count
    room.take(batch.contracts)
    let contracts = room.buffer
    var taken = 0
    for (offset, pending) in batch.pending.enumerated() {
      diagnostics += batch.diagnostics[taken..<pending.insertAt]
      taken = pending.insertAt
      let found = state.identify(base + offset, in: contracts, hashes: batch.hashes[offset])
      for (finding, onIdCell) in found {
        let location = onIdCell ? pending.idLocation : contracts[base + offset].location
        diagnostics.append(Diagnostic(finding.severity, finding.message, at: location))
      }
    }
    diagnostics += batch.diagnostics[taken...]
    batch = RowBatch()
  }
}
