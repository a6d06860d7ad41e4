/// Byte-level reading of the small JSON texts a rating row stores (`reasons`,
/// `outputs`, ...): find where a value ends, decode a string, without building values.
///
/// The texts were written by `JSONWriter`, but a reader must not trust a database file:
/// every function stops at the end of the buffer and never reads past it.
enum JSONBytes {
  static let quote = UInt8(ascii: "\"")
  static let backslash = UInt8(ascii: "\\")

  /// The index after spaces from `i`.
  static func skipSpace(_ p: UnsafeRawBufferPointer, _ i: Int) -> Int {
    var i = i
    while i < p.count, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
    return i
  }

  /// The index just after the value starting at `i` (a string, number, literal, array
  /// or object).
  static func skipValue(_ p: UnsafeRawBufferPointer, _ i: Int) -> Int {
    guard i < p.count else { return i }
    switch p[i] {
    case quote: return skipString(p, i)
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      var depth = 0
      var j = i
      while j < p.count {
        switch p[j] {
        case quote:
          j = skipString(p, j)
          continue
        case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          depth -= 1
          if depth == 0 { return j + 1 }
        default: break
        }
        j += 1
      }
      return j
    default:
      var j = i
      while j < p.count,
        !(p[j] == UInt8(ascii: ",") || p[j] == UInt8(ascii: "]")
          || p[j] == UInt8(ascii: "}") || p[j] == 0x20)
      {
        j += 1
      }
      return j
    }
  }

  /// The index just after the string whose opening quote is at `i`.
  static func skipString(_ p: UnsafeRawBufferPointer, _ i: Int) -> Int {
    var j = i + 1
    while j < p.count {
      if p[j] == backslash {
        j += 2
        continue
      }
      if p[j] == quote { return j + 1 }
      j += 1
    }
    return p.count
  }

  /// Appends the decoded UTF-8 of the string whose opening quote is at `i`; returns
  /// the index after its closing quote.
  static func decodeString(_ p: UnsafeRawBufferPointer, _ i: Int, into out: inout [UInt8]) -> Int {
    var j = i + 1
    // The usual case, no escape: one bulk copy.
    var k = j
    while k < p.count, p[k] != quote, p[k] != backslash { k += 1 }
    out += UnsafeRawBufferPointer(rebasing: p[j..<k])
    j = k
    while j < p.count {
      let b = p[j]
      if b == quote { return j + 1 }
      if b != backslash {
        out.append(b)
        j += 1
        continue
      }
      guard j + 1 < p.count else { return p.count }
      let e = p[j + 1]
      j += 2
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        guard var scalar = hex4(p, j) else { continue }
        j += 4
        if (0xD800..<0xDC00).contains(scalar), j + 6 <= p.count, p[j] == backslash,
          p[j + 1] == UInt8(ascii: "u"), let low = hex4(p, j + 2), (0xDC00..<0xE000).contains(low)
        {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          j += 6
        }
        appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", into: &out)
      default: out.append(e)
      }
    }
    return p.count
  }

  private static func hex4(_ p: UnsafeRawBufferPointer, _ i: Int) -> UInt32? {
    guard i + 4 <= p.count else { return nil }
    var v: UInt32 = 0
    for k in i..<i + 4 {
      let c = p[k]
      let d: UInt8
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
      default: return nil
      }
      v = v << 4 | UInt32(d)
    }
    return v
  }

  private static func appendUTF8(_ s: Unicode.Scalar, into out: inout [UInt8]) {
    UTF8.encode(s) { out.append($0) }
  }
}
