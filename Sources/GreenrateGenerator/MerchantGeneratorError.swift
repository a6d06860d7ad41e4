/// Why `MerchantGenerator.write(count:to:)` could not write its records.
public struct MerchantGeneratorError: Error, CustomStringConvertible, Sendable {
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
