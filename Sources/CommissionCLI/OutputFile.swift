import Foundation

/// Writing `--output`: atomically to a regular file, directly to anything else, never over an
/// input or through a symbolic link.
extension Files {
  /// The descriptor an output path stands for: `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`
  /// and `/proc/self/fd/N`. These are written to that descriptor itself, so a redirect's
  /// append mode and position hold, and no link in `/dev` is ever renamed over.
  static func descriptorNamed(_ path: String) -> Int32? {
    switch path {
    case "-", "/dev/stdout": return STDOUT_FILENO
    case "/dev/stderr": return STDERR_FILENO
    default:
      for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
        return Int32(path.dropFirst(prefix.count))
      }
      return nil
    }
  }

  /// Whether writing `path` would reach a terminal: standard output when it is one, another
  /// named descriptor that is one, or a character device (`/dev/tty`, `/dev/pts/3`) that opens
  /// as one. A device that cannot be opened is not a terminal here; the write says why.
  static func opensTerminal(_ path: String, _ environment: Environment) -> Bool {
    if let descriptor = descriptorNamed(path) {
      return descriptor == STDOUT_FILENO ? environment.isTerminal : isatty(descriptor) == 1
    }
    let absolute = path.hasPrefix("/") ? path : environment.currentDirectory + "/" + path
    var status = stat()
    guard stat(absolute, &status) == 0, status.st_mode & S_IFMT == S_IFCHR else { return false }
    let descriptor = open(absolute, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return isatty(descriptor) == 1
  }

  /// Writes `text` to `path`, as ``write(to:inputs:environment:_:)`` writes a stream.
  static func write(
    _ text: String, to path: String, inputs: [String], environment: Environment
  ) throws(CommandFailure) {
    try write(to: path, inputs: inputs, environment: environment) { $0.write(text) }
  }

  /// Writes what `body` writes to `path`, a chunk at a time: a regular file (or a new one)
  /// through an exclusive temporary file, renamed over it only after the last byte and an
  /// `fsync`; a device, FIFO or socket directly, as it is opened. Every check is made before
  /// `body` runs; a failed write removes the temporary file.
  ///
  /// - Throws: exit 73 when the output names an input, a folder, a symbolic link to a regular
  ///   file or to nothing (the link would be replaced, or followed where an attacker pointed it),
  ///   or cannot be written.
  static func write(
    to path: String, inputs: [String], environment: Environment, binary: Bool = false,
    _ body: (inout OutputSink) -> Void
  ) throws(CommandFailure) {
    if let descriptor = descriptorNamed(path) {
      if binary, descriptor != STDOUT_FILENO, isatty(descriptor) == 1 {
        throw binaryOnTerminal()
      }
      if let failure = ChunkWriter.stream(body, to: descriptor) {
        throw cannotWrite(path, failure)
      }
      return
    }
    // Not `absolutePath`: standardizing resolves symbolic links, and the last one must be seen.
    let absolute = path.hasPrefix("/") ? path : environment.currentDirectory + "/" + path
    let resolved = (absolute as NSString).resolvingSymlinksInPath
    for input in inputs where (input as NSString).resolvingSymlinksInPath == resolved {
      throw CommandFailure(.cannotCreate, "refusing to write '\(path)': it is one of the inputs")
    }
    try refuseInsideRegisterFolder(absolute, path, inputs, environment)
    var target = stat()
    var link = stat()
    let isLink = lstat(absolute, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
    guard stat(absolute, &target) == 0 else {
      guard errno == ENOENT else { throw cannotWrite(path, errno) }
      if isLink {
        throw CommandFailure(
          .cannotCreate, "refusing to write '\(path)': it is a symbolic link to a missing file")
      }
      return try replace(at: absolute, path, existing: nil, environment, body)
    }
    switch target.st_mode & S_IFMT {
    case S_IFDIR: throw CommandFailure(.cannotCreate, "cannot write '\(path)': it is a folder")
    case S_IFREG:
      if isLink {
        throw CommandFailure(
          .cannotCreate,
          "refusing to write '\(path)': it is a symbolic link; name the file it points to")
      }
      try replace(at: absolute, path, existing: target, environment, body)
    default: try writeDirectly(to: absolute, path, binary: binary, body)
    }
  }

  /// Refuses an output anywhere inside a register folder given as input (`inputs` marks one
  /// with a trailing `/`): a folder register reads every `*.csv` in it and `council.json`, so a
  /// new file there would be read as part of it and could break every later command on it.
  /// Any name is refused, not only those two kinds: the rule is simpler to know and to trust.
  static func refuseInsideRegisterFolder(
    _ absolute: String, _ path: String, _ inputs: [String], _ environment: Environment
  ) throws(CommandFailure) {
    // The parent is resolved, not the path: a new file has no path to resolve yet.
    let parent = realPath((absolute as NSString).deletingLastPathComponent)
    for input in inputs where input.hasSuffix("/") {
      let folder = realPath(String(input.dropLast()))
      guard parent == folder || parent.hasPrefix(folder + "/") else { continue }
      throw CommandFailure(
        .cannotCreate,
        "refusing to write '\(path)': it is inside the register folder "
          + "'\(display(folder, environment))' and would be read as part of it")
    }
  }

  /// The path with every symbolic link and `..` resolved by the system, or as given when it
  /// cannot be (it does not exist).
  static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Replaces (or creates) a regular file: an exclusive temporary file beside it, given the
  /// old file's permission bits (and owner, as root) or `0666 & ~umask`, synced, then renamed.
  static func replace(
    at absolute: String, _ path: String, existing: stat?, _ environment: Environment,
    _ body: (inout OutputSink) -> Void
  ) throws(CommandFailure) {
    let (descriptor, temporary) = try createTemporary(beside: absolute, path)
    defer { SignalCleanup.pending(nil) }
    let pause = environment.variables["COMMISSION_TEST_WRITE_PAUSE_MS"].flatMap { UInt32($0) }
    var failure = setPermissions(descriptor, like: existing)
    if failure == nil {
      failure = ChunkWriter.stream(body, to: descriptor, pause: (pause ?? 0) * 1000)
    }
    if failure == nil, fsync(descriptor) != 0 { failure = errno }
    close(descriptor)
    if failure == nil, rename(temporary, absolute) != 0 { failure = errno }
    if let failure {
      unlink(temporary)
      throw cannotWrite(path, failure)
    }
  }

  /// Creates `.NAME.RANDOM.tmp` beside the target with `O_CREAT | O_EXCL | O_NOFOLLOW`, mode
  /// 0600: a name nobody can predict, never a file or link already there. Signals are held
  /// while it is made and recorded, so an interrupt cannot leave it behind unrecorded.
  static func createTemporary(beside absolute: String, _ path: String) throws(CommandFailure)
    -> (Int32, String)
  {
    let folder = (absolute as NSString).deletingLastPathComponent
    var name = ""
    // The name is cut so the temporary one stays within NAME_MAX (255 bytes).
    for scalar in (absolute as NSString).lastPathComponent.unicodeScalars {
      if name.utf8.count + String(scalar).utf8.count > 200 { break }
      name.unicodeScalars.append(scalar)
    }
    var blocked = SignalCleanup.signalSet()
    var previous = sigset_t()
    sigprocmask(SIG_BLOCK, &blocked, &previous)
    defer { sigprocmask(SIG_SETMASK, &previous, nil) }
    for _ in 0..<16 {
      let temporary = folder + "/." + name + "." + randomToken() + ".tmp"
      let descriptor = open(
        temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if descriptor >= 0 {
        SignalCleanup.pending(temporary)
        return (descriptor, temporary)
      }
      if errno == EEXIST { continue }
      throw cannotCreate(in: folder, path, errno)
    }
    throw CommandFailure(.cannotCreate, "cannot write '\(path)': no free temporary name")
  }

  /// Twelve random letters and digits (about 71 bits) from the system's random source.
  static func randomToken() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
  }

  /// The replaced file's permission bits (and, as root, its owner), or `0666 & ~umask` for a
  /// new file, as a shell redirect would make it.
  ///
  /// - Returns: nil, or the `errno` of a failed `fchmod`.
  static func setPermissions(_ descriptor: Int32, like existing: stat?) -> Int32? {
    let mode: mode_t
    if let existing {
      // As root, keep the owner (a failure, on a file system without owners, is harmless).
      if geteuid() == 0 { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
      mode = existing.st_mode & 0o777
    } else {
      let mask = umask(0o022)
      umask(mask)
      mode = 0o666 & ~mask
    }
    return fchmod(descriptor, mode) == 0 ? nil : errno
  }

  /// Writes to a device, FIFO or socket as it is: no temporary file, no rename.
  ///
  /// Opened without blocking, so a FIFO nobody reads is refused (`ENXIO`) instead of waiting for
  /// ever; then switched back to blocking, so a slow reader gets every byte.
  static func writeDirectly(
    to absolute: String, _ path: String, binary: Bool, _ body: (inout OutputSink) -> Void
  ) throws(CommandFailure) {
    let descriptor = try openWithoutWaiting(absolute, path)
    defer { close(descriptor) }
    // Checked on the descriptor itself too: the path may have become a terminal since.
    if binary, isatty(descriptor) == 1 { throw binaryOnTerminal() }
    var status = stat()
    // Swapped for a regular file since it was looked at: nothing is written yet; refuse.
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFREG else {
      throw CommandFailure(.cannotCreate, "cannot write '\(path)': it changed while opened")
    }
    if let failure = ChunkWriter.stream(body, to: descriptor) {
      throw cannotWrite(path, failure)
    }
  }

  /// How long a FIFO may go without a reader before the write is refused: a reader started
  /// just before (`cat fifo & commission … --output fifo`) has this long to open it.
  static let readerGrace = (tries: 20, microseconds: useconds_t(50_000))

  /// Opens a device, FIFO or socket for writing without blocking, waiting up to
  /// ``readerGrace`` for a FIFO's reader; then makes the descriptor blocking again.
  static func openWithoutWaiting(_ absolute: String, _ path: String) throws(CommandFailure)
    -> Int32
  {
    var descriptor = open(absolute, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
    var tries = 1
    while descriptor < 0, errno == ENXIO, tries < readerGrace.tries {
      usleep(readerGrace.microseconds)
      descriptor = open(absolute, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
      tries += 1
    }
    guard descriptor >= 0 else {
      guard errno == ENXIO else { throw cannotWrite(path, errno) }
      throw CommandFailure(
        .cannotCreate,
        "cannot write '\(path)': no program is reading from it (a FIFO with no reader)")
    }
    let flags = fcntl(descriptor, F_GETFL)
    guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
      let number = errno
      close(descriptor)
      throw cannotWrite(path, number)
    }
    return descriptor
  }

  /// A binary file (`.docx`) is never written to a terminal: its bytes would scramble the
  /// screen, and nothing could save them as a file.
  static func binaryOnTerminal() -> CommandFailure {
    CommandFailure(
      .usage,
      "--format docx writes a binary Word file, not for a terminal; "
        + "give '--output FILE' (for example --output record.docx)")
  }

  /// Why no file could be made in `folder`: it is missing only when it truly is. A folder that
  /// is there but takes no new file (`/proc`, which answers ENOENT; a read-only or forbidden
  /// one) says so, with the system's reason.
  static func cannotCreate(in folder: String, _ path: String, _ number: Int32) -> CommandFailure {
    var status = stat()
    if number == ENOENT, stat(folder, &status) != 0 {
      return CommandFailure(.cannotCreate, "cannot write '\(path)': the folder is missing")
    }
    let reason =
      number == ENOENT ? "the folder takes no new files" : String(cString: strerror(number))
    return CommandFailure(
      .cannotCreate,
      "cannot write '\(path)': cannot create a file in its folder '\(folder)': \(reason)")
  }

  static func cannotWrite(_ path: String, _ number: Int32) -> CommandFailure {
    CommandFailure(.cannotCreate, "cannot write '\(path)': \(String(cString: strerror(number)))")
  }
}

/// Removes a half-written output when a signal ends the run, then ends the process as the
/// signal would have, without a core dump or a crash report.
public enum SignalCleanup {
  /// The temporary file being written, as a C string the handler can use without allocating.
  nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

  /// Every catchable signal whose default action ends the process, but for the faults (SEGV,
  /// BUS, ILL, FPE, TRAP, ABRT, SYS), which only a bug raises and the Swift runtime reports.
  static let terminating: [Int32] = {
    var signals = [
      SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ,
      SIGVTALRM, SIGPROF,
    ]
    #if os(Linux)
      signals += [SIGIO, SIGPWR, SIGSTKFLT]
      signals += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
    #endif
    return signals
  }()

  /// The ``terminating`` signals as a set, to block while a temporary file is made.
  static func signalSet() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for signalNumber in terminating { sigaddset(&set, signalNumber) }
    return set
  }

  /// Installs the handlers: once, before any output is written.
  public static func install() {
    let ignored = withUnsafeBytes(of: SIG_IGN) { $0.load(as: Int.self) }
    for signalNumber in terminating {
      let previous = signal(signalNumber) { received in
        if let path = SignalCleanup.path { unlink(path) }
        // A plain death: no core file for SIGQUIT, XCPU or XFSZ.
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        #if os(Linux)
          setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        #else
          setrlimit(RLIMIT_CORE, &none)
        #endif
        signal(received, SIG_DFL)
        raise(received)
      }
      // A signal the parent ignores (a background job's SIGINT, `trap '' PIPE`) stays ignored.
      if withUnsafeBytes(of: previous, { $0.load(as: Int.self) }) == ignored {
        signal(signalNumber, SIG_IGN)
      }
    }
    // A parent may hand down a blocked mask (a test runner's thread does); signals must work.
    var unblock = signalSet()
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
  }

  static func pending(_ temporary: String?) {
    let old = path
    path = temporary.map { strdup($0) }
    free(old)
  }
}
