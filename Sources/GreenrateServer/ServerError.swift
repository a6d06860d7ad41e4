/// Why the server cannot start: one line for standard error.
public struct ServerError: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }
}
