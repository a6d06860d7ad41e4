/// Texts of up to 15 ASCII bytes handled as the two words Swift stores them in.
///
/// A string of at most 15 UTF-8 bytes is stored inline: the bytes in order (the first
/// word holds bytes 0–7, the second bytes 8–14), zero-padded, with a discriminator and
/// the count in the top byte (0xE0 | count when every byte is ASCII). That form is fixed
/// by the bytes, so a substring or a case mapping of such a text can be computed on the
/// words and turned back into a string without touching memory. `isUsable` checks, once
/// per program, that this platform really stores strings so; if not, callers take the
/// general path.
enum InlineText {
  /// Whether the two-word form works here, checked by round trips.
  static func checkUsable() -> Bool {
    #if arch(x86_64) || arch(arm64)
      guard MemoryLayout<String>.size == 16 else { return false }
      for sample in ["", "a", "C1713", "exactly15bytes!"] {
        guard let words = asciiWords(Text(sample)), make(words.low, words.high).string == sample
        else { return false }
      }
      let abc = make(0x63_6261, 0xE3 << 56).string
      guard let empty = asciiWords(Text("")), empty == emptyWords else { return false }
      return abc == "abc" && abc.utf8.count == 3 && asciiWords(Text("é")) == nil
        && asciiWords(Text("sixteen bytes ok")) == nil
    #else
      return false
    #endif
  }

  /// The words of an inline ASCII text; nil for any other text.
  @inline(__always)
  static func asciiWords(_ text: Text) -> (low: UInt64, high: UInt64)? {
    #if arch(x86_64) || arch(arm64)
      let (low, high) = unsafeBitCast(text.string, to: (UInt64, UInt64).self)
      return high >> 60 == 0xE ? (low, high) : nil
    #else
      return nil
    #endif
  }

  /// The words of the inline ASCII text in a register; nil for any other text and for a
  /// missing one (see `TextMatcher.inline(at:)`).
  @inline(__always)
  static func asciiWords(at register: UnsafePointer<Text?>) -> (low: UInt64, high: UInt64)? {
    guard let words = TextMatcher.inline(at: register), words.high >> 60 == 0xE else { return nil }
    return (words.low, words.high)
  }

  /// The number of bytes of an inline text, from its second word.
  @inline(__always)
  static func count(_ high: UInt64) -> Int { Int((high >> 56) & 0xF) }

  /// The text stored as these words (which must be a valid inline ASCII form).
  @inline(__always)
  static func make(_ low: UInt64, _ high: UInt64) -> Text {
    #if arch(x86_64) || arch(arm64)
      return Text(unsafeBitCast((low, high), to: String.self))
    #else
      return Text("")
    #endif
  }

  /// Bytes [from, to) of an inline ASCII text, 0 ≤ from < to ≤ its count.
  @inline(__always)
  static func slice(_ low: UInt64, _ high: UInt64, from: Int, to: Int) -> Text {
    let words = sliceWords(low, high, from: from, to: to)
    return make(words.low, words.high)
  }

  /// The words of `slice`.
  @inline(__always)
  static func sliceWords(_ low: UInt64, _ high: UInt64, from: Int, to: Int)
    -> (low: UInt64, high: UInt64)
  {
    var a = low
    var b = high & 0x00FF_FFFF_FFFF_FFFF
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
    return (a, b | UInt64(0xE0 | n) << 56)
  }

  /// An inline ASCII text with a–z mapped to A–Z (or A–Z to a–z when `upper` is false).
  @inline(__always)
  static func mapCase(_ low: UInt64, _ high: UInt64, upper: Bool) -> Text {
    let words = mapCaseWords(low, high, upper: upper)
    return make(words.low, words.high)
  }

  /// The words of `mapCase`.
  @inline(__always)
  static func mapCaseWords(_ low: UInt64, _ high: UInt64, upper: Bool)
    -> (low: UInt64, high: UInt64)
  {
    let top: UInt64 = 0xFF00_0000_0000_0000
    return (mapCase(low, upper: upper), mapCase(high & ~top, upper: upper) | (high & top))
  }

  /// `substr(_, start, length)`'s bytes [first, end) of any inline text, for constant
  /// positions: computed once, as the general `substr` would (positions truncated toward
  /// zero, NaN as 0), so that per record only integers are compared. Positions past 15
  /// all mean the end of the text; `first` is 16 when every inline text gives "".
  static func substrBounds(start: Double, length: Double) -> (first: Int, end: Int) {
    let from = start.isNaN ? 0 : start.rounded(.towardZero)
    let to = from + (length.isNaN ? 0 : length.rounded(.towardZero))
    let lo = max(from, 0)
    guard to > lo, lo < 16 else { return (16, 16) }
    return (Int(lo), to < 16 ? Int(to) : 16)
  }

  /// The words of bytes [first, end) of an inline ASCII text, cut to its count (see
  /// `substrBounds`).
  @inline(__always)
  static func substrWords(_ low: UInt64, _ high: UInt64, first: Int, end: Int)
    -> (low: UInt64, high: UInt64)
  {
    let n = count(high)
    guard first < n else { return emptyWords }
    let last = end < n ? end : n
    if first == 0 && last == n { return (low, high) }
    return sliceWords(low, high, from: first, to: last)
  }

  /// The words of the empty text.
  static let emptyWords: (low: UInt64, high: UInt64) = (0, 0xE0 << 56)

  /// Writes an inline ASCII text, given as its words, into a register, when the register
  /// holds nothing to release (a missing or inline text); false, writing nothing, when it
  /// does. An ordinary assignment would retain the new string and release the old one:
  /// two runtime calls that do nothing for inline strings but cost as much as the rest
  /// of a `substr`.
  @inline(__always)
  static func store(
    _ words: (low: UInt64, high: UInt64), into register: UnsafeMutablePointer<Text?>
  )
    -> Bool
  {
    #if arch(x86_64) || arch(arm64)
      guard MemoryLayout<Text?>.size == 16 else { return false }
      let raw = UnsafeMutableRawPointer(register)
      let old = raw.load(as: (UInt64, UInt64).self)
      let discriminator = old.1 >> 60
      // Inline (0xE ASCII, 0xA other) or missing (both words zero: a null object).
      guard discriminator == 0xE || discriminator == 0xA || (old.0 == 0 && old.1 == 0) else {
        return false
      }
      raw.storeBytes(of: (words.low, words.high), as: (UInt64, UInt64).self)
      return true
    #else
      return false
    #endif
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
