import Foundation
import Testing

@testable import CommissionCLI

@Suite("Shell completion scripts")
struct CompletionTests {
  /// Runs `shell` with `arguments`, the script in a file named by `$SCRIPT`.
  static func run(_ shell: String, _ arguments: [String], script: String) throws -> (
    status: Int32, output: String
  ) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "commission-completion-\(UUID().uuidString)")
    try Data(script.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try runTool([shell] + arguments.map { $0 == "$SCRIPT" ? file.path : $0 })
  }

  static func installed(_ shell: String) -> Bool {
    let found = ["/bin", "/usr/bin", "/usr/local/bin"].contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(shell)")
    }
    // Under CI the shells are installed (`.ci/run`): a missing one fails the check, not skips it.
    if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
    if !found {
      FileHandle.standardError.write(
        Data("note: \(shell) is not installed; its completion script is not checked\n".utf8))
    }
    return found
  }

  @Test("commission completion SHELL prints the script; a bad shell is a usage error")
  func command() {
    for shell in Completion.Shell.allCases {
      let result = commission(["completion", shell.rawValue])
      #expect(result.code == 0)
      #expect(result.stdout == Completion.script(for: shell))
      #expect(result.stdout.contains("commission"))
    }
    let bad = commission(["completion", "tcsh"])
    #expect(bad.code == 64)
    #expect(
      bad.stderr.hasPrefix("commission: the value 'tcsh' is invalid for 'completion <shell>'"))
    #expect(commission(["completion"]).code == 64)
  }

  @Test("the bash script passes bash -n")
  func bashSyntax() throws {
    let result = try Self.run("bash", ["-n", "$SCRIPT"], script: Completion.bash)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test(
    "sourced in bash, it completes commands, flags and fixed values",
    arguments: [
      (["commission", "ex"], "expiring export"),
      (["commission", "expi"], "expiring"),
      (["commission", "expiring", "--b"], "--by"),
      (["commission", "expiring", "--dep"], "--department"),
      (["commission", "gantt", "--format", ""], "text svg json"),
      (["commission", "gantt", "--scale", "q"], "quarter"),
      (["commission", "completion", "b"], "bash"),
      (["commission", "--vers"], "--version"),
      (["commission", "check", "--by"], ""),
      // Invoked by a path: bash finds `complete -F _commission commission` by the last part.
      (["./commission", "expi"], "expiring"),
      (["/usr/local/bin/commission", "expiring", "--dep"], "--department"),
      (["/usr/local/bin/commission", "whatif", "--unt"], "--until"),
    ])
  func bashCompletes(words: [String], expected: String) throws {
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let driver = """
      source "$1"
      COMP_WORDS=(\(quoted))
      COMP_CWORD=\(words.count - 1)
      COMPREPLY=()
      _commission
      echo "${COMPREPLY[*]}"
      """
    let result = try Self.run("bash", ["-c", driver, "bash", "$SCRIPT"], script: Completion.bash)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output == expected + "\n", "\(words)")
  }

  @Test("the zsh script passes zsh -n", .enabled(if: installed("zsh"), "zsh is not installed"))
  func zshSyntax() throws {
    let result = try Self.run("zsh", ["-n", "$SCRIPT"], script: Completion.zsh)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test("the fish script passes fish -n", .enabled(if: installed("fish"), "fish is not installed"))
  func fishSyntax() throws {
    let result = try Self.run("fish", ["-n", "$SCRIPT"], script: Completion.fish)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test("every command and every flag of a command is in its scripts")
  func scriptsCarryTheTable() {
    for command in CommandName.allCases {
      #expect(Completion.bash.contains(command.rawValue))
      for flag in Flags.own(command) {
        #expect(Completion.bash.contains(flag), "bash lacks \(flag)")
        let option = flag.hasPrefix("--") ? "-l \(flag.dropFirst(2))" : "-s \(flag.dropFirst())"
        #expect(
          Completion.fish.contains("from \(command.rawValue)' \(option)"),
          "fish lacks \(command) \(flag)")
      }
    }
  }
}
