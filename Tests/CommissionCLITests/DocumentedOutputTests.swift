import Foundation
import Testing

/// Every `$ swift run commission …` example in the README and the DocC catalogue prints what
/// the page says it prints, so the documentation cannot drift from the tool.
///
/// A block printed whole must match line for line; a block with lines of only `…` left out
/// must hold each line it shows, in order. Examples that write files (`--output`) are not run.
@Suite("Documented output is real output")
struct DocumentedOutputTests {
  struct Example: CustomTestStringConvertible, Sendable {
    var page: String
    var line: Int
    var arguments: [String]
    var shown: [String]
    var testDescription: String { "\(page):\(line) \(arguments.joined(separator: " "))" }
  }

  static let pages: [String] = {
    let catalogue = repositoryRoot.appendingPathComponent(
      "Sources/Commissioning/Commissioning.docc")
    let articles =
      (try? FileManager.default.contentsOfDirectory(atPath: catalogue.path))?
      .filter { $0.hasSuffix(".md") }.sorted()
      .map { "Sources/Commissioning/Commissioning.docc/" + $0 } ?? []
    return ["README.md", "Examples/README.md"] + articles
  }()

  static let examples: [Example] = pages.flatMap { page -> [Example] in
    guard
      let text = try? String(
        contentsOf: repositoryRoot.appendingPathComponent(page), encoding: .utf8)
    else { return [] }
    return examples(in: text, page: page)
  }

  /// The examples in a page: each `$ swift run commission` line (with `\` continuations) and
  /// the lines after it up to the next command or the end of its fenced block.
  static func examples(in text: String, page: String) -> [Example] {
    let lines = text.components(separatedBy: "\n")
    var found: [Example] = []
    var inFence = false
    var current: Example?
    var command = ""
    for (index, line) in lines.enumerated() {
      if line.hasPrefix("```") {
        if let done = current { found.append(done) }
        current = nil
        inFence.toggle()
        continue
      }
      guard inFence else { continue }
      if !command.isEmpty {
        command += " " + line.trimmingCharacters(in: .whitespaces)
      } else if line.hasPrefix("$ swift run commission") {
        if let done = current { found.append(done) }
        current = nil
        command = line
      } else {
        current?.shown.append(line)
        continue
      }
      if command.hasSuffix("\\") {
        command.removeLast()
        continue
      }
      let words = shellWords(String(command.dropFirst(2)))
      current = Example(
        page: page, line: index + 1, arguments: Array(words.dropFirst(3)), shown: [])
      command = ""
    }
    // Not run: examples that write files, pipe into another program, or read a file an
    // earlier example wrote (`cf.csv`).
    return found.filter { example in
      !example.arguments.contains { ["--output", "|", "&&"].contains($0) }
        && !example.arguments.contains { argument in
          (argument.hasSuffix(".csv") || argument.hasSuffix(".json"))
            && !FileManager.default.fileExists(
              atPath: repositoryRoot.appendingPathComponent(argument).path)
        }
    }
  }

  /// Words as a POSIX shell splits them, for the quoting the examples use.
  static func shellWords(_ text: String) -> [String] {
    var words: [String] = []
    var word = ""
    var quote: Character?
    var started = false
    for character in text {
      if let open = quote {
        if character == open { quote = nil } else { word.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        started = true
      } else if character == " " {
        if started || !word.isEmpty { words.append(word) }
        word = ""
        started = false
      } else {
        word.append(character)
      }
    }
    if started || !word.isEmpty { words.append(word) }
    return words
  }

  @Test("the pages hold examples to check") func pagesHoldExamples() {
    #expect(Self.examples.contains { $0.page == "README.md" })
    #expect(Self.examples.contains { $0.page.hasSuffix("Tour.md") })
    #expect(Self.examples.count >= 15)
  }

  @Test("each documented example prints what its page shows", arguments: examples)
  func example(_ example: Example) {
    let result = commission(example.arguments, variables: ["COLUMNS": "100"])
    // Calendars end lines with CRLF; a page shows lines.
    var printed = (result.stdout + result.stderr).replacingOccurrences(of: "\r\n", with: "\n")
      .components(separatedBy: "\n")
    while printed.last == "" { printed.removeLast() }
    let shown = example.shown
    if !shown.contains(where: { $0.trimmingCharacters(in: .whitespaces) == "…" }) {
      #expect(printed == shown, "\(example.page):\(example.line)")
      return
    }
    // Abbreviated: each shown line appears, in order.
    var rest = printed[...]
    for line in shown where line.trimmingCharacters(in: .whitespaces) != "…" {
      guard let at = rest.firstIndex(of: line) else {
        Issue.record(
          Comment(
            rawValue: "\(example.page):\(example.line): not printed, or out of order: \(line)\n"
              + Array(printed.prefix(12)).joined(separator: "\n")))
        return
      }
      rest = rest[(at + 1)...]
    }
  }

  @Test(
    "shell words: quotes group, and a quoted empty word is kept",
    arguments: [
      ("a b  c", ["a", "b", "c"]), ("a 'b c' d", ["a", "b c", "d"]),
      ("a \"b c\"", ["a", "b c"]), ("a ''", ["a", ""]),
    ])
  func words(text: String, expected: [String]) {
    #expect(Self.shellWords(text) == expected)
  }
}
