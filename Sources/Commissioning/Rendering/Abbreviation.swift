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
  /// - Complexity: O(n log n) comparisons for n values, however many cut alike.
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
      let texts = rivals.map { Array($0.singleLine) }
      let parting = longestShared(texts)
      let shared = longestShared(texts.map { Array($0.reversed()) })
      for (index, value) in group.enumerated() {
        shown[value] = distinguished(
          texts[index], parting: parting[index], sharedEnd: shared[index], width: width)
      }
    }
    return values.map { shown[$0] ?? $0 }
  }

  /// For each text, the longest prefix it shares with any other: found among its neighbours in
  /// sorted order, where the longest shared prefix always is, so a column of 100,000 names that
  /// cut alike costs a sort, not every pair (which took minutes).
  /// - Complexity: O(n log n) comparisons of texts.
  static func longestShared(_ texts: [[Character]]) -> [Int] {
    let order = texts.indices.sorted { texts[$0].lexicographicallyPrecedes(texts[$1]) }
    var longest = [Int](repeating: 0, count: texts.count)
    for (a, b) in zip(order, order.dropFirst()) {
      let shared = zip(texts[a], texts[b]).prefix { $0 == $1 }.count
      longest[a] = max(longest[a], shared)
      longest[b] = max(longest[b], shared)
    }
    return longest
  }

  /// `value` cut to `width` with the end that no rival shares kept after the `…`, given how
  /// far it runs alike with its closest rival from the start (`parting`) and from the end
  /// (`sharedEnd`): a tail longer than `sharedEnd` is the value's own.
  static func distinguished(
    _ characters: [Character], parting: Int, sharedEnd: Int, width: Int
  ) -> String {
    guard characters.count > width, width >= 3 else {
      return TextTable.fit(String(characters), width)
    }
    let minimumHead = max(1, min(6, width / 3))
    func head(_ room: Int) -> String {
      var text = String(characters.prefix(room))
      while text.last == " " { text.removeLast() }
      return text
    }
    func unshared(_ start: Int) -> Bool { characters.count - start > sharedEnd }
    // Word starts, the last first, so the shortest tails come first.
    let starts = characters.indices.dropFirst().reversed().filter {
      characters[$0 - 1] == " " && characters[$0] != " "
    }
    // Best: from the word where the value first parts from its closest rival.
    if let start = starts.first(where: { $0 <= parting }),
      width - 1 - (characters.count - start) >= minimumHead,
      unshared(start)
    {
      return head(width - 1 - (characters.count - start)) + "…" + String(characters[start...])
    }
    for (n, start) in starts.enumerated() {
      let room = width - 1 - (characters.count - start)
      guard room >= minimumHead else { break }
      guard unshared(start) else { continue }
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
      guard unshared(characters.count - length) else { continue }
      // A lone `)` tells little: widen to the word it ends (`(NRS)`) when the head keeps room.
      let cut = characters.count - length
      if let start = starts.first(where: { $0 <= cut }),
        width - 1 - (characters.count - start) >= minimumHead
      {
        return head(width - 1 - (characters.count - start)) + "…" + String(characters[start...])
      }
      return head(width - 1 - length) + "…" + tail
    }
    return TextTable.fit(String(characters), width)
  }
}
