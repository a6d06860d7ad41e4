/// Number helpers shared by the compiled code.
enum Rounding {
  /// Exact powers of ten for `round`'s digits (0–10 are all exact in a double).
  private static let powersOfTen: [Double] = [
    1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
  ]

  /// `round(x, digits)`: (x·10^digits) rounded half away from zero, divided by 10^digits,
  /// in double arithmetic, as the contract defines it (not decimal rounding).
  static func round(_ x: Double, digits: Int) -> Double {
    round(x, scale: scale(digits: digits))
  }

  /// 10^digits for the digits `round` accepts (0–10, all exact in a double).
  static func scale(digits: Int) -> Double {
    digits >= 0 && digits < powersOfTen.count ? powersOfTen[digits] : 1
  }

  /// `round` with 10^digits already looked up.
  @inline(__always)
  static func round(_ x: Double, scale: Double) -> Double {
    if scale == 1 { return x.rounded(.toNearestOrAwayFromZero) }
    return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
  }

  /// A number as an analyst would write it in a message: `-4`, `0.5`, `1e+20`.
  static func describe(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(.towardZero), abs(x) < 1e15 {
      return String(Int(x))
    }
    return x.description
  }
}
