/// Why an input cannot be read at all: an unreadable file, a refused header, an
/// unknown format. Unlike a `Reject`, it stops the whole input.
package struct ReaderError: Error, Sendable, CustomStringConvertible {
  package var message: String
  /// Whether the input went wrong under the reader (an I/O error, a file cut short)
  /// rather than being unreadable as such: a batch stops resumably.
  package var isInterruption: Bool

  package init(_ message: String, interruption: Bool = false) {
    self.message = message
    self.isInterruption = interruption
  }

  package var description: String { message }
}
