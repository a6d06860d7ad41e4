import CSQLite

extension Store {
  /// How a command uses a database file.
  package enum Access: Sendable {
    /// `batch`: creates the file and greenrate's tables when they are not there yet.
    case create
    /// `rescore`: reads and writes a file that must already hold greenrate's tables
    /// (never creates them: a mistyped path must not become an empty database).
    case existing
    /// `runs`, `explain`: opened read-only, so reading writes nothing (no schema, no
    /// journal-mode switch) and works in a read-only folder.
    case readOnly
  }

  /// Opens `path` read-only. A WAL database with no `-wal`/`-shm` beside it (no
  /// connection open, everything checkpointed) cannot be read that way when the folder
  /// is not writable: SQLite must create the `-shm` file first. Since no connection is
  /// open and none can write there either, the file is then opened as immutable.
  static func openReadOnly(path: String, busyTimeout: Int) throws(SQLiteError) -> Database {
    let db = try Database(path: path, readOnly: true, busyTimeout: busyTimeout)
    do {
      let probe = try db.prepare("SELECT count(*) FROM sqlite_master")
      _ = try probe.step()
      return db
    } catch {
      guard error.primaryCode == SQLITE_READONLY || error.primaryCode == SQLITE_CANTOPEN,
        !StoreSystem.hasContent(path + "-wal"), !StoreSystem.exists(path + "-shm")
      else { throw error }
      return try Database(path: path, readOnly: true, immutable: true, busyTimeout: busyTimeout)
    }
  }

  /// The tables and columns that make a file greenrate's (the database contract's,
  /// which every schema version keeps).
  static let identityColumns: [(table: String, columns: [String])] = [
    ("runs", ["run_id", "kind", "status", "ruleset_sha256", "as_of", "records_read"]),
    ("ratings", ["run_id", "merchant_id", "rating"]),
    ("rejects", ["run_id", "line", "message"]),
  ]

  /// Refuses a file that is not greenrate's: one that holds other tables, or (unless
  /// it may be created) one with no tables at all. Runs before anything is written.
  func checkIdentity(_ access: Access) throws(SQLiteError) {
    let objects = try db.prepare(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
    var names: [String] = []
    while try objects.step() { names.append(objects.text(0) ?? "") }
    if names.isEmpty {
      if access == .create { return }
      throw SQLiteError(
        code: SQLITE_NOTADB,
        message: "\(db.path) is not a greenrate database (it holds no tables; "
          + "`greenrate batch ... --db \(db.path)` makes one)")
    }
    for (table, columns) in Store.identityColumns {
      let info = try db.prepare("SELECT name FROM pragma_table_info(?)")
      info.bind(table, at: 1)
      var found = Set<String>()
      while try info.step() { found.insert(info.text(0) ?? "") }
      let missing = columns.filter { !found.contains($0) }
      guard missing.isEmpty else {
        let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        throw SQLiteError(
          code: SQLITE_NOTADB,
          message: found.isEmpty
            ? "\(db.path) is not a greenrate database (it has no `\(table)` table; "
              + "its tables: \(shown))"
            : "\(db.path) is not a greenrate database (its `\(table)` table has no "
              + "\(missing.map { "`\($0)`" }.joined(separator: ", ")))")
      }
    }
    if access == .readOnly {
      let version = try db.prepare("PRAGMA user_version")
      let number = try version.step() ? version.int(0) : 0
      if number > Store.schemaVersion {
        throw SQLiteError(
          code: SQLITE_NOTADB,
          message: "\(db.path) was written by a newer greenrate (schema \(number), this one "
            + "knows \(Store.schemaVersion))")
      }
    }
  }
}
