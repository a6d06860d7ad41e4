import Foundation
import GreenrateEngine
import GreenrateLanguage

/// Fixture files, temporary folders and in-process batches for the analysis tests.
enum AnalysisFixture {
  /// `Tests/GreenrateAnalysisTests/Fixtures/NAME`.
  static func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/\(name)").path
  }

  static func program(_ name: String) throws -> Program {
    let file = path(name)
    return try Program.compile(
      source: [UInt8](Data(contentsOf: URL(fileURLWithPath: file))), file: file)
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-analysis-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let asOf = Day.number(year: 2026, month: 11, day: 1)

  /// Runs a batch of `rules` on `input` into `database`; returns the run id.
  @discardableResult
  static func batch(_ rules: String, input: String, database: String, jobs: Int = 2) throws
    -> Int64
  {
    let program = try program(rules)
    let options = BatchOptions(
      rulesPath: program.file, inputPath: input, databasePath: database, jobs: jobs,
      asOf: asOf, showProgress: false)
    return try BatchRunner(options: options, program: program).run { _ in }.runID
  }

  /// Writes a CSV of `id,a` rows (ids M001...).
  static func levels(_ values: [Int], to url: URL) throws -> String {
    var text = "id,a\n"
    for (i, a) in values.enumerated() { text += "M\(1000 + i),\(a)\n" }
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }
}

/// A JSON text as a dictionary (tests only).
func jsonObject(_ text: String) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  guard let object = value as? [String: Any] else {
    throw CocoaError(.propertyListReadCorrupt)
  }
  return object
}
