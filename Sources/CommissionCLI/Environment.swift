import Commissioning
import Foundation

/// Everything the command layer needs from the world, passed in so tests can drive it.
public struct Environment: Sendable {
  public var currentDirectory: String
  public var variables: [String: String]
  /// Whether standard output is a terminal (for colour and width).
  public var isTerminal: Bool
  /// The terminal's own width in columns, when standard output is a terminal that says
  /// (``terminalColumns(of:)``): bash does not export `COLUMNS`, so this is what a resized
  /// window is known by.
  public var terminalColumns: Int?
  /// The system date, used when `--as-of` is not given.
  public var today: Day
  /// The running binary, to find the bundled register beside a build folder.
  public var executablePath: String?
  /// Standard input, whole: for in-process runs, which hand it over ready.
  public var readStandardInput: @Sendable () -> [UInt8]
  /// Standard input read with a cap (the binary's): when set, used instead of
  /// `readStandardInput`, so an endless input stops one byte past the cap.
  public var readStandardInputCapped: (@Sendable (_ limit: Int) throws(InputReadError) -> [UInt8])?
  /// The most bytes any one input may have (`--max-input-size`; see ``Files/defaultMaxInputSize``).
  public var maxInputSize = Files.defaultMaxInputSize
  /// Messages for the user that are not the command's output (import's mapping report).
  public var writeStandardError: @Sendable (String) -> Void = { _ in }
  /// Told of every register a command reads, so the command can say what the reading doubted.
  var noteReading: @Sendable (Register) -> Void = { _ in }

  public init(
    currentDirectory: String, variables: [String: String] = [:], isTerminal: Bool = false,
    today: Day, executablePath: String? = nil,
    readStandardInput: @escaping @Sendable () -> [UInt8] = { [] },
    writeStandardError: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.writeStandardError = writeStandardError
    self.currentDirectory = currentDirectory
    self.variables = variables
    self.isTerminal = isTerminal
    self.today = today
    self.executablePath = executablePath
    self.readStandardInput = readStandardInput
  }
}

extension Environment {
  /// The width text output is laid out for: `--width` (`asked`), else the terminal's own width,
  /// else `COLUMNS`, else 100 (a pipe or a file), kept to ``TextWidth/range``.
  func textWidth(asked: Int?) -> Int {
    if let asked { return asked }
    let found =
      (isTerminal ? terminalColumns : nil) ?? variables["COLUMNS"].flatMap { Int($0) } ?? 100
    return max(TextWidth.range.lowerBound, min(found, TextWidth.range.upperBound))
  }

  /// The system date where the user is: the C library's local time (`TZ`, else
  /// `/etc/localtime`), as `TimeZone.current` reads it, without building Foundation's time zone
  /// (a tenth of the instructions of the bundled register's `expiring`; Performance.md).
  public static func localToday() -> Day {
    var now = time(nil)
    var local = tm()
    let offset = localtime_r(&now, &local) == nil ? 0 : local.tm_gmtoff
    let seconds = Int(now) + offset
    return Day(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds + 1) / 86_400 - 1)
  }

  /// The process's environment variables, read from `environ` a byte at a time: what
  /// `ProcessInfo.processInfo.environment` gives (each `NAME=value` split at its first `=`,
  /// bytes that are not UTF-8 repaired, the last of a repeated name kept, an entry without `=`
  /// left out), without its copying and its search for `=` a grapheme at a time.
  public static func processVariables() -> [String: String] {
    var variables: [String: String] = [:]
    var entry = environ
    while let text = entry.pointee {
      let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
      if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
        let name = String(decoding: bytes[..<equals], as: UTF8.self)
        variables[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
      }
      entry += 1
    }
    return variables
  }

  /// The width of the terminal on `descriptor` (`ioctl(TIOCGWINSZ)`), or `nil` when it is not a
  /// terminal or does not say (a serial line reports 0 columns).
  public static func terminalColumns(of descriptor: Int32) -> Int? {
    var size = winsize()
    guard isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0,
      size.ws_col > 0
    else { return nil }
    return Int(size.ws_col)
  }
}

/// The registers a command read, for the one line on standard error that says how many errors
/// and warnings lie behind its answer.
final class ReadingTally: @unchecked Sendable {
  private(set) var summaries: [ReadingSummary] = []
  func add(_ register: Register) { summaries.append(ReadingSummary(register)) }
}

/// sysexits(3) codes, as INTERFACE.md fixes them.
public enum ExitCode: Int32, Sendable {
  case success = 0
  /// The command ran but what was asked cannot be done.
  case failure = 1
  case usage = 64
  case dataError = 65
  case noInput = 66
  case cannotCreate = 73
  /// Standard output cannot be written (a full disk, a closed descriptor).
  case ioError = 74
  /// The reader of standard output went away (EPIPE with SIGPIPE ignored): the status a shell
  /// reports for a death by SIGPIPE (128 + 13), so either way the caller sees the same.
  case brokenPipe = 141
}

/// A failure that ends the command: a one-line message and an exit code.
struct CommandFailure: Error {
  var code: ExitCode
  var message: String
  init(_ code: ExitCode, _ message: String) {
    self.code = code
    self.message = message
  }
}
