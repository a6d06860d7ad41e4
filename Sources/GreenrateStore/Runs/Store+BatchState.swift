/// What a batch run records beyond the `runs` row, in a table of its own (added by its
/// own migration, so the `runs` table and its readers stay as they are): the hash of
/// the input up to the resume point, the settings `--resume` must keep, and why the
/// run last stopped before its end.
extension Store {
  /// A batch run's extra state; every field nil for a run stored before the table.
  package struct BatchState: Sendable, Equatable {
    /// `InputHash` digest of the input's bytes before `runs.resume_offset`.
    package var inputDigest: String?
    /// `--max-rejects P%` (the `runs.max_rejects` column holds a count only).
    package var maxRejectsPercent: Double?
    /// Why the run last stopped before its input ended (a signal, a read error, a
    /// database error, an operator's `--abandon`).
    package var stopReason: String?
    /// When (ISO 8601 UTC).
    package var stoppedAt: String?

    package init(
      inputDigest: String? = nil, maxRejectsPercent: Double? = nil, stopReason: String? = nil,
      stoppedAt: String? = nil
    ) {
      self.inputDigest = inputDigest
      self.maxRejectsPercent = maxRejectsPercent
      self.stopReason = stopReason
      self.stoppedAt = stoppedAt
    }
  }

  static let batchStateSchema = """
    CREATE TABLE IF NOT EXISTS batch_state (
      run_id INTEGER PRIMARY KEY,
      input_digest TEXT,
      max_rejects_percent REAL,
      stop_reason TEXT,
      stopped_at TEXT
    );
    """

  /// Adds the `batch_state` table to a database that lacks it (additive: nothing else
  /// changes, older greenrates ignore it).
  func migrateBatchState() throws(SQLiteError) {
    guard try !hasTable("batch_state") else { return }
    try db.writeTransaction { () throws(SQLiteError) in
      try db.execute(Store.batchStateSchema)
    }
  }

  func hasTable(_ name: String) throws(SQLiteError) -> Bool {
    let statement = try db.prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    statement.bind(name, at: 1)
    return try statement.step()
  }

  /// Stores the input's hash at the resume point (in the caller's transaction, with
  /// the progress it belongs to).
  package func saveInputDigest(_ digest: String?, runID: Int64) throws(SQLiteError) {
    let statement = try db.prepare(
      """
      INSERT INTO batch_state (run_id, input_digest) VALUES (?, ?)
      ON CONFLICT (run_id) DO UPDATE SET input_digest = excluded.input_digest
      """)
    statement.bindAll([.integer(runID), digest.map(SQLValue.text) ?? .null])
    try statement.run()
  }

  /// Stores the settings a new run keeps for `--resume`.
  package func saveRunSettings(runID: Int64, maxRejectsPercent: Double?) throws(SQLiteError) {
    let statement = try db.prepare(
      """
      INSERT INTO batch_state (run_id, max_rejects_percent) VALUES (?, ?)
      ON CONFLICT (run_id) DO UPDATE SET max_rejects_percent = excluded.max_rejects_percent
      """)
    statement.bindAll([.integer(runID), maxRejectsPercent.map(SQLValue.real) ?? .null])
    try statement.run()
  }

  /// Records why a run stopped before its input ended.
  package func recordStop(runID: Int64, reason: String) throws(SQLiteError) {
    let statement = try db.prepare(
      """
      INSERT INTO batch_state (run_id, stop_reason, stopped_at) VALUES (?, ?, ?)
      ON CONFLICT (run_id) DO UPDATE SET stop_reason = excluded.stop_reason,
        stopped_at = excluded.stopped_at
      """)
    statement.bindAll([.integer(runID), .text(reason), .text(UTCTime.now())])
    try statement.run()
  }

  /// A run's first reject by line (for the hint of a run that rejected everything).
  package func firstReject(runID: Int64) throws(SQLiteError) -> (line: Int, message: String)? {
    let statement = try db.prepare(
      "SELECT line, message FROM rejects WHERE run_id = ? ORDER BY line LIMIT 1")
    statement.bind(runID, at: 1)
    guard try statement.step() else { return nil }
    return (statement.int(0), statement.text(1) ?? "")
  }

  /// A run's extra state (all nil when none was stored, or the table is missing in a
  /// database opened read-only).
  package func batchState(runID: Int64) throws(SQLiteError) -> BatchState {
    guard try hasTable("batch_state") else { return BatchState() }
    let statement = try db.prepare(
      """
      SELECT input_digest, max_rejects_percent, stop_reason, stopped_at
      FROM batch_state WHERE run_id = ?
      """)
    statement.bind(runID, at: 1)
    guard try statement.step() else { return BatchState() }
    return BatchState(
      inputDigest: statement.text(0),
      maxRejectsPercent: statement.isNull(1) ? nil : statement.double(1),
      stopReason: statement.text(2), stoppedAt: statement.text(3))
  }
}
