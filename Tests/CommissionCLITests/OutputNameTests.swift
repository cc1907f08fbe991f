import Foundation
import Testing

@testable import CommissionCLI

/// A pseudo-terminal made for a test: its controller (to see what reached the screen) and the
/// path of the terminal side (`/dev/pts/N`), given as `--output`.
struct PseudoTerminal {
  var controller: Int32
  var path: String

  init() throws {
    // /dev/ptmx with the kernel's own requests: Glibc's module lacks grantpt and ptsname.
    controller = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_NONBLOCK)
    var unlock: CInt = 0
    var number: CUnsignedInt = 0
    guard controller >= 0, ioctl(controller, 0x4004_5431, &unlock) == 0,  // TIOCSPTLCK
      ioctl(controller, 0x8004_5430, &number) == 0  // TIOCGPTN
    else { throw CocoaError(.fileNoSuchFile) }
    path = "/dev/pts/\(number)"
  }

  /// Every byte that reached the terminal so far (needs the terminal side open to arrive).
  func received() -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(controller, &buffer, buffer.count)
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    return bytes
  }
}

@Suite("--output that names a terminal, an option, nothing, or a place in a register folder")
struct OutputNameTests {
  static let docxRefused =
    "commission: --format docx writes a binary Word file, not for a terminal; give "
    + "'--output FILE' (for example --output record.docx)\n"

  static let decisionDocx = [
    "decision", "--group", "childrens-public-health", "--start", "2017-04-01", "--as-of",
    "2016-03-10", "--format", "docx",
  ]

  static let hasTerminals = FileManager.default.fileExists(atPath: "/dev/ptmx")

  @Test(
    "a docx to a terminal device by its path is refused with 64, no byte reaching it",
    .enabled(if: hasTerminals))
  func docxToTerminalPath() throws {
    let terminal = try PseudoTerminal()
    defer { close(terminal.controller) }
    // Held open so bytes written would wait in the controller to be seen.
    let holder = open(terminal.path, O_RDWR | O_NOCTTY)
    defer { close(holder) }
    for output in [terminal.path, "/dev/fd/\(holder)"] {
      let run = commission(Self.decisionDocx + ["--output", output])
      #expect(run.code == 64)
      #expect(run.stderr == Self.docxRefused)
    }
    #expect(terminal.received().isEmpty)
    // Text to the same terminal is still written: only the binary format is refused.
    let text = commission(["summary", "--as-of", "2016-03-10", "-q", "--output", terminal.path])
    #expect(text.code == 0)
    #expect(!terminal.received().isEmpty)
  }

  @Test("a device that is no terminal still takes a docx")
  func docxToNull() {
    let run = commission(Self.decisionDocx + ["--output", "/dev/null"])
    #expect(run.code == 0)
    #expect(run.stderr == kentReading)
  }

  @Test(
    "the check on the opened descriptor refuses a terminal even past the early one",
    .enabled(if: hasTerminals))
  func openedDescriptorChecked() throws {
    let terminal = try PseudoTerminal()
    defer { close(terminal.controller) }
    let holder = open(terminal.path, O_RDWR | O_NOCTTY)
    defer { close(holder) }
    let environment = Environment(currentDirectory: "/", today: fixedToday)
    for output in [terminal.path, "/dev/fd/\(holder)"] {
      #expect(throws: CommandFailure.self) {
        try Files.write(to: output, inputs: [], environment: environment, binary: true) {
          $0.write(bytes: [0x50, 0x4B, 3, 4])
        }
      }
    }
    #expect(terminal.received().isEmpty)
    try Files.write(to: terminal.path, inputs: [], environment: environment) {
      $0.write("plain\n")
    }
    #expect(!terminal.received().isEmpty)
  }

  /// The refusal of an option-looking word as `flag`'s file name.
  static func dash(_ flag: String, _ word: String) -> String {
    "'\(flag)' needs a file name, not '\(word)' (write ./\(word) for a file of that name)"
  }

  /// The refusal of an empty file name.
  static func empty(_ flag: String, _ example: String) -> String {
    "'\(flag)' needs a file name; for example \(flag) \(example)"
  }

  @Test(
    "a file name for --output or --spec is not empty and not an option-looking word",
    arguments: [
      (["--output", "--help"], dash("--output", "--help")), (["-o", "-q"], dash("-o", "-q")),
      (["--output=--x"], dash("--output", "--x")), (["-o", "-"], nil),
      (["--spec", "--format"], dash("--spec", "--format")),
      (["--output", ""], empty("--output", "report.json")),
      (["--output="], empty("--output", "report.json")),
      (["--spec", ""], empty("--spec", "Examples/decision-16-00038.json")),
      (["--output", "./--help"], nil), (["-o", "a-b.csv"], nil), (["--spec", "x.json"], nil),
    ] as [([String], String?)])
  func fileNames(_ arguments: [String], _ message: String?) {
    do {
      _ = try Invocation.parse(["decision"] + arguments)
      #expect(message == nil)
    } catch {
      #expect(error.message == message)
    }
  }

  @Test("--output --help writes no file named --help; it exits 64 with one line")
  func noFileNamedHelp() throws {
    let folder = try temporaryFolder("option-name")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = commission(Self.decisionDocx + ["--output", "--help"], directory: folder)
    #expect(run.code == 64)
    #expect(
      run.stderr
        == "commission: \(Self.dash("--output", "--help"))\n"
        + "Run 'commission --help' for usage.\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  /// A register folder `reg` (one CSV) in a fresh folder, and the folder.
  static func registerFolder() throws -> URL {
    let folder = try temporaryFolder("register-folder")
    let register = folder.appendingPathComponent("reg")
    try FileManager.default.createDirectory(
      at: register.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try Data("id,service,end\na,Meals,2016-09-30\n".utf8)
      .write(to: register.appendingPathComponent("base.csv"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("link").path, withDestinationPath: "reg")
    return folder
  }

  @Test(
    "an output inside a register folder given as input is refused with 73; beside it is not",
    arguments: [
      ("reg/new.csv", "reg", 73), ("reg/notes.txt", "reg", 73), ("reg/sub/x.csv", "reg", 73),
      ("link/new.csv", "reg", 73), ("reg/new.csv", "link", 73), ("reg/../new.csv", "reg", 0),
      ("reg-new.csv", "reg", 0), ("reg/new.csv", "reg/base.csv", 0),
    ] as [(String, String, Int32)])
  func insideRegisterFolder(_ output: String, _ register: String, _ code: Int32) throws {
    let folder = try Self.registerFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = ["expiring", "--by", "2016-12-31", "--as-of", "2016-03-01", "-q"]
    let run = commission(arguments + ["--output", output, register], directory: folder)
    #expect(run.code == code)
    if code == 73 {
      #expect(
        run.stderr
          == "commission: refusing to write '\(output)': it is inside the register folder "
          + "'reg' and would be read as part of it\n")
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(output).path))
      // The register still reads as it did.
      #expect(commission(arguments + ["reg"], directory: folder).code == 0)
    }
  }

  @Test(
    "a folder that takes no new file says so; only a missing one is called missing",
    arguments: [
      (
        "/proc/version",
        "cannot create a file in its folder '/proc': the folder takes no new "
          + "files"
      ),
      ("nowhere/out.csv", "the folder is missing"),
    ])
  func folderThatTakesNoFile(_ output: String, _ reason: String) throws {
    #if !os(Linux)
      if output.hasPrefix("/proc") { return }
    #endif
    let run = commission(["summary", "--as-of", "2016-03-10", "-q", "--output", output])
    #expect(run.code == 73)
    #expect(run.stderr == "commission: cannot write '\(output)': \(reason)\n")
  }
}
