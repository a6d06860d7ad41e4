/// One error found in a rule file, with where it is.
public struct Diagnostic: Hashable, Sendable {
  public var location: SourceLocation
  public var message: String

  public init(_ message: String, at location: SourceLocation) {
    self.location = location
    self.message = message
  }
}
