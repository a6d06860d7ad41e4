#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// Rows written by one multi-row `INSERT` of the batch's write path.
  ///
  /// One statement per row paid SQLite's per-statement work (a transaction check,
  /// opening and closing a cursor, a search from the root) for every state and every
  /// pending row; within one statement the cursor stays open at the right edge of the
  /// table, where the next key goes (measured: the writer thread's CPU for 1M shuffled
  /// merchants 4.6 s with a statement per row, 3.2 s with 64 rows to a statement).
  static let rowsPerInsert = 64

  /// Stores ratings of batch run `runID` in its commit group `segment` (inside the
  /// caller's transaction), with a statement per `rowsPerInsert` rows: a `pending_rows`
  /// row each, and a state for each whose content differs from the merchant's current
  /// one (`lookUp` false: `current` is empty, none is). `rows` are in key order, each
  /// merchant once per run (the writer finds duplicates before); `hashes` are their
  /// state hashes.
  ///
  /// New states take ids from the largest stored one up, given explicitly, so that a
  /// pending row can name its state before the state's own insert.
  package func insertPendingRatings(
    _ rows: ArraySlice<RatingRow>, hashes: ArraySlice<Int64>, runID: Int64, segment: Int,
    lookUp: Bool
  ) throws(SQLiteError) {
    guard !rows.isEmpty else { return }
    var stateIDs = [Int64](repeating: 0, count: rows.count)
    if lookUp { try findCurrentStates(rows, hashes: hashes, into: &stateIDs) }
    var next = try largestStateID() + 1
    var fresh: [Int] = []
    fresh.reserveCapacity(rows.count)
    for i in stateIDs.indices where stateIDs[i] == 0 {
      fresh.append(i)
      stateIDs[i] = next
      next += 1
    }
    let firstNew = fresh.first.map { stateIDs[$0] } ?? next
    try insertStates(rows, at: fresh, firstID: firstNew)
    try insertPendingRows(
      rows, hashes: hashes, stateIDs: stateIDs, runID: runID, segment: segment)
  }

  /// Sets `stateIDs[i]` to the merchant's current state when its hash is `hashes[i]`
  /// (the content is the same), leaving 0 where there is none: one statement per
  /// `rowsPerInsert` keys instead of one per key. `rows` must be in key order (as the
  /// writer gives them): the answers come back in key order and are matched by merging.
  /// A key out of order is only not found — a state is then written again, never a
  /// wrong one named.
  func findCurrentStates(
    _ rows: ArraySlice<RatingRow>, hashes: ArraySlice<Int64>, into stateIDs: inout [Int64]
  ) throws(SQLiteError) {
    let lookup = try cached(\.currentStates, Store.currentStatesSQL)
    let base = rows.startIndex
    let hashBase = hashes.startIndex
    var start = 0
    while start < rows.count {
      let end = min(start + Store.rowsPerInsert, rows.count)
      for k in 0..<Store.rowsPerInsert {
        if start + k < end {
          lookup.bindText(rows[base + start + k].merchantID, at: Int32(k + 1))
        } else {
          lookup.bindNull(at: Int32(k + 1))
        }
      }
      defer { lookup.reset() }
      var i = start
      while i < end, try lookup.step() {
        let key = lookup.bytes(0)
        while i < end && Store.compareKeys(rows[base + i].merchantID, key) < 0 { i += 1 }
        if i < end && Store.compareKeys(rows[base + i].merchantID, key) == 0 {
          if lookup.int64(2) == hashes[hashBase + i] { stateIDs[i] = lookup.int64(1) }
          i += 1
        }
      }
      start = end
    }
  }

  /// `SELECT ... FROM current WHERE merchant_id IN (?1, ..., ?64) ORDER BY merchant_id`.
  static let currentStatesSQL =
    "SELECT merchant_id, state_id, state_hash FROM current WHERE merchant_id IN ("
    + (1...rowsPerInsert).map { "?\($0)" }.joined(separator: ", ") + ") ORDER BY merchant_id"

  /// Byte-wise order of two keys (SQLite's BINARY collation): negative, 0 or positive.
  static func compareKeys(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let n = min(a.count, b.count)
    if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
      let c = memcmp(pa, pb, n)
      if c != 0 { return Int(c) }
    }
    return a.count - b.count
  }

  /// The largest `state_id` stored (0 when there is none): a look at the rowid B-tree's
  /// last entry.
  func largestStateID() throws(SQLiteError) -> Int64 {
    let statement = try cached(\.largestState, "SELECT max(state_id) FROM states")
    defer { statement.reset() }
    guard try statement.step() else { return 0 }
    return statement.int64(0)
  }

  /// Appends the rows at `indexes` of `rows` as states numbered `firstID`, `firstID + 1`,
  /// ...
  private func insertStates(
    _ rows: ArraySlice<RatingRow>, at indexes: [Int], firstID: Int64
  ) throws(SQLiteError) {
    try insertRows(
      indexes.count, columns: Store.stateColumns.count,
      many: (\.insertStates, Store.insertStatesSQL), one: (\.insertStateOne, Store.insertStateSQL)
    ) { statement, k, at in
      statement.bind(firstID + Int64(k), at: at)
      Store.bindState(rows[rows.startIndex + indexes[k]], to: statement, at: at + 1)
    }
  }

  /// Inserts the pending rows of `rows` (states already numbered).
  private func insertPendingRows(
    _ rows: ArraySlice<RatingRow>, hashes: ArraySlice<Int64>, stateIDs: [Int64], runID: Int64,
    segment: Int
  ) throws(SQLiteError) {
    try insertRows(
      rows.count, columns: Store.pendingColumns.count,
      many: (\.insertPendings, Store.insertPendingsSQL),
      one: (\.insertPendingOne, Store.insertPendingSQL)
    ) { statement, k, at in
      let row = rows[rows.startIndex + k]
      statement.bind(runID, at: at)
      statement.bind(segment, at: at + 1)
      statement.bindText(row.merchantID, at: at + 2)
      statement.bind(row.line, at: at + 3)
      statement.bind(row.eligible ? 1 : 0, at: at + 4)
      statement.bind(stateIDs[k], at: at + 5)
      statement.bind(hashes[hashes.startIndex + k], at: at + 6)
    }
  }

  /// Inserts `count` rows, `rowsPerInsert` to a statement (`many`) while that many are
  /// left, then one to a statement (`one`); `bind(statement, k, at)` binds row `k`'s
  /// values from parameter `at` on.
  private func insertRows(
    _ count: Int, columns: Int, many: (WritableKeyPath<Statements, Statement?>, String),
    one: (WritableKeyPath<Statements, Statement?>, String),
    bind: (Statement, Int, Int32) -> Void
  ) throws(SQLiteError) {
    var k = 0
    while k < count {
      let n = count - k >= Store.rowsPerInsert ? Store.rowsPerInsert : 1
      let statement = n == 1 ? try cached(one.0, one.1) : try cached(many.0, many.1)
      for j in 0..<n { bind(statement, k + j, Int32(j * columns + 1)) }
      try statement.run()
      k += n
    }
  }

  static let stateColumns = [
    "state_id", "score", "rating", "eligible", "reasons", "knockouts", "denials", "outputs",
    "factors", "record",
  ]
  static let insertStateSQL = insertSQL("states", stateColumns, rows: 1)
  static let insertStatesSQL = insertSQL("states", stateColumns, rows: rowsPerInsert)

  static let pendingColumns = [
    "run_id", "segment", "merchant_id", "line", "eligible", "state_id", "state_hash",
  ]
  static let insertPendingSQL = insertSQL("pending_rows", pendingColumns, rows: 1)
  static let insertPendingsSQL = insertSQL("pending_rows", pendingColumns, rows: rowsPerInsert)

  /// `INSERT INTO table (columns) VALUES (?, ...), ...` for `rows` rows.
  static func insertSQL(_ table: String, _ columns: [String], rows: Int) -> String {
    let one = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
      + Array(repeating: one, count: rows).joined(separator: ", ")
  }
}
