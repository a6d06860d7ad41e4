/// `years_since` and `days_since`, measured to the frame's as-of date.
enum DateFunctions {
  /// Completed years from `day` to as-of, like an age: the difference of the years, minus
  /// one when as-of's (month, day) is before the date's. NaN only when `day` is not a day.
  @inline(__always)
  static func yearsSince(_ day: Double, asOfYear: Int, asOfMonthDay: Int) -> Double {
    guard day.isFinite, abs(day) < 10_000_000 else { return .nan }
    let civil = Day.civil(Int(day))
    var years = asOfYear - civil.year
    if asOfMonthDay < civil.month * 100 + civil.day { years -= 1 }
    return Double(years)
  }

  /// Days from `day` to as-of (negative when `day` is later).
  @inline(__always)
  static func daysSince(_ day: Double, asOf: Int) -> Double {
    Double(asOf) - day
  }
}
