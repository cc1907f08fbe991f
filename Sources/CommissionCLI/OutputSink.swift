import Foundation

/// What a command prints: text made whole, or a writer that makes it a piece at a time.
///
/// `export`'s data formats stream: a million contracts' JSON is several gigabytes as one
/// `String` (and more as one `JSON` tree), but a few kilobytes at a time through an
/// ``OutputSink``.
enum CommandOutput {
  case text(String)
  /// Writes the whole output into the sink it is given; it cannot fail (the sink keeps the
  /// first failed write for its owner to report).
  case stream((inout OutputSink) -> Void)
  /// A binary file (a `.docx`): written as it is to a file or a pipe, refused on a terminal.
  case bytes([UInt8])

  /// The whole output as one string: for a terminal, whose text must pass through
  /// `terminalSafe` whole, and for tests.
  var text: String {
    switch self {
    case .text(let text): return text
    case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .stream(let body):
      var text = ""
      var sink = OutputSink { text += $0 }
      body(&sink)
      sink.flush()
      return text
    }
  }
}

/// A text stream with a fixed buffer: writes collect until the next would pass `capacity`
/// bytes, then go on to `drain` as one chunk, so an output of any size holds one chunk (or one
/// piece longer than the buffer, which is passed on as it is) in memory.
struct OutputSink: TextOutputStream {
  /// 64 KiB: large enough that a `write(2)` per chunk costs nothing, small beside any output.
  static let defaultCapacity = 1 << 16

  let capacity: Int
  private var buffer = ""
  private let drain: (String) -> Void
  /// Takes bytes that are not text (a `.docx`); a sink for text decodes them, lossily.
  private let drainBytes: ([UInt8]) -> Void

  /// - Parameters:
  ///   - capacity: the buffer's size in UTF-8 bytes (at least 1).
  ///   - drain: takes each chunk in order; called by ``write(_:)`` and ``flush()``.
  ///   - drainBytes: takes bytes written with ``write(bytes:)``, after the text before them.
  init(
    capacity: Int = defaultCapacity, drain: @escaping (String) -> Void,
    drainBytes: (([UInt8]) -> Void)? = nil
  ) {
    self.capacity = max(1, capacity)
    self.drain = drain
    self.drainBytes = drainBytes ?? { drain(String(decoding: $0, as: UTF8.self)) }
    buffer.reserveCapacity(self.capacity)
  }

  mutating func write(_ string: String) {
    let count = string.utf8.count
    if buffer.utf8.count + count <= capacity {
      buffer.append(string)
      return
    }
    flush()
    if count >= capacity {
      drain(string)
    } else {
      buffer.append(string)
    }
  }

  /// Passes on `bytes` as they are, after the text written before them.
  mutating func write(bytes: [UInt8]) {
    flush()
    drainBytes(bytes)
  }

  /// Passes on what the buffer holds; called once after the last write.
  mutating func flush() {
    guard !buffer.isEmpty else { return }
    drain(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

/// Chunks on their way to a descriptor: every byte written, the first failure kept and nothing
/// written after it, as ``DescriptorStream`` does for the binary's standard output.
final class ChunkWriter {
  let descriptor: Int32
  /// Microseconds to sleep after each megabyte (tests interrupt a run there, half written).
  let pause: UInt32
  private(set) var written = 0
  /// The `errno` of the first failed write, or nil.
  private(set) var failure: Int32?

  init(descriptor: Int32, pause: UInt32 = 0) {
    self.descriptor = descriptor
    self.pause = pause
  }

  func write(_ chunk: String) { write(bytes: Array(chunk.utf8)) }

  func write(bytes chunk: [UInt8]) {
    guard failure == nil, !chunk.isEmpty else { return }
    // `writeAll` only reads the buffer: no copy of the chunk to make it mutable.
    failure = chunk.withUnsafeBytes {
      StandardStreams.writeAll(
        descriptor, UnsafeMutableRawBufferPointer(mutating: $0), pause: pause, before: written)
    }
    written += chunk.count
  }

  /// Runs `body` into a sink of `capacity` that drains into a writer on `descriptor`.
  ///
  /// - Returns: nil when every byte was written, or the `errno` of the first failure.
  static func stream(
    _ body: (inout OutputSink) -> Void, to descriptor: Int32, pause: UInt32 = 0,
    capacity: Int = OutputSink.defaultCapacity
  ) -> Int32? {
    let writer = ChunkWriter(descriptor: descriptor, pause: pause)
    var sink = OutputSink(
      capacity: capacity, drain: { writer.write($0) }, drainBytes: { writer.write(bytes: $0) })
    body(&sink)
    sink.flush()
    return writer.failure
  }
}

/// Text for people on its way into a sink, each piece made ``Swift/String/terminalSafe`` as it
/// is written: the same bytes as the whole text made safe at once, since the stand-ins are
/// chosen a scalar at a time but for a CR before an LF, so a piece ending in CR keeps it back
/// until the next piece shows whether an LF follows.
struct TerminalSafeStream: TextOutputStream {
  var sink: OutputSink
  private var heldCR = false

  init(_ sink: OutputSink) { self.sink = sink }

  mutating func write(_ string: String) {
    var text = heldCR ? "\r" + string : string
    heldCR = text.utf8.last == 0x0D
    if heldCR { text.removeLast() }
    if !text.isEmpty { sink.write(text.terminalSafe) }
  }

  /// Writes what `body` writes into `sink`, made safe, and hands the sink back.
  static func write(into sink: inout OutputSink, _ body: (inout TerminalSafeStream) -> Void) {
    var safe = TerminalSafeStream(sink)
    body(&safe)
    if safe.heldCR { safe.sink.write("\r".terminalSafe) }
    sink = safe.sink
  }
}
