/// Decimal text to `Double` on bytes, correctly rounded, for both input grammars.
///
/// The common case (at most 19 significant digits forming an integer below 2^53, and a
/// power of ten within ±22) is exact in one multiplication or division (Clinger's fast
/// path). Anything else goes through the standard library's correctly rounded parser
/// with a canonical `DIGITSeEXP` string, so the result never depends on the grammar
/// the standard library happens to accept.
enum DecimalNumber {
  /// The powers of ten that are exact in a `Double`.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// Larger exponents than this are infinite or zero anyway; clamping keeps the
  /// arithmetic from overflowing on absurd inputs.
  private static let exponentLimit = 1_000_000_000

  /// Parses a CSV `number` cell: `[+-]? (D+ ('.' D*)? | '.' D+) ([eE] [+-]? D+)?`.
  /// Returns NaN when the text breaks the grammar or the value is not finite.
  @inline(__always)
  static func parseCSV(_ p: UnsafePointer<UInt8>, count n: Int) -> Double {
    var i = 0
    var negative = false
    if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) {
      negative = p[i] == UInt8(ascii: "-")
      i += 1
    }
    let digitsStart = i
    var mantissa: UInt64 = 0
    var significant = 0
    var intDigits = 0
    while i < n && p[i] &- 48 < 10 {
      accumulate(p[i], &mantissa, &significant)
      i += 1
      intDigits += 1
    }
    var fracDigits = 0
    if i < n && p[i] == UInt8(ascii: ".") {
      i += 1
      while i < n && p[i] &- 48 < 10 {
        accumulate(p[i], &mantissa, &significant)
        i += 1
        fracDigits += 1
      }
    }
    guard intDigits + fracDigits > 0 else { return .nan }
    let digitsEnd = i
    var exponent = 0
    if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
      i += 1
      guard let e = parseExponent(p, &i, n) else { return .nan }
      exponent = e
    }
    guard i == n else { return .nan }
    return convert(
      negative: negative, mantissa: mantissa, significant: significant,
      exponent: exponent - fracDigits, digits: p + digitsStart, digitsCount: digitsEnd - digitsStart
    )
  }

  /// Scans a JSON number (RFC 8259) starting at `i`, which holds `-` or a digit, and
  /// moves `i` past it. Returns nil when the grammar is broken, NaN when not finite.
  @inline(__always)
  static func scanJSON(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> Double? {
    var negative = false
    if p[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    let digitsStart = i
    var mantissa: UInt64 = 0
    var significant = 0
    guard i < n && p[i] &- 48 < 10 else { return nil }
    if p[i] == UInt8(ascii: "0") {
      i += 1
    } else {
      while i < n && p[i] &- 48 < 10 {
        accumulate(p[i], &mantissa, &significant)
        i += 1
      }
    }
    var fracDigits = 0
    if i < n && p[i] == UInt8(ascii: ".") {
      i += 1
      while i < n && p[i] &- 48 < 10 {
        accumulate(p[i], &mantissa, &significant)
        i += 1
        fracDigits += 1
      }
      guard fracDigits > 0 else { return nil }
    }
    let digitsEnd = i
    var exponent = 0
    if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
      i += 1
      guard let e = parseExponent(p, &i, n) else { return nil }
      exponent = e
    }
    return convert(
      negative: negative, mantissa: mantissa, significant: significant,
      exponent: exponent - fracDigits, digits: p + digitsStart, digitsCount: digitsEnd - digitsStart
    )
  }

  @inline(__always)
  private static func accumulate(_ c: UInt8, _ mantissa: inout UInt64, _ significant: inout Int) {
    let d = UInt64(c &- 48)
    if significant == 0 && d == 0 { return }  // a leading zero
    if significant < 19 { mantissa = mantissa &* 10 &+ d }
    significant += 1
  }

  /// `[+-]? D+` after the `e`; nil without a digit.
  @inline(__always)
  private static func parseExponent(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> Int? {
    var negative = false
    if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) {
      negative = p[i] == UInt8(ascii: "-")
      i += 1
    }
    let start = i
    var e = 0
    while i < n && p[i] &- 48 < 10 {
      if e < exponentLimit { e = e * 10 + Int(p[i] &- 48) }
      i += 1
    }
    guard i > start else { return nil }
    return negative ? -e : e
  }

  @inline(__always)
  private static func convert(
    negative: Bool, mantissa: UInt64, significant: Int, exponent: Int,
    digits: UnsafePointer<UInt8>, digitsCount: Int
  ) -> Double {
    if significant == 0 { return negative ? -0.0 : 0.0 }
    if significant <= 19 && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
      var x = Double(mantissa)
      if exponent >= 0 { x *= powersOfTen[exponent] } else { x /= powersOfTen[-exponent] }
      return negative ? -x : x
    }
    return slowConvert(
      negative: negative, exponent: exponent, digits: digits, digitsCount: digitsCount)
  }

  @inline(never)
  private static func slowConvert(
    negative: Bool, exponent: Int, digits: UnsafePointer<UInt8>, digitsCount: Int
  ) -> Double {
    var text: [UInt8] = []
    text.reserveCapacity(digitsCount + 16)
    if negative { text.append(UInt8(ascii: "-")) }
    for k in 0..<digitsCount where digits[k] != UInt8(ascii: ".") { text.append(digits[k]) }
    text.append(UInt8(ascii: "e"))
    text.append(contentsOf: String(exponent).utf8)
    guard let x = Double(String(decoding: text, as: UTF8.self)), x.isFinite else { return .nan }
    return x
  }
}
