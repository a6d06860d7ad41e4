import ArgumentParser
import Foundation

/// The rule set and sample merchants that ship with greenrate, for `batch` with no
/// arguments.
///
/// Looked up in the current folder first (a checkout's root), then in the package this
/// binary was built from (only while the binary is in that package's build folder), so
/// the demo works from anywhere on the build machine. A binary copied elsewhere uses
/// the defaults embedded in it: they are written into the current folder under the
/// same names (so that `rescore`, `explain` and `--resume` find the files the run
/// recorded, and the next run uses them as they are).
enum ShippedFiles {
  static let rulesName = "Rules/sme-green.rules"
  static let merchantsName = "SampleData/merchants.csv"
  static let databaseName = "greenrate.sqlite"

  static var rules: String { locate(rulesName) }
  static var merchants: String { locate(merchantsName) }

  /// The default rule file and sample paths, writing the embedded ones into the
  /// current folder when neither the folder nor the build's package has them. Prints a
  /// note for each file written; a file that cannot be written is one error line and
  /// exit 1.
  static func defaults() throws -> (rules: String, merchants: String) {
    let rules = locate(rulesName)
    let merchants = locate(merchantsName)
    for (path, contents) in [
      (rules, { Array(EmbeddedRules.text.utf8) }), (merchants, EmbeddedSample.bytes),
    ] where !FileManager.default.fileExists(atPath: path) {
      try unpack(path, contents())
    }
    return (rules, merchants)
  }

  private static func unpack(_ path: String, _ bytes: [UInt8]) throws {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url, options: .withoutOverwriting)
    } catch {
      Console.error(
        "error: cannot write the embedded default \(path): \(FileErrorText.of(error))")
      throw ExitCode(1)
    }
    Console.note("note: wrote the embedded default \(path)")
  }

  /// Whether this binary lives in the package it was built from (in `.build`).
  private static var runsFromItsPackage: Bool {
    guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().path else {
      return false
    }
    let root = URL(fileURLWithPath: packageRoot).resolvingSymlinksInPath().path
    return executable.hasPrefix(root + "/.build/")
  }

  /// The package root this source file was compiled in.
  private static var packageRoot: String {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  }

  /// `path` made absolute against the current folder: a run records its rule file so
  /// that `rescore` can read it again from anywhere.
  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent(path).standardized.path
  }

  private static func locate(_ relative: String) -> String {
    if FileManager.default.fileExists(atPath: relative) || !runsFromItsPackage { return relative }
    let built = packageRoot + "/" + relative
    return FileManager.default.fileExists(atPath: built) ? built : relative
  }
}
