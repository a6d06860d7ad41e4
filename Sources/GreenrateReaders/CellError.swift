/// Why a cell could not be decoded as its declared type, e.g. `"1,000" is not a number`.
package struct CellError: Error, Sendable, Hashable {
  package var message: String

  package init(_ message: String) {
    self.message = message
  }
}
