/// Why `MerchantGenerator.write(count:to:)` could not write its records.
package struct MerchantGeneratorError: Error, CustomStringConvertible, Sendable {
  package let message: String

  package init(_ message: String) {
    self.message = message
  }

  package var description: String { message }
}
