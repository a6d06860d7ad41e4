import ArgumentParser
import Foundation
import GreenrateEngine
import GreenrateStore

/// `--db DB` for the commands that read (or add to) an existing database: `rescore`,
/// `explain`, `runs`, `export`, `prune`, `drift`, `report` (and `compare`'s path).
///
/// The one prologue of those commands: the file must exist, is opened with the access
/// the command needs, and a database error becomes one line naming the file and exit 1.
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
    let path = try DatabaseOption.existing(path)
    return try perform { try Store(path: path, access: access) }
  }

  /// The path, when a database file is there (for the analyses, which open their own
  /// read-only connections); else one error line and exit 1.
  func existing() throws -> String { try DatabaseOption.existing(path) }

  /// `path` when a file (not a folder) is there, else one error line and exit 1.
  static func existing(_ path: String) throws -> String {
    // A folder, or a file behind a folder this user may not enter, is not "no database".
    if let problem = Database.fileProblem(path) { throw ExitCode.failure(problem) }
    guard FileManager.default.fileExists(atPath: path) else {
      throw ExitCode.failure(
        "no database at `\(path)` (`greenrate batch ... --db \(path)` makes one)")
    }
    return path
  }

  /// Runs `body`; a database error it throws becomes one line naming the file and exit
  /// 1 (any other error passes through).
  func perform<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as SQLiteError {
      throw fail(error)
    }
  }

  /// Prints a database error as one line and returns the exit to throw.
  func fail(_ error: SQLiteError) -> ExitCode { fail(error.message) }

  /// Prints `message` as one error line naming the file, and returns the exit to throw:
  /// 64 for bad usage, else 1.
  func fail(_ message: String, usage: Bool = false) -> ExitCode {
    ExitCode.failure(message.hasPrefix(path) ? message : "\(path): \(message)", usage: usage)
  }
}
