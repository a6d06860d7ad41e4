import ArgumentParser
import Foundation
import GreenrateEngine
import GreenrateStore

/// `--db DB` for the commands that read (or add to) an existing database: `rescore`,
/// `explain`, `runs`.
struct DatabaseOption: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The SQLite database a batch wrote.", valueName: "DB"))
  var path: String = ShippedFiles.databaseName

  func validate() throws {
    if let problem = Database.pathProblem(path) { throw ValidationError("--db: \(problem)") }
  }

  /// Opens the store, or prints one error line and exits 1. Never creates a database:
  /// a mistyped path must not look like an empty one. `access` is `.readOnly` for the
  /// commands that only read, so that they write nothing and refuse a file that is not
  /// greenrate's before touching it.
  func open(_ access: Store.Access) throws -> Store {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
    else {
      throw ExitCode.failure(
        "no database at `\(path)` (`greenrate batch ... --db \(path)` makes one)")
    }
    do {
      return try Store(path: path, access: access)
    } catch {
      throw fail(error)
    }
  }

  /// Prints a database error as one line and returns the exit to throw.
  func fail(_ error: SQLiteError) -> ExitCode {
    let message = error.message.hasPrefix(path) ? error.message : "\(path): \(error.message)"
    return ExitCode.failure(message)
  }
}
