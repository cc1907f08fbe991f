import Commissioning
import Foundation

/// Reading registers from paths and writing outputs atomically: the only file access there is.
enum Files {
  /// The bundled register's folder, relative to the repository root.
  static let bundledRegister = "Contracts/kent-2016-03"

  /// Loads the registers named on the command line (or the bundled one) as one register.
  static func loadRegister(_ paths: [String], environment: Environment) throws(CommandFailure)
    -> (register: Register, inputs: [String])
  {
    var paths = paths
    if paths.isEmpty {
      guard let bundled = findBundledRegister(environment) else {
        throw CommandFailure(
          .noInput,
          "no register given and the bundled register (\(bundledRegister)) was not found; name a CSV file or register folder"
        )
      }
      paths = [bundled]
    }
    var inputs: [RegisterInput] = []
    var absolutePaths: [String] = []
    var council = CouncilRules.default
    var names: [String] = []
    for path in paths {
      if path == "-" {
        inputs.append(RegisterInput(name: "<stdin>", bytes: environment.readStandardInput()))
        names.append("<stdin>")
        continue
      }
      let absolute = absolutePath(path, environment)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
        throw CommandFailure(.noInput, "cannot open '\(path)': no such file or folder")
      }
      let folder: String
      var csvFiles: [String]
      if isDirectory.boolValue {
        folder = absolute
        let entries: [String]
        do {
          entries = try FileManager.default.contentsOfDirectory(atPath: absolute)
        } catch {
          throw CommandFailure(.noInput, "cannot open '\(path)': the folder cannot be read")
        }
        csvFiles = entries.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map {
          folder + "/" + $0
        }
        guard !csvFiles.isEmpty else {
          throw CommandFailure(.dataError, RegisterError.noCSV(name: path).description)
        }
        names.append(URL(fileURLWithPath: absolute).lastPathComponent)
      } else {
        folder = (absolute as NSString).deletingLastPathComponent
        csvFiles = [absolute]
        names.append(URL(fileURLWithPath: absolute).deletingPathExtension().lastPathComponent)
      }
      let councilPath = folder + "/council.json"
      if FileManager.default.fileExists(atPath: councilPath) {
        let bytes = try read(councilPath, environment)
        do {
          council = try CouncilRules.parse(json: bytes, file: display(councilPath, environment))
        } catch {
          throw CommandFailure(.dataError, error.description)
        }
        absolutePaths.append(councilPath)
      }
      for file in csvFiles {
        inputs.append(
          RegisterInput(name: display(file, environment), bytes: try read(file, environment)))
        absolutePaths.append(file)
      }
    }
    do {
      let register = try RegisterLoader.load(
        inputs, council: council, name: names.joined(separator: "+"))
      environment.noteReading(register)
      return (register, absolutePaths)
    } catch {
      throw CommandFailure(.dataError, error.description)
    }
  }

  /// Reads a whole file; a missing file, a folder or an unreadable file each say which.
  static func read(_ path: String, _ environment: Environment) throws(CommandFailure) -> [UInt8] {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    guard exists, !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path)
    else {
      let why =
        !exists
        ? "no such file"
        : isDirectory.boolValue ? "a folder, not a file" : "permission denied or unreadable"
      throw CommandFailure(.noInput, "cannot open '\(display(path, environment))': \(why)")
    }
    return [UInt8](data)
  }

  static func absolutePath(_ path: String, _ environment: Environment) -> String {
    let joined = path.hasPrefix("/") ? path : environment.currentDirectory + "/" + path
    return (joined as NSString).standardizingPath
  }

  /// The path as diagnostics show it: relative to the current folder when inside it.
  static func display(_ path: String, _ environment: Environment) -> String {
    let base = (environment.currentDirectory as NSString).standardizingPath
    let standard = (path as NSString).standardizingPath
    if standard.hasPrefix(base + "/") { return String(standard.dropFirst(base.count + 1)) }
    return standard
  }

  /// Looks for `Contracts/kent-2016-03` above the current folder, then above the binary.
  static func findBundledRegister(_ environment: Environment) -> String? {
    if let explicit = environment.variables["COMMISSION_REGISTER"], !explicit.isEmpty {
      return explicit
    }
    var starts = [environment.currentDirectory]
    if let executable = environment.executablePath {
      let resolved = (absolutePath(executable, environment) as NSString).resolvingSymlinksInPath
      starts.append((resolved as NSString).deletingLastPathComponent)
    }
    for start in starts {
      var folder = (start as NSString).standardizingPath
      while true {
        let candidate = folder + "/" + bundledRegister
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
          isDirectory.boolValue
        {
          return display(candidate, environment)
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent == folder || parent.isEmpty { break }
        folder = parent
      }
    }
    return nil
  }

  /// Writes `text` to `path` through a temporary file and a rename, never over an input.
  static func writeAtomically(
    _ text: String, to path: String, inputs: [String], environment: Environment
  ) throws(CommandFailure) {
    let absolute = absolutePath(path, environment)
    let resolved = (absolute as NSString).resolvingSymlinksInPath
    for input in inputs where (input as NSString).resolvingSymlinksInPath == resolved {
      throw CommandFailure(.cannotCreate, "refusing to write '\(path)': it is one of the inputs")
    }
    let folder = (absolute as NSString).deletingLastPathComponent
    let name = (absolute as NSString).lastPathComponent
    let temporary = folder + "/.\(name).\(ProcessInfo.processInfo.processIdentifier).tmp"
    // An interrupt from here on removes the temporary file (see `SignalCleanup`).
    SignalCleanup.pending(temporary)
    defer { SignalCleanup.pending(nil) }
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let reason = errno == ENOENT ? "the folder is missing" : String(cString: strerror(errno))
      throw CommandFailure(.cannotCreate, "cannot write '\(path)': \(reason)")
    }
    var failure: String?
    var bytes = Array(text.utf8)
    let pause = environment.variables["COMMISSION_TEST_WRITE_PAUSE_MS"].flatMap { Int($0) }
    bytes.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let chunk = min(1 << 20, buffer.count - offset)
        let written = write(descriptor, base + offset, chunk)
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += written
        // Tests interrupt a run here, half written, to see that nothing is left behind.
        if let pause, offset < buffer.count { usleep(UInt32(pause) * 1000) }
      }
      if fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    }
    close(descriptor)
    if let failure {
      unlink(temporary)
      throw CommandFailure(.cannotCreate, "cannot write '\(path)': \(failure)")
    }
    if rename(temporary, absolute) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw CommandFailure(.cannotCreate, "cannot write '\(path)': \(reason)")
    }
  }
}

/// Removes a half-written output when the run is interrupted (SIGINT, SIGTERM, SIGHUP), then
/// ends the process as the signal would have.
public enum SignalCleanup {
  /// The temporary file being written, as a C string the handler can use without allocating.
  nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

  /// Installs the handlers: once, before any output is written.
  public static func install() {
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(signalNumber) { received in
        if let path = SignalCleanup.path { unlink(path) }
        signal(received, SIG_DFL)
        raise(received)
      }
      // A signal the parent ignores (a background job's SIGINT) stays ignored.
      let ignored = withUnsafeBytes(of: SIG_IGN) { $0.load(as: Int.self) }
      if withUnsafeBytes(of: previous, { $0.load(as: Int.self) }) == ignored {
        signal(signalNumber, SIG_IGN)
      }
      sigaddset(&unblock, signalNumber)
    }
    // A parent may hand down a blocked mask (a test runner's thread does); interrupts must work.
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
  }

  static func pending(_ temporary: String?) {
    let old = path
    path = temporary.map { strdup($0) }
    free(old)
  }
}
