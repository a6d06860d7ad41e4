/// The 64-bit hash that names a merchant's stored state (`states.hash`): what a rating
/// says, the record it was scored from, and the fields that record is encoded under.
///
/// Two states of one merchant with equal hashes are taken to be the same content: the
/// chance that two different contents of one merchant collide is about n²/2⁶⁵ for n
/// versions (10⁻¹³ for a year of nightly changes), so nothing compares the bytes again.
/// Every part is added with its length, so parts cannot run into each other.
package struct StateHasher {
  private var h: UInt64

  package init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) { h = seed }

  @inline(__always)
  mutating func mix(_ word: UInt64) {
    h ^= word &* 0xBF58_476D_1CE4_E5B9
    h = (h << 27 | h >> 37) &* 0x94D0_49BB_1331_11EB &+ 0x52DC_E729
  }

  /// Adds a number (a score's bits, a flag, a length).
  @inline(__always)
  package mutating func add(_ word: UInt64) { mix(word) }

  /// Adds bytes, preceded by their count.
  package mutating func add(_ bytes: UnsafeRawBufferPointer) {
    mix(UInt64(bytes.count))
    guard let base = bytes.baseAddress else { return }
    var i = 0
    let n = bytes.count
    while i + 8 <= n {
      mix(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
      i += 8
    }
    if i < n {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
        shift += 8
        i += 1
      }
      mix(tail)
    }
  }

  /// Adds the UTF-8 bytes of a text.
  package mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
  }

  /// The hash as SQLite stores it.
  package var value: Int64 {
    var z = h
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int64(bitPattern: z ^ (z >> 31))
  }
}
