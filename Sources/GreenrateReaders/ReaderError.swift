/// Why an input cannot be read at all: an unreadable file, a refused header, an
/// unknown format. Unlike a `Reject`, it stops the whole input.
public struct ReaderError: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// Whether the input went wrong under the reader (an I/O error, a file cut short)
  /// rather than being unreadable as such: a batch stops resumably.
  public var isInterruption: Bool

  public init(_ message: String, interruption: Bool = false) {
    self.message = message
    self.isInterruption = interruption
  }

  public var description: String { message }
}
