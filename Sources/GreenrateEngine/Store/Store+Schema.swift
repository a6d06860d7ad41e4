extension Store {
  /// The schema version this code writes (`PRAGMA user_version`).
  static let schemaVersion = 1

  /// The tables, indexes and view of the database contract, plus what `rescore`,
  /// `explain`, `runs` and `--resume` need.
  ///
  /// Write-path choices (see the batch bench): `ratings` is a rowid table, so each
  /// run's rows are appended in input order; the one index it has is the unique
  /// `(merchant_id, run_id)` — the contract's uniqueness on `(run_id, merchant_id)`,
  /// with the merchant first because every read looks rows up by merchant (explain,
  /// rescore, `current_ratings`) and because the batch detects duplicate keys by
  /// inserting into it. Counts and resume points live on the run row, so nothing has
  /// to scan a run's ratings. `record` holds the merchant's input values in the compact
  /// `StoredRecordCodec` form; `factors` holds the matched band of each factor (one
  /// varint each), read with the run's `factor_info`.
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
      input_size INTEGER
    );
    CREATE TABLE IF NOT EXISTS ratings (
      run_id INTEGER NOT NULL,
      merchant_id TEXT NOT NULL,
      score REAL NOT NULL,
      rating TEXT NOT NULL,
      eligible INTEGER NOT NULL,
      reasons TEXT NOT NULL,
      knockouts TEXT NOT NULL,
      denials TEXT NOT NULL,
      outputs TEXT NOT NULL,
      factors BLOB NOT NULL,
      line INTEGER NOT NULL,
      record BLOB NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS ratings_merchant_run ON ratings (merchant_id, run_id);
    CREATE TABLE IF NOT EXISTS rejects (
      run_id INTEGER NOT NULL,
      line INTEGER NOT NULL,
      merchant_id TEXT,
      message TEXT NOT NULL,
      record BLOB
    );
    CREATE INDEX IF NOT EXISTS rejects_merchant_record ON rejects (merchant_id, run_id)
      WHERE record IS NOT NULL;
    CREATE VIEW IF NOT EXISTS current_ratings AS
      SELECT r.run_id, r.merchant_id, r.score, r.rating, r.eligible, r.reasons,
        r.knockouts, r.denials, r.outputs, r.factors, r.line
      FROM ratings AS r
      WHERE r.run_id = (
        SELECT max(x.run_id) FROM ratings AS x JOIN runs AS u ON u.run_id = x.run_id
        WHERE x.merchant_id = r.merchant_id AND u.status = 'completed');
    """

  /// Creates the schema if needed (in one write transaction, so two processes opening
  /// a new file at once don't collide) and checks the version of an existing one.
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
      try db.execute(Store.schema)
      try db.execute("PRAGMA user_version = \(Store.schemaVersion)")
    }
  }

  private func userVersion() throws(SQLiteError) -> Int {
    let statement = try db.prepare("PRAGMA user_version")
    guard try statement.step() else { return 0 }
    return statement.int(0)
  }
}
