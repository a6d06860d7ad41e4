extension Store {
  /// The merchant's latest reject (in run `runID` when given), for telling why a
  /// merchant has no rating; nil when none.
  ///
  /// Uses the `rejects_merchant_record` index when the reject kept its record (runtime
  /// errors); decode errors keep none, so a miss there falls back to a scan of the
  /// run's (or every run's) rejects — a cold path, taken only when there is no rating.
  package func latestReject(merchantID: String, runID: Int64? = nil) throws(SQLiteError)
    -> StoredReject?
  {
    var sql = "SELECT run_id, line, merchant_id, message FROM rejects WHERE merchant_id = ?1"
    if runID != nil { sql += " AND run_id = ?2" }
    sql += " ORDER BY run_id DESC, line DESC LIMIT 1"
    let statement = try db.prepare(sql)
    statement.bind(merchantID, at: 1)
    if let runID { statement.bind(runID, at: 2) }
    guard try statement.step() else { return nil }
    return StoredReject(
      runID: statement.int64(0), line: statement.int(1), merchantID: statement.text(2),
      message: statement.text(3) ?? "")
  }
}
