import Foundation
import Testing

@testable import CommissionCLI

@Suite("The input size cap")
struct InputCapTests {
  /// A register of exactly 1,024 bytes with one contract and nothing to warn about.
  static let register: String = {
    let head = "service,end\n"
    let tail = ",2017-03-31\n"
    return head + String(repeating: "x", count: 1024 - head.utf8.count - tail.utf8.count) + tail
  }()

  /// The cap, and the exit code for the 1,024-byte register: one byte over the cap fails.
  static let boundary: [(String, Int32)] = [("1023", 65), ("1K", 0), ("1025", 0)]

  static func message(_ name: String, _ cap: String) -> String {
    "commission: '\(name)' is larger than the input size cap of \(cap == "1023" ? "1023 bytes" : cap); raise it with --max-input-size\n"
  }

  @Test(
    "a file: at the cap or under passes, one byte over is exit 65 naming it", arguments: boundary)
  func file(_ cap: String, _ code: Int32) throws {
    #expect(Self.register.utf8.count == 1024)
    let folder = try temporaryFolder("cap")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(Self.register.utf8).write(to: folder.appendingPathComponent("r.csv"))
    let result = commission(["check", "r.csv", "--max-input-size", cap], directory: folder)
    #expect(result.code == code)
    #expect(result.stderr == (code == 0 ? "" : Self.message("r.csv", cap)))
  }

  @Test("standard input, in process and through the binary: the same boundary", arguments: boundary)
  func standardInput(_ cap: String, _ code: Int32) throws {
    let inProcess = commission(["check", "-", "--max-input-size=\(cap)"], stdin: Self.register)
    #expect(inProcess.code == code)
    #expect(inProcess.stderr == (code == 0 ? "" : Self.message("<stdin>", cap)))
    let (_, err, binaryCode) = try runBinary(
      ["check", "-", "--max-input-size", cap], stdin: Data(Self.register.utf8))
    #expect(binaryCode == code)
    #expect(err == (code == 0 ? "" : Self.message("<stdin>", cap)))
  }

  /// The read's chunk is sized from the hint (a file's stated size) or 64 KiB; a hint that is
  /// wrong (the file grew or shrank, or a pipe gives none) must not change what is read.
  @Test(
    "reading whole: any size hint gives every byte, and one byte over the limit is refused",
    arguments: [0, 1, 65_535, 65_536, 199_999, 200_000, 200_001, 5_000_000])
  func readAllWithHint(_ hint: Int) throws {
    let folder = try temporaryFolder("hint")
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
    let path = folder.appendingPathComponent("f").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    for (limit, whole) in [(200_000, true), (199_999, false)] {
      let descriptor = open(path, O_RDONLY)
      #expect(descriptor >= 0)
      defer { close(descriptor) }
      let read = Result { () throws(InputReadError) in
        try StandardStreams.readAll(descriptor, limit: limit, sizeHint: hint)
      }
      if whole {
        #expect((try? read.get()) == bytes, "hint \(hint), limit \(limit)")
      } else {
        #expect(throws: InputReadError.tooLarge) { try read.get() }
      }
    }
  }

  @Test(
    "an endless input (yes a,b) stops at the cap, from a pipe or a FIFO",
    arguments: [
      ("yes a,b | exec \"$BIN\" check - --max-input-size 1M", "<stdin>"),
      (
        "mkfifo \"$T/in\" || exit 99; yes a,b > \"$T/in\" & exec \"$BIN\" check \"$T/in\" --max-input-size 1M",
        "$T/in"
      ),
    ])
  func endless(_ script: String, _ name: String) throws {
    let folder = try temporaryFolder("endless")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runShell(script, in: folder)
    #expect(result.code == 65)
    let shown = name.replacingOccurrences(of: "$T", with: folder.path)
    #expect(result.stderr == Self.message(shown, "1M"))
  }

  @Test(
    "--max-input-size: bytes, or K, M, G, T (powers of 1024), at least one byte",
    arguments: [
      ("1", 1), ("1023", 1023), ("1K", 1024), ("1k", 1024), ("512M", 512 << 20), ("4G", 4 << 30),
      ("2t", 2 << 40), ("8388607T", 8_388_607 << 40), ("8388608T", nil), ("0", nil), ("-1", nil),
      ("1.5G", nil), ("K", nil), ("1KB", nil), ("", nil), ("4 G", nil), ("١", nil),
    ] as [(String, Int?)])
  func sizes(_ text: String, _ bytes: Int?) {
    #expect(Invocation.size(text) == bytes)
    #expect((try? Invocation.parse(["check", "--max-input-size", text]))?.maxInputSize == bytes)
  }

  @Test("a bad size is a usage error naming the flag")
  func badSize() {
    let result = commission(["check", "--max-input-size", "0"])
    #expect(result.code == 64)
    #expect(
      result.stderr.hasPrefix(
        "commission: the value '0' is invalid for '--max-input-size <size>'; use bytes or a size with K, M, G or T, like 4G\n"
      ))
  }

  @Test(
    "sizes are shown in the largest unit that divides them",
    arguments: [
      (1023, "1023 bytes"), (1024, "1K"), (1536, "1536 bytes"), (3 << 29, "1536M"),
      (1 << 30, "1G"), (2 << 40, "2T"),
    ])
  func shown(_ bytes: Int, _ text: String) {
    #expect(Invocation.sizeText(bytes) == text)
  }

  @Test("the default cap is 1 GiB, and --help says so")
  func defaultCap() {
    #expect(Files.defaultMaxInputSize == 1 << 30)
    #expect(Environment(currentDirectory: "/", today: fixedToday).maxInputSize == 1 << 30)
    #expect(commission(["--help"]).stdout.contains("--max-input-size SIZE"))
    #expect(commission(["--help"]).stdout.contains("(default: 1G)"))
  }
}
