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
    distinct(values, width: width, plainFast: true)
  }

  /// ``distinct(_:width:)`` a `Character` at a time for every value: the general path, kept
  /// callable so the byte path for plain text can be checked against it.
  static func characterDistinct(_ values: [String], width: Int) -> [String] {
    distinct(values, width: width, plainFast: false)
  }

  /// ``distinct(_:width:)``; with `plainFast`, rivals that are all caseless plain text
  /// (``Swift/String/isCaselessPlain``) are compared and cut by their bytes, the same answer
  /// without a one-character `String` per character (30% of a 100k-row Gantt's time).
  static func distinct(_ values: [String], width: Int, plainFast: Bool) -> [String] {
    // Each value once, first seen first (canonically equal values as one, as a `String` key
    // is); then every value is hashed once, not at each step.
    var first: [String: Int] = [:]
    var unique: [String] = []
    let positions = values.map { value in
      if let known = first[value] { return known }
      first[value] = unique.count
      unique.append(value)
      return unique.count - 1
    }
    var shown = unique.map { TextTable.fit($0, width) }
    var byCut: [String: [Int]] = [:]
    // An uncut value, by how it reads, that a cut might copy.
    var uncut: [String: Int] = [:]
    for (index, value) in unique.enumerated() {
      if shown[index] != value {
        byCut[reading(shown[index]), default: []].append(index)
      } else {
        uncut[reading(shown[index])] = index
      }
    }
    for (cut, group) in byCut where group.count > 1 || uncut[cut] != nil {
      // The values whose plain cut reads the same (and an uncut value it would copy).
      let rivals = (group + (uncut[cut].map { [$0] } ?? [])).map { unique[$0] }
      // How far each runs alike with its closest rival, from the start (case aside) and from
      // the end (as it reads).
      let (parting, sharedEnd) =
        (plainFast ? plainRunsAlike(rivals) : nil) ?? characterRunsAlike(rivals)
      for (rival, index) in group.enumerated() {
        let (value, parting, sharedEnd) = (unique[index], parting[rival], sharedEnd[rival])
        shown[index] =
          (plainFast
            ? plainDistinguished(value, parting: parting, sharedEnd: sharedEnd, width: width)
            : nil)
          ?? distinguished(value, parting: parting, sharedEnd: sharedEnd, width: width)
      }
    }
    return positions.map { shown[$0] }
  }

  /// For each rival, how many characters it runs alike with its closest rival from the start
  /// (case aside) and from the end (as it reads), a `Character` at a time.
  static func characterRunsAlike(_ rivals: [String]) -> (parting: [Int], sharedEnd: [Int]) {
    let parting = longestShared(rivals.map { Array($0.singleLine).map { $0.lowercased() } })
    let sharedEnd = longestShared(rivals.map { Array(reading($0.singleLine).reversed()) })
    return (parting, sharedEnd)
  }

  /// How text reads to a person: letter case ignored and each run of spaces read as one (kept
  /// at the ends, so a tail that starts with a space is still told from one that does not).
  static func reading(_ text: String) -> String {
    text.isCaselessPlain ? plainReading(text) : characterReading(text)
  }

  /// ``reading(_:)`` a character at a time, for any text.
  static func characterReading(_ text: String) -> String {
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

  /// ``reading(_:)`` of caseless plain text (``Swift/String/isCaselessPlain``), a byte at a
  /// time: `A`–`Z` lowered, runs of spaces read as one (its only white space), the rest kept.
  static func plainReading(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    appendPlainReading(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The bytes of ``plainReading(_:)`` added to `bytes`.
  static func appendPlainReading(_ text: String, to bytes: inout [UInt8]) {
    var spaced = false
    for byte in text.utf8 {
      if byte == 0x20 {
        if !spaced { bytes.append(byte) }
        spaced = true
      } else {
        bytes.append(asciiLowered(byte))
        spaced = false
      }
    }
  }

  /// `A`–`Z` as `a`–`z`; every other byte as it is.
  @inline(__always)
  static func asciiLowered(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
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
    func head(_ room: Int) -> String {
      var text = String(characters).prefix(displayWidth: room)
      while text.last == " " { text.removeLast() }
      return text
    }
    func cut(at start: Int) -> String {
      head(width - 1 - tails[start]) + "…" + String(characters[start...])
    }
    // Word starts, the last first, so the shortest tails come first.
    let starts = characters.indices.dropFirst().reversed().filter {
      characters[$0 - 1] == " " && characters[$0] != " "
    }
    let start = tailStart(
      count: characters.count, starts: starts, parting: parting, width: width,
      tailWidth: { tails[$0] },
      unshared: { reading(String(characters[$0...])).count > sharedEnd })
    if let start { return cut(at: start) }
    return TextTable.fit(value, width)
  }

  /// Where ``distinguished(_:parting:sharedEnd:width:)`` cuts a value of `count` characters,
  /// the same for both paths: given the word starts (the last first), the columns each tail
  /// takes, and whether a tail reads longer than the rival's shared end, the tail kept after
  /// the `…`; `nil` when none fits (the plain cut).
  static func tailStart(
    count: Int, starts: [Int], parting: Int, width: Int, tailWidth: (Int) -> Int,
    unshared: (Int) -> Bool
  ) -> Int? {
    let minimumHead = max(1, min(6, width / 3))
    func room(_ start: Int) -> Int { width - 1 - tailWidth(start) }
    // Best: from the word where the value first parts from its closest rival (case aside).
    if let start = starts.first(where: { $0 <= parting }), room(start) >= minimumHead,
      unshared(start)
    {
      return start
    }
    for (n, start) in starts.enumerated() {
      guard room(start) >= minimumHead else { break }
      guard unshared(start) else { continue }
      // Grow the tail by whole words while the head keeps half the width.
      var chosen = start
      for longer in starts.dropFirst(n + 1) where room(longer) >= width / 2 {
        chosen = longer
      }
      return chosen
    }
    var start = count - 1
    while start >= 0, tailWidth(start) <= width - 2 {
      defer { start -= 1 }
      guard unshared(start) else { continue }
      // A lone `)` tells little: widen to the word it ends (`(NRS)`) when the head keeps room.
      if let word = starts.first(where: { $0 <= start }), room(word) >= minimumHead {
        return word
      }
      return start
    }
    return nil
  }
}

/// The byte path for caseless plain text (``Swift/String/isCaselessPlain``): there each scalar
/// is one character and one column, lowering is lowering ASCII bytes and the only white space
/// is the space, so counting scalars is counting characters and no text needs a `Character`.
extension Abbreviation {
  /// ``characterRunsAlike(_:)`` from the rivals' bytes, or `nil` when one is not caseless
  /// plain text.
  static func plainRunsAlike(_ rivals: [String]) -> (parting: [Int], sharedEnd: [Int])? {
    guard rivals.allSatisfy(\.isCaselessPlain) else { return nil }
    var lowered = FlatTexts()
    var reversedReadings = FlatTexts()
    for rival in rivals {
      lowered.add { bytes in bytes.append(contentsOf: rival.utf8.lazy.map(asciiLowered)) }
      reversedReadings.add { bytes in
        let start = bytes.count
        appendPlainReading(rival, to: &bytes)
        bytes[start...].reverse()
      }
    }
    return (
      lowered.longestSharedScalars(reversed: false),
      reversedReadings.longestSharedScalars(reversed: true)
    )
  }

  /// ``distinguished(_:parting:sharedEnd:width:)`` from the value's bytes, or `nil` when the
  /// value is not caseless plain text.
  static func plainDistinguished(
    _ value: String, parting: Int, sharedEnd: Int, width: Int
  ) -> String? {
    guard value.isCaselessPlain else { return nil }
    let text = PlainText(value)
    let n = text.count
    guard n > width, width >= 3 else { return TextTable.fit(value, width) }
    // Word starts, the last first, so the shortest tails come first.
    let starts = (1..<n).reversed().filter { text.isSpace($0 - 1) && !text.isSpace($0) }
    // The columns characters[start...] take are n - start.
    let start = tailStart(
      count: n, starts: starts, parting: parting, width: width, tailWidth: { n - $0 },
      unshared: { text.readingCounts[$0] > sharedEnd })
    if let start { return text.cut(head: width - 1 - (n - start), tail: start) }
    return TextTable.fit(value, width)
  }

  /// Caseless plain text as bytes, with where each scalar (each character) starts and how many
  /// characters each tail reads as.
  struct PlainText {
    let bytes: [UInt8]
    /// offsets[i]: the byte where scalar i starts; one more, the byte count, at the end.
    let offsets: [Int]
    /// readingCounts[i]: the characters in ``reading(_:)`` of the scalars from i on (each run
    /// of spaces one).
    let readingCounts: [Int]

    init(_ text: String) {
      bytes = Array(text.utf8)
      var offsets: [Int] = []
      offsets.reserveCapacity(bytes.count + 1)
      for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { offsets.append(index) }
      offsets.append(bytes.count)
      self.offsets = offsets
      let n = offsets.count - 1
      var counts = [Int](repeating: 0, count: n + 1)
      for i in stride(from: n - 1, through: 0, by: -1) {
        let runs = bytes[offsets[i]] == 0x20 && i + 1 < n && bytes[offsets[i + 1]] == 0x20
        counts[i] = counts[i + 1] + (runs ? 0 : 1)
      }
      readingCounts = counts
    }

    /// The count of scalars, which is the count of characters and of columns.
    var count: Int { offsets.count - 1 }

    func isSpace(_ i: Int) -> Bool { bytes[offsets[i]] == 0x20 }

    /// The first `head` scalars (none when `head` is negative) less trailing spaces, `…`, and
    /// the scalars from `tail` on.
    func cut(head: Int, tail: Int) -> String {
      var end = max(0, min(head, count))
      while end > 0, isSpace(end - 1) { end -= 1 }
      var out: [UInt8] = []
      out.reserveCapacity(offsets[end] + 3 + bytes.count - offsets[tail])
      out.append(contentsOf: bytes[..<offsets[end]])
      out.append(contentsOf: [0xE2, 0x80, 0xA6])
      out.append(contentsOf: bytes[offsets[tail]...])
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Texts of UTF-8 bytes in one buffer, each by its range: a column of 100,000 names is two
  /// allocations, not one per name.
  struct FlatTexts {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []

    /// A text, written by `write` at the end of the buffer.
    mutating func add(_ write: (inout [UInt8]) -> Void) {
      let start = bytes.count
      write(&bytes)
      ranges.append(start..<bytes.count)
    }

    /// ``Abbreviation/longestShared(_:)`` counted in scalars: found in bytes among sorted
    /// neighbours, then cut back to a whole scalar (`…` and `–` share two of their three
    /// bytes) and counted. Valid for reversed UTF-8 too, where a scalar's lead byte comes last.
    func longestSharedScalars(reversed: Bool) -> [Int] {
      bytes.withUnsafeBufferPointer { buffer in
        let texts = ranges.map { UnsafeBufferPointer(rebasing: buffer[$0]) }
        let order = texts.indices.sorted { FlatTexts.precedes(texts[$0], texts[$1]) }
        var longest = [Int](repeating: 0, count: texts.count)
        for (a, b) in zip(order, order.dropFirst()) {
          let shared = zip(texts[a], texts[b]).prefix { $0 == $1 }.count
          longest[a] = max(longest[a], shared)
          longest[b] = max(longest[b], shared)
        }
        return texts.indices.map {
          FlatTexts.wholeScalars(texts[$0], longest[$0], reversed: reversed)
        }
      }
    }

    /// Byte order, a shorter text before a longer one it starts.
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
      let n = min(a.count, b.count)
      var i = 0
      while i < n {
        if a[i] != b[i] { return a[i] < b[i] }
        i += 1
      }
      return a.count < b.count
    }

    /// The whole scalars in the first `shared` bytes of `text`: each lead byte in counts, less
    /// one when the next byte continues a scalar forward UTF-8 has not finished (reversed, a
    /// lead byte ends its scalar, so one in is whole).
    static func wholeScalars(_ text: UnsafeBufferPointer<UInt8>, _ shared: Int, reversed: Bool)
      -> Int
    {
      var count = 0
      for byte in text[..<shared] where byte & 0xC0 != 0x80 { count += 1 }
      if !reversed, shared < text.count, text[shared] & 0xC0 == 0x80 { count -= 1 }
      return count
    }
  }
}
