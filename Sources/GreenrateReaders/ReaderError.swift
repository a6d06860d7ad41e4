/// Why an input cannot be read at all: an unreadable file, a refused header, an
/// unknown format. Unlike a `Reject`, it stops the whole input.
public struct ReaderError: Error, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
