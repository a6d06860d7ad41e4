/// A record a run rejected, as `explain` reports it when a merchant has no rating there.
package struct StoredReject: Sendable, Hashable {
  package var runID: Int64
  /// The input line where the record started.
  package var line: Int
  package var merchantID: String?
  package var message: String

  package init(runID: Int64, line: Int, merchantID: String?, message: String) {
    self.runID = runID
    self.line = line
    self.merchantID = merchantID
    self.message = message
  }
}
