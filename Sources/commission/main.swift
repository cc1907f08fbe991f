import CommissionCLI
import Commissioning
import Foundation

// Closed standard descriptors are found and their slots filled before anything is opened.
let closed = StandardStreams.reserve()
SignalCleanup.install()
var environment = Environment(
  currentDirectory: FileManager.default.currentDirectoryPath,
  variables: Environment.processVariables(),
  isTerminal: isatty(STDOUT_FILENO) == 1,
  today: Environment.localToday(),
  executablePath: CommandLine.arguments.first,
  writeStandardError: {
    var stream = DescriptorStream(descriptor: STDERR_FILENO, closed: closed.error)
    stream.write($0)
  })
environment.terminalColumns = Environment.terminalColumns(of: STDOUT_FILENO)
environment.readStandardInputCapped = { limit throws(InputReadError) in
  if closed.input { throw .failed(errno: EBADF) }
  return try StandardStreams.readAll(STDIN_FILENO, limit: limit)
}
// Every byte of output goes through these two checked writers.
var stdout = DescriptorStream(descriptor: STDOUT_FILENO, closed: closed.output)
var stderr = DescriptorStream(descriptor: STDERR_FILENO, closed: closed.error)
let code = Commission.run(
  Array(CommandLine.arguments.dropFirst()), environment: environment, stdout: &stdout,
  stderr: &stderr)
exit(Commission.finish(code, stdout: stdout, stderr: &stderr))
