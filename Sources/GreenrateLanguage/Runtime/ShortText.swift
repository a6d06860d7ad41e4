/// A text of at most 15 UTF-8 bytes in a fixed layout of our own: two words, the bytes in
/// order (byte i in bits 8·(i mod 8) of word i / 8, zero-padded), and in the top byte of
/// the second word the count, plus `nonASCII` when some byte is 0x80 or above.
///
/// The form is fixed by the bytes alone, so two short texts have equal scalars exactly when
/// their words are equal, and a case mapping or a substring of an ASCII one is computed on
/// the words, with no copying, no allocation and no reference counting. `Text` stores every
/// text that fits in this form; it becomes a `String` only at the edges (`Text.string`).
@usableFromInline
struct ShortText: Hashable, Sendable {
  /// Bytes 0–7.
  @usableFromInline var low: UInt64
  /// Bytes 8–14, and the count (and `nonASCII`) in the top byte.
  @usableFromInline var high: UInt64

  /// The most bytes a short text holds.
  @usableFromInline static let capacity = 15
  /// The flag in the top byte of a text with a byte of 0x80 or above.
  @usableFromInline static let nonASCII: UInt64 = 0x80
  /// The top byte of `high`.
  @usableFromInline static let topByte: UInt64 = 0xFF00_0000_0000_0000

  @inlinable
  init(low: UInt64, high: UInt64) {
    self.low = low
    self.high = high
  }

  /// The short form of these bytes (which must be valid UTF-8); nil past 15 bytes.
  @inlinable
  init?(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    guard n <= Self.capacity else { return nil }
    var words: (UInt64, UInt64) = (0, 0)
    if let base = bytes.baseAddress, n > 0 {
      withUnsafeMutableBytes(of: &words) { raw in
        raw.baseAddress?.copyMemory(from: base, byteCount: n)
      }
    }
    let low = UInt64(littleEndian: words.0)
    let high = UInt64(littleEndian: words.1)
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let ascii = (low | high) & highBits == 0
    self.low = low
    self.high = high | (UInt64(n) | (ascii ? 0 : Self.nonASCII)) << 56
  }

  /// The empty text.
  @inlinable static var empty: ShortText { ShortText(low: 0, high: 0) }

  /// The number of bytes.
  @inlinable @inline(__always)
  var count: Int { Int((high >> 56) & 0xF) }

  /// Whether every byte is ASCII (so bytes are scalars and case maps byte by byte).
  @inlinable @inline(__always)
  var isASCII: Bool { high >> 63 == 0 }

  /// Calls `body` with the bytes, copied to the stack.
  @inlinable
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var words = (low.littleEndian, (high & ~Self.topByte).littleEndian)
    let n = count
    return withUnsafeBytes(of: &words) { raw in
      body(
        UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: n))
    }
  }

  /// The text as a `String` (the edges only: output, messages).
  var string: String {
    withBytes { bytes in
      String(unsafeUninitializedCapacity: bytes.count) { out in
        _ = out.initialize(from: bytes)
        return bytes.count
      }
    }
  }

  /// Bytes [from, to) of an ASCII text, 0 ≤ from < to ≤ count.
  @inline(__always)
  func slice(from: Int, to: Int) -> ShortText {
    var a = low
    var b = high & ~Self.topByte
    let shift = UInt64(8 * from)
    if shift >= 64 {
      a = b >> (shift - 64)
      b = 0
    } else if shift > 0 {
      a = (a >> shift) | (b << (64 - shift))
      b >>= shift
    }
    let n = to - from
    let bits = UInt64(8 * n)
    if bits < 64 {
      a &= (1 << bits) - 1
      b = 0
    } else {
      b &= (1 << (bits - 64)) - 1
    }
    return ShortText(low: a, high: b | UInt64(n) << 56)
  }

  /// An ASCII text with a–z mapped to A–Z (or A–Z to a–z when `upper` is false).
  @inline(__always)
  func mappingCase(upper: Bool) -> ShortText {
    ShortText(
      low: Self.mapCase(low, upper: upper),
      high: Self.mapCase(high & ~Self.topByte, upper: upper) | (high & Self.topByte))
  }

  /// `substr(_, start, length)`'s bytes [first, end) of any short ASCII text, for constant
  /// positions: computed once, as the general `substr` would (positions truncated toward
  /// zero, NaN as 0), so that per record only integers are compared. Positions past 15
  /// all mean the end of the text; `first` is 16 when every short text gives "".
  static func substrBounds(start: Double, length: Double) -> (first: Int, end: Int) {
    let from = start.isNaN ? 0 : start.rounded(.towardZero)
    let to = from + (length.isNaN ? 0 : length.rounded(.towardZero))
    let lo = max(from, 0)
    guard to > lo, lo < 16 else { return (16, 16) }
    return (Int(lo), to < 16 ? Int(to) : 16)
  }

  /// Bytes [first, end) of an ASCII text, cut to its count (see `substrBounds`).
  @inline(__always)
  func substr(first: Int, end: Int) -> ShortText {
    let n = count
    guard first < n else { return .empty }
    let last = end < n ? end : n
    if first == 0 && last == n { return self }
    return slice(from: first, to: last)
  }

  /// The short ASCII text in a register; nil for any other text and for a missing one.
  /// Reads the register in place: no copy, so no retain or release of a long text.
  @inline(__always)
  static func ascii(at register: UnsafePointer<Text?>) -> ShortText? {
    guard let short = at(register), short.isASCII else { return nil }
    return short
  }

  /// The short text in a register; nil for a long or missing one.
  @inline(__always)
  static func at(_ register: UnsafePointer<Text?>) -> ShortText? {
    switch register.pointee?.storage {
    case .short(let short): return short
    default: return nil
    }
  }

  /// Writes a short text into a register. When the register holds nothing to release (a
  /// short or missing text) it is initialized over, skipping the outlined release of the
  /// old value that an assignment makes.
  @inline(__always)
  static func store(_ short: ShortText, into register: UnsafeMutablePointer<Text?>) {
    switch register.pointee?.storage {
    case .long: register.pointee = Text(short)
    default: register.initialize(to: Text(short))
    }
  }

  /// Flips bit 0x20 of each byte in range, eight bytes at a time: every byte is below 0x80,
  /// so adding a constant below 0x80 to each never carries into the next byte.
  @inline(__always)
  private static func mapCase(_ x: UInt64, upper: Bool) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    // Bytes from `first` up to `last`: a–z (0x61–0x7A) or A–Z (0x41–0x5A).
    let atLeastFirst = (x &+ ones &* (upper ? 0x1F : 0x3F)) & high
    let pastLast = (x &+ ones &* (upper ? 0x05 : 0x25)) & high
    let flip = (atLeastFirst & ~pastLast) >> 2
    return x ^ flip
  }
}
