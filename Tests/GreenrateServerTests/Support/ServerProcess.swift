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
