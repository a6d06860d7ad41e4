import Foundation
import NIOConcurrencyHelpers

/// Where the server's log lines go: standard error, through a buffer that a thread of
/// its own writes out every 50 ms, so that the one line per request costs an append
/// under a lock instead of a write(2) each (and a time-zone lookup each, as
/// swift-log's `StreamLogHandler` does through `localtime_r`).
///
/// Request lines are buffered; any other line is written at once, after what is
/// buffered, so start-up, reload and stop messages are never late and keep their order.
final class LogSink: @unchecked Sendable {
  private let lock = NIOLock()
  // Guarded by `lock`.
  private var buffer: [UInt8] = []
  private var second = -1
  private var secondText: [UInt8] = []
  private let descriptor: Int32

  /// Flushes above this size without waiting for the timer.
  static let highWater = 1 << 16

  init(descriptor: Int32 = 2) {
    self.descriptor = descriptor
    buffer.reserveCapacity(LogSink.highWater)
    let thread = Thread { [weak self] in
      while let sink = self {
        sink.flush()
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
    thread.name = "greenrate-log"
    thread.start()
  }

  /// Appends one line: the UTC time to the millisecond, then `body` (which ends without
  /// a line break).
  func write(_ body: [UInt8], now: Bool) {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    let full: [UInt8]? = lock.withLock {
      stamp(time)
      buffer.append(contentsOf: body)
      buffer.append(0x0A)
      guard now || buffer.count >= LogSink.highWater else { return nil }
      defer { buffer.removeAll(keepingCapacity: true) }
      return buffer
    }
    if let full { writeAll(full) }
  }

  /// Writes out what is buffered.
  func flush() {
    let pending: [UInt8] = lock.withLock {
      defer { buffer.removeAll(keepingCapacity: true) }
      return buffer
    }
    if !pending.isEmpty { writeAll(pending) }
  }

  /// `2026-12-04T08:58:00.123Z ` (the date part made once a second).
  private func stamp(_ time: timespec) {
    let seconds = time.tv_sec
    if seconds != second {
      var parts = tm()
      var t = seconds
      gmtime_r(&t, &parts)
      secondText = Array(
        String(
          format: "%04d-%02d-%02dT%02d:%02d:%02d.", Int(parts.tm_year) + 1900,
          Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
          Int(parts.tm_sec)
        ).utf8)
      second = seconds
    }
    buffer.append(contentsOf: secondText)
    let millis = Int(time.tv_nsec) / 1_000_000
    buffer.append(UInt8(48 + millis / 100))
    buffer.append(UInt8(48 + millis / 10 % 10))
    buffer.append(UInt8(48 + millis % 10))
    buffer.append(UInt8(ascii: "Z"))
    buffer.append(UInt8(ascii: " "))
  }

  private func writeAll(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
      guard var p = raw.baseAddress else { return }
      var left = raw.count
      while left > 0 {
        let n = Foundation.write(descriptor, p, left)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        p += n
        left -= n
      }
    }
  }
}
