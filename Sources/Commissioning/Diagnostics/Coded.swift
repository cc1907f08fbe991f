/// A result a person reads and a program acts on: a flag on a proposal, an assumption, a check on
/// a draft record, the rule that set a deadline.
///
/// Each is a case of an enum with a stable kebab-case ``code`` and its parameters; text and
/// Markdown show ``message``, and JSON carries all three (`{"code", ...parameters, "message"}`),
/// so a script never parses a sentence and a rule's wording can change without breaking one.
/// Every code is listed in the catalogue's Codes article.
public protocol Coded: Sendable {
  /// Stable, kebab-case: `beyond-options`, `notice-clear-days`.
  var code: String { get }
  /// The figures the message is made from, as JSON values under camelCase keys.
  var parameters: [(String, JSON)] { get }
  /// The sentence a person reads.
  var message: String { get }
}

extension Coded {
  /// `{"code": ..., parameters..., "message": ...}`.
  public var json: JSON {
    .object([("code", .string(code))] + parameters + [("message", .string(message))])
  }
}
