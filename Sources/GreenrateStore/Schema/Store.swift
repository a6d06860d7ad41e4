/// The SQLite store: runs, ratings, rejects, the current rating of each merchant and
/// the records they were scored from (see `Store+Schema` for the layout).
///
/// One `Store` owns one connection and is used from one thread at a time. The batch's
/// writer owns its own; readers (`explain`, `runs`) and `rescore` open theirs, and WAL
/// mode lets them work while a batch writes.
package final class Store {
  package let db: Database
  /// Prepared once, reused for every chunk (see `Store+Ratings`).
  var statements = Statements()

  /// Opens or creates the database at `path`: WAL journal, `synchronous=NORMAL`, a
  /// millisecond-polling busy timeout, and the schema.
  ///
  /// `cacheMegabytes` sizes SQLite's page cache; the batch writer asks for more
  /// because it looks up and inserts by merchant id.
  /// `access` says whether the file may be created, must already be greenrate's, or is
  /// only read (see `Store.Access`); a file that holds some other schema is refused
  /// before anything is written to it.
  package init(
    path: String, access: Access = .create, busyTimeoutMilliseconds: Int = 30_000,
    cacheMegabytes: Int = 8
  ) throws(SQLiteError) {
    if access == .readOnly {
      db = try Store.openReadOnly(path: path, busyTimeout: busyTimeoutMilliseconds)
    } else {
      db = try Database(path: path, busyTimeout: busyTimeoutMilliseconds)
    }
    try checkIdentity(access)
    if access == .readOnly {
      try db.execute("PRAGMA cache_size = -\(cacheMegabytes * 1024)")
      return
    }
    // Larger pages halve the writer's cost per row (measured: 16 KiB pages vs 4 KiB);
    // this only applies to a new, empty file.
    try db.execute("PRAGMA page_size = 16384")
    // So that `prune` can give freed pages back without rewriting the file (a no-op on
    // an existing file, which keeps its setting).
    try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
    try db.execute("PRAGMA journal_mode = WAL")
    try db.execute("PRAGMA synchronous = NORMAL")
    // Checkpoint only when the WAL passes 1 GiB: a batch's rows then reach the database
    // file in one pass when the last connection closes (or `ChunkWriter.finish`), not
    // in dozens of small checkpoints that each sync both files (measured: 1M rows
    // 1.33 s against 1.8 s with SQLite's default of 1,000 pages).
    try db.execute("PRAGMA wal_autocheckpoint = \(Store.checkpointBytes / 16384)")
    try db.execute("PRAGMA cache_size = -\(cacheMegabytes * 1024)")
    try db.execute("PRAGMA temp_store = MEMORY")
    try migrate()
    try migrateBatchState()
  }

  /// The connection itself, for tools and benchmarks (PRAGMAs, ad-hoc queries).
  package var connection: Database { db }

  /// The WAL size at which a commit checkpoints (see `init`).
  static let checkpointBytes = 1 << 30

  /// The path of the database file.
  package var path: String { db.path }

  /// Prepared statements, created on first use.
  struct Statements {
    var insertRatingRow: Statement?
    var currentState: Statement?
    var insertState: Statement?
    var insertReject: Statement?
    var keptLine: Statement?
    var largestState: Statement?
    var currentStates: Statement?
    var insertStateOne: Statement?
    var insertStates: Statement?
    var insertPendingOne: Statement?
    var insertPendings: Statement?
    var pendingLine: Statement?
    var progress: Statement?
  }

  /// A statement prepared on first use and kept.
  func cached(_ keyPath: WritableKeyPath<Statements, Statement?>, _ sql: String)
    throws(SQLiteError) -> Statement
  {
    if let statement = statements[keyPath: keyPath] { return statement }
    let statement = try db.prepare(sql)
    statements[keyPath: keyPath] = statement
    return statement
  }
}
