import ArgumentParser
import Foundation

/// The database `compare` and `drift` read: it must exist (they only read, and a
/// mistyped path must not look like an empty database).
enum AnalysisDatabase {
  /// `path` when a file is there, else one error line and exit 1.
  static func existing(_ path: String) throws -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
    else {
      Console.error(
        "error: no database at `\(path)` (`greenrate batch ... --db \(path)` makes one)")
      throw ExitCode(1)
    }
    return path
  }
}
