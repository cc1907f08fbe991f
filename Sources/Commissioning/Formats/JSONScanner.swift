/// A byte-level JSON checker that finds where values begin and end without building them, so a
/// large array is read one element at a time.
///
/// Foundation's reader builds the whole document as objects, about 20 times the file's size;
/// this scanner checks the grammar (brackets, strings and escapes, numbers, literals, commas and
/// colons, nesting) and hands out byte ranges, and each element is then read on its own.
/// - Complexity: O(bytes scanned), no allocation but the bracket count.
struct JSONScanner {
  /// Why the bytes are not JSON: where, or that they end too soon or nest too deep.
  enum Problem: Error, Equatable {
    case endsEarly
    case tooDeep
    case invalid(offset: Int)
  }

  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position: Int
  let end: Int
  /// Whether the container begun has had no element or member yet (no comma before the next).
  private var first = true

  /// A scanner over `range` of `bytes` (all of them by default).
  init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil) {
    self.bytes = bytes
    position = range?.lowerBound ?? 0
    end = range?.upperBound ?? bytes.count
  }

  var atEnd: Bool { position >= end }

  /// The byte at the position, after any white space; nil at the end.
  mutating func peek() -> UInt8? {
    skipSpace()
    return position < end ? bytes[position] : nil
  }

  mutating func skipSpace() {
    while position < end {
      let b = bytes[position]
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
      position += 1
    }
  }

  /// Checks one value and moves past it.
  /// - Returns: the value's byte range.
  mutating func value() throws(Problem) -> Range<Int> {
    skipSpace()
    let start = position
    try value(depth: 1)
    return start..<position
  }

  /// Moves past the `[` of an array: ``nextElement()`` then gives its elements.
  mutating func beginArray() throws(Problem) {
    try expect(UInt8(ascii: "["))
    first = true
  }

  /// The next element of the array begun, checked; nil after its `]`.
  mutating func nextElement() throws(Problem) -> Range<Int>? {
    guard let b = peek() else { throw .endsEarly }
    if b == UInt8(ascii: "]") {
      position += 1
      return nil
    }
    if !first { try expect(UInt8(ascii: ",")) }
    first = false
    return try value()
  }

  /// Moves past the `{` of an object: ``nextMember()`` then gives its members.
  mutating func beginObject() throws(Problem) {
    try expect(UInt8(ascii: "{"))
    first = true
  }

  /// The next member of the object begun: its key's range (inside the quotes) and its value's
  /// range, both checked; nil after its `}`.
  mutating func nextMember() throws(Problem) -> (key: Range<Int>, value: Range<Int>)? {
    guard let b = peek() else { throw .endsEarly }
    if b == UInt8(ascii: "}") {
      position += 1
      return nil
    }
    if !first { try expect(UInt8(ascii: ",")) }
    first = false
    guard peek() == UInt8(ascii: "\"") else { throw problem() }
    let keyStart = position + 1
    try string()
    let key = keyStart..<(position - 1)
    try expect(UInt8(ascii: ":"))
    return (key, try value())
  }

  /// Whether the key range holds exactly `name` (keys with escapes never match: the names
  /// looked for have none).
  func key(_ range: Range<Int>, is name: StaticString) -> Bool {
    guard range.count == name.utf8CodeUnitCount else { return false }
    let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
    return bytes[range].elementsEqual(utf8)
  }

  // MARK: - The grammar

  private mutating func expect(_ byte: UInt8) throws(Problem) {
    guard let b = peek() else { throw .endsEarly }
    guard b == byte else { throw .invalid(offset: position) }
    position += 1
  }

  private func problem() -> Problem { atEnd ? .endsEarly : .invalid(offset: position) }

  private mutating func value(depth: Int) throws(Problem) {
    guard let b = peek() else { throw .endsEarly }
    switch b {
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      guard depth <= JSONReading.depthLimit else { throw .tooDeep }
      let isObject = b == UInt8(ascii: "{")
      position += 1
      var first = true
      while true {
        guard let next = peek() else { throw .endsEarly }
        if next == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
          position += 1
          return
        }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        if isObject {
          guard peek() == UInt8(ascii: "\"") else { throw problem() }
          try string()
          try expect(UInt8(ascii: ":"))
        }
        try value(depth: depth + 1)
      }
    case UInt8(ascii: "\""): try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: try number()
    }
  }

  /// A string from its opening quote: escapes as JSON has them, no raw control characters.
  private mutating func string() throws(Problem) {
    position += 1
    while position < end {
      let b = bytes[position]
      if b == UInt8(ascii: "\"") {
        position += 1
        return
      }
      if b < 0x20 { throw .invalid(offset: position) }
      if b == UInt8(ascii: "\\") {
        position += 1
        guard position < end else { throw .endsEarly }
        switch bytes[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          break
        case UInt8(ascii: "u"):
          for _ in 0..<4 {
            position += 1
            guard position < end else { throw .endsEarly }
            guard Self.isHex(bytes[position]) else { throw .invalid(offset: position) }
          }
        default: throw .invalid(offset: position)
        }
      }
      position += 1
    }
    throw .endsEarly
  }

  private mutating func literal(_ word: StaticString) throws(Problem) {
    let utf8 = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for expected in utf8 {
      guard position < end else { throw .endsEarly }
      guard bytes[position] == expected else { throw .invalid(offset: position) }
      position += 1
    }
  }

  /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
  private mutating func number() throws(Problem) {
    if position < end, bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < end else { throw .endsEarly }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      try digits()
    }
    if position < end, bytes[position] == UInt8(ascii: ".") {
      position += 1
      try digits()
    }
    if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < end,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      try digits()
    }
  }

  /// One or more digits.
  private mutating func digits() throws(Problem) {
    guard position < end else { throw .endsEarly }
    guard Self.isDigit(bytes[position]) else { throw .invalid(offset: position) }
    while position < end, Self.isDigit(bytes[position]) { position += 1 }
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  private static func isHex(_ b: UInt8) -> Bool {
    isDigit(b) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "f"))
  }
}

/// Lines and columns of byte offsets asked for in increasing order, each counted on from the
/// one before (starting again from the top only when asked about an earlier offset).
struct LineCounter {
  private var offset = 0
  private var line = 1
  private var column = 1

  /// The 1-based line and column (in characters) of `target`.
  mutating func position(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
    line: Int, column: Int
  ) {
    if target < offset { self = LineCounter() }
    let stop = min(target, bytes.count)
    while offset < stop {
      let b = bytes[offset]
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      offset += 1
    }
    return (line, column)
  }
}
