#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension System {
  /// Writes every byte to `descriptor` (retrying short writes and EINTR). Returns nil
  /// when all were written, else the failure's errno (EIO for a write of 0 bytes).
  ///
  /// A closed pipe raises SIGPIPE here as for any write: its default action (the
  /// process ends quietly, as `| head` expects) is left alone.
  package static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBufferPointer { buffer -> Int32? in
      guard let base = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let n = write(descriptor, base + offset, buffer.count - offset)
        if n > 0 {
          offset += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          return n < 0 ? errno : EIO
        }
      }
      return nil
    }
  }

  /// The text of an errno value (`No space left on device`).
  package static func errorText(_ number: Int32) -> String {
    guard let text = strerror(number) else { return "error \(number)" }
    return String(cString: text)
  }
}
