import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One SQLite connection: the only owner of a `sqlite3` handle.
///
/// Not thread-safe by design: the batch gives its connection to one writer, and every
/// other command opens its own.
package final class Database {
  let handle: OpaquePointer
  /// The path as opened.
  package let path: String

  /// Opens (creating if needed) the database at `path`.
  ///
  /// `busyTimeout` bounds how long a statement waits for another connection's write
  /// lock. The handler polls every millisecond, unlike SQLite's default one whose
  /// waits grow to 100 ms: a batch writer frees the lock only briefly between commits,
  /// and a coarse poll would almost never see that gap.
  ///
  /// `immutable` (read-only only) opens the file as one nothing writes to while it is
  /// open: no locks, no `-shm` (see `Store+Access`, for a folder this process cannot
  /// write).
  package init(
    path: String, readOnly: Bool = false, immutable: Bool = false,
    busyTimeout milliseconds: Int = 30_000
  ) throws(SQLiteError) {
    if let problem = Database.pathProblem(path) ?? StoreSystem.fileProblem(path)
      ?? (readOnly ? nil : StoreSystem.creationProblem(path))
    {
      throw SQLiteError(code: SQLITE_CANTOPEN, message: problem)
    }
    var db: OpaquePointer?
    var flags =
      (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
      | SQLITE_OPEN_NOMUTEX
    if immutable && readOnly { flags |= SQLITE_OPEN_URI }
    let name = immutable && readOnly ? Database.immutableURI(path) : path
    let rc = sqlite3_open_v2(name, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      var message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      // "unable to open database file" says nothing of why: add the system's reason.
      if let db, sqlite3_system_errno(db) != 0 {
        message += " (\(StoreSystem.errorText(sqlite3_system_errno(db))))"
      }
      if let db { sqlite3_close_v2(db) }
      throw SQLiteError(code: rc, message: "cannot open \(path): \(message)")
    }
    handle = db
    self.path = path
    sqlite3_extended_result_codes(db, 1)
    sqlite3_busy_handler(
      db,
      { context, attempts in
        let limit = Int(bitPattern: context)
        guard attempts < limit else { return 0 }
        usleep(1000)
        return 1
      }, UnsafeMutableRawPointer(bitPattern: max(1, milliseconds)))
  }

  deinit { sqlite3_close_v2(handle) }

  /// Runs one or more statements that take no parameters and return no rows we need.
  package func execute(_ sql: String) throws(SQLiteError) {
    var errorMessage: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
    if rc != SQLITE_OK {
      let message = errorMessage.map { String(cString: $0) } ?? lastMessage
      sqlite3_free(errorMessage)
      throw SQLiteError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
    }
  }

  /// Compiles one statement, meant to be kept and reused.
  package func prepare(_ sql: String) throws(SQLiteError) -> Statement {
    var statement: OpaquePointer?
    let rc = sqlite3_prepare_v3(
      handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
    guard rc == SQLITE_OK, let statement else {
      throw SQLiteError(code: sqlite3_extended_errcode(handle), message: lastMessage, sql: sql)
    }
    return Statement(handle: statement, database: self, sql: sql)
  }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  package var changes: Int { Int(sqlite3_changes(handle)) }

  package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Pages this connection has written out of its cache so far (in WAL mode: frames
  /// appended to the WAL), `SQLITE_DBSTATUS_CACHE_WRITE`.
  package var pagesWritten: Int {
    var current: Int32 = 0
    var highest: Int32 = 0
    sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_WRITE, &current, &highest, 0)
    return Int(current)
  }

  /// Whether a transaction is open (autocommit is off).
  package var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  /// Runs `body` in a write transaction taken at once (`BEGIN IMMEDIATE`), so that a
  /// read never has to be upgraded to a write under a concurrent writer; commits when
  /// `body` returns, rolls back when it throws.
  package func writeTransaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
    try transaction(begin: "BEGIN IMMEDIATE", body)
  }

  /// A read transaction, so that several queries see one snapshot.
  package func readTransaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
    try transaction(begin: "BEGIN", body)
  }

  /// Runs `body` between `begin` and `COMMIT`, or `ROLLBACK` when it throws.
  private func transaction<T>(
    begin: String, _ body: () throws(SQLiteError) -> T
  ) throws(SQLiteError) -> T {
    try execute(begin)
    do {
      let value = try body()
      try execute("COMMIT")
      return value
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// SQLite's message for the last error, saying so plainly when the disk is full:
  /// SQLite reports a `-shm` file it cannot grow as "disk I/O error".
  var lastMessage: String {
    let message = String(cString: sqlite3_errmsg(handle))
    guard sqlite3_extended_errcode(handle) & 0xFF != SQLITE_FULL else { return message }
    switch sqlite3_system_errno(handle) {
    case ENOSPC, EDQUOT: return "the disk is full (\(message))"
    case EFBIG: return "the file size limit (ulimit -f) is reached (\(message))"
    default: return message
    }
  }

  func error(_ rc: Int32, sql: String?) -> SQLiteError {
    SQLiteError(code: sqlite3_extended_errcode(handle), message: lastMessage, sql: sql)
  }
}

extension Database {
  /// The version of the SQLite library linked at run time (`sqlite3_libversion()`).
  package static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
