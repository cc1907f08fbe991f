/// Writing a large JSON document a piece at a time: the envelope's small members as values,
/// its long arrays one element at a time, so only one element is ever held as a ``JSON`` tree.
extension JSON {
  /// A member of a streamed object: a value, or an array whose elements are made on demand.
  public enum Member {
    case value(JSON)
    /// `count` elements, the `i`th made by `element(i)` just before it is written.
    case elements(count: Int, element: (Int) -> JSON)
  }

  /// The object `members` would make, whole (for callers that want the tree).
  public static func object(streamed members: [(String, Member)]) -> JSON {
    .object(
      members.map { key, member in
        switch member {
        case .value(let value): return (key, value)
        case .elements(let count, let element): return (key, .array((0..<count).map(element)))
        }
      })
  }

  /// Writes the object `members` make as ``write(to:)`` would write it, byte for byte, an
  /// element at a time: each array element is rendered and handed to `target` on its own.
  ///
  /// - Complexity: memory for one element at a time, not the document.
  public static func write<Target: TextOutputStream>(
    streamed members: [(String, Member)], to target: inout Target
  ) {
    guard !members.isEmpty else {
      target.write("{}\n")
      return
    }
    var piece = "{\n"
    for (index, (key, member)) in members.enumerated() {
      piece.append("  ")
      JSON.escape(key, into: &piece)
      piece.append(": ")
      switch member {
      case .value(let value): value.render(into: &piece, indent: 2)
      case .elements(let count, let element):
        guard count > 0 else {
          piece.append("[]")
          break
        }
        piece.append("[\n")
        for at in 0..<count {
          piece.append("    ")
          element(at).render(into: &piece, indent: 4)
          piece.append(at + 1 < count ? ",\n" : "\n")
          target.write(piece)
          piece.removeAll(keepingCapacity: true)
        }
        piece.append("  ]")
      }
      piece.append(index + 1 < members.count ? ",\n" : "\n")
    }
    piece.append("}\n")
    target.write(piece)
  }
}
