import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A regular file mapped read-only into memory, so a several-gigabyte OCDS bulk file is read
/// without a copy: its pages are the page cache's, loaded as they are touched and dropped again
/// with ``evict()``, so the import's peak memory does not grow with the file.
final class MappedFile {
  /// The mapped bytes; empty for an empty file (which cannot be mapped).
  let buffer: UnsafeBufferPointer<UInt8>
  private let base: UnsafeMutableRawPointer?

  private init(base: UnsafeMutableRawPointer?, count: Int) {
    self.base = base
    buffer = UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count)
  }

  deinit {
    if let base { munmap(base, buffer.count) }
  }

  /// Gives back the pages read so far: they stay in the page cache (the mapping is private and
  /// never written), so touching one again reads it from there, not from the disk.
  func evict() {
    if let base { _ = madvise(base, buffer.count, MADV_DONTNEED) }
  }

  /// Maps `path` when it is a regular file; nil for anything else (a pipe, a terminal,
  /// `/dev/stdin`), which is read as before. The input cap keeps its meaning: a file larger
  /// than `--max-input-size` is refused without being read, as ``Files/read(_:_:)`` does.
  static func map(_ path: String, _ environment: Environment) throws(CommandFailure)
    -> MappedFile?
  {
    let shown = Files.display(path, environment)
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    // Opening again in Files.read says why it failed, in its words.
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(status.st_size)
    if size > environment.maxInputSize {
      throw Files.inputFailure(.tooLarge, shown, environment.maxInputSize)
    }
    guard size > 0 else { return MappedFile(base: nil, count: 0) }
    let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
    guard let base, base != MAP_FAILED else { return nil }
    _ = madvise(base, size, MADV_SEQUENTIAL)
    // Pages 4 KB at a time: a release read from elsewhere in the file (a later release of an
    // earlier ocid) then maps a few pages, not a 2 MiB huge page of the page cache.
    _ = madvise(base, size, MADV_NOHUGEPAGE)
    return MappedFile(base: base, count: size)
  }
}
