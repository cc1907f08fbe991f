/// Cutting a column's values to a width so that values that differ stay different: the one
/// place every table, timeline label and report column is shortened.
///
/// A value that fits is never cut. A value that does not is cut at the end with `…`, as
/// ``TextTable/fit(_:_:)`` does, unless another value would then read the same; those keep the
/// part that tells them apart after the `…` (`School Public Heal…(Swale)`): the words from where
/// the value parts from its closest rival when they fit, else the shortest run of whole words at
/// the end that no other value ends with (grown by words while the head keeps half the width),
/// else the shortest run of characters that no other value ends with.
public enum Abbreviation {
  /// Each value at most `width` characters, in the order given; values that differ come back
  /// different whenever the width allows it (equal values, equally).
  /// - Complexity: O(n · m) for n values of length m, and more only for values that collide.
  public static func distinct(_ values: [String], width: Int) -> [String] {
    var shown: [String: String] = [:]
    var byCut: [String: [String]] = [:]
    for value in values where shown[value] == nil {
      let cut = TextTable.fit(value, width)
      shown[value] = cut
      if cut != value { byCut[cut, default: []].append(value) }
    }
    for (cut, group) in byCut where group.count > 1 || shown[cut] == cut {
      // The values whose plain cut reads the same (and an uncut value it would copy).
      let rivals = shown[cut] == cut ? group + [cut] : group
      for value in group {
        shown[value] = distinguished(value, from: rivals.filter { $0 != value }, width: width)
      }
    }
    return values.map { shown[$0] ?? $0 }
  }

  /// `value` cut to `width` with the end that no rival shares kept after the `…`.
  static func distinguished(_ value: String, from rivals: [String], width: Int) -> String {
    let characters = Array(value.singleLine)
    guard characters.count > width, width >= 3 else { return TextTable.fit(value, width) }
    let minimumHead = max(1, min(6, width / 3))
    func head(_ room: Int) -> String {
      var text = String(characters.prefix(room))
      while text.last == " " { text.removeLast() }
      return text
    }
    func unshared(_ tail: String) -> Bool { !rivals.contains { $0.singleLine.hasSuffix(tail) } }
    // Word starts, the last first, so the shortest tails come first.
    let starts = characters.indices.dropFirst().reversed().filter {
      characters[$0 - 1] == " " && characters[$0] != " "
    }
    // Best: from the word where the value first parts from its closest rival.
    let parting =
      rivals.map { rival in
        zip(characters, rival.singleLine).prefix { $0 == $1 }.count
      }.max() ?? 0
    if let start = starts.first(where: { $0 <= parting }),
      width - 1 - (characters.count - start) >= minimumHead,
      unshared(String(characters[start...]))
    {
      return head(width - 1 - (characters.count - start)) + "…" + String(characters[start...])
    }
    for (n, start) in starts.enumerated() {
      let room = width - 1 - (characters.count - start)
      guard room >= minimumHead else { break }
      guard unshared(String(characters[start...])) else { continue }
      // Grow the tail by whole words while the head keeps half the width.
      var chosen = start
      for longer in starts.dropFirst(n + 1)
      where width - 1 - (characters.count - longer) >= width / 2 {
        chosen = longer
      }
      return head(width - 1 - (characters.count - chosen)) + "…" + String(characters[chosen...])
    }
    for length in 1...(width - 2) {
      let tail = String(characters.suffix(length))
      guard unshared(tail) else { continue }
      // A lone `)` tells little: widen to the word it ends (`(NRS)`) when the head keeps room.
      let cut = characters.count - length
      if let start = starts.first(where: { $0 <= cut }),
        width - 1 - (characters.count - start) >= minimumHead
      {
        return head(width - 1 - (characters.count - start)) + "…" + String(characters[start...])
      }
      return head(width - 1 - length) + "…" + tail
    }
    return TextTable.fit(value, width)
  }
}
