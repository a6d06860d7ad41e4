import CSQLite

/// A failed SQLite call: the result code, SQLite's message and the statement involved.
package struct SQLiteError: Error, Sendable, CustomStringConvertible {
  /// The (extended) result code, e.g. `SQLITE_BUSY` or `SQLITE_CONSTRAINT_UNIQUE`.
  package var code: Int32
  package var message: String
  /// The SQL text being prepared or run, when there was one.
  package var sql: String?

  package init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  /// The primary result code (the low byte of the extended code).
  package var primaryCode: Int32 { code & 0xFF }

  /// Whether another connection held a lock for longer than the busy timeout.
  package var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

  package var description: String {
    var text = "SQLite error \(code): \(message)"
    if let sql { text += " (in: \(sql.count > 200 ? String(sql.prefix(200)) + "…" : sql))" }
    return text
  }
}
