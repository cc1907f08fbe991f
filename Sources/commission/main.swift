import CommissionCLI
import Commissioning
import Foundation

/// Standard output and error as text streams.
struct FileStream: TextOutputStream {
  let handle: FileHandle
  mutating func write(_ string: String) { handle.write(Data(string.utf8)) }
}

SignalCleanup.install()
let now = Date().timeIntervalSince1970
let offset = TimeZone.current.secondsFromGMT()
let today = Day(ordinal: Int(((now + Double(offset)) / 86_400).rounded(.down)))
let environment = Environment(
  currentDirectory: FileManager.default.currentDirectoryPath,
  variables: ProcessInfo.processInfo.environment,
  isTerminal: isatty(STDOUT_FILENO) == 1,
  today: today,
  executablePath: CommandLine.arguments.first,
  readStandardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
  writeStandardError: { FileHandle.standardError.write(Data($0.utf8)) })
var stdout = FileStream(handle: .standardOutput)
var stderr = FileStream(handle: .standardError)
exit(
  Commission.run(
    Array(CommandLine.arguments.dropFirst()), environment: environment, stdout: &stdout,
    stderr: &stderr))
