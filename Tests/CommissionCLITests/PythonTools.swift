import Foundation
import Testing

/// Whether the tests that validate exports with Python packages (`icalendar`, `jsonschema`,
/// `python-docx`, `duckdb`, pip-installed into `.build/validate-venv` when missing) can run here.
///
/// Under `CI=true` they always run, and fail if they cannot: CI must not pass by skipping.
/// Elsewhere they run when the packages are already importable (by `python3` or the venv), or
/// when `python3` has `venv` and `ensurepip` and PyPI answers within two seconds; otherwise the
/// test is skipped with its comment, and the reason is printed, so an offline laptop sees why
/// instead of a failure. The probe is one short Python run, never a pip install.
enum PythonTools {
  static let canValidateExports: Bool = {
    if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
    let venvPython = repositoryRoot.appendingPathComponent(".build/validate-venv/bin/python").path
    let (ready, reason) = probe(venvPython: venvPython)
    if !ready {
      FileHandle.standardError.write(
        Data("note: skipping the Python export validation: \(reason)\n".utf8))
    }
    return ready
  }()

  /// The probe: ready, or why not, in one line.
  static func probe(venvPython: String) -> (Bool, String) {
    let script = """
      import importlib.util, os, socket, subprocess, sys
      need = ("icalendar", "jsonschema", "docx", "duckdb")
      if all(importlib.util.find_spec(m) for m in need):
          print("ready"); sys.exit(0)
      venv = sys.argv[1]
      if os.path.exists(venv) and subprocess.run(
              [venv, "-c", "import icalendar, jsonschema, docx, duckdb"], capture_output=True).returncode == 0:
          print("ready"); sys.exit(0)
      missing = [m for m in ("venv", "ensurepip") if importlib.util.find_spec(m) is None]
      if missing:
          print("python3 has no " + " or ".join(missing) + " to install the validators")
          sys.exit(1)
      try:
          socket.create_connection(("pypi.org", 443), timeout=2).close()
      except OSError as error:
          print(f"pypi.org is unreachable ({error}) to install the validators")
          sys.exit(1)
      print("ready")
      """
    let status: Int32
    let output: String
    do {
      (status, output) = try runTool(["python3", "-c", script, venvPython])
    } catch {
      return (false, "python3 cannot be run (\(error))")
    }
    let line = output.split(separator: "\n").last.map(String.init) ?? ""
    if status == 0 && line == "ready" { return (true, "") }
    return (false, line.isEmpty ? "python3 is not available" : line)
  }
}
