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
    let runs = try Binaries.greenrate(["runs", "--db", workspace.database, "--json"])
    let parsed = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]]
    let sha = parsed?.first?["ruleset_sha256"] as? String ?? "?"
    header = "sme-green 2026.1 \(sha)"
  }

  private static let result = Result { try SharedServer() }

  static func get() throws -> SharedServer { try result.get() }
}
