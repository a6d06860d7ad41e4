/// Why a merchant's record cannot be re-scored as asked: a `--set` that names no input
/// or whose value does not decode, or a required input the stored record lacks.
package struct RescoreError: Error, Sendable, Hashable, CustomStringConvertible {
  package var message: String
  /// Whether the fault is in the command line (`--set`), not in the stored record.
  package var isUsage: Bool

  package init(_ message: String, isUsage: Bool = true) {
    self.message = message
    self.isUsage = isUsage
  }

  package var description: String { message }
}
