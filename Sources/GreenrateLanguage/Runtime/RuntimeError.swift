/// A rule failed on one record: division by zero, `sqrt` of a negative, `ln`/`log10` of
/// a number ≤ 0, or a non-finite result.
public struct RuntimeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The rule file's path.
  public var file: String
  /// The operator or function name that failed.
  public var location: SourceLocation
  public var message: String

  public init(file: String, location: SourceLocation, message: String) {
    self.file = file
    self.location = location
    self.message = message
  }

  /// `FILE:LINE:COLUMN: MESSAGE`, the form a reject row carries.
  public var description: String { "\(file):\(location.line):\(location.column): \(message)" }
}
