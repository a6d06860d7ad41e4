import Foundation

/// The rule set and sample merchants that ship with greenrate, for `batch` with no
/// arguments.
///
/// Looked up in the current folder first (a checkout's root), then in the package this
/// binary was built from, so the demo works from anywhere on the build machine.
enum ShippedFiles {
  static let rulesName = "Rules/sme-green.rules"
  static let merchantsName = "SampleData/merchants.csv"
  static let databaseName = "greenrate.sqlite"

  static var rules: String { locate(rulesName) }
  static var merchants: String { locate(merchantsName) }

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
    if FileManager.default.fileExists(atPath: relative) { return relative }
    let built = packageRoot + "/" + relative
    return FileManager.default.fileExists(atPath: built) ? built : relative
  }
}
