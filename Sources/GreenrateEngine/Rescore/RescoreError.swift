/// Why a merchant's record cannot be re-scored as asked: a `--set` that names no input
/// or whose value does not decode, or a required input the stored record lacks.
public struct RescoreError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// Whether the fault is in the command line (`--set`), not in the stored record.
  public var isUsage: Bool

  public init(_ message: String, isUsage: Bool = true) {
    self.message = message
    self.isUsage = isUsage
  }

  public var description: String { message }
}
