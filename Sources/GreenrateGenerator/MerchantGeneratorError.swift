/// Why `MerchantGenerator.write(count:to:)` could not write its records.
package struct MerchantGeneratorError: Error, CustomStringConvertible, Sendable {
  package let message: String
  /// The `errno` of a failed write, when that was the failure.
  package let errorNumber: Int32?

  package init(_ message: String, errorNumber: Int32? = nil) {
    self.message = message
    self.errorNumber = errorNumber
  }

  package var description: String { message }
}
