/// The text encodings a council's CSV arrives in, besides UTF-8: Excel's "Unicode Text" (UTF-16,
/// often without a byte order mark), UTF-32, and Windows-1252 from older systems (a `£` as the
/// single byte 0xA3).
public enum TextEncoding: String, Sendable, Hashable {
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"
  case utf32LittleEndian = "UTF-32LE"
  case utf32BigEndian = "UTF-32BE"
  case windows1252 = "Windows-1252"

  /// A file's text re-encoded as UTF-8, and how it was recognised.
  struct Transcoded {
    var encoding: TextEncoding
    var bytes: [UInt8]
    var hadByteOrderMark: Bool
  }

  /// Why a file that looks like one of these encodings cannot be read as it.
  struct Invalid: Error {
    var encoding: TextEncoding
    /// The byte offset of the first unit that is not valid.
    var offset: Int
  }

  /// The encoding of `bytes` when it is not UTF-8, and the text as UTF-8; `nil` for UTF-8 (with or
  /// without a BOM) and for bytes that are no text at all (the UTF-8 reader then says where).
  ///
  /// - Complexity: O(n): a byte order mark, else the pattern of NUL bytes in the first 8 KB,
  ///   else a UTF-8 check and a scan for bytes Windows-1252 lacks.
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>) throws(Invalid) -> Transcoded? {
    if let (encoding, skip) = byteOrderMark(bytes) ?? nulPattern(bytes).map({ ($0, 0) }) {
      let body = UnsafeBufferPointer(rebasing: bytes[skip...])
      return Transcoded(
        encoding: encoding, bytes: try transcode(body, encoding, offset: skip),
        hadByteOrderMark: skip > 0)
    }
    guard UTF8Validation.firstInvalidByte(bytes) != nil, isWindows1252(bytes) else { return nil }
    return Transcoded(encoding: .windows1252, bytes: windows1252(bytes), hadByteOrderMark: false)
  }

  static func byteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> (TextEncoding, Int)? {
    if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 {
      return (.utf32LittleEndian, 4)
    }
    if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF {
      return (.utf32BigEndian, 4)
    }
    if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LittleEndian, 2) }
    if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BigEndian, 2) }
    return nil
  }

  /// UTF-16 or UTF-32 without a byte order mark, told by where the NUL bytes fall: text that is
  /// mostly ASCII has a NUL beside every character. At least a third of the positions that would
  /// be NUL must be, and almost none of the others.
  static func nulPattern(_ b: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
    let n = min(b.count, 8192) & ~3
    guard n >= 4 else { return nil }
    var zeros = [Int](repeating: 0, count: 4)
    for i in 0..<n where b[i] == 0 { zeros[i & 3] += 1 }
    let quarter = n / 4
    func mostly(_ k: Int) -> Bool { zeros[k] * 3 >= quarter }
    func hardly(_ k: Int) -> Bool { zeros[k] * 20 <= quarter }
    if mostly(1) && mostly(2) && mostly(3) && hardly(0) { return .utf32LittleEndian }
    if mostly(0) && mostly(1) && mostly(2) && hardly(3) { return .utf32BigEndian }
    if mostly(1) && mostly(3) && hardly(0) && hardly(2) { return .utf16LittleEndian }
    if mostly(0) && mostly(2) && hardly(1) && hardly(3) { return .utf16BigEndian }
    return nil
  }

  static func transcode(_ b: UnsafeBufferPointer<UInt8>, _ encoding: TextEncoding, offset: Int)
    throws(Invalid) -> [UInt8]
  {
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    let failed: Bool
    switch encoding {
    case .utf16LittleEndian, .utf16BigEndian:
      guard b.count % 2 == 0 else {
        throw Invalid(encoding: encoding, offset: offset + b.count - 1)
      }
      let little = encoding == .utf16LittleEndian
      let units = (0..<(b.count / 2)).lazy.map { i -> UInt16 in
        let (lo, hi) = little ? (b[2 * i], b[2 * i + 1]) : (b[2 * i + 1], b[2 * i])
        return UInt16(hi) << 8 | UInt16(lo)
      }
      failed = Swift.transcode(
        units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true
      ) { out.append($0) }
    case .utf32LittleEndian, .utf32BigEndian:
      guard b.count % 4 == 0 else {
        throw Invalid(encoding: encoding, offset: offset + b.count - 1)
      }
      let little = encoding == .utf32LittleEndian
      let units = (0..<(b.count / 4)).lazy.map { i -> UInt32 in
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(b[4 * i + (little ? k : 3 - k)]) << (8 * k) }
        return v
      }
      failed = Swift.transcode(
        units.makeIterator(), from: UTF32.self, to: UTF8.self, stoppingOnError: true
      ) { out.append($0) }
    case .windows1252:
      return windows1252(b)
    }
    // The offset of the bad unit is not known to `transcode`; the UTF-8 written so far says
    // roughly where, and the message names the encoding, which is what a user can act on.
    if failed { throw Invalid(encoding: encoding, offset: offset) }
    return out
  }

  /// Bytes that Windows-1252 leaves undefined, and the C0 controls that no CSV text holds: a
  /// file with any of them is not Windows-1252 text (binary data, most likely).
  static func isWindows1252(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in b {
      switch byte {
      case 0x09, 0x0A, 0x0D: continue
      case 0x00..<0x20, 0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D: return false
      default: continue
      }
    }
    return true
  }

  /// Windows-1252 to UTF-8: Latin-1 above 0xA0, the typographic table in 0x80–0x9F.
  static func windows1252(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(b.count + b.count / 8)
    for byte in b {
      let scalar: UInt32 =
        byte < 0x80 ? UInt32(byte) : byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
      UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { out.append($0) }
    }
    return out
  }

  /// Windows-1252's 0x80–0x9F (undefined bytes map to U+FFFD, but are refused before this).
  static let high: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  ]
}
