#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension System {
  /// Writes `bytes` to `path` in one step: to `PATH.partial` first, then renamed over
  /// `path`, so a reader never sees half a file and a failure (a full disk) leaves the
  /// old file as it was. Returns nil on success, else the failure's errno (so the
  /// message can say "No space left on device", which Foundation's errors do not on
  /// Linux).
  package static func writeFileAtomically(_ path: String, _ bytes: [UInt8]) -> Int32? {
    let partial = path + ".partial"
    let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return errno }
    var failure = writeAll(fd, bytes)
    if close(fd) != 0, failure == nil { failure = errno }
    if failure == nil, rename(partial, path) != 0 { failure = errno }
    if failure != nil { unlink(partial) }
    return failure
  }
}
