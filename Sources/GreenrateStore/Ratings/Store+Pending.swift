extension Store {
  /// The merchant's current state, when its hash is `hash` (the content is the same).
  func currentStateID(_ merchantID: UnsafeRawBufferPointer, hash: Int64) throws(SQLiteError)
    -> Int64?
  {
    let lookup = try cached(
      \.currentState, "SELECT state_id, state_hash FROM current WHERE merchant_id = ?")
    defer { lookup.reset() }
    lookup.bindText(merchantID, at: 1)
    guard try lookup.step(), lookup.int64(1) == hash else { return nil }
    return lookup.int64(0)
  }

  /// Whether `current` has any row (a first night's batch has nothing to compare with).
  package func hasCurrent() throws(SQLiteError) -> Bool {
    let statement = try db.prepare("SELECT EXISTS (SELECT 1 FROM current)")
    return try statement.step() && statement.int(0) != 0
  }

  /// The line of the row batch run `runID` stored for this merchant in one of its
  /// segments before `segments`, if any: one key lookup per segment.
  package func pendingLine(_ merchantID: UnsafeRawBufferPointer, runID: Int64, segments: Int)
    throws(SQLiteError) -> Int?
  {
    guard segments > 0 else { return nil }
    let probe = try cached(
      \.pendingLine,
      """
      WITH RECURSIVE segment(n) AS (VALUES (0) UNION ALL SELECT n + 1 FROM segment WHERE n + 1 < ?2)
      SELECT p.line FROM segment CROSS JOIN pending_rows AS p
        ON p.run_id = ?1 AND p.segment = segment.n AND p.merchant_id = ?3
      LIMIT 1
      """)
    defer { probe.reset() }
    probe.bind(runID, at: 1)
    probe.bind(segments, at: 2)
    probe.bindText(merchantID, at: 3)
    guard try probe.step() else { return nil }
    return probe.int(0)
  }

  /// How many segments batch run `runID` has stored (the next one's number).
  package func pendingSegments(runID: Int64) throws(SQLiteError) -> Int {
    let statement = try db.prepare(
      "SELECT coalesce(max(segment) + 1, 0) FROM pending_rows WHERE run_id = ?")
    statement.bind(runID, at: 1)
    guard try statement.step() else { return 0 }
    return statement.int(0)
  }

  /// Calls `body` with the merchant id of each row batch run `runID` has stored.
  package func forEachPendingKey(runID: Int64, _ body: (UnsafeRawBufferPointer) -> Void)
    throws(SQLiteError)
  {
    let statement = try db.prepare("SELECT merchant_id FROM pending_rows WHERE run_id = ?")
    statement.bind(runID, at: 1)
    while try statement.step() { body(statement.bytes(0)) }
  }

  /// Copies run `runID`'s pending rows into `rating_rows` (inside the transaction that
  /// finishes the run): one sort of the run's rows by merchant id (SQLite's external
  /// sorter; the batch's connection keeps its temporary files on disk, so memory stays
  /// flat), then inserts at the right edge of `rating_rows`. Returns whether there were
  /// any (`dropPending` then frees them).
  func copyPending(runID: Int64) throws(SQLiteError) -> Bool {
    let move = try db.prepare(
      """
      INSERT INTO rating_rows (run_id, merchant_id, line, eligible, state_id, state_hash)
      SELECT run_id, merchant_id, line, eligible, state_id, state_hash FROM pending_rows
      WHERE run_id = ? ORDER BY merchant_id
      """)
    move.bind(runID, at: 1)
    try move.run()
    return db.changes > 0
  }

  /// Drops run `runID`'s pending rows (inside the transaction that finishes the run,
  /// after `current` is written: a first night's `current` then takes new pages, and
  /// the pages freed here are what the next night's pending rows reuse — the file keeps
  /// one night's pending space, and a night adds only its rating rows and changed
  /// states). In one step when no other run has pending rows.
  func dropPending(runID: Int64) throws(SQLiteError) {
    let others = try db.prepare(
      """
      SELECT EXISTS (SELECT 1 FROM pending_rows WHERE run_id < ?1)
        OR EXISTS (SELECT 1 FROM pending_rows WHERE run_id > ?1)
      """)
    others.bind(runID, at: 1)
    if try others.step(), others.int(0) != 0 {
      let delete = try db.prepare("DELETE FROM pending_rows WHERE run_id = ?")
      delete.bind(runID, at: 1)
      try delete.run()
    } else {
      // Without a WHERE, SQLite frees the table's pages without visiting its rows.
      try db.execute("DELETE FROM pending_rows")
    }
  }
}
