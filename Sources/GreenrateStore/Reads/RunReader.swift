import CSQLite

/// Read-only queries over a run's stored results, for `compare`, `drift` and reports:
/// its own connection, opened read-only, so nothing these commands do can write.
///
/// Used from one thread at a time (like `Store`); `forEachChunk` hands out plain
/// `RatingRows` values that other threads may work on.
package final class RunReader {
  let db: Database

  /// Opens an existing database read-only.
  package init(path: String) throws(SQLiteError) {
    db = try Database(path: path, readOnly: true)
  }

  /// A reader on a read-write connection, for the process that has just written the
  /// database (the batch's drift line): closing it then removes the WAL's shared-memory
  /// file as the writer's own close would, which a read-only connection cannot.
  package init(writerPath path: String) throws(SQLiteError) {
    db = try Database(path: path, readOnly: false)
  }

  /// The run with this id.
  package func run(id: Int64) throws(SQLiteError) -> RunInfo? {
    try runs(where: "run_id = ?", [.integer(id)]).first
  }

  /// The latest completed batch run (before `runID` when given).
  package func latestCompletedBatch(before runID: Int64? = nil) throws(SQLiteError) -> RunInfo? {
    var sql = "kind = 'batch' AND status = 'completed'"
    var parameters: [SQLValue] = []
    if let runID {
      sql += " AND run_id < ?"
      parameters.append(.integer(runID))
    }
    return try runs(where: sql + " ORDER BY run_id DESC LIMIT 1", parameters).first
  }

  private func runs(where condition: String, _ parameters: [SQLValue]) throws(SQLiteError)
    -> [RunInfo]
  {
    let statement = try db.prepare("SELECT \(Store.runColumns()) FROM runs WHERE \(condition)")
    statement.bindAll(parameters)
    var runs: [RunInfo] = []
    while try statement.step() { runs.append(Store.runInfo(statement)) }
    return runs
  }

  /// The columns that describe run `runID`'s record fields and factors (see
  /// `RunLayoutColumns`); throws when there is no such run.
  package func layoutColumns(ofRun runID: Int64) throws(SQLiteError) -> RunLayoutColumns {
    guard let columns = try RunLayoutColumns.read(in: db, runID: runID) else {
      throw SQLiteError(code: 1, message: "run \(runID) does not exist")
    }
    return columns
  }

  /// Streams the rating rows of `runs` (one run after the other, a run's rows in
  /// merchant-id order) in chunks of `chunkSize`; `body` returns false to stop early.
  ///
  /// `rating_rows` is keyed by `(run_id, merchant_id)`, so a run's rows are one range
  /// of that key, read in key order whatever order the batch wrote them in.
  package func forEachChunk(
    runs: [RunInfo], columns: RatingRows.Columns, chunkSize: Int = 4096,
    _ body: (RatingRows) throws(SQLiteError) -> Bool
  ) throws(SQLiteError) {
    let select =
      columns == .summary
      ? "run_id, score, rating, eligible, factors"
      : "run_id, score, rating, eligible, factors, merchant_id, knockouts, denials, record, line"
    let statement = try db.prepare("SELECT \(select) FROM ratings WHERE run_id = ?1")
    let size = max(1, chunkSize)
    // Plain loops over locals: a nested function capturing `rows` made every row pay
    // for a boxed, exclusivity-checked variable (measured: drift of two 1M runs, CPU
    // 1.05 s -> 0.97 s).
    try db.readTransaction { () throws(SQLiteError) in
      var labels = LabelTable()
      var rows = RatingRows(columns: columns, capacity: size)
      var stopped = false
      for run in runs where !stopped {
        statement.reset()
        statement.bind(run.id, at: 1)
        let h = statement.handle
        while try statement.step() {
          RunReader.append(h, columns: columns, labels: &labels, to: &rows)
          if rows.count == size {
            rows.ratingNames = labels.list
            if try !body(rows) { stopped = true }
            rows = RatingRows(columns: columns, capacity: size)
            if stopped { break }
          }
        }
        statement.reset()
      }
      if rows.count > 0 && !stopped {
        rows.ratingNames = labels.list
        _ = try body(rows)
      }
    }
  }

  /// Appends the current row of a statement selected as in `forEachChunk`.
  private static func append(
    _ h: OpaquePointer, columns: RatingRows.Columns, labels: inout LabelTable,
    to rows: inout RatingRows
  ) {
    rows.runIDs.append(sqlite3_column_int64(h, 0))
    rows.scores.append(sqlite3_column_double(h, 1))
    rows.ratings.append(labels.index(h, column: 2))
    rows.eligible.append(sqlite3_column_int64(h, 3) != 0)
    RunReader.append(h, column: 4, to: &rows)
    if columns == .full {
      for column: Int32 in 5...8 { RunReader.append(h, column: column, to: &rows) }
      rows.lines.append(Int(sqlite3_column_int64(h, 9)))
    }
    rows.count += 1
  }

  /// Rating labels met so far, compared as bytes (a run has a handful of labels; no
  /// string is made per row).
  struct LabelTable {
    var names: [[UInt8]] = []
    var list: [String] = []

    mutating func index(_ h: OpaquePointer, column: Int32) -> Int {
      let pointer = sqlite3_column_text(h, column)
      let count = Int(sqlite3_column_bytes(h, column))
      let bytes = UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
      for (i, name) in names.enumerated() where name.count == bytes.count {
        if name.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return i }
      }
      names.append(Array(bytes))
      list.append(String(decoding: bytes, as: UTF8.self))
      return names.count - 1
    }
  }

  /// Appends a text or blob column's bytes and closes its range.
  private static func append(_ h: OpaquePointer, column: Int32, to rows: inout RatingRows) {
    // The pointer first, then the size (SQLite's documented order).
    let pointer = sqlite3_column_blob(h, column)
    let count = Int(sqlite3_column_bytes(h, column))
    if count > 0, let pointer {
      rows.bytes.append(
        contentsOf: UnsafeRawBufferPointer(start: pointer, count: count))
    }
    rows.ends.append(rows.bytes.count)
  }
}
