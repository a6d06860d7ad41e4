/// One error (or warning) found in a rule file, with where it is.
package struct Diagnostic: Hashable, Sendable {
  /// An error refuses the file; a warning (from `RuleWarnings`) does not.
  package enum Severity: String, Hashable, Sendable {
    case error, warning
  }

  package var location: SourceLocation
  package var message: String
  package var severity: Severity

  package init(_ message: String, at location: SourceLocation, severity: Severity = .error) {
    self.location = location
    self.message = message
    self.severity = severity
  }
}
