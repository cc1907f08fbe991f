import Commissioning

extension Commission {
  /// `--provider`: a provider the register names, exactly or through an alias; or part of
  /// exactly one provider's name, taken with a note on standard error. Unknown or ambiguous
  /// is exit 1, as an unknown `--group` is, never an empty answer that looks like "none end".
  static func resolveProvider(_ text: String, in register: Register, environment: Environment)
    throws(CommandFailure) -> String
  {
    switch register.matchProvider(text) {
    case .exact(let name): return name
    case .partial(let name):
      environment.writeStandardError("commission: note: provider '\(text)' taken as '\(name)'\n")
      return name
    case .ambiguous(let names):
      throw CommandFailure(
        .failure,
        "provider '\(text)' is part of \(names.count) providers' names; give one of "
          + names.map { "'\($0)'" }.joined(separator: ", "))
    case .unknown(let close):
      throw CommandFailure(
        .failure,
        "no contract has provider '\(text)'"
          + (close.isEmpty
            ? "; see the providers with: commission export --format csv"
            : "; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"))
    }
  }

  /// `--department`: a department the register names (ignoring case), spelled as it does.
  static func resolveDepartment(_ text: String, in register: Register) throws(CommandFailure)
    -> String
  {
    if let name = register.department(named: text) { return name }
    throw CommandFailure(
      .failure,
      CloseMatch.refusal(
        "no contract is in department '\(text)'", for: text, in: register.departments,
        noun: "departments"))
  }
}
