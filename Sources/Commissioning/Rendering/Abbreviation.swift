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
  /// Each value at most `width` screen columns (``DisplayWidth``), in the order given; values
  /// that differ come back different whenever the width allows it (equal values, equally).
  ///
  /// Two cuts that differ only in letter case or spacing read the same to a person, so they are
  /// treated as the same cut and both keep their distinguishing ends.
  /// - Complexity: O(n log n) comparisons for n values, however many cut alike.
  public static func distinct(_ values: [String], width: Int) -> [String] {
    var shown: [String: String] = [:]
    var byCut: [String: [String]] = [:]
    // An uncut value, by how it reads, that a cut might copy.
    var uncut: [String: String] = [:]
    for value in values where shown[value] == nil {
      let cut = TextTable.fit(value, width)
      shown[value] = cut
      if cut != value {
        byCut[reading(cut), default: []].append(value)
      } else {
        uncut[reading(cut)] = value
      }
    }
    for (cut, group) in byCut where group.count > 1 || uncut[cut] != nil {
      // The values whose plain cut reads the same (and an uncut value it would copy).
      let rivals = group + (uncut[cut].map { [$0] } ?? [])
      // How far each runs alike with its closest rival, from the start (case aside) and from
      // the end (as it reads).
      let parting = longestShared(rivals.map { Array($0.singleLine).map { $0.lowercased() } })
      let sharedEnd = longestShared(rivals.map { Array(reading($0.singleLine).reversed()) })
      for (index, value) in group.enumerated() {
        shown[value] = distinguished(
          value, parting: parting[index], sharedEnd: sharedEnd[index], width: width)
      }
    }
    return values.map { shown[$0] ?? $0 }
  }

  /// How text reads to a person: letter case ignored and each run of spaces read as one (kept
  /// at the ends, so a tail that starts with a space is still told from one that does not).
  static func reading(_ text: String) -> String {
    if let plain = plainReading(text) { return plain }
    var out = ""
    var spaced = false
    for character in text.lowercased() {
      if character.isWhitespace {
        if !spaced { out.append(" ") }
        spaced = true
      } else {
        out.append(character)
        spaced = false
      }
    }
    return out
  }

  /// ``reading(_:)`` a scalar at a time, for text of ASCII and the few signs a cut or a
  /// value adds (`…`, `£`, `€`, dashes and quotes), none cased, none whitespace and none
  /// joining a grapheme: the same answer (ASCII whitespace is tab to carriage return and the
  /// space; a CR LF is one run) without a `Character` at a time; `nil` for any other text.
  static func plainReading(_ text: String) -> String? {
    var out = String.UnicodeScalarView()
    var spaced = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value == 0x20 || (0x09...0x0D).contains(value) {
        if !spaced { out.append(" ") }
        spaced = true
        continue
      }
      if value >= 0x80, value != 0xA3, value != 0x20AC, !(0x2010...0x2027).contains(value) {
        return nil
      }
      let lower = (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value) + 0x20) : scalar
      out.append(lower)
      spaced = false
    }
    return String(out)
  }

  /// For each text, the longest prefix it shares with any other: found among its neighbours in
  /// sorted order, where the longest shared prefix always is, so a column of 100,000 names that
  /// cut alike costs a sort, not every pair (which took minutes).
  /// - Complexity: O(n log n) comparisons of texts.
  static func longestShared<Element: Comparable>(_ texts: [[Element]]) -> [Int] {
    let order = texts.indices.sorted { texts[$0].lexicographicallyPrecedes(texts[$1]) }
    var longest = [Int](repeating: 0, count: texts.count)
    for (a, b) in zip(order, order.dropFirst()) {
      let shared = zip(texts[a], texts[b]).prefix { $0 == $1 }.count
      longest[a] = max(longest[a], shared)
      longest[b] = max(longest[b], shared)
    }
    return longest
  }

  /// `value` cut to `width` columns with the end that no rival shares kept after the `…`, given
  /// how far it runs alike with its closest rival from the start (`parting`, in characters, case
  /// aside) and from the end (`sharedEnd`, in characters as it reads): a tail that reads longer
  /// than `sharedEnd` is the value's own.
  static func distinguished(_ value: String, parting: Int, sharedEnd: Int, width: Int) -> String {
    let characters = Array(value.singleLine)
    // tails[i]: the columns characters[i...] takes.
    var tails = [Int](repeating: 0, count: characters.count + 1)
    for i in characters.indices.reversed() {
      tails[i] = tails[i + 1] + DisplayWidth.of(characters[i])
    }
    guard tails[0] > width, width >= 3 else { return TextTable.fit(value, width) }
    let minimumHead = max(1, min(6, width / 3))
    func room(_ start: Int) -> Int { width - 1 - tails[start] }
    func head(_ room: Int) -> String {
      var text = String(characters).prefix(displayWidth: room)
      while text.last == " " { text.removeLast() }
      return text
    }
    func cut(at start: Int) -> String { head(room(start)) + "…" + String(characters[start...]) }
    func unshared(_ start: Int) -> Bool {
      reading(String(characters[start...])).count > sharedEnd
    }
    // Word starts, the last first, so the shortest tails come first.
    let starts = characters.indices.dropFirst().reversed().filter {
      characters[$0 - 1] == " " && characters[$0] != " "
    }
    // Best: from the word where the value first parts from its closest rival (case aside).
    if let start = starts.first(where: { $0 <= parting }), room(start) >= minimumHead,
      unshared(start)
    {
      return cut(at: start)
    }
    for (n, start) in starts.enumerated() {
      guard room(start) >= minimumHead else { break }
      guard unshared(start) else { continue }
      // Grow the tail by whole words while the head keeps half the width.
      var chosen = start
      for longer in starts.dropFirst(n + 1) where room(longer) >= width / 2 {
        chosen = longer
      }
      return cut(at: chosen)
    }
    var start = characters.count - 1
    while start >= 0, tails[start] <= width - 2 {
      defer { start -= 1 }
      guard unshared(start) else { continue }
      // A lone `)` tells little: widen to the word it ends (`(NRS)`) when the head keeps room.
      if let word = starts.first(where: { $0 <= start }), room(word) >= minimumHead {
        return cut(at: word)
      }
      return cut(at: start)
    }
    return TextTable.fit(value, width)
  }
}
