import Foundation
import Testing

/// One batch and one server shared by the read-only tests (each test that writes or
/// edits rules starts its own).
final class SharedServer: @unchecked Sendable {
  let workspace: ServerWorkspace
  let server: ServerProcess
  let input: String
  /// `sme-green 2026.1 <sha256 of the shipped file>`.
  let header: String

  private init() throws {
    workspace = try ServerWorkspace()
    input = try workspace.batch(count: 2000)
    server = try ServerProcess(["--db", workspace.database])
    try SharedServer.stopWhenTestsEnd(server)
    let runs = try Binaries.greenrate(["runs", "--db", workspace.database, "--json"])
    let parsed = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]]
    let sha = parsed?.first?["ruleset_sha256"] as? String ?? "?"
    header = "sme-green 2026.1 \(sha)"
  }

  /// A static is never deinitialised, so nothing in this process can stop the shared
  /// server at exit; a watcher process sends it SIGTERM once this test process is gone
  /// (else every test run would leave a server behind).
  private static func stopWhenTestsEnd(_ server: ServerProcess) throws {
    let watcher = Process()
    watcher.executableURL = URL(fileURLWithPath: "/bin/sh")
    let tests = ProcessInfo.processInfo.processIdentifier
    let pid = server.running.process.processIdentifier
    watcher.arguments = [
      "-c", "while kill -0 \(tests) 2>/dev/null; do sleep 1; done; kill \(pid) 2>/dev/null",
    ]
    // Not the test process's pipes: the runner waits for them to close before it reaps
    // the test process, and a watcher holding them would wait for that forever.
    watcher.standardInput = FileHandle.nullDevice
    watcher.standardOutput = FileHandle.nullDevice
    watcher.standardError = FileHandle.nullDevice
    try watcher.run()
  }

  private static let result = Result { try SharedServer() }

  static func get() throws -> SharedServer { try result.get() }
}
