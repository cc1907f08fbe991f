/// Writing a large JSON document a piece at a time: the envelope's small members as values,
/// its long arrays one element at a time, so only one element is ever held as a ``JSON`` tree.
extension JSON {
  /// A member of a streamed object: a value, or an array whose elements are made on demand.
  public enum Member {
    case value(JSON)
    /// `count` elements, the `i`th made by `element(i)` just before it is written.
    case elements(count: Int, element: (Int) -> JSON)
    /// `count` objects, the `i`th's members made by `object(i)` just before it is written: an
    /// array whose elements hold long arrays of their own (a group's contracts).
    case objects(count: Int, object: (Int) -> [(String, Member)])
    /// Objects, each's members made by `next` just before it is written, until `next` gives
    /// nil: an array whose length is known only at its end (clusters, some of which may come
    /// to nothing). `next` is used up by one writing, so the members are made afresh for each.
    case objectSequence(next: () -> [(String, Member)]?)
  }

  /// The object `members` would make, whole (for callers that want the tree).
  public static func object(streamed members: [(String, Member)]) -> JSON {
    .object(
      members.map { key, member in
        switch member {
        case .value(let value): return (key, value)
        case .elements(let count, let element): return (key, .array((0..<count).map(element)))
        case .objects(let count, let object):
          return (key, .array((0..<count).map { JSON.object(streamed: object($0)) }))
        case .objectSequence(let next):
          return (key, .array(AnyIterator(next).map { JSON.object(streamed: $0) }))
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
    var piece = ""
    writeObject(members, indent: 0, piece: &piece, to: &target)
    piece.append("\n")
    target.write(piece)
  }

  /// Appends the object `members` make at `indent` to `piece`, handing `piece` to `target`
  /// after each array element, so a nested streamed array is written an element at a time too.
  static func writeObject<Target: TextOutputStream>(
    _ members: [(String, Member)], indent: Int, piece: inout String, to target: inout Target
  ) {
    guard !members.isEmpty else {
      piece.append("{}")
      return
    }
    piece.append("{\n")
    let inner = String(repeating: " ", count: indent + 2)
    for (index, (key, member)) in members.enumerated() {
      piece.append(inner)
      JSON.escape(key, into: &piece)
      piece.append(": ")
      switch member {
      case .value(let value): value.render(into: &piece, indent: indent + 2)
      case .elements(let count, let element):
        writeArray(count: count, indent: indent + 2, piece: &piece, to: &target) { at, piece, _ in
          element(at).render(into: &piece, indent: indent + 4)
        }
      case .objects(let count, let object):
        writeArray(count: count, indent: indent + 2, piece: &piece, to: &target) {
          at, piece, target in
          writeObject(object(at), indent: indent + 4, piece: &piece, to: &target)
        }
      case .objectSequence(let next):
        writeSequence(next, indent: indent + 2, piece: &piece, to: &target)
      }
      piece.append(index + 1 < members.count ? ",\n" : "\n")
    }
    piece.append(String(repeating: " ", count: indent))
    piece.append("}")
  }

  /// Appends an array of `count` elements at `indent`, each made by `element` into the piece
  /// and handed on with it.
  static func writeArray<Target: TextOutputStream>(
    count: Int, indent: Int, piece: inout String, to target: inout Target,
    _ element: (Int, inout String, inout Target) -> Void
  ) {
    guard count > 0 else {
      piece.append("[]")
      return
    }
    piece.append("[\n")
    let inner = String(repeating: " ", count: indent + 2)
    for at in 0..<count {
      piece.append(inner)
      element(at, &piece, &target)
      piece.append(at + 1 < count ? ",\n" : "\n")
      target.write(piece)
      piece.removeAll(keepingCapacity: true)
    }
    piece.append(String(repeating: " ", count: indent))
    piece.append("]")
  }

  /// Appends the array of objects `next` makes at `indent` as
  /// ``writeArray(count:indent:piece:to:_:)`` would, making the next object's members before
  /// writing a separator, to know whether a comma follows.
  static func writeSequence<Target: TextOutputStream>(
    _ next: () -> [(String, Member)]?, indent: Int, piece: inout String, to target: inout Target
  ) {
    guard var members = next() else {
      piece.append("[]")
      return
    }
    piece.append("[\n")
    let inner = String(repeating: " ", count: indent + 2)
    while true {
      piece.append(inner)
      writeObject(members, indent: indent + 2, piece: &piece, to: &target)
      let following = next()
      piece.append(following == nil ? "\n" : ",\n")
      target.write(piece)
      piece.removeAll(keepingCapacity: true)
      guard let following else { break }
      members = following
    }
    piece.append(String(repeating: " ", count: indent))
    piece.append("]")
  }
}
