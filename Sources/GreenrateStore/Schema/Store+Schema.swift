extension Store {
  /// The schema version this code writes (`PRAGMA user_version`): 1 stored every rating
  /// with its whole record; 2 stores each merchant's result and record once while they
  /// do not change, and keeps `current` as a table (see `schema`); 3 keeps a running
  /// batch's rows in `pending_rows` until the run finishes (see `pendingSchema`); 4
  /// records which merchant a rescore run rated (`runs.merchant_id`, see
  /// `rescoreMerchantSchema`).
  static let schemaVersion = 4

  /// The tables, indexes and views of the database contract, plus what `rescore`,
  /// `explain`, `runs`, `prune` and `--resume` need.
  ///
  /// - `rating_rows` is one small row per merchant per run: the run, the merchant, the
  ///   input line, eligibility and the `states` row it points at (with that state's
  ///   hash). Its key `(run_id, merchant_id)` is the contract's uniqueness and the
  ///   batch's duplicate check; a run's rows sit together, so a run's writes never touch
  ///   the pages of earlier nights.
  /// - `states` holds what a rating says and the record it was scored from (`record`, in
  ///   `StoredRecordCodec` form). A rating points at the merchant's current state when
  ///   its content is the same (`state_hash`: a 64-bit hash of the content and of the
  ///   run's `record_fields`, so equal hashes mean the record decodes under the same
  ///   fields); only a changed merchant adds a state. States are appended (a rowid
  ///   table), so writing them costs the same whatever the input's order.
  /// - `ratings` (the contract's table) is a view joining the two (and a running batch's
  ///   `pending_rows`, see `pendingSchema`): same columns, same meanings, read-only.
  /// - `current` is, per merchant, the rating of the run that completed last among those
  ///   that rated it. It is written in the transaction that completes a batch run or
  ///   writes a rescore, never before — so a killed batch moves nothing — and read
  ///   without looking at other runs, so its cost does not grow with the runs kept.
  ///   `runs.completed_seq` numbers completions in order (1, 2, ...): "latest" means
  ///   latest completed.
  /// - `current_ratings` (the contract's view) reads `current`, and `states` only for
  ///   the columns a query asks for (one scalar sub-query per column, which SQLite
  ///   evaluates only when used: `count(*)` and `sum(eligible)` read `current` alone —
  ///   a LEFT JOIN would be looked up for every row, as SQLite keeps joins in
  ///   aggregates).
  /// - `rule_files` keeps each run's rule file text once per SHA-256, so `explain` can
  ///   quote a band's condition after the file has been edited.
  /// - `overrides` keeps an officer's `rescore --set` values per merchant and field
  ///   until cleared; a batch that rates the merchant again re-applies them (a rescore
  ///   run after it, see `Store+Overrides`). `rescore_changes` records, per rescore run,
  ///   which fields were set from what to what.
  /// - `pruned_runs` remembers the runs `prune` removed, so asking for one says so.
  static let schema = """
    CREATE TABLE IF NOT EXISTS runs (
      run_id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('batch', 'rescore')),
      status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
      ruleset TEXT NOT NULL,
      ruleset_version TEXT NOT NULL,
      ruleset_sha256 TEXT NOT NULL,
      as_of TEXT NOT NULL,
      input TEXT,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      records_read INTEGER NOT NULL DEFAULT 0,
      records_scored INTEGER NOT NULL DEFAULT 0,
      records_rejected INTEGER NOT NULL DEFAULT 0,
      records_eligible INTEGER NOT NULL DEFAULT 0,
      rules_path TEXT NOT NULL,
      input_format TEXT,
      max_rejects INTEGER,
      rating_labels TEXT NOT NULL,
      rating_counts TEXT NOT NULL,
      record_fields TEXT NOT NULL,
      factor_info TEXT NOT NULL,
      resume_offset INTEGER NOT NULL DEFAULT 0,
      resume_line INTEGER NOT NULL DEFAULT 0,
      failure TEXT,
      input_size INTEGER,
      completed_seq INTEGER,
      base_run INTEGER,
      reason TEXT,
      merchant_id TEXT
    );
    CREATE UNIQUE INDEX IF NOT EXISTS runs_completed_seq ON runs (completed_seq)
      WHERE completed_seq IS NOT NULL;
    CREATE TABLE IF NOT EXISTS rating_rows (
      run_id INTEGER NOT NULL,
      merchant_id TEXT NOT NULL,
      line INTEGER NOT NULL,
      eligible INTEGER NOT NULL,
      state_id INTEGER NOT NULL,
      state_hash INTEGER NOT NULL,
      PRIMARY KEY (run_id, merchant_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS states (
      state_id INTEGER PRIMARY KEY,
      score REAL NOT NULL,
      rating TEXT NOT NULL,
      eligible INTEGER NOT NULL,
      reasons TEXT NOT NULL,
      knockouts TEXT NOT NULL,
      denials TEXT NOT NULL,
      outputs TEXT NOT NULL,
      factors BLOB NOT NULL,
      record BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS current (
      merchant_id TEXT PRIMARY KEY,
      run_id INTEGER NOT NULL,
      line INTEGER NOT NULL,
      eligible INTEGER NOT NULL,
      state_id INTEGER NOT NULL,
      state_hash INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS rejects (
      run_id INTEGER NOT NULL,
      line INTEGER NOT NULL,
      merchant_id TEXT,
      message TEXT NOT NULL,
      record BLOB
    );
    CREATE INDEX IF NOT EXISTS rejects_merchant_record ON rejects (merchant_id, run_id)
      WHERE record IS NOT NULL;
    CREATE INDEX IF NOT EXISTS rejects_run ON rejects (run_id);
    CREATE TABLE IF NOT EXISTS rule_files (
      sha256 TEXT PRIMARY KEY,
      text BLOB NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS overrides (
      merchant_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT NOT NULL,
      reason TEXT NOT NULL,
      run_id INTEGER NOT NULL,
      set_at TEXT NOT NULL,
      PRIMARY KEY (merchant_id, field)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS rescore_changes (
      run_id INTEGER NOT NULL,
      field TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      source TEXT NOT NULL,
      PRIMARY KEY (run_id, field)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS pruned_runs (
      run_id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      finished_at TEXT,
      pruned_at TEXT NOT NULL
    );
    CREATE VIEW IF NOT EXISTS current_ratings AS
      SELECT c.run_id, c.merchant_id,
        (SELECT score FROM states AS s WHERE s.state_id = c.state_id)
          AS score,
        (SELECT rating FROM states AS s WHERE s.state_id = c.state_id)
          AS rating,
        c.eligible,
        (SELECT reasons FROM states AS s WHERE s.state_id = c.state_id)
          AS reasons,
        (SELECT knockouts FROM states AS s WHERE s.state_id = c.state_id)
          AS knockouts,
        (SELECT denials FROM states AS s WHERE s.state_id = c.state_id)
          AS denials,
        (SELECT outputs FROM states AS s WHERE s.state_id = c.state_id)
          AS outputs,
        (SELECT factors FROM states AS s WHERE s.state_id = c.state_id)
          AS factors,
        c.line
      FROM current AS c;
    """

  /// A batch run's rows while it runs, and the `ratings` view over them and `rating_rows`.
  ///
  /// Each commit group of a batch is one `segment`: its rows are written in key order
  /// under a segment number larger than the run's earlier ones, so every insert lands at
  /// the right edge of the key — what a commit writes does not depend on the input's
  /// order (inserting a shuffled night straight into `rating_rows` touched nearly every
  /// leaf of the run's key range at every commit). The transaction that finishes the run
  /// moves its rows into `rating_rows` in key order (`Store.copyPending`).
  static let pendingSchema = """
    CREATE TABLE IF NOT EXISTS pending_rows (
      run_id INTEGER NOT NULL,
      segment INTEGER NOT NULL,
      merchant_id TEXT NOT NULL,
      line INTEGER NOT NULL,
      eligible INTEGER NOT NULL,
      state_id INTEGER NOT NULL,
      state_hash INTEGER NOT NULL,
      PRIMARY KEY (run_id, segment, merchant_id)
    ) WITHOUT ROWID;
    DROP VIEW IF EXISTS ratings;
    CREATE VIEW ratings AS
      SELECT g.run_id, g.merchant_id, s.score, s.rating, g.eligible, s.reasons, s.knockouts,
        s.denials, s.outputs, s.factors, g.line, s.record
      FROM rating_rows AS g
      LEFT JOIN states AS s ON s.state_id = g.state_id
      UNION ALL
      SELECT p.run_id, p.merchant_id, s.score, s.rating, p.eligible, s.reasons, s.knockouts,
        s.denials, s.outputs, s.factors, p.line, s.record
      FROM pending_rows AS p
      LEFT JOIN states AS s ON s.state_id = p.state_id;
    """

  /// The index that finds a merchant's rescore runs.
  ///
  /// `runs.merchant_id` is, for a `rescore` run, the merchant whose rating or reject it
  /// holds (a rescore rates exactly one record); it is null for a batch run and for a
  /// rescore of a record without a key. Queries that look for a merchant's rows run by
  /// run (`latestRecordRow`, `freshestSource`) probe the runs whose `merchant_id` is null
  /// (the batch runs: one per night kept) and, through this index, the merchant's own
  /// rescore runs — so their cost no longer grows with the rescores of other merchants.
  /// A null never hides a row, it only costs a probe: correctness needs only that a run
  /// naming a merchant holds no other merchant's rows.
  static let rescoreMerchantSchema = """
    CREATE INDEX IF NOT EXISTS runs_merchant ON runs (merchant_id, run_id);
    """

  /// Creates the schema if needed (in one write transaction, so two processes opening
  /// a new file at once don't collide), migrates a database of versions 1 to 3 in place,
  /// and refuses a newer one.
  func migrate() throws(SQLiteError) {
    let version = try userVersion()
    if version == Store.schemaVersion { return }
    if version > Store.schemaVersion {
      throw SQLiteError(
        code: 1,
        message:
          "\(db.path) was written by a newer greenrate (schema \(version), this one knows \(Store.schemaVersion))"
      )
    }
    try db.writeTransaction { () throws(SQLiteError) in
      // Another process may have migrated while this one waited for the lock.
      let now = try userVersion()
      if now == Store.schemaVersion { return }
      if now == 1 {
        try migrateFromVersion1()
      } else if now == 0 {
        try db.execute(Store.schema)
      }
      if now < 3 { try migrateToPending() }
      // Versions 1 to 3 made `runs` without `merchant_id`; a new file has it already.
      try migrateToRescoreMerchants(addColumn: now != 0)
      try db.execute("PRAGMA user_version = \(Store.schemaVersion)")
    }
  }

  func userVersion() throws(SQLiteError) -> Int {
    let statement = try db.prepare("PRAGMA user_version")
    guard try statement.step() else { return 0 }
    return statement.int(0)
  }
}
