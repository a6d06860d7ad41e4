/// A rule file was refused: every error found in it, in file order.
public struct RuleFileError: Error, Sendable {
  public var file: String
  /// The file's bytes, for quoting the offending lines.
  public var source: [UInt8]
  public var diagnostics: [Diagnostic]

  public init(file: String, source: [UInt8], diagnostics: [Diagnostic]) {
    self.file = file
    self.source = source
    self.diagnostics = diagnostics
  }
}
