import GreenrateReaders
import GreenrateStore

extension RejectRow {
  /// The row of a record the readers or the rules refused.
  package init(_ reject: Reject) {
    self.init(
      line: reject.line, merchantID: reject.merchantID, message: reject.message,
      record: reject.record)
  }
}

extension Store {
  /// Inserts reject rows for `runID` (inside the caller's transaction).
  package func insertRejects(_ rejects: [Reject], runID: Int64) throws(SQLiteError) {
    try insertRejects(rejects.map(RejectRow.init), runID: runID)
  }
}
