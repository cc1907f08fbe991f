import Commissioning
import Foundation
import Testing

@testable import CommissionCLI

/// What `main.swift` reads from the world before a command runs, read the cheap way (libc, not
/// Foundation's time zones, environment copy and URLs): each must agree with what Foundation says.
@Suite("Start-up")
struct StartupTests {
  @Test("the environment read from environ is ProcessInfo's, name for name")
  func variables() {
    let ours = Environment.processVariables()
    #expect(!ours.isEmpty)
    #expect(ours == ProcessInfo.processInfo.environment)
  }

  @Test("today is the local calendar day Foundation's current time zone gives")
  func today() {
    let before = Self.foundationToday(TimeZone.current)
    let ours = Environment.localToday()
    let after = Self.foundationToday(TimeZone.current)
    #expect(ours == before || ours == after)
  }

  @Test(
    "the binary's system date in a zone 14 hours ahead, 11 behind, and on the half and quarter hour",
    arguments: [
      "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns", "Asia/Kathmandu",
      "Europe/London", "Australia/Lord_Howe",
    ])
  func zone(_ identifier: String) throws {
    let zone = try #require(TimeZone(identifier: identifier))
    let before = try #require(Self.foundationToday(zone))
    let json = try Self.runWith(
      zone: identifier, ["expiring", "--by", "2030-01-01", "--format", "json"])
    let after = try #require(Self.foundationToday(zone))
    let asOf = try #require(json.split(separator: "\n").first { $0.contains("\"asOf\"") })
    #expect(asOf.contains("\"\(before.iso)\"") || asOf.contains("\"\(after.iso)\""))
  }

  @Test(
    "TZ in POSIX form (an offset, or ':' and a zone's file) is honoured, as date(1) does",
    arguments: [("<+14>-14", 14), ("<-11>11", -11), (":Pacific/Kiritimati", 14), ("UTC0", 0)])
  func posixZone(_ value: String, _ hours: Int) throws {
    let zone = try #require(TimeZone(secondsFromGMT: hours * 3600))
    let before = try #require(Self.foundationToday(zone))
    let json = try Self.runWith(
      zone: value, ["expiring", "--by", "2030-01-01", "--format", "json"])
    let after = try #require(Self.foundationToday(zone))
    let asOf = try #require(json.split(separator: "\n").first { $0.contains("\"asOf\"") })
    #expect(asOf.contains("\"\(before.iso)\"") || asOf.contains("\"\(after.iso)\""))
  }

  @Test(
    "a folder's name is its last component, as URL says",
    arguments: [
      "/", "/work/Contracts/kent-2016-03", "/a", "/tmp/a b/50% spent", "/x/Gwasanaethau Môn",
      "/x/é\u{301}",
    ])
  func lastComponent(_ path: String) {
    #expect(Files.lastComponent(of: path) == URL(fileURLWithPath: path).lastPathComponent)
  }

  @Test("with no register named, the bundled register above the current folder comes first")
  func bundledAboveCurrentFolder() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("startup-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let register = folder.appendingPathComponent("Contracts/kent-2016-03")
    try FileManager.default.createDirectory(at: register, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Contracts/kent-2016-03/eyps-external.csv"),
      to: register.appendingPathComponent("eyps-external.csv"))
    let inside = folder.appendingPathComponent("Contracts").path
    let binary = repositoryRoot.appendingPathComponent(".build/debug/commission").path
    let run = Self.check(from: inside, executable: binary)
    // The folder's own copy (one file), shown from the current folder.
    #expect(run.stdout.hasPrefix("kent-2016-03/eyps-external.csv:"))
    #expect(!run.stdout.contains("camhs.csv"))
    #expect(!run.stdout.contains(repositoryRoot.path))
    // From a folder inside the repository, the repository's register (outside the current
    // folder, so shown whole).
    let sources = Self.check(
      from: repositoryRoot.appendingPathComponent("Sources").path, executable: "/nonexistent/c")
    #expect(sources.code == 0)
    let whole = repositoryRoot.path + "/Contracts/kent-2016-03/eyps-external.csv:"
    #expect(sources.stdout.contains(whole))
  }

  @Test("when the current folder has none above it, the bundled register beside the binary")
  func bundledBesideBinary() {
    let run = Self.check(
      from: "/", executable: repositoryRoot.appendingPathComponent(".build/debug/commission").path)
    #expect(run.code == 0)
    #expect(run.stdout.contains(repositoryRoot.path + "/Contracts/kent-2016-03/"))
  }

  @Test("with neither, the bundled register is not found: 66 and one line")
  func bundledNowhere() {
    let run = Self.check(from: "/", executable: "/nonexistent/commission")
    #expect(run.code == 66)
    #expect(run.stderr.hasPrefix("commission: no register given and the bundled register"))
  }

  /// `check` on the bundled register, in-process, from `directory` with the binary at
  /// `executable`.
  static func check(from directory: String, executable: String) -> RunResult {
    let environment = Environment(
      currentDirectory: directory, today: fixedToday, executablePath: executable)
    var out = ""
    var err = ""
    let code = Commission.run(["check"], environment: environment, stdout: &out, stderr: &err)
    return RunResult(stdout: out, stderr: err, code: code)
  }

  /// The local day now in `zone`, by Foundation's calendar.
  static func foundationToday(_ zone: TimeZone) -> Day? {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// Runs the built binary from the repository root with `TZ` set, standard output only.
  static func runWith(zone: String, _ arguments: [String]) throws -> String {
    let binary = try #require(builtBinary(), "the commission binary was not built")
    let run = runTestBinary(
      binary, arguments, stdin: "", directory: repositoryRoot,
      ["TZ": zone, "PATH": "/usr/bin:/bin"])
    #expect(run.code == 0, "\(run.stderr)")
    return run.stdout
  }
}
