extension Store {
  /// Turns a version-1 database into version 2 in place (inside the caller's write
  /// transaction, so a kill leaves it at version 1): every rating keeps its run, line,
  /// result and record; each merchant's identical states are stored once; `current`
  /// starts as version 1's `current_ratings` showed it (the highest completed run id per
  /// merchant), and completions are numbered in run id order, the only order version 1
  /// knew.
  func migrateFromVersion1() throws(SQLiteError) {
    try db.execute(
      """
      ALTER TABLE runs ADD COLUMN completed_seq INTEGER;
      ALTER TABLE runs ADD COLUMN base_run INTEGER;
      ALTER TABLE runs ADD COLUMN reason TEXT;
      DROP VIEW IF EXISTS current_ratings;
      ALTER TABLE ratings RENAME TO ratings_v1;
      """)
    try db.execute(Store.schema)
    try db.execute(
      """
      UPDATE runs SET completed_seq = (
        SELECT count(*) FROM runs AS o WHERE o.status = 'completed' AND o.run_id <= runs.run_id)
      WHERE status = 'completed'
      """)
    let read = try db.prepare(
      """
      SELECT r.run_id, r.merchant_id, r.score, r.rating, r.eligible, r.reasons, r.knockouts,
        r.denials, r.outputs, r.factors, r.line, r.record, u.record_fields,
        u.status = 'completed'
      FROM ratings_v1 AS r JOIN runs AS u ON u.run_id = r.run_id
      ORDER BY r.merchant_id, r.run_id
      """)
    let current = try db.prepare(
      """
      INSERT INTO current (merchant_id, run_id, line, eligible, state_id, state_hash)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    var seeds: [String: UInt64] = [:]
    typealias Row = (
      merchant: String, run: Int64, line: Int, eligible: Int, state: Int64, hash: Int64
    )
    // The merchant's previous row (its state is shared when unchanged) and its latest
    // row from a completed run (version 1's current).
    var previous: Row?
    var pending: Row?
    func flushCurrent() throws(SQLiteError) {
      guard let p = pending else { return }
      current.bindAll([
        .text(p.merchant), .integer(p.run), .integer(Int64(p.line)),
        .integer(Int64(p.eligible)), .integer(p.state), .integer(p.hash),
      ])
      try current.run()
      pending = nil
    }
    while try read.step() {
      let runID = read.int64(0)
      let fields = read.text(12) ?? ""
      let seed = seeds[fields] ?? RatingRow.fieldsSeed(fields)
      seeds[fields] = seed
      let row = RatingRow(
        merchantID: read.bytes(1), line: read.int(10), score: read.double(2),
        rating: read.bytes(3), eligible: read.int(4) != 0, reasons: read.bytes(5),
        knockouts: read.bytes(6), denials: read.bytes(7), outputs: read.bytes(8),
        factors: read.bytes(9), record: read.bytes(11))
      let hash = row.stateHash(fieldsSeed: seed)
      let merchant = read.text(1) ?? ""
      if let p = pending, p.merchant != merchant { try flushCurrent() }
      var state: Int64
      if let p = previous, p.merchant == merchant, p.hash == hash {
        state = p.state
      } else {
        state = try insertState(row)
      }
      _ = try insertRatingRow(
        merchantID: row.merchantID, line: row.line, eligible: row.eligible, stateID: state,
        hash: hash, runID: runID)
      let this: Row = (merchant, runID, row.line, row.eligible ? 1 : 0, state, hash)
      previous = this
      if read.int(13) != 0 { pending = this }
    }
    try flushCurrent()
    try db.execute("DROP TABLE ratings_v1")
  }
}

extension Store {
  /// Brings a version-1 or -2 database (or a new one) to version 3 (inside the caller's
  /// write transaction): adds `pending_rows` and the `ratings` view over it, and moves
  /// the rows of batch runs that are still running (killed, to be resumed) there as
  /// their first segment, so a resumed run finds its earlier rows where it looks.
  func migrateToPending() throws(SQLiteError) {
    try db.execute(Store.pendingSchema)
    try db.execute(
      """
      INSERT INTO pending_rows (run_id, segment, merchant_id, line, eligible, state_id, state_hash)
      SELECT g.run_id, 0, g.merchant_id, g.line, g.eligible, g.state_id, g.state_hash
      FROM runs AS r CROSS JOIN rating_rows AS g ON g.run_id = r.run_id
      WHERE r.kind = 'batch' AND r.status = 'running'
      ORDER BY g.run_id, g.merchant_id;
      DELETE FROM rating_rows WHERE run_id IN (
        SELECT run_id FROM runs WHERE kind = 'batch' AND status = 'running');
      """)
  }
}

extension Store {
  /// Brings a database of versions 1 to 3 (or a new one) to version 4 (inside the
  /// caller's write transaction): adds `runs.merchant_id` when `addColumn` (every
  /// version before 4 made `runs` without it), fills it for the rescore runs already
  /// kept from the rating or reject each holds, and adds its index (see
  /// `rescoreMerchantSchema`). A run is named only when its rows name exactly one
  /// merchant; any other stays null (a reject without a merchant id, as a new rescore
  /// of one would), which only costs the queries a probe.
  func migrateToRescoreMerchants(addColumn: Bool) throws(SQLiteError) {
    if addColumn { try db.execute("ALTER TABLE runs ADD COLUMN merchant_id TEXT") }
    try db.execute(
      """
      UPDATE runs SET merchant_id = (
        SELECT CASE WHEN count(*) = 1 THEN min(m) END FROM (
          SELECT g.merchant_id AS m FROM rating_rows AS g WHERE g.run_id = runs.run_id
          UNION SELECT j.merchant_id FROM rejects AS j
            WHERE j.run_id = runs.run_id AND j.merchant_id IS NOT NULL))
      WHERE kind = 'rescore' AND merchant_id IS NULL
      """)
    try db.execute(Store.rescoreMerchantSchema)
  }
}
