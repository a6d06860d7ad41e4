/// One error (or warning) found in a rule file, with where it is.
public struct Diagnostic: Hashable, Sendable {
  /// An error refuses the file; a warning (from `RuleWarnings`) does not.
  public enum Severity: String, Hashable, Sendable {
    case error, warning
  }

  public var location: SourceLocation
  public var message: String
  public var severity: Severity

  public init(_ message: String, at location: SourceLocation, severity: Severity = .error) {
    self.location = location
    self.message = message
    self.severity = severity
  }
}
