/// Strict UTF-8 validation on bytes (no overlongs, no surrogates, nothing above U+10FFFF):
/// the one validator, used by the lexer (`UTF8Scan`) and by the record readers.
package enum UTF8Validation {
  /// Whether `p[0..<n]` is well-formed UTF-8.
  @inlinable
  package static func isValid(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
    var i = 0
    while i < n {
      // Eight ASCII bytes at a time: the common case for merchant data.
      if i + 8 <= n {
        let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      let length = sequenceLength(p, i, n)
      if length == 0 { return false }
      i += length
    }
    return true
  }

  /// The length of the well-formed sequence starting at `p[i]`, or 0 if it is not one.
  @inlinable @inline(__always)
  package static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
    let b0 = p[i]
    if b0 < 0x80 { return 1 }
    @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
      i + k < n && p[i + k] >= lo && p[i + k] <= hi
    }
    switch b0 {
    case 0xC2...0xDF:
      return cont(1) ? 2 : 0
    case 0xE0:
      return cont(1, 0xA0) && cont(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return cont(1) && cont(2) ? 3 : 0
    case 0xED:
      return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
    case 0xF0:
      return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
    case 0xF1...0xF3:
      return cont(1) && cont(2) && cont(3) ? 4 : 0
    case 0xF4:
      return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
    default:
      return 0
    }
  }
}
