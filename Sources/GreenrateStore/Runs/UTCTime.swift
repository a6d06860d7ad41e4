#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock times as the `runs` table stores them: ISO 8601 in UTC, to the second.
package enum UTCTime {
  /// Now, e.g. `2026-11-29T17:30:00Z`.
  package static func now() -> String { format(time(nil)) }

  /// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
  static func format(_ seconds: time_t) -> String {
    var t = seconds
    var parts = tm()
    gmtime_r(&t, &parts)
    func pad(_ v: Int32, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
      + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
  }
}
