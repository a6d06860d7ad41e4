import CSQLite

extension Store {
  static let ratingColumns =
    "run_id, merchant_id, score, rating, eligible, reasons, knockouts, denials, outputs, factors, line, record"
  static let ratingColumnCount: Int32 = 12

  /// The INSERT for `rows` rating rows. A row whose merchant already has a rating in
  /// the run is skipped (`DO NOTHING`): the unique index is the duplicate check.
  static func insertRatingsSQL(rows: Int) -> String {
    let tuple = "(" + Array(repeating: "?", count: Int(ratingColumnCount)).joined(separator: ",") + ")"
    return "INSERT INTO ratings (\(ratingColumns)) VALUES "
      + Array(repeating: tuple, count: rows).joined(separator: ",") + " ON CONFLICT DO NOTHING"
  }

  /// A duplicate found while inserting: the chunk row that was skipped and the line of
  /// the record the run kept for that merchant.
  struct Duplicate {
    var row: Int
    var keptLine: Int
  }

  /// Inserts a chunk's rating rows for `runID` in input order (inside the caller's
  /// transaction) and returns the rows skipped as duplicates.
  func insertRatings(_ chunk: ScoredChunk, runID: Int64) throws(SQLiteError) -> [Duplicate] {
    var duplicates: [Duplicate] = []
    var failure: SQLiteError?
    chunk.data.bytes.withUnsafeBytes { bytes in
      do throws(SQLiteError) {
        try insertRatings(chunk, runID: runID, bytes: bytes, duplicates: &duplicates)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return duplicates
  }

  private func insertRatings(
    _ chunk: ScoredChunk, runID: Int64, bytes: UnsafeRawBufferPointer,
    duplicates: inout [Duplicate]
  ) throws(SQLiteError) {
    let count = chunk.scoredCount
    var start = 0
    while start < count {
      let rows = count - start >= rowsPerInsert ? rowsPerInsert : 1
      let statement = try ratingInsert(rows: rows)
      for j in 0..<rows {
        bindRating(
          chunk, row: start + j, runID: runID, bytes: bytes, statement: statement,
          base: Int32(j) * Store.ratingColumnCount)
      }
      try statement.run()
      if db.changes < rows {
        for j in 0..<rows {
          let row = start + j
          let kept = try keptLine(chunk, row: row, runID: runID, bytes: bytes)
          if kept != chunk.lines[row] { duplicates.append(Duplicate(row: row, keptLine: kept)) }
        }
      }
      start += rows
    }
  }

  private func ratingInsert(rows: Int) throws(SQLiteError) -> Statement {
    if let statement = statements.insertRatings[rows] { return statement }
    let statement = try db.prepare(Store.insertRatingsSQL(rows: rows))
    statements.insertRatings[rows] = statement
    return statement
  }

  private func bindRating(
    _ chunk: ScoredChunk, row: Int, runID: Int64, bytes: UnsafeRawBufferPointer,
    statement: Statement, base: Int32
  ) {
    func slice(_ segment: ScoredChunk.Segment) -> UnsafeRawBufferPointer {
      UnsafeRawBufferPointer(rebasing: bytes[chunk.range(row: row, segment)])
    }
    statement.bind(runID, at: base + 1)
    statement.bindText(slice(.key), at: base + 2)
    statement.bind(chunk.scores[row], at: base + 3)
    statement.bindText(slice(.rating), at: base + 4)
    statement.bind(chunk.eligible[row] ? 1 : 0, at: base + 5)
    statement.bindText(slice(.reasons), at: base + 6)
    statement.bindText(slice(.knockouts), at: base + 7)
    statement.bindText(slice(.denials), at: base + 8)
    statement.bindText(slice(.outputs), at: base + 9)
    statement.bindText(slice(.factors), at: base + 10)
    statement.bind(chunk.lines[row], at: base + 11)
    statement.bindBlob(slice(.record), at: base + 12)
  }

  /// The line of the rating the run holds for this row's merchant.
  private func keptLine(
    _ chunk: ScoredChunk, row: Int, runID: Int64, bytes: UnsafeRawBufferPointer
  ) throws(SQLiteError) -> Int {
    let statement = try cached(
      \.keptLine, "SELECT line FROM ratings WHERE merchant_id = ? AND run_id = ?")
    defer { statement.reset() }
    statement.bindText(
      UnsafeRawBufferPointer(rebasing: bytes[chunk.range(row: row, .key)]), at: 1)
    statement.bind(runID, at: 2)
    guard try statement.step() else { return chunk.lines[row] }
    return statement.int(0)
  }

  /// Inserts reject rows for `runID` (inside the caller's transaction).
  func insertRejects(_ rejects: [ChunkReject], runID: Int64) throws(SQLiteError) {
    guard !rejects.isEmpty else { return }
    let statement = try cached(
      \.insertReject,
      "INSERT INTO rejects (run_id, line, merchant_id, message, record) VALUES (?, ?, ?, ?, ?)")
    for reject in rejects {
      statement.bind(runID, at: 1)
      statement.bind(reject.line, at: 2)
      statement.bind(reject.merchantID, at: 3)
      statement.bind(reject.message, at: 4)
      statement.bindBlob(copying: reject.record, at: 5)
      try statement.run()
    }
  }
}
