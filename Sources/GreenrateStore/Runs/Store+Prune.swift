extension Store {
  /// What `prune` keeps and removes.
  package struct PrunePlan: Sendable {
    /// Runs to remove (with those an interrupted prune left half-removed), oldest first.
    package var remove: [RunInfo]
    /// Runs kept, oldest first.
    package var keep: [RunInfo]
  }

  /// What a prune removed.
  package struct PruneResult: Sendable {
    package var runs: [Int64] = []
    package var ratingRows = 0
    package var rejects = 0
    package var states = 0
    package var ruleFiles = 0
  }

  /// Decides what `prune --keep N` keeps: the `keep` latest completed batch runs (by
  /// completion), every run that still provides some merchant's current rating, every
  /// batch run still running (or killed, so `--resume` can carry it on), and every run
  /// newer than the oldest batch run kept (recent rescores and failures stay as history).
  /// Everything else goes, as do runs an interrupted prune had begun to remove.
  package func prunePlan(keep: Int) throws(SQLiteError) -> PrunePlan {
    try db.readTransaction { () throws(SQLiteError) -> PrunePlan in
      let all = try runs()
      let completed =
        all.filter { $0.kind == .batch && $0.status == .completed }
        .sorted { ($0.completedSeq ?? 0) > ($1.completedSeq ?? 0) }
      let latest = Set(completed.prefix(keep).map(\.id))
      let floor = completed.prefix(keep).map(\.id).min()
      let providing = try currentRuns()
      let begun = try prunedRunIDs()
      var plan = PrunePlan(remove: [], keep: [])
      for run in all {
        let kept =
          !begun.contains(run.id)
          && (latest.contains(run.id) || providing.contains(run.id)
            || (run.kind == .batch && run.status == .running)
            || (floor.map { run.id > $0 } ?? (keep > 0)))
        if kept { plan.keep.append(run) } else { plan.remove.append(run) }
      }
      return plan
    }
  }

  /// The runs `current` points at (one pass over `current`).
  private func currentRuns() throws(SQLiteError) -> Set<Int64> {
    let statement = try db.prepare("SELECT DISTINCT run_id FROM current")
    var ids: Set<Int64> = []
    while try statement.step() { ids.insert(statement.int64(0)) }
    return ids
  }

  private func prunedRunIDs() throws(SQLiteError) -> Set<Int64> {
    let statement = try db.prepare(
      "SELECT p.run_id FROM pruned_runs AS p JOIN runs AS u ON u.run_id = p.run_id")
    var ids: Set<Int64> = []
    while try statement.step() { ids.insert(statement.int64(0)) }
    return ids
  }

  /// Whether `prune` removed run `runID` (and when), for telling a user who asks for it.
  package func prunedAt(runID: Int64) throws(SQLiteError) -> String? {
    let statement = try db.prepare("SELECT pruned_at FROM pruned_runs WHERE run_id = ?")
    statement.bind(runID, at: 1)
    guard try statement.step() else { return nil }
    return statement.text(0)
  }

  /// Removes the plan's runs, then the states and rule texts nothing points at any more,
  /// in transactions of at most `batchRows` rows each: a kill at any moment leaves a
  /// consistent database (a run being removed is marked in `pruned_runs` first, and
  /// `current` never points at it), and running prune again finishes the work.
  package func prune(_ plan: PrunePlan, batchRows: Int = 50_000) throws(SQLiteError)
    -> PruneResult
  {
    var result = PruneResult()
    for run in plan.remove {
      try db.writeTransaction { () throws(SQLiteError) in
        let mark = try db.prepare(
          """
          INSERT OR IGNORE INTO pruned_runs (run_id, kind, finished_at, pruned_at)
          VALUES (?, ?, ?, ?)
          """)
        mark.bindAll([
          .integer(run.id), .text(run.kind.rawValue), run.finishedAt.map(SQLValue.text) ?? .null,
          .text(UTCTime.now()),
        ])
        try mark.run()
      }
      let removed = try deleteRatingRows(runID: run.id, batchRows: batchRows)
      result.ratingRows += removed.rows
      result.states += removed.states
      result.rejects += try deleteInBatches(
        """
        DELETE FROM rejects WHERE rowid IN (
          SELECT rowid FROM rejects WHERE run_id = ?1 LIMIT ?2)
        """, run.id, batchRows)
      try db.writeTransaction { () throws(SQLiteError) in
        for sql in [
          "DELETE FROM rescore_changes WHERE run_id = ?", "DELETE FROM runs WHERE run_id = ?",
        ] {
          let statement = try db.prepare(sql)
          statement.bind(run.id, at: 1)
          try statement.run()
        }
      }
      result.runs.append(run.id)
    }
    result.ruleFiles = try db.writeTransaction { () throws(SQLiteError) -> Int in
      try db.execute(
        """
        DELETE FROM rule_files WHERE sha256 NOT IN (SELECT ruleset_sha256 FROM runs)
        """)
      return db.changes
    }
    return result
  }

  /// Deletes with `sql` (bound to run id and batch size) until nothing is left, one
  /// transaction per batch; returns the rows deleted.
  private func deleteInBatches(_ sql: String, _ runID: Int64, _ batchRows: Int)
    throws(SQLiteError) -> Int
  {
    let statement = try db.prepare(sql)
    var total = 0
    while true {
      let deleted = try db.writeTransaction { () throws(SQLiteError) -> Int in
        statement.bind(runID, at: 1)
        statement.bind(batchRows, at: 2)
        try statement.run()
        return db.changes
      }
      total += deleted
      if deleted == 0 { return total }
    }
  }

  /// Deletes a run's rating rows, a range of merchants per transaction, with the states
  /// only they pointed at (no other run's row, no running batch's pending row (one set
  /// per transaction, empty unless a batch runs) and no `current` row points at them; a
  /// state is shared only by ratings of one merchant, so each check is a few key
  /// lookups, walking every index forward).
  private func deleteRatingRows(runID: Int64, batchRows: Int) throws(SQLiteError)
    -> (rows: Int, states: Int)
  {
    let next = try db.prepare(
      """
      SELECT merchant_id FROM rating_rows WHERE run_id = ?1 AND merchant_id > ?2
      ORDER BY merchant_id LIMIT 1 OFFSET ?3
      """)
    let states = try db.prepare(
      """
      DELETE FROM states WHERE state_id IN (
        SELECT g.state_id FROM rating_rows AS g
        WHERE g.run_id = ?1 AND g.merchant_id > ?2 AND (?3 IS NULL OR g.merchant_id <= ?3)
          AND NOT EXISTS (
            SELECT 1 FROM current AS c WHERE c.merchant_id = g.merchant_id AND c.state_id = g.state_id)
          AND NOT EXISTS (
            SELECT 1 FROM runs AS r CROSS JOIN rating_rows AS h
              ON h.run_id = r.run_id AND h.merchant_id = g.merchant_id
            WHERE r.run_id != ?1 AND h.state_id = g.state_id)
          AND g.state_id NOT IN (SELECT state_id FROM pending_rows))
      """)
    let rows = try db.prepare(
      """
      DELETE FROM rating_rows
      WHERE run_id = ?1 AND merchant_id > ?2 AND (?3 IS NULL OR merchant_id <= ?3)
      """)
    var from = ""
    var total = (rows: 0, states: 0)
    while true {
      let done = try db.writeTransaction { () throws(SQLiteError) -> Bool in
        next.bindAll([.integer(runID), .text(from), .integer(Int64(batchRows - 1))])
        let upTo = try next.step() ? next.text(0) : nil
        next.reset()
        let bounds: [SQLValue] = [.integer(runID), .text(from), upTo.map(SQLValue.text) ?? .null]
        states.bindAll(bounds)
        try states.run()
        total.states += db.changes
        rows.bindAll(bounds)
        try rows.run()
        total.rows += db.changes
        if let upTo { from = upTo }
        return upTo == nil
      }
      if done { return total }
    }
  }

  /// Gives the free pages back to the file system: `VACUUM` (rewrites the file; needs
  /// as much free disk as the database) when `full`, else an incremental vacuum (only
  /// for databases created with `auto_vacuum = INCREMENTAL`, which this version's are).
  package func reclaimSpace(full: Bool) throws(SQLiteError) {
    if full {
      try db.execute("VACUUM")
    } else {
      try db.execute("PRAGMA incremental_vacuum")
    }
    try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
  }

  /// The database's size in bytes (pages in use and free), for reports.
  package func sizes() throws(SQLiteError) -> (total: Int64, free: Int64) {
    let statement = try db.prepare(
      "SELECT page_count * page_size, freelist_count * page_size FROM pragma_page_count, pragma_freelist_count, pragma_page_size"
    )
    guard try statement.step() else { return (0, 0) }
    return (statement.int64(0), statement.int64(1))
  }
}
