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
    return make(a, b | UInt64(0xE0 | n) << 56)
  }

  /// An inline ASCII text with a–z mapped to A–Z (or A–Z to a–z when `upper` is false).
  @inline(__always)
  static func mapCase(_ low: UInt64, _ high: UInt64, upper: Bool) -> Text {
    let top: UInt64 = 0xFF00_0000_0000_0000
    let a = mapCase(low, upper: upper)
    let b = mapCase(high & ~top, upper: upper) | (high & top)
    return make(a, b)
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
