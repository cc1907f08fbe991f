import Foundation

/// A text stream onto a file descriptor that checks every write: the one writer the binary's
/// standard output and standard error go through.
///
/// `FileHandle.write` traps when a write fails (a full disk, a closed descriptor, a reader that
/// went away), so the binary writes with `write(2)` itself, retries interrupted and partial
/// writes, and keeps the first failure for ``Commission/finish(_:stdout:stderr:)`` to report.
/// After a failure the stream writes nothing more.
public struct DescriptorStream: TextOutputStream, ByteOutputStream {
  public let descriptor: Int32
  /// The `errno` of the first failed write, or nil while every write has succeeded.
  public private(set) var failure: Int32?
  /// The descriptor was closed at start: a write fails as on a closed descriptor.
  private let closed: Bool

  /// - Parameters:
  ///   - descriptor: the open descriptor to write to.
  ///   - closed: whether the descriptor was closed when the process started: every write then
  ///     fails with `EBADF`, whatever now occupies the slot (see ``StandardStreams/reserve()``).
  public init(descriptor: Int32, closed: Bool = false) {
    self.descriptor = descriptor
    self.closed = closed
  }

  public mutating func write(_ string: String) {
    write(bytes: Array(string.utf8))
  }

  public mutating func write(bytes: [UInt8]) {
    guard failure == nil, !bytes.isEmpty else { return }
    if closed {
      failure = EBADF
      return
    }
    failure = bytes.withUnsafeBytes {
      StandardStreams.writeAll(descriptor, UnsafeMutableRawBufferPointer(mutating: $0))
    }
  }
}

/// A stream that takes bytes as they are: standard output, for a binary format (`.docx`).
/// A plain `TextOutputStream` (a test's string) gets them decoded instead.
public protocol ByteOutputStream {
  mutating func write(bytes: [UInt8])
}

/// Low-level reads and writes with every result checked.
public enum StandardStreams {
  /// Which of standard input, output and error were closed when the process started.
  public struct Closed: Sendable {
    public var input = false
    public var output = false
    public var error = false
  }

  /// Finds closed standard descriptors and fills their slots so no file the command opens later
  /// becomes "standard output" by accident; the filler is read-only, so writes to it fail.
  public static func reserve() -> Closed {
    var closed = Closed()
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
    where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
      switch descriptor {
      case STDIN_FILENO: closed.input = true
      case STDOUT_FILENO: closed.output = true
      default: closed.error = true
      }
      // `open` returns the lowest free slot, which is this one (the lower ones are taken).
      let filler = open("/", O_RDONLY | O_DIRECTORY)
      if filler >= 0, filler != descriptor {
        dup2(filler, descriptor)
        close(filler)
      }
    }
    return closed
  }

  /// Writes every byte, retrying interrupted and partial writes.
  ///
  /// - Parameters:
  ///   - pause: microseconds to sleep after each megabyte of the output (tests interrupt a
  ///     run there, half written).
  ///   - before: how much of the output earlier calls wrote, to find the megabytes.
  /// - Returns: nil when all was written, or the `errno` of the failure.
  static func writeAll(
    _ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, pause: UInt32 = 0,
    before: Int = 0
  ) -> Int32? {
    guard let base = buffer.baseAddress else { return nil }
    var offset = 0
    while offset < buffer.count {
      let written = Foundation.write(descriptor, base + offset, min(1 << 20, buffer.count - offset))
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      let megabytes = (before + offset) >> 20
      offset += written
      if pause > 0, (before + offset) >> 20 > megabytes { usleep(pause) }
    }
    return nil
  }

  /// Reads a descriptor to its end, refusing more than `limit` bytes.
  ///
  /// - Parameter sizeHint: the expected size (a regular file's), to reserve capacity once.
  /// - Throws: ``InputReadError/tooLarge`` past the limit (having read only one byte more),
  ///   ``InputReadError/failed(errno:)`` when a read fails.
  public static func readAll(_ descriptor: Int32, limit: Int, sizeHint: Int = 0)
    throws(InputReadError) -> [UInt8]
  {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(max(sizeHint, 0), limit) + 1)
    // A file's own size (plus the byte that tells it grew) when it says it, else 64 KiB, a
    // pipe's buffer, up to 1 MiB: a 1 MiB chunk for every small file zeroed and faulted in
    // 8% of a run on the bundled register.
    let size = sizeHint > 0 ? min(sizeHint, limit) + 1 : 1 << 16
    var chunk = [UInt8](repeating: 0, count: min(size, 1 << 20))
    while true {
      // Never ask for more than one byte past the limit: that byte is enough to refuse.
      let wanted = min(chunk.count, limit - bytes.count + 1)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .failed(errno: errno)
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit { throw .tooLarge }
    }
  }
}

/// Why an input could not be read whole.
public enum InputReadError: Error, Equatable, Sendable {
  /// It is larger than the input cap (`--max-input-size`).
  case tooLarge
  /// A read failed with this `errno`.
  case failed(errno: Int32)
}
