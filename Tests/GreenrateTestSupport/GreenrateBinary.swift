import Foundation

/// The built `greenrate` executable the process tests launch.
package enum GreenrateBinary {
  /// `$GREENRATE_BIN`, else the `greenrate` built beside these tests (whatever the
  /// scratch path), else `.build/debug/greenrate` of this package; nil unless it runs.
  package static let url: URL? = {
    let url =
      ProcessInfo.processInfo.environment["GREENRATE_BIN"].map { URL(fileURLWithPath: $0) }
      ?? besideTests ?? BatchFixture.packageRoot.appendingPathComponent(".build/debug/greenrate")
    guard FileManager.default.isExecutableFile(atPath: url.path),
      (try? launch(url, ["batch", "--help"]).waitStatus()) == 0
    else { return nil }
    return url
  }()

  /// Starts the executable at `binary` with its output discarded.
  package static func launch(_ binary: URL, _ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// The test bundle sits in the build folder with the products.
  private static var besideTests: URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("greenrate")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return nil
  }
}

extension Process {
  /// Waits and returns the exit status (or 128 + signal).
  package func waitStatus() -> Int32 {
    waitUntilExit()
    return terminationReason == .exit ? terminationStatus : 128 + terminationStatus
  }
}
