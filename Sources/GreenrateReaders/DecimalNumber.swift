/// Decimal text to `Double` on bytes, correctly rounded, for both input grammars.
///
/// The common case (at most 19 digits forming an integer up to 2^53, and a power of
/// ten within ±22) is exact in one multiplication or division (Clinger's fast
/// path). Anything else goes through the standard library's correctly rounded parser
/// with a canonical `DIGITSeEXP` string, so the result never depends on the grammar
/// the standard library happens to accept.
enum DecimalNumber {
  /// 10^e for 0 <= e <= 22, the powers of ten that are exact in a `Double` (a switch
  /// the compiler turns into a constant table, with no lazy global to check).
  @inline(__always)
  private static func powerOfTen(_ e: Int) -> Double {
    switch e {
    case 0: return 1e0
    case 1: return 1e1
    case 2: return 1e2
    case 3: return 1e3
    case 4: return 1e4
    case 5: return 1e5
    case 6: return 1e6
    case 7: return 1e7
    case 8: return 1e8
    case 9: return 1e9
    case 10: return 1e10
    case 11: return 1e11
    case 12: return 1e12
    case 13: return 1e13
    case 14: return 1e14
    case 15: return 1e15
    case 16: return 1e16
    case 17: return 1e17
    case 18: return 1e18
    case 19: return 1e19
    case 20: return 1e20
    case 21: return 1e21
    default: return 1e22
    }
  }

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
    digits(p, &i, n, &mantissa)
    let intDigits = i - digitsStart
    var fracDigits = 0
    if i < n && p[i] == UInt8(ascii: ".") {
      i += 1
      let fracStart = i
      digits(p, &i, n, &mantissa)
      fracDigits = i - fracStart
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
      negative: negative, mantissa: mantissa, digitCount: intDigits + fracDigits,
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
    guard i < n && p[i] &- 48 < 10 else { return nil }
    if p[i] == UInt8(ascii: "0") {
      i += 1
    } else {
      digits(p, &i, n, &mantissa)
    }
    let intDigits = i - digitsStart
    var fracDigits = 0
    if i < n && p[i] == UInt8(ascii: ".") {
      i += 1
      let fracStart = i
      digits(p, &i, n, &mantissa)
      fracDigits = i - fracStart
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
      negative: negative, mantissa: mantissa, digitCount: intDigits + fracDigits,
      exponent: exponent - fracDigits, digits: p + digitsStart, digitsCount: digitsEnd - digitsStart
    )
  }

  /// Consumes decimal digits, folding them into `mantissa` (which wraps past 19 digits;
  /// `convert` then ignores it).
  @inline(__always)
  private static func digits(
    _ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int, _ mantissa: inout UInt64
  ) {
    while i < n {
      let d = p[i] &- 48
      if d >= 10 { return }
      mantissa = mantissa &* 10 &+ UInt64(d)
      i += 1
    }
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

  /// `mantissa` is the value of all `digitCount` digits when there are at most 19.
  @inline(__always)
  private static func convert(
    negative: Bool, mantissa: UInt64, digitCount: Int, exponent: Int,
    digits: UnsafePointer<UInt8>, digitsCount: Int
  ) -> Double {
    if digitCount <= 19 {
      if mantissa == 0 { return negative ? -0.0 : 0.0 }
      if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
        var x = Double(mantissa)
        if exponent >= 0 { x *= powerOfTen(exponent) } else { x /= powerOfTen(-exponent) }
        return negative ? -x : x
      }
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
