import GreenrateEngine
import GreenrateLanguage

/// One compiled rule set as the server serves it. Immutable: a reload makes a new one,
/// and a request keeps the one it started with.
struct LoadedRules: Sendable {
  let program: Program
  /// The rule file's absolute path (recorded by rescore runs).
  let path: String
  /// When it was loaded, ISO 8601 UTC.
  let loadedAt: String
  /// `NAME VERSION SHA256`, the `Greenrate-Ruleset` header.
  let header: String
  /// The key input's name, under which results carry the merchant id.
  let keyName: String
  /// The rule file's bytes as compiled (a rescore run keeps them for `explain`).
  let text: [UInt8]
  /// Results as JSON, names quoted once (`POST /v1/score`).
  let template: ResultTemplate

  init(program: Program, path: String, text: [UInt8], loadedAt: String) {
    self.program = program
    self.path = path
    self.text = text
    self.loadedAt = loadedAt
    header = "\(program.name) \(program.version) \(program.sha256)"
    keyName = program.layout.fields[program.layout.keyField].name
    template = ResultTemplate(program: program)
  }

  /// The first 12 hex digits of the fingerprint, for log lines.
  var shortSHA: String { String(program.sha256.prefix(12)) }
}
