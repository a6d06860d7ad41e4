/// Calendar arithmetic on days of the proleptic Gregorian calendar, years 0001–9999.
///
/// A date is held as its day number relative to 1970-01-01 (negative before), which is
/// exact in a `Double` and so fits the evaluator's scalar registers.
package enum Day {
  /// The day number of a civil date (Howard Hinnant's `days_from_civil`).
  @inlinable
  package static func number(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The civil date of a day number.
  package static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  @inlinable
  package static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  @inlinable
  package static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Parses exactly `YYYY-MM-DD` (a real day, years 0001–9999); nil otherwise.
  @inlinable
  package static func parse<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    guard bytes.count == 10 else { return nil }
    var fields = (0, 0, 0)
    var i = 0
    for b in bytes {
      if i == 4 || i == 7 {
        guard b == UInt8(ascii: "-") else { return nil }
      } else {
        guard b >= 48 && b <= 57 else { return nil }
        let v = Int(b) - 48
        if i < 4 {
          fields.0 = fields.0 * 10 + v
        } else if i < 7 {
          fields.1 = fields.1 * 10 + v
        } else {
          fields.2 = fields.2 * 10 + v
        }
      }
      i += 1
    }
    let (year, month, day) = fields
    guard year >= 1, month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year)
    else { return nil }
    return number(year: year, month: month, day: day)
  }

  /// Parses a `YYYY-MM-DD` string; nil unless it is a real day in years 0001–9999.
  package static func parse(_ string: String) -> Int? { parse(Array(string.utf8)) }

  /// Formats a day number as `YYYY-MM-DD`.
  package static func format(_ days: Int) -> String {
    let (y, m, d) = civil(days)
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }
}
