/// Why a cell could not be decoded as its declared type, e.g. `"1,000" is not a number`.
public struct CellError: Error, Sendable, Hashable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}
