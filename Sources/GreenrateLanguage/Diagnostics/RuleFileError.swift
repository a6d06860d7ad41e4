/// A rule file was refused: every error found in it, in file order.
package struct RuleFileError: Error, Sendable {
  package var file: String
  /// The file's bytes, for quoting the offending lines.
  package var source: [UInt8]
  package var diagnostics: [Diagnostic]

  package init(file: String, source: [UInt8], diagnostics: [Diagnostic]) {
    self.file = file
    self.source = source
    self.diagnostics = diagnostics
  }
}
