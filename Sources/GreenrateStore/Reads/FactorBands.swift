/// The `factors` column of a stored rating: the matched band of each factor, one LEB128
/// varint each, in factor order (the band's points, reason and location are in the
/// run's `factor_info`). The one reader of a band index, for explain, export and the
/// analyses.
package enum FactorBands {
  /// The band index at `index` in `bytes`, moving `index` past it; 0 at the end. A
  /// damaged varint (more than 9 bytes) stops early instead of overflowing.
  @inlinable
  package static func next(_ bytes: UnsafeRawBufferPointer, _ index: inout Int) -> Int {
    var value = 0
    var shift = 0
    while index < bytes.count {
      let b = bytes[index]
      index += 1
      value |= Int(b & 0x7F) << shift
      shift += 7
      if b < 0x80 || shift > 56 { break }
    }
    return value
  }
}
