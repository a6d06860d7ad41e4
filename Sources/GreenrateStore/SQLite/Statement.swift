import CSQLite

/// One prepared statement, reused for every row: bind, step, reset.
///
/// Text is bound straight from byte buffers (`SQLITE_STATIC`), so the hot path never
/// builds a `String`; the caller keeps those bytes alive and unmoved until the step.
package final class Statement {
  let handle: OpaquePointer
  /// Keeps the connection open as long as the statement lives.
  let database: Database
  package let sql: String

  init(handle: OpaquePointer, database: Database, sql: String) {
    self.handle = handle
    self.database = database
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  // MARK: Binding (parameters count from 1)

  package func bind(_ value: Int64, at index: Int32) {
    sqlite3_bind_int64(handle, index, value)
  }

  package func bind(_ value: Int, at index: Int32) {
    sqlite3_bind_int64(handle, index, Int64(value))
  }

  package func bind(_ value: Double, at index: Int32) {
    sqlite3_bind_double(handle, index, value)
  }

  package func bindNull(at index: Int32) {
    sqlite3_bind_null(handle, index)
  }

  /// Binds UTF-8 text without copying; `bytes` must stay valid until the next step.
  package func bindText(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
    // A non-null pointer even for an empty text, so that SQLite stores '' and not NULL.
    let base = bytes.baseAddress ?? Statement.emptyByte
    sqlite3_bind_text(
      handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
  }

  /// Binds a blob without copying; `bytes` must stay valid until the next step.
  package func bindBlob(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
    let base = bytes.baseAddress ?? Statement.emptyByte
    sqlite3_bind_blob(handle, index, base, Int32(bytes.count), nil)
  }

  /// Binds a string, copied by SQLite (for values bound once per run, not per row).
  package func bind(_ text: String?, at index: Int32) {
    guard let text else {
      sqlite3_bind_null(handle, index)
      return
    }
    sqlite3_bind_text(handle, index, text, -1, Statement.transient)
  }

  /// Binds bytes as a blob, copied by SQLite.
  package func bindBlob(copying bytes: [UInt8]?, at index: Int32) {
    guard let bytes else {
      sqlite3_bind_null(handle, index)
      return
    }
    _ = bytes.withUnsafeBytes { raw in
      sqlite3_bind_blob(
        handle, index, raw.baseAddress ?? Statement.emptyByte,
        Int32(raw.count), Statement.transient)
    }
  }

  /// `SQLITE_TRANSIENT`: SQLite copies the value before the bind returns.
  static var transient: sqlite3_destructor_type {
    unsafeBitCast(-1, to: sqlite3_destructor_type.self)
  }
  /// A valid address for zero bytes (a null pointer would bind NULL, not '').
  static var emptyByte: UnsafeRawPointer {
    let empty: StaticString = ""
    return UnsafeRawPointer(empty.utf8Start)
  }

  // MARK: Running

  /// Runs one step: true when a row is available, false when done.
  @discardableResult
  package func step() throws(SQLiteError) -> Bool {
    let rc = sqlite3_step(handle)
    if rc == SQLITE_ROW { return true }
    if rc == SQLITE_DONE { return false }
    let error = database.error(rc, sql: sql)
    sqlite3_reset(handle)
    throw error
  }

  /// Makes the statement ready to run again (bindings are kept).
  package func reset() { sqlite3_reset(handle) }

  /// Runs a statement that returns no rows, then resets it.
  package func run() throws(SQLiteError) {
    defer { sqlite3_reset(handle) }
    try step()
  }

  /// Binds `values` to parameters 1... (Int64, Int, Double, String, [UInt8] or nil).
  package func bindAll(_ values: [SQLValue]) {
    for (i, value) in values.enumerated() {
      let index = Int32(i + 1)
      switch value {
      case .null: bindNull(at: index)
      case .integer(let v): bind(v, at: index)
      case .real(let v): bind(v, at: index)
      case .text(let v): bind(v, at: index)
      case .blob(let v): bindBlob(copying: v, at: index)
      }
    }
  }

  // MARK: Reading columns (count from 0)

  /// The number of columns a row of this statement has.
  package var columnCount: Int32 { sqlite3_column_count(handle) }

  /// A result column's name.
  package func columnName(_ column: Int32) -> String {
    sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
  }

  package func isNull(_ column: Int32) -> Bool {
    sqlite3_column_type(handle, column) == SQLITE_NULL
  }

  package func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

  package func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

  package func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

  /// The column as text; nil when NULL.
  package func text(_ column: Int32) -> String? {
    guard let pointer = sqlite3_column_text(handle, column) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }

  /// The column's bytes; nil when NULL.
  package func blob(_ column: Int32) -> [UInt8]? {
    if isNull(column) { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return [] }
    return Array(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  /// The column's bytes (text or blob) in place: valid until the next step or reset.
  package func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
    let count = Int(sqlite3_column_bytes(handle, column))
    guard count > 0, let pointer = sqlite3_column_blob(handle, column) else {
      return UnsafeRawBufferPointer(start: Statement.emptyByte, count: 0)
    }
    return UnsafeRawBufferPointer(start: pointer, count: count)
  }

  package func optionalInt64(_ column: Int32) -> Int64? {
    isNull(column) ? nil : int64(column)
  }
}

/// A value bound to or read from a statement outside the hot path.
package enum SQLValue: Hashable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
}
