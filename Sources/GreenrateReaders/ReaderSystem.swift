#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The readers' operating-system calls, in one place (the engine's are in `System`; the
/// readers are a target of their own and do not see it).
enum ReaderSystem {
  /// Opens a file for reading: its descriptor, and its size when it is a regular file.
  static func openFile(_ path: String) throws(ReaderError) -> (descriptor: Int32, size: Int64?) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw ReaderError("cannot open \(path): \(errnoText())") }
    var info = stat()
    var size: Int64? = nil
    if fstat(descriptor, &info) == 0 {
      if info.st_mode & S_IFMT == S_IFDIR {
        close(descriptor)
        throw ReaderError("cannot read \(path): it is a directory")
      }
      if info.st_mode & S_IFMT == S_IFREG { size = Int64(info.st_size) }
    }
    return (descriptor, size)
  }

  static func closeFile(_ descriptor: Int32) { _ = close(descriptor) }

  /// Moves the file position to `offset`; false (with `errno` set) when it cannot.
  static func seek(_ descriptor: Int32, to offset: Int64) -> Bool {
    lseek(descriptor, off_t(offset), SEEK_SET) >= 0
  }

  /// `read(2)` into `p`, retried when interrupted: the bytes read (0 at the end), or nil
  /// on an error (`errno` set).
  static func readBytes(_ descriptor: Int32, into p: UnsafeMutablePointer<UInt8>, count: Int)
    -> Int?
  {
    while true {
      let n = read(descriptor, p, count)
      if n >= 0 { return n }
      if errno != EINTR { return nil }
    }
  }

  /// The last system error, as words.
  static func errnoText() -> String {
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(cString: text)
  }

  /// The index in `p[0..<count]` of the first LF, or nil.
  @inline(__always)
  static func firstNewline(_ p: UnsafePointer<UInt8>, count: Int) -> Int? {
    guard count > 0, let found = memchr(p, 0x0A, count) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(p)
  }

  /// Whether `a[0..<count]` and `b[0..<count]` are the same bytes.
  @inline(__always)
  static func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
    count == 0 || memcmp(a, b, count) == 0
  }
}
