/// CRC-32 as ZIP (and PNG, gzip) define it: the reflected polynomial 0xEDB88320, starting
/// from all ones and inverted at the end.
public enum CRC32 {
  /// One entry per byte value: the remainder of that byte alone, so each byte costs one lookup.
  static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  /// The checksum of `bytes`: `checksum(Array("123456789".utf8)) == 0xCBF43926`.
  ///
  /// - Complexity: O(n), one table lookup per byte.
  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    table.withUnsafeBufferPointer { table in
      for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
    return ~crc
  }
}

/// A ZIP archive of stored (uncompressed) entries, built in memory: what an Office Open XML
/// package (a `.docx`) is. No dependency and no clock: every entry carries the same fixed
/// timestamp, so the same content gives the same bytes.
///
/// Stored entries are what the format calls method 0; every reader takes them. The parts of
/// a record are a few tens of kilobytes, so compression would save little and cost a
/// deflater. Neither ZIP64 nor more than 65,535 entries is needed for a document; ``add(_:_:)``
/// refuses what the plain format cannot hold.
public struct ZipArchive: Sendable {
  /// 1 January 1980, 00:00, the earliest MS-DOS date: a fixed stamp, so output is
  /// deterministic (date = (1980 - 1980) << 9 | 1 << 5 | 1).
  static let dosDate: UInt16 = 0x0021
  static let dosTime: UInt16 = 0

  struct Entry: Sendable {
    var name: [UInt8]
    var crc: UInt32
    var size: UInt32
    var offset: UInt32
  }

  private(set) var entries: [Entry] = []
  /// The local headers and data written so far; the central directory follows on ``bytes``.
  private var body: [UInt8] = []

  public init() {}

  /// Why an entry cannot go into a plain (not ZIP64) archive.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    case tooLarge(String)
    case tooManyEntries

    public var description: String {
      switch self {
      case .tooLarge(let name): return "'\(name)' is too large for a ZIP archive without ZIP64"
      case .tooManyEntries: return "more than 65,535 entries for a ZIP archive without ZIP64"
      }
    }
  }

  /// Adds a stored entry.
  ///
  /// - Parameters:
  ///   - name: the path inside the archive, `/`-separated (`word/document.xml`), UTF-8.
  ///   - data: the entry's bytes.
  /// - Throws: ``Failure`` when the archive would pass 4 GiB or 65,535 entries.
  public mutating func add(_ name: String, _ data: [UInt8]) throws(Failure) {
    let nameBytes = Array(name.utf8)
    guard entries.count < 0xFFFF else { throw .tooManyEntries }
    guard nameBytes.count <= 0xFFFF,
      UInt64(body.count) + 30 + UInt64(nameBytes.count) + UInt64(data.count) < 0xFFFF_FFFF
    else { throw .tooLarge(name) }
    let entry = Entry(
      name: nameBytes, crc: CRC32.checksum(data), size: UInt32(data.count),
      offset: UInt32(body.count))
    body += localHeader(entry)
    body += data
    entries.append(entry)
  }

  /// The whole archive: the entries, the central directory, and the end record.
  public var bytes: [UInt8] {
    var out = body
    let directoryStart = UInt32(out.count)
    for entry in entries { out += centralHeader(entry) }
    let directorySize = UInt32(out.count) - directoryStart
    out += Self.le32(0x0605_4B50)  // end of central directory
    out += Self.le16(0) + Self.le16(0)  // this disk, the directory's disk
    out += Self.le16(UInt16(entries.count)) + Self.le16(UInt16(entries.count))
    out += Self.le32(directorySize) + Self.le32(directoryStart)
    out += Self.le16(0)  // no comment
    return out
  }

  /// The fields the local and central headers share, from "version needed" to the name's
  /// length: version 2.0, flag bit 11 (names are UTF-8), stored, the fixed time, CRC, sizes.
  private func commonFields(_ entry: Entry) -> [UInt8] {
    Self.le16(20) + Self.le16(0x0800) + Self.le16(0) + Self.le16(Self.dosTime)
      + Self.le16(Self.dosDate) + Self.le32(entry.crc) + Self.le32(entry.size)
      + Self.le32(entry.size) + Self.le16(UInt16(entry.name.count))
  }

  private func localHeader(_ entry: Entry) -> [UInt8] {
    Self.le32(0x0403_4B50) + commonFields(entry) + Self.le16(0) + entry.name
  }

  private func centralHeader(_ entry: Entry) -> [UInt8] {
    // Made by version 2.0 on MS-DOS (host 0): no Unix permissions to carry.
    Self.le32(0x0201_4B50) + Self.le16(20) + commonFields(entry)
      + Self.le16(0) + Self.le16(0) + Self.le16(0)  // extra, comment, disk
      + Self.le16(0) + Self.le32(0)  // internal and external attributes
      + Self.le32(entry.offset) + entry.name
  }

  static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

  static func le32(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF),
      UInt8(value >> 24),
    ]
  }
}
