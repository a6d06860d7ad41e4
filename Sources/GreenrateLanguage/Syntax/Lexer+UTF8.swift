/// UTF-8 validation shared by the lexer and the error renderer, so that both count
/// columns the same way: one per valid scalar, one per byte of an invalid sequence.
enum UTF8Scan {
  /// The byte length of the valid scalar starting at `i`, or nil when the bytes there
  /// are not well-formed UTF-8 (overlong forms, surrogates and values past U+10FFFF
  /// included).
  static func scalarLength(_ bytes: [UInt8], at i: Int) -> Int? {
    let b0 = bytes[i]
    if b0 < 0x80 { return 1 }
    func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      i + offset < bytes.count && range.contains(bytes[i + offset])
    }
    switch b0 {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : nil
    case 0xE0:
      return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
    case 0xE1...0xEC, 0xEE...0xEF:
      return continuation(1) && continuation(2) ? 3 : nil
    case 0xED:
      return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
    case 0xF0:
      return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
    case 0xF1...0xF3:
      return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
    case 0xF4:
      return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
    default:
      return nil
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
