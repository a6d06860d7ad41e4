/// One refused record to store in `rejects`: the store's own row type, so the store
/// needs nothing from the readers that refused it.
package struct RejectRow: Sendable, Hashable {
  /// The input line on which the record starts.
  package var line: Int
  /// The record's key, when it could be read.
  package var merchantID: String?
  /// What went wrong.
  package var message: String
  /// The record in the engine's stored-record form, when it decoded (a runtime error in
  /// the rules): `rescore` can start from it.
  package var record: [UInt8]?

  package init(line: Int, merchantID: String?, message: String, record: [UInt8]? = nil) {
    self.line = line
    self.merchantID = merchantID
    self.message = message
    self.record = record
  }
}
