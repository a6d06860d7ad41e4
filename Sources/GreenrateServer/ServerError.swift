/// Why the server cannot start: one line for standard error.
package struct ServerError: Error, CustomStringConvertible {
  package var description: String

  package init(_ description: String) { self.description = description }
}
