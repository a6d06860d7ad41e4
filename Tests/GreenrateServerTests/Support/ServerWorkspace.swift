import Foundation
import Testing

/// A temporary folder with generated merchants rated by a real `greenrate batch`.
final class ServerWorkspace {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-server-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  var database: String { path("ratings.sqlite") }

  /// The shipped rules copied in, so that a test may edit them.
  func copyRules() throws -> String {
    let target = path("rules.rules")
    try? FileManager.default.removeItem(atPath: target)
    try FileManager.default.copyItem(atPath: Binaries.shippedRules, toPath: target)
    return target
  }

  /// `greenrate generate` then `greenrate batch` into `database`.
  @discardableResult
  func batch(count: Int, seed: Int = 7, rules: String? = nil) throws -> String {
    let input = path("merchants-\(seed)-\(count).csv")
    if !FileManager.default.fileExists(atPath: input) {
      let generated = try Binaries.greenrate([
        "generate", "--count", String(count), "--seed", String(seed), "--output", input,
      ])
      try #require(generated.status == 0, "\(generated.stderr)")
    }
    let rated = try Binaries.greenrate([
      "batch", rules ?? Binaries.shippedRules, input, "--db", database, "--as-of", "2026-11-30",
    ])
    try #require(rated.status == 0, "\(rated.stderr)")
    return input
  }
}
