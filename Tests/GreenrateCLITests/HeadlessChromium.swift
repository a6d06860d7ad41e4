import Foundation
import Testing

/// Debian's `chromium` run headless, as the report's readers' browser: it loads a page
/// from disk and prints its DOM or saves a screenshot. Missing chromium fails the test
/// (`scripts/setup` installs it); nothing is skipped.
enum HeadlessChromium {
  /// The `chromium` on PATH.
  static func binary() throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("chromium")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    Issue.record("no `chromium` on PATH: run scripts/setup (it installs Debian's chromium)")
    throw CancellationError()
  }

  /// Runs chromium headless on `page` with `arguments` and returns its standard output.
  /// Flags: no sandbox (tests run as root in CI), no GPU, a private profile folder.
  static func run(_ arguments: [String], page: URL, profile: URL) throws -> String {
    let process = Process()
    process.executableURL = try binary()
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--no-first-run", "--disable-extensions", "--user-data-dir=\(profile.path)",
      ] + arguments + [page.absoluteString]
    let out = profile.appendingPathExtension("out")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: out) }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "chromium exited \(process.terminationStatus)")
    return String(decoding: try Data(contentsOf: out), as: UTF8.self)
  }

  /// The distinct pixel colours (`rrggbb`) in the top `rows` rows of a PNG, sampled on
  /// every other pixel: decoded by Python's zlib (every Debian has python3), PNG
  /// filters undone, 8-bit RGB or RGBA as chromium writes them.
  static func colours(png: URL, rows: Int) throws -> Set<String> {
    let script = """
      import sys, zlib, struct
      data = open(sys.argv[1], 'rb').read()
      assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
      pos, idat, w, h, ctype = 8, b'', 0, 0, 0
      while pos < len(data):
          n, kind = struct.unpack('>I4s', data[pos:pos + 8])
          body = data[pos + 8:pos + 8 + n]
          if kind == b'IHDR':
              w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
              assert depth == 8, 'depth %d' % depth
          elif kind == b'IDAT':
              idat += body
          pos += 12 + n
      bpp = {2: 3, 6: 4}[ctype]
      raw = zlib.decompress(idat)
      stride = w * bpp
      prev = bytearray(stride)
      colours = set()
      for y in range(min(h, int(sys.argv[2]))):
          f = raw[y * (stride + 1)]
          line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
          for i in range(stride):
              a = line[i - bpp] if i >= bpp else 0
              b = prev[i]
              c = prev[i - bpp] if i >= bpp else 0
              if f == 1: line[i] = (line[i] + a) & 255
              elif f == 2: line[i] = (line[i] + b) & 255
              elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
              elif f == 4:
                  p = a + b - c
                  pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                  pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                  line[i] = (line[i] + pr) & 255
          for i in range(0, stride, bpp * 2):
              colours.add(bytes(line[i:i + 3]).hex())
          prev = line
      print(' '.join(sorted(colours)))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, png.path, String(rows)]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python3 could not decode \(png.path)")
    return Set(
      String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
    )
  }
}
