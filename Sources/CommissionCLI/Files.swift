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
    let loaded = try loadRegisters(paths, environment: environment)
    return (loaded.register, loaded.inputs)
  }

  /// Loads the registers as one, and says which of its files each register given gave (for
  /// the cross-register check): one list of file names per path. The inputs are every file
  /// read and every register folder, the folder with a trailing `/`.
  static func loadRegisters(_ paths: [String], environment: Environment) throws(CommandFailure)
    -> (register: Register, inputs: [String], parts: [[String]])
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
    // Standardizing a path reads each of its links (`readlink` a component): the current
    // folder is standardized once here, and each file once, not at every mention.
    let base = standardized(environment.currentDirectory)
    var inputs: [RegisterInput] = []
    var absolutePaths: [String] = []
    var council = CouncilRules.default
    var names: [String] = []
    var parts: [[String]] = []
    for path in paths {
      if path == "-" {
        inputs.append(RegisterInput(name: "<stdin>", bytes: try readStandardInput(environment)))
        names.append("<stdin>")
        parts.append(["<stdin>"])
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
        names.append(lastComponent(of: absolute))
        // The folder itself, marked by its slash: an output inside it would join the register.
        absolutePaths.append(folder + "/")
      } else {
        folder = (absolute as NSString).deletingLastPathComponent
        csvFiles = [absolute]
        names.append(URL(fileURLWithPath: absolute).deletingPathExtension().lastPathComponent)
      }
      let councilPath = folder + "/council.json"
      if FileManager.default.fileExists(atPath: councilPath) {
        let shown = display(councilPath, base: base)
        let bytes = try read(councilPath, environment, shown: shown)
        do {
          council = try CouncilRules.parse(json: bytes, file: shown)
        } catch {
          throw CommandFailure(.dataError, error.description)
        }
        absolutePaths.append(councilPath)
      }
      let shownFiles = csvFiles.map { display($0, base: base) }
      parts.append(shownFiles)
      for (file, shown) in zip(csvFiles, shownFiles) {
        inputs.append(
          RegisterInput(name: shown, bytes: try read(file, environment, shown: shown)))
        absolutePaths.append(file)
      }
    }
    // A file under two of `.automatic`'s 1 MiB stretches is read on one core whatever the
    // machine, so the core count (Foundation reads the cgroup limits for it) is asked only
    // when a file is that large; the register is the same either way.
    let large = inputs.contains { $0.bytes.count >= 2 << 20 }
    do {
      let register = try RegisterLoader.load(
        inputs, council: council, name: names.joined(separator: "+"),
        parallelism: large ? .automatic : .sequential)
      environment.noteReading(register)
      return (register, absolutePaths, parts)
    } catch {
      throw CommandFailure(.dataError, error.description)
    }
  }

  /// The default cap on any one input's size: 1 GiB.
  ///
  /// A register of a million contracts is about 58 to 116 MB, so the cap is some 9 to 18 times
  /// any real register; loading takes about 4 times the file in memory (Performance.md), so an
  /// input past the cap would need more memory than many machines have and be killed later and
  /// less clearly. It stops `yes a,b | commission check -` at the cap. `--max-input-size` raises it.
  static let defaultMaxInputSize = 1 << 30

  /// Reads a whole file, refusing one larger than the input cap; a missing file, a folder or an
  /// unreadable file each say which, naming it `shown` (by default, as ``display(_:_:)`` does).
  static func read(_ path: String, _ environment: Environment, shown: String? = nil)
    throws(CommandFailure) -> [UInt8]
  {
    let shown = shown ?? display(path, environment)
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let why =
        errno == ENOENT || errno == ENOTDIR
        ? "no such file"
        : errno == EISDIR ? "a folder, not a file" : "permission denied or unreadable"
      throw CommandFailure(.noInput, "cannot open '\(shown)': \(why)")
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw CommandFailure(.noInput, "cannot open '\(shown)': \(String(cString: strerror(errno)))")
    }
    let kind = status.st_mode & S_IFMT
    if kind == S_IFDIR {
      throw CommandFailure(.noInput, "cannot open '\(shown)': a folder, not a file")
    }
    let limit = environment.maxInputSize
    do throws(InputReadError) {
      // A regular file says its size: refuse one over the cap without reading it.
      if kind == S_IFREG, Int(status.st_size) > limit { throw InputReadError.tooLarge }
      let hint = kind == S_IFREG ? Int(status.st_size) : 0
      return try StandardStreams.readAll(descriptor, limit: limit, sizeHint: hint)
    } catch {
      throw inputFailure(error, shown, limit)
    }
  }

  /// Standard input, whole, refusing more than the input cap.
  static func readStandardInput(_ environment: Environment) throws(CommandFailure) -> [UInt8] {
    let limit = environment.maxInputSize
    guard let capped = environment.readStandardInputCapped else {
      let bytes = environment.readStandardInput()
      guard bytes.count <= limit else { throw inputFailure(.tooLarge, "<stdin>", limit) }
      return bytes
    }
    do {
      return try capped(limit)
    } catch {
      throw inputFailure(error, "<stdin>", limit)
    }
  }

  /// An input over the cap is invalid data (65): it was opened and read, and what it holds is
  /// more than the command accepts. A failed read is 66, as a file that cannot be opened is.
  static func inputFailure(_ error: InputReadError, _ shown: String, _ limit: Int) -> CommandFailure
  {
    switch error {
    case .tooLarge:
      return CommandFailure(
        .dataError,
        "'\(shown)' is larger than the input size cap of \(Invocation.sizeText(limit)); "
          + "raise it with --max-input-size")
    case .failed(let number):
      return CommandFailure(
        .noInput, "cannot read '\(shown)': \(String(cString: strerror(number)))")
    }
  }

  static func absolutePath(_ path: String, _ environment: Environment) -> String {
    let joined = path.hasPrefix("/") ? path : environment.currentDirectory + "/" + path
    return (joined as NSString).standardizingPath
  }

  /// The path as diagnostics show it: relative to the current folder when inside it.
  static func display(_ path: String, _ environment: Environment) -> String {
    display(path, base: standardized(environment.currentDirectory))
  }

  /// The path as diagnostics show it, relative to `base`, the current folder already
  /// standardized (``standardized(_:)``), for callers that show many paths.
  static func display(_ path: String, base: String) -> String {
    let standard = standardized(path)
    if standard.hasPrefix(base + "/") { return String(standard.dropFirst(base.count + 1)) }
    return standard
  }

  /// The last component of a standardized absolute path (`/` itself for the root): what
  /// `URL.lastPathComponent` gives for it, without parsing a URL and asking the disk whether it
  /// is a folder.
  static func lastComponent(of path: String) -> String {
    guard path != "/", let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
      return path
    }
    return String(path[path.utf8.index(after: slash)...])
  }

  /// The path with `~`, `.`, `..` and links resolved (`NSString.standardizingPath`).
  static func standardized(_ path: String) -> String {
    (path as NSString).standardizingPath
  }

  /// Looks for `Contracts/kent-2016-03` above the current folder, then above the binary.
  static func findBundledRegister(_ environment: Environment) -> String? {
    if let explicit = environment.variables["COMMISSION_REGISTER"], !explicit.isEmpty {
      return explicit
    }
    if let found = bundled(above: environment.currentDirectory, environment) {
      return found
    }
    // The binary's own folder (its links resolved) only when the current folder has none.
    guard let executable = environment.executablePath else { return nil }
    let resolved = (absolutePath(executable, environment) as NSString).resolvingSymlinksInPath
    return bundled(above: (resolved as NSString).deletingLastPathComponent, environment)
  }

  /// The bundled register in `start` or the nearest folder above it that has one, as shown.
  private static func bundled(above start: String, _ environment: Environment) -> String? {
    var folder = standardized(start)
    while true {
      let candidate = folder + "/" + bundledRegister
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return display(candidate, environment)
      }
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder || parent.isEmpty { return nil }
      folder = parent
    }
  }
}
