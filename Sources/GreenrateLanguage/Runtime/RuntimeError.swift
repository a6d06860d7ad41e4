/// A rule failed on one record: division by zero, `sqrt` of a negative, `ln`/`log10` of
/// a number ≤ 0, or a non-finite result.
package struct RuntimeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The rule file's path.
  package var file: String
  /// The operator or function name that failed.
  package var location: SourceLocation
  package var message: String

  package init(file: String, location: SourceLocation, message: String) {
    self.file = file
    self.location = location
    self.message = message
  }

  /// `FILE:LINE:COLUMN: MESSAGE`, the form a reject row carries.
  package var description: String { "\(file):\(location.line):\(location.column): \(message)" }
}
