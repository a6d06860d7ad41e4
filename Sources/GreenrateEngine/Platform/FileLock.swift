#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exclusive locks on single bytes of one lock file, which the kernel drops when the
/// process ends however it ends (kill -9 included): ownership that cannot go stale.
///
/// On Linux these are open-file-description locks (`F_OFD_SETLK`): unlike classic
/// POSIX record locks they conflict within one process too and are not dropped when
/// some other descriptor of the file is closed. Elsewhere, classic `F_SETLK` locks.
/// The file is never deleted (deleting a lock file races with whoever opens it next);
/// it stays empty, since a lock may lie beyond a file's end.
package final class FileLock {
  package let path: String
  private let fd: Int32

  /// Opens (creating if needed) the lock file.
  package init(path: String) throws(SystemError) {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw SystemError("cannot open the lock file \(path): \(System.errorText(errno))")
    }
    self.path = path
    self.fd = fd
  }

  deinit { close(fd) }

  /// Takes the lock on byte `index` without waiting; false when another holder has it.
  package func tryLock(_ index: Int64) throws(SystemError) -> Bool {
    try set(index, type: Int16(F_WRLCK))
  }

  /// Releases the lock on byte `index`.
  package func unlock(_ index: Int64) {
    _ = try? set(index, type: Int16(F_UNLCK))
  }

  /// Whether some process holds the lock on byte `index` of the lock file at `path`,
  /// asked without taking it (so asking never gets in a holder's way); false when the
  /// file does not exist (nothing ever locked it), nil when it cannot be asked.
  package static func isHeld(path: String, index: Int64) -> Bool? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { return errno == ENOENT ? false : nil }
    defer { close(fd) }
    var lock = flock()
    lock.l_type = Int16(F_WRLCK)
    lock.l_whence = Int16(SEEK_SET)
    lock.l_start = off_t(index)
    lock.l_len = 1
    lock.l_pid = 0
    #if os(Linux)
      let command: Int32 = 36  // F_OFD_GETLK (not exported to Swift by Glibc)
    #else
      let command = F_GETLK
    #endif
    guard fcntl(fd, command, &lock) == 0 else { return nil }
    return lock.l_type != Int16(F_UNLCK)
  }

  private func set(_ index: Int64, type: Int16) throws(SystemError) -> Bool {
    var lock = flock()
    lock.l_type = type
    lock.l_whence = Int16(SEEK_SET)
    lock.l_start = off_t(index)
    lock.l_len = 1
    lock.l_pid = 0
    #if os(Linux)
      let command: Int32 = 37  // F_OFD_SETLK (not exported to Swift by Glibc)
    #else
      let command = F_SETLK
    #endif
    while fcntl(fd, command, &lock) != 0 {
      if errno == EINTR { continue }
      if errno == EAGAIN || errno == EACCES { return false }
      throw SystemError("cannot lock \(path): \(System.errorText(errno))")
    }
    return true
  }
}
