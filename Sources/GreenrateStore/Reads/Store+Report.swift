import CSQLite

/// One rated row of a run as `report` reads it, borrowed from SQLite: the buffers are
/// valid only inside the callback that receives it (no `String` or array per row).
package struct RatingRowView {
  package var score: Double
  package var eligible: Bool
  /// The rating label's UTF-8.
  package var rating: UnsafeRawBufferPointer
  /// The JSON arrays of codes, as stored.
  package var reasons: UnsafeRawBufferPointer
  package var knockouts: UnsafeRawBufferPointer
  package var denials: UnsafeRawBufferPointer
  /// The matched band of each factor, one varint each (see `Store+Schema`).
  package var factors: UnsafeRawBufferPointer
  /// The record in `StoredRecordCodec` form; empty unless asked for.
  package var record: UnsafeRawBufferPointer
}

/// Read-only queries for `greenrate report`, on a connection opened read-only: they
/// never create, migrate or write a database.
extension Store {
  /// Opens `path` read-only (it must exist).
  package static func openReadOnly(path: String) throws(SQLiteError) -> Database {
    try Database(path: path, readOnly: true)
  }

  /// Calls `body` with every rating row of run `runID`, in storage order, in one pass.
  package static func forEachRating(
    in db: Database, runID: Int64, withRecord: Bool, _ body: (RatingRowView) -> Void
  ) throws(SQLiteError) {
    let statement = try db.prepare(
      """
      SELECT score, eligible, rating, reasons, knockouts, denials, factors,
        \(withRecord ? "record" : "NULL") FROM ratings WHERE run_id = ?
      """)
    statement.bind(runID, at: 1)
    let h = statement.handle
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
      let count = Int(sqlite3_column_bytes(h, column))
      guard count > 0, let base = sqlite3_column_blob(h, column) else {
        return UnsafeRawBufferPointer(start: nil, count: 0)
      }
      return UnsafeRawBufferPointer(start: base, count: count)
    }
    while try statement.step() {
      body(
        RatingRowView(
          score: sqlite3_column_double(h, 0), eligible: sqlite3_column_int64(h, 1) != 0,
          rating: bytes(2), reasons: bytes(3), knockouts: bytes(4), denials: bytes(5),
          factors: bytes(6), record: bytes(7)))
    }
  }

  /// Each distinct score of run `runID` with how many ratings have it, by score.
  ///
  /// Scores are sums of band points, so a run has few distinct ones: the counts are
  /// the whole score distribution without holding one value per merchant.
  package static func scoreCounts(in db: Database, runID: Int64) throws(SQLiteError)
    -> [(score: Double, count: Int)]
  {
    let statement = try db.prepare("SELECT score FROM ratings WHERE run_id = ?")
    statement.bind(runID, at: 1)
    var counts: [Double: Int] = [:]
    while try statement.step() { counts[statement.double(0), default: 0] += 1 }
    return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Calls `body` with every reject of run `runID` (line, merchant id, message), by line.
  package static func forEachReject(
    in db: Database, runID: Int64, _ body: (Int, String?, String) -> Void
  ) throws(SQLiteError) {
    let statement = try db.prepare(
      "SELECT line, merchant_id, message FROM rejects WHERE run_id = ? ORDER BY line")
    statement.bind(runID, at: 1)
    while try statement.step() {
      body(statement.int(0), statement.text(1), statement.text(2) ?? "")
    }
  }
}
