/// A record that could not be decoded (or scored): where it starts and why — one type
/// from the reader to the `rejects` table.
package struct Reject: Sendable, Hashable {
  /// The line on which the record starts (lines counted by LF from 1).
  package var line: Int
  /// The record's key, when it could be read.
  package var merchantID: String?
  /// What went wrong, naming the field (without the line, which is `line`).
  package var message: String
  /// The decoded record in `StoredRecordCodec` form, when it decoded (a runtime error
  /// in the rules): `rescore` can start from it.
  package var record: [UInt8]?

  package init(line: Int, merchantID: String?, message: String, record: [UInt8]? = nil) {
    self.line = line
    self.merchantID = merchantID
    self.message = message
    self.record = record
  }

  /// Why a record whose key an earlier scored record already had is rejected; one
  /// wording for `score`, `test` and the batch.
  package static func duplicateMessage(keyName: String, key: String, keptLine: Int) -> String {
    "duplicate \(keyName) \"\(key)\": the record on line \(keptLine) was kept"
  }
}
