import ArgumentParser
import Foundation
import GreenrateStore

/// The database `compare` and `drift` read: it must exist (they only read, and a
/// mistyped path must not look like an empty database).
enum AnalysisDatabase {
  /// `path` when a file is there, else one error line and exit 1.
  static func existing(_ path: String) throws -> String {
    // A folder, or a file behind a folder this user may not enter, is not "no database".
    if let problem = Database.fileProblem(path) { throw ExitCode.failure(problem) }
    guard FileManager.default.fileExists(atPath: path) else {
      Console.error(
        "error: no database at `\(path)` (`greenrate batch ... --db \(path)` makes one)")
      throw ExitCode(1)
    }
    return path
  }
}
