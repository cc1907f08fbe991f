import Foundation
import Testing

@testable import CommissionCLI

/// A fresh folder under the system's temporary folder; device nodes and FIFOs for these tests
/// are made in it, never in the machine's own `/dev`.
func temporaryFolder(_ label: String) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "commission-\(label)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// Runs `script` with `/bin/sh` from the repository root, the binary as `$BIN` and `folder` as
/// `$T`; `exec "$BIN" …` makes the shell's status the binary's own.
func runShell(_ script: String, in folder: URL) throws -> RunResult {
  let binary = try #require(builtBinary(), "the commission binary was not built")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", script]
  process.currentDirectoryURL = repositoryRoot
  var environment = ProcessInfo.processInfo.environment
  environment.removeValue(forKey: "COLUMNS")
  environment["BIN"] = binary.path
  environment["T"] = folder.path
  process.environment = environment
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return RunResult(
    stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self), code: process.terminationStatus)
}

/// The file type bits of `path` (not following a last symbolic link).
func fileType(_ path: String) -> mode_t? {
  var status = stat()
  return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
}

/// The permission bits of `path`.
func permissions(_ path: String) -> mode_t? {
  var status = stat()
  return stat(path, &status) == 0 ? status.st_mode & 0o777 : nil
}

/// A register CSV of `rows` rows, about 40 bytes each.
func largeRegister(rows: Int) -> Data {
  var csv = "id,service,end\n"
  for i in 0..<rows { csv += "c\(i),Service number \(i),2017-03-31\n" }
  return Data(csv.utf8)
}

@Suite("Standard output that cannot be written")
struct StandardOutputFailureTests {
  @Test(
    "a full device or a closed standard output: exit 74, one line, no crash",
    .enabled(if: geteuid() == 0, "mknod needs root"),
    arguments: [
      ("mknod \"$T/full\" c 1 7 && exec \"$BIN\" check > \"$T/full\"", "No space left on device"),
      ("exec \"$BIN\" check >&-", "Bad file descriptor"),
      ("exec \"$BIN\" export -q --format json >&-", "Bad file descriptor"),
    ])
  func unwritable(_ script: String, _ reason: String) throws {
    let folder = try temporaryFolder("stdout")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runShell(script, in: folder)
    #expect(result.code == 74)
    #expect(result.stderr == "commission: cannot write to standard output: \(reason)\n")
    #expect(result.stdout == "")
  }

  @Test(
    "a reader that closes early ends the run quietly with 141, SIGPIPE ignored or not",
    arguments: ["trap '' PIPE;", ""])
  func closedPipe(_ trap: String) throws {
    let folder = try temporaryFolder("pipe")
    defer { try? FileManager.default.removeItem(at: folder) }
    // About 4 MB of export: far past what a pipe holds, so the write meets the closed end.
    try largeRegister(rows: 100_000).write(to: folder.appendingPathComponent("big.csv"))
    let result = try runShell(
      trap
        + " (\"$BIN\" export -q --format csv \"$T/big.csv\"; echo $? > \"$T/status\")"
        + " | head -c 10 > \"$T/head\"; cat \"$T/status\"", in: folder)
    #expect(result.stdout == "141\n")
    #expect(result.stderr == "")
    let head = try String(contentsOf: folder.appendingPathComponent("head"), encoding: .utf8)
    #expect(head == "id,service")
  }

  @Test("standard input closed: exit 66, one line")
  func closedInput() throws {
    let folder = try temporaryFolder("stdin")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runShell("exec \"$BIN\" check - <&-", in: folder)
    #expect(result.code == 66)
    #expect(result.stderr == "commission: cannot read '<stdin>': Bad file descriptor\n")
  }

  @Test("the first failed write is kept, and finish turns it into 74 with one line")
  func finishReportsTheFailure() throws {
    var stdout = DescriptorStream(descriptor: STDOUT_FILENO, closed: true)
    stdout.write("")
    #expect(stdout.failure == nil)
    stdout.write("text")
    #expect(stdout.failure == EBADF)
    var pipe: [Int32] = [0, 0]
    #expect(Foundation.pipe(&pipe) == 0)
    defer { close(pipe[0]) }
    var stderr = DescriptorStream(descriptor: pipe[1])
    #expect(Commission.finish(65, stdout: stdout, stderr: &stderr) == 74)
    close(pipe[1])
    let message = FileHandle(fileDescriptor: pipe[0]).readDataToEndOfFile()
    #expect(
      String(decoding: message, as: UTF8.self)
        == "commission: cannot write to standard output: Bad file descriptor\n")
    let written = DescriptorStream(descriptor: pipe[1])
    var unused = DescriptorStream(descriptor: pipe[1])
    #expect(Commission.finish(65, stdout: written, stderr: &unused) == 65)
  }
}

@Suite("--output onto what is not a regular file")
struct DirectOutputTests {
  @Test(
    "a character device made in a temporary folder is written, never replaced",
    .enabled(if: geteuid() == 0, "mknod needs root"),
    arguments: [("c 1 3", 0, ""), ("c 1 7", 73, "No space left on device")])
  func device(_ numbers: String, _ code: Int32, _ reason: String) throws {
    let folder = try temporaryFolder("device")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runShell(
      "mknod \"$T/node\" \(numbers) && exec \"$BIN\" export -q --output \"$T/node\"", in: folder)
    #expect(result.code == code)
    #expect(
      result.stderr
        == (reason.isEmpty ? "" : "commission: cannot write '\(folder.path)/node': \(reason)\n"))
    #expect(fileType(folder.appendingPathComponent("node").path) == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["node"])
  }

  @Test("a FIFO is written through to its reader and stays a FIFO")
  func fifo() throws {
    let folder = try temporaryFolder("fifo")
    defer { try? FileManager.default.removeItem(at: folder) }
    // `timeout`: were the FIFO renamed over, its reader would otherwise wait for ever.
    let result = try runShell(
      "mkfifo \"$T/fifo\" || exit 99; timeout 20 cat \"$T/fifo\" > \"$T/read\" &"
        + " \"$BIN\" export -q --as-of 2016-03-22 --output \"$T/fifo\"; s=$?; wait; exit $s",
      in: folder)
    #expect(result.code == 0)
    #expect(fileType(folder.appendingPathComponent("fifo").path) == S_IFIFO)
    let read = try String(contentsOf: folder.appendingPathComponent("read"), encoding: .utf8)
    #expect(read == commission(["export", "--as-of", "2016-03-22"]).stdout)
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["fifo", "read"])
  }

  @Test("a FIFO with no reader is refused with exit 73 after a second's grace, not waited on")
  func fifoWithoutReader() throws {
    let folder = try temporaryFolder("fifo-no-reader")
    defer { try? FileManager.default.removeItem(at: folder) }
    let start = Date()
    let result = try runShell(
      "mkfifo \"$T/fifo\" || exit 99; exec timeout 20 \"$BIN\" export -q --as-of 2016-03-22"
        + " --output \"$T/fifo\"",
      in: folder)
    #expect(result.code == 73)
    #expect(
      result.stderr
        == "commission: cannot write '\(folder.path)/fifo': no program is reading from it (a FIFO with no reader)\n"
    )
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(fileType(folder.appendingPathComponent("fifo").path) == S_IFIFO)
  }

  @Test("a reader that opens the FIFO within the grace gets every byte of a large output")
  func fifoLateReader() throws {
    let folder = try temporaryFolder("fifo-late-reader")
    defer { try? FileManager.default.removeItem(at: folder) }
    // The reader opens after a fifth of a second and reads slowly: writes must block, not fail.
    let result = try runShell(
      "mkfifo \"$T/fifo\" || exit 99; (sleep 0.2; timeout 20 sh -c 'sleep 0.3; cat' < \"$T/fifo\""
        + " > \"$T/read\") & timeout 20 \"$BIN\" export -q --as-of 2016-03-22 --format json"
        + " --output \"$T/fifo\"; s=$?; wait; exit $s",
      in: folder)
    #expect(result.code == 0)
    let read = try String(contentsOf: folder.appendingPathComponent("read"), encoding: .utf8)
    #expect(read == commission(["export", "--as-of", "2016-03-22", "--format", "json"]).stdout)
    #expect(read.utf8.count > 65_536)
  }

  @Test(
    "names of descriptors are written to the descriptor itself",
    arguments: [
      ("-", 1), ("/dev/stdout", 1), ("/dev/stderr", 2), ("/dev/fd/1", 1), ("/dev/fd/7", 7),
      ("/proc/self/fd/1", 1), ("/dev/null", nil), ("out.csv", nil), ("/dev/fd/x", nil),
    ] as [(String, Int32?)])
  func descriptorNames(_ path: String, _ descriptor: Int32?) {
    #expect(Files.descriptorNamed(path) == descriptor)
  }

  @Test("--output - and /proc/self/fd/1 are standard output, appending where the shell appends")
  func standardOutputNames() throws {
    let plain = commission(["export", "--as-of", "2016-03-22"]).stdout
    #expect(commission(["export", "--as-of", "2016-03-22", "--output", "-"]).stdout == plain)
    let folder = try temporaryFolder("append")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runShell(
      "echo first > \"$T/log\" && exec \"$BIN\" export -q --as-of 2016-03-22"
        + " --output /proc/self/fd/1 >> \"$T/log\"", in: folder)
    #expect(result.code == 0)
    let log = try String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)
    #expect(log == "first\n" + plain)
    #expect(fileType(folder.appendingPathComponent("log").path) == S_IFREG)
  }
}

@Suite("The temporary file and the replaced file")
struct AtomicWriteTests {
  @Test(
    "a write that runs out of room (a file size limit) leaves nothing behind",
    arguments: [("", SIGXFSZ, ""), ("trap '' XFSZ;", 73, "File too large")])
  func outOfRoom(_ trap: String, _ code: Int32, _ reason: String) throws {
    let folder = try temporaryFolder("room")
    defer { try? FileManager.default.removeItem(at: folder) }
    // `ulimit -f 1`: 512 bytes, far less than the export; as a full disk would, mid-write.
    let result = try runShell(
      trap + " ulimit -f 1; exec \"$BIN\" export -q --as-of 2016-03-22 --output \"$T/out.csv\"",
      in: folder)
    #expect(result.code == code)
    #expect(
      result.stderr
        == (reason.isEmpty ? "" : "commission: cannot write '\(folder.path)/out.csv': \(reason)\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  @Test("a symbolic link planted at the old predictable temporary name is not followed")
  func plantedLink() throws {
    let folder = try temporaryFolder("planted")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("precious\n".utf8).write(to: folder.appendingPathComponent("victim"))
    // `exec` keeps the shell's PID, so `$$` is the binary's: the old name was .out.csv.PID.tmp.
    let result = try runShell(
      "ln -s \"$T/victim\" \"$T/.out.csv.$$.tmp\" && exec \"$BIN\" export -q --as-of 2016-03-22"
        + " --output \"$T/out.csv\"", in: folder)
    #expect(result.code == 0)
    #expect(result.stderr == "")
    let victim = try String(contentsOf: folder.appendingPathComponent("victim"), encoding: .utf8)
    #expect(victim == "precious\n")
    #expect(fileType(folder.appendingPathComponent("out.csv").path) == S_IFREG)
    let written = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
    #expect(written == commission(["export", "--as-of", "2016-03-22"]).stdout)
  }

  @Test("temporary names are unpredictable: random, not the process id")
  func unpredictable() throws {
    let tokens = Set((0..<100).map { _ in Files.randomToken() })
    #expect(tokens.count == 100)
    #expect(tokens.allSatisfy { $0.count == 12 && !$0.contains("\(getpid())") })
  }

  @Test(
    "the replaced file keeps its permission bits; a new one gets 0666 & ~umask",
    arguments: [
      ("chmod 600 \"$T/out.csv\";", "022", 0o600), ("chmod 640 \"$T/out.csv\";", "077", 0o640),
      ("rm \"$T/out.csv\";", "027", 0o640), ("rm \"$T/out.csv\";", "022", 0o644),
    ] as [(String, String, mode_t)])
  func permissionsKept(_ setup: String, _ mask: String, _ mode: mode_t) throws {
    let folder = try temporaryFolder("mode")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("old\n".utf8).write(to: folder.appendingPathComponent("out.csv"))
    let result = try runShell(
      setup + " umask \(mask); exec \"$BIN\" export -q --as-of 2016-03-22 --output \"$T/out.csv\"",
      in: folder)
    #expect(result.code == 0)
    #expect(permissions(folder.appendingPathComponent("out.csv").path) == mode)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
  }

  @Test("an output that is a symbolic link is refused, and nothing it points to changes")
  func symbolicLinkOutput() throws {
    let folder = try temporaryFolder("link")
    defer { try? FileManager.default.removeItem(at: folder) }
    let real = folder.appendingPathComponent("real.csv")
    try Data("old\n".utf8).write(to: real)
    let link = folder.appendingPathComponent("link.csv").path
    let dangling = folder.appendingPathComponent("dangling.csv").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real.path)
    try FileManager.default.createSymbolicLink(
      atPath: dangling, withDestinationPath: folder.appendingPathComponent("none").path)
    let toLink = commission(["export", "--output", link])
    #expect(toLink.code == 73)
    #expect(
      toLink.stderr
        == "commission: refusing to write '\(link)': it is a symbolic link; name the file it points to\n"
    )
    let toNothing = commission(["export", "--output", dangling])
    #expect(toNothing.code == 73)
    #expect(
      toNothing.stderr
        == "commission: refusing to write '\(dangling)': it is a symbolic link to a missing file\n")
    #expect(try String(contentsOf: real, encoding: .utf8) == "old\n")
    #expect(fileType(link) == S_IFLNK)
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        == ["real.csv", "link.csv", "dangling.csv"])
  }
}
