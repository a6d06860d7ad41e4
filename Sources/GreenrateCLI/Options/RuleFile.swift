import ArgumentParser
import Foundation
import GreenrateLanguage

/// Loads and compiles a rule file for a command, reporting errors the analyst's way.
enum RuleFile {
  /// The compiled program, or every error printed to standard error and exit 1.
  static func load(_ path: String) throws -> Program {
    try compile(readFile(path), path)
  }

  /// `bytes` (the file at `path`) compiled, or every error printed and exit 1.
  static func compile(_ bytes: [UInt8], _ path: String) throws -> Program {
    do {
      return try Program.compile(source: bytes, file: path)
    } catch {
      throw ExitCode.failure(error)
    }
  }

  /// A file's bytes, or a one-line error and exit 1.
  static func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ExitCode.failure("cannot read `\(path)`")
    }
    return [UInt8](data)
  }
}
