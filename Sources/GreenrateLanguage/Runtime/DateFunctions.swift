/// `years_since` and `days_since`, measured to the frame's as-of date.
enum DateFunctions {
  /// The range of `k` covered by `anniversaries(asOf:)`: dates from about 130 years before
  /// as-of to 2 after, which holds every plausible founding or birth date.
  static let anniversaryRange = -2...130

  /// For each k in `anniversaryRange`, the last day d with `years_since(d) >= k`: the day
  /// of as-of's month and day in the year k years before (the 28th of February when
  /// as-of is the 29th and that year has none). Decreasing in k.
  static func anniversaries(asOf: Int) -> [Int] {
    let (year, month, day) = Day.civil(asOf)
    return anniversaryRange.map { k in
      let y = year - k
      return Day.number(year: y, month: month, day: min(day, Day.daysIn(month: month, year: y)))
    }
  }

  /// Completed years from `day` to as-of, like an age: the difference of the years, minus
  /// one when as-of's (month, day) is before the date's. NaN only when `day` is not a day.
  @inline(__always)
  static func yearsSince(_ day: Double, _ frame: Frame) -> Double {
    guard day.isFinite, abs(day) < 10_000_000 else { return .nan }
    let d = Int(day)
    // years_since(d) is the largest k with d <= anniversary(k); a year is 365.2425 days
    // on average, so this guess is off by at most one.
    let table = frame.anniversaries
    let low = anniversaryRange.lowerBound
    let count = anniversaryRange.count
    var k = (frame.asOf - d) * 400 / 146_097
    if k - low >= 1 && k - low < count - 2 {
      if d > table[k - low] { k -= 1 } else if d <= table[k + 1 - low] { k += 1 }
      if d <= table[k - low] && d > table[k + 1 - low] { return Double(k) }
    }
    let civil = Day.civil(d)
    var years = frame.asOfYear - civil.year
    if frame.asOfMonthDay < civil.month * 100 + civil.day { years -= 1 }
    return Double(years)
  }

  /// Days from `day` to as-of (negative when `day` is later).
  @inline(__always)
  static func daysSince(_ day: Double, asOf: Int) -> Double {
    Double(asOf) - day
  }
}
