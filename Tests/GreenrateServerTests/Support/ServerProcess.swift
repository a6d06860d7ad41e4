import Foundation
import Testing

/// A real `greenrate-server` process on a free loopback port.
final class ServerProcess {
  let running: Binaries.Running
  let port: Int

  /// Starts the server with `--port 0` and waits for its `listening on` line.
  init(_ arguments: [String]) throws {
    running = try Binaries.start("greenrate-server", arguments + ["--port", "0"])
    let deadline = Date().addingTimeInterval(60)
    var found: Int?
    while found == nil, Date() < deadline, running.process.isRunning {
      let log = running.stderr
      if let range = log.range(of: "listening on http://127.0.0.1:") {
        found = Int(log[range.upperBound...].prefix { $0.isNumber })
      } else {
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
    guard let found else {
      throw HTTPClient.Failure(description: "the server did not start:\n\(running.stderr)")
    }
    port = found
  }

  var log: String { running.stderr }

  func get(_ target: String, headers: [String: String] = [:]) throws -> HTTPClient.Response {
    try HTTPClient.get(port, target, headers: headers)
  }

  func post(_ target: String, _ json: String, headers: [String: String] = [:]) throws
    -> HTTPClient.Response
  {
    try HTTPClient.post(port, target, json: json, headers: headers)
  }

  /// Sends SIGTERM and waits for the exit status.
  func stop() -> Int32 {
    running.process.terminate()
    running.process.waitUntilExit()
    return running.process.terminationStatus
  }
}

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
