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

  /// `--department`, matched as `--provider` is: a department the register names (ignoring
  /// case), spelled as it does; or text inside exactly one department's name, taken with a note
  /// on standard error. Inside several, or none, is exit 1 listing them, each quoted, since a
  /// name such as 'Social Care, Health and Wellbeing' holds commas itself.
  static func resolveDepartment(_ text: String, in register: Register, environment: Environment)
    throws(CommandFailure) -> String
  {
    if let name = register.department(named: text) { return name }
    let needle = text.lowercased()
    let containing =
      needle.isEmpty ? [] : register.departments.filter { $0.lowercased().contains(needle) }
    switch containing.count {
    case 1:
      environment.writeStandardError(
        "commission: note: department '\(text)' taken as '\(containing[0])'\n")
      return containing[0]
    case 0:
      throw CommandFailure(
        .failure,
        CloseMatch.refusal(
          "no contract is in department '\(text)'", for: text, in: register.departments,
          noun: "departments", quoted: true))
    default:
      throw CommandFailure(
        .failure,
        "department '\(text)' is part of \(containing.count) departments' names; give one of "
          + containing.map { "'\($0)'" }.joined(separator: ", "))
    }
  }
}
