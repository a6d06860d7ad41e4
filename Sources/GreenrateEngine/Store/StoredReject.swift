/// A record a run rejected, as `explain` reports it when a merchant has no rating there.
public struct StoredReject: Sendable, Hashable {
  public var runID: Int64
  /// The input line where the record started.
  public var line: Int
  public var merchantID: String?
  public var message: String

  public init(runID: Int64, line: Int, merchantID: String?, message: String) {
    self.runID = runID
    self.line = line
    self.merchantID = merchantID
    self.message = message
  }
}
