#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few operating-system facts the batch needs, without Foundation.
package enum System {
  /// Cores the process may run on.
  static var activeProcessorCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// Seconds on a monotonic clock (for rates and elapsed times).
  static func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Today's day number in UTC: the default as-of date of every run.
  package static func todayUTC() -> Int { Int(time(nil) / 86_400) }

  /// Whether standard error is a terminal: progress is drawn only then.
  package static var stderrIsTerminal: Bool { isatty(2) == 1 }

  /// Writes text to standard error as it is (no newline added).
  static func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let n = write(2, base + offset, bytes.count - offset)
        if n <= 0 { return }
        offset += n
      }
    }
  }

  /// The canonical absolute path of an existing file, or nil.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The size of a regular file, or nil.
  static func fileSize(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int64(info.st_size)
  }

  /// `memcmp`: negative, zero or positive as `a[0..<n]` is before, equal to or after
  /// `b[0..<n]` in byte order.
  @inline(__always)
  static func compareBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count n: Int)
    -> Int32
  {
    n == 0 ? 0 : memcmp(a, b, n)
  }

  /// Sleeps for `milliseconds`.
  static func sleep(milliseconds: Int) { usleep(UInt32(milliseconds * 1000)) }
}
