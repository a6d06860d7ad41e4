/// UTF-8 scanning shared by the lexer and the error renderer, so that both count columns
/// the same way: one per valid scalar, one per byte of an invalid sequence. Validity is
/// `UTF8Validation`'s, the same the record readers use.
enum UTF8Scan {
  /// The byte length of the valid scalar starting at `i`, or nil when the bytes there
  /// are not well-formed UTF-8 (overlong forms, surrogates and values past U+10FFFF
  /// included).
  static func scalarLength(_ bytes: [UInt8], at i: Int) -> Int? {
    bytes.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress, i < b.count else { return nil }
      let length = UTF8Validation.sequenceLength(base, i, b.count)
      return length == 0 ? nil : length
    }
  }

  /// The scalar value of a valid sequence of `length` bytes at `i`.
  static func scalar(_ bytes: [UInt8], at i: Int, length: Int) -> UInt32 {
    switch length {
    case 1:
      return UInt32(bytes[i])
    case 2:
      return UInt32(bytes[i] & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
    case 3:
      return UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6
        | UInt32(bytes[i + 2] & 0x3F)
    default:
      return UInt32(bytes[i] & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
    }
  }

  /// Whether the file starts with a UTF-8 byte order mark, which is skipped.
  static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }
}
