#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension System {
  /// The whole content of a regular file, or nil when it cannot be read (missing, a
  /// folder, no permission). For small files: rule files, case files.
  package static func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size))
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n == 0 { return bytes }
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      bytes.append(contentsOf: block[0..<n])
    }
  }
}
