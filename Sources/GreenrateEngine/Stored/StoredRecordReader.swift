import GreenrateLanguage

/// Reads a stored record's bytes in place (the format `StoredRecordCodec` writes): the
/// one reader behind `StoredRecordCodec.decode` and `StoredRecordMapping.fill`.
///
/// Every length comes from the bytes, so every read is checked against what is left
/// without arithmetic that can overflow: a damaged record is an error, never a trap.
package struct StoredRecordReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  package init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  package var atEnd: Bool { index == bytes.count }

  package mutating func byte() -> UInt8? {
    guard index < bytes.count else { return nil }
    index += 1
    return bytes[index - 1]
  }

  package mutating func varint() -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while let b = byte() {
      guard shift < 64 else { return nil }
      value |= UInt64(b & 0x7F) << shift
      if b < 0x80 { return value }
      shift += 7
    }
    return nil
  }

  package mutating func fixed64() -> UInt64? {
    guard bytes.count - index >= 8 else { return nil }
    var v: UInt64 = 0
    for i in (0..<8).reversed() { v = v << 8 | UInt64(bytes[index + i]) }
    index += 8
    return v
  }

  /// The next `count` bytes as a text; nil when fewer are left (or `count` does not fit
  /// in an `Int`).
  package mutating func text(count: UInt64) -> Text? {
    guard count <= UInt64(bytes.count - index) else { return nil }
    let n = Int(count)
    defer { index += n }
    return Text(
      String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + n]), as: UTF8.self))
  }
}
