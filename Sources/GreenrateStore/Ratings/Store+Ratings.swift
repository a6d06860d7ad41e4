extension Store {
  /// Stores one rating of run `runID` (inside the caller's transaction), with `hash` its
  /// `RatingRow.stateHash`. The state (what the rating says and the record) is written
  /// only when it differs from the merchant's current one.
  ///
  /// Returns nil when stored; when the run already holds a rating for this merchant, the
  /// row is not stored and the result is the line of the one kept (the first scored).
  package func insertRating(_ row: RatingRow, hash: Int64, runID: Int64) throws(SQLiteError) -> Int?
  {
    let stateID = try currentStateID(row.merchantID, hash: hash)
    let added = stateID == nil
    let state: Int64
    if let stateID { state = stateID } else { state = try insertState(row) }
    if try insertRatingRow(
      merchantID: row.merchantID, line: row.line, eligible: row.eligible, stateID: state,
      hash: hash, runID: runID)
    {
      return nil
    }
    // A duplicate (rare): the state written for it is nobody's.
    if added { try deleteState(state) }
    return try keptLine(row.merchantID, runID: runID) ?? row.line
  }

  /// Inserts a rating row; false when the run already has one for the merchant.
  func insertRatingRow(
    merchantID: UnsafeRawBufferPointer, line: Int, eligible: Bool, stateID: Int64, hash: Int64,
    runID: Int64
  ) throws(SQLiteError) -> Bool {
    let insert = try cached(
      \.insertRatingRow,
      """
      INSERT INTO rating_rows (run_id, merchant_id, line, eligible, state_id, state_hash)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
      """)
    insert.bind(runID, at: 1)
    insert.bindText(merchantID, at: 2)
    insert.bind(line, at: 3)
    insert.bind(eligible ? 1 : 0, at: 4)
    insert.bind(stateID, at: 5)
    insert.bind(hash, at: 6)
    try insert.run()
    return db.changes > 0
  }

  /// Appends a state; returns its id.
  func insertState(_ row: RatingRow) throws(SQLiteError) -> Int64 {
    let state = try cached(
      \.insertState,
      """
      INSERT INTO states (score, rating, eligible, reasons, knockouts, denials, outputs,
        factors, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    Store.bindState(row, to: state, at: 1)
    try state.run()
    return db.lastInsertRowID
  }

  /// Binds a state's nine values (`score` to `record`, in `states`' column order) to
  /// parameters `at`, `at + 1`, ... — for `insertState` and the batch's multi-row insert.
  static func bindState(_ row: RatingRow, to statement: Statement, at: Int32) {
    statement.bind(row.score, at: at)
    statement.bindText(row.rating, at: at + 1)
    statement.bind(row.eligible ? 1 : 0, at: at + 2)
    statement.bindText(row.reasons, at: at + 3)
    statement.bindText(row.knockouts, at: at + 4)
    statement.bindText(row.denials, at: at + 5)
    statement.bindText(row.outputs, at: at + 6)
    statement.bindBlob(row.factors, at: at + 7)
    statement.bindBlob(row.record, at: at + 8)
  }

  private func deleteState(_ id: Int64) throws(SQLiteError) {
    let statement = try db.prepare("DELETE FROM states WHERE state_id = ?")
    statement.bind(id, at: 1)
    try statement.run()
  }

  /// The line of the rating run `runID` holds for this merchant, if any.
  private func keptLine(_ merchantID: UnsafeRawBufferPointer, runID: Int64) throws(SQLiteError)
    -> Int?
  {
    let statement = try cached(
      \.keptLine, "SELECT line FROM rating_rows WHERE run_id = ? AND merchant_id = ?")
    defer { statement.reset() }
    statement.bind(runID, at: 1)
    statement.bindText(merchantID, at: 2)
    guard try statement.step() else { return nil }
    return statement.int(0)
  }

  /// Inserts reject rows for `runID` (inside the caller's transaction).
  package func insertRejects(_ rejects: [RejectRow], runID: Int64) throws(SQLiteError) {
    guard !rejects.isEmpty else { return }
    let statement = try cached(
      \.insertReject,
      "INSERT INTO rejects (run_id, line, merchant_id, message, record) VALUES (?, ?, ?, ?, ?)")
    for reject in rejects {
      statement.bind(runID, at: 1)
      statement.bind(reject.line, at: 2)
      statement.bind(reject.merchantID, at: 3)
      statement.bind(reject.message, at: 4)
      statement.bindBlob(copying: reject.record, at: 5)
      try statement.run()
    }
  }

  /// Makes run `runID`'s ratings current (inside the transaction that completes it):
  /// for each merchant it rated, `current` then names this run.
  ///
  /// Reads the run's rows in key order and upserts in that order, so the cost is one
  /// pass over the run's rows and over `current`, whatever the input order was.
  func makeCurrent(runID: Int64) throws(SQLiteError) {
    let statement = try db.prepare(
      """
      INSERT INTO current (merchant_id, run_id, line, eligible, state_id, state_hash)
      SELECT merchant_id, run_id, line, eligible, state_id, state_hash FROM rating_rows
      WHERE run_id = ? ORDER BY merchant_id
      ON CONFLICT (merchant_id) DO UPDATE SET run_id = excluded.run_id, line = excluded.line,
        eligible = excluded.eligible, state_id = excluded.state_id,
        state_hash = excluded.state_hash
      """)
    statement.bind(runID, at: 1)
    try statement.run()
  }

  /// Marks run `runID` finished now (inside the caller's transaction): its pending rows
  /// move to `rating_rows`; `completed` takes the next completion number and makes the
  /// run's ratings current; `failed` records why.
  ///
  /// The next number is read from the index `runs_completed_seq` (its `WHERE` lets SQLite
  /// use that partial index): without it, `max` read every row of `runs` — a few KB
  /// each, with the run's factor info — so every rescore got slower as runs were kept.
  package func finishRun(_ runID: Int64, status: RunInfo.Status, failure: String?)
    throws(SQLiteError)
  {
    let statement = try db.prepare(
      """
      UPDATE runs SET status = ?1, finished_at = ?2, failure = ?3,
        completed_seq = CASE WHEN ?1 = 'completed'
          THEN (SELECT coalesce(max(completed_seq), 0) + 1 FROM runs
            WHERE completed_seq IS NOT NULL) END
      WHERE run_id = ?4
      """)
    statement.bindAll([
      .text(status.rawValue), .text(UTCTime.now()), failure.map(SQLValue.text) ?? .null,
      .integer(runID),
    ])
    try statement.run()
    let pending = try copyPending(runID: runID)
    if status == .completed { try makeCurrent(runID: runID) }
    if pending { try dropPending(runID: runID) }
  }
}
