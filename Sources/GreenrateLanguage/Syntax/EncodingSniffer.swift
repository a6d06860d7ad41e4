/// Recognises files saved in an encoding greenrate does not read, from their first
/// bytes, so that readers and the lexer can say so in one line instead of reporting
/// every byte (a UTF-16 rule file gave hundreds of errors; a UTF-16 CSV a missing-column
/// error).
package enum EncodingSniffer {
  /// Bytes looked at: enough for a header row or a few declarations.
  static let window = 512

  /// "the file is UTF-16: save it as UTF-8" when `bytes` start like UTF-16 text (a
  /// UTF-16 byte-order mark, or mostly ASCII with every other byte zero); nil otherwise.
  package static func utf16Problem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let endian = utf16(bytes) else { return nil }
    return "the file is UTF-16 (\(endian)): save it as UTF-8"
  }

  /// See `utf16Problem(_:)`.
  package static func utf16Problem(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { utf16Problem($0) }
  }

  /// "little-endian" or "big-endian" when the bytes look like UTF-16.
  static func utf16(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.count >= 2 {
      // UTF-32 LE starts FF FE 00 00: not UTF-16, and not ours either; leave it to the
      // UTF-8 checks.
      if bytes[0] == 0xFF && bytes[1] == 0xFE
        && !(bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0)
      {
        return "little-endian"
      }
      if bytes[0] == 0xFE && bytes[1] == 0xFF { return "big-endian" }
    }
    // Without a byte-order mark: text in UTF-16 is mostly ASCII scalars, each a zero byte
    // beside an ASCII one. UTF-8 text has no zero bytes at all.
    let n = min(bytes.count, window) & ~1
    guard n >= 4 else { return nil }
    var zeroEven = 0
    var zeroOdd = 0
    var i = 0
    while i < n {
      if bytes[i] == 0 { zeroEven += 1 }
      if bytes[i + 1] == 0 { zeroOdd += 1 }
      i += 2
    }
    let pairs = n / 2
    // Most pairs have one zero byte, always on the same side.
    if zeroOdd * 4 >= pairs * 3 && zeroEven * 8 < pairs { return "little-endian" }
    if zeroEven * 4 >= pairs * 3 && zeroOdd * 8 < pairs { return "big-endian" }
    return nil
  }
}
