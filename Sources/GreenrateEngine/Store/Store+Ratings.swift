import CSQLite

extension Store {
  static let ratingColumns =
    "run_id, merchant_id, score, rating, eligible, reasons, knockouts, denials, outputs, factors, line, record"
  static let ratingColumnCount: Int32 = 12

  /// The INSERT for `rows` rating rows. A row whose merchant already has a rating in
  /// the run is skipped (`DO NOTHING`): the unique index is the duplicate check.
  static func insertRatingsSQL(rows: Int) -> String {
    let tuple =
      "(" + Array(repeating: "?", count: Int(ratingColumnCount)).joined(separator: ",") + ")"
    return "INSERT INTO ratings (\(ratingColumns)) VALUES "
      + Array(repeating: tuple, count: rows).joined(separator: ",") + " ON CONFLICT DO NOTHING"
  }

  /// A duplicate found while inserting: the chunk row that was skipped and the line of
  /// the record the run kept for that merchant.
  struct Duplicate {
    var row: Int
    var keptLine: Int
  }

  /// Inserts one chunk's rating rows (see `insertRatings(_:runID:)` for a group).
  func insertRatings(_ chunk: ScoredChunk, runID: Int64) throws(SQLiteError) -> [Duplicate] {
    try insertRatings([chunk], runID: runID)[0]
  }

  /// Inserts the rating rows of consecutive chunks for `runID` (inside the caller's
  /// transaction), all of them in key order, and returns per chunk the rows skipped as
  /// duplicates, in input order.
  ///
  /// Key order across the whole group is what keeps the unique index cheap on an
  /// unsorted input: the index is swept once per group instead of once per chunk. For
  /// equal keys the earlier chunk (then the earlier row) goes first, so the record kept
  /// is always the first scored.
  func insertRatings(_ chunks: [ScoredChunk], runID: Int64) throws(SQLiteError)
    -> [[Duplicate]]
  {
    var duplicates = Array(repeating: [Duplicate](), count: chunks.count)
    var failure: SQLiteError?
    Store.withPinnedBytes(chunks[...], pinned: []) { bases in
      do throws(SQLiteError) {
        let order = Store.mergedOrder(chunks, bases: bases)
        try insertRows(
          order, chunks: chunks, bases: bases, runID: runID, duplicates: &duplicates)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return duplicates
  }

  /// A row of a group of chunks.
  struct GroupRow {
    var chunk: Int
    var row: Int
  }

  private func insertRows(
    _ order: [GroupRow], chunks: [ScoredChunk], bases: [UnsafeRawBufferPointer], runID: Int64,
    duplicates: inout [[Duplicate]]
  ) throws(SQLiteError) {
    var start = 0
    while start < order.count {
      let rows = order.count - start >= rowsPerInsert ? rowsPerInsert : 1
      let statement = try ratingInsert(rows: rows)
      for j in 0..<rows {
        let at = order[start + j]
        bindRating(
          chunks[at.chunk], row: at.row, runID: runID, bytes: bases[at.chunk],
          statement: statement, base: Int32(j) * Store.ratingColumnCount)
      }
      try statement.run()
      if db.changes < rows {
        for j in 0..<rows {
          let at = order[start + j]
          let chunk = chunks[at.chunk]
          let kept = try keptLine(chunk, row: at.row, runID: runID, bytes: bases[at.chunk])
          if kept != chunk.lines[at.row] {
            duplicates[at.chunk].append(Duplicate(row: at.row, keptLine: kept))
          }
        }
      }
      start += rows
    }
    for c in duplicates.indices { duplicates[c].sort { $0.row < $1.row } }
  }

  /// Calls `body` with the byte buffers of all `chunks` held in place.
  static func withPinnedBytes(
    _ chunks: ArraySlice<ScoredChunk>, pinned: [UnsafeRawBufferPointer],
    _ body: ([UnsafeRawBufferPointer]) -> Void
  ) {
    guard let first = chunks.first else {
      body(pinned)
      return
    }
    first.data.bytes.withUnsafeBytes { bytes in
      withPinnedBytes(chunks.dropFirst(), pinned: pinned + [bytes], body)
    }
  }

  /// The group's rows by (key, chunk, row): each chunk is sorted already, so this is a
  /// concatenation when the chunks' key ranges follow each other (a sorted input), else
  /// a k-way merge.
  static func mergedOrder(_ chunks: [ScoredChunk], bases: [UnsafeRawBufferPointer])
    -> [GroupRow]
  {
    let total = chunks.reduce(0) { $0 + $1.scoredCount }
    var order: [GroupRow] = []
    order.reserveCapacity(total)
    let filled = chunks.indices.filter { chunks[$0].scoredCount > 0 }
    // Per chunk, its keys in sorted order: prefix, start and length.
    let prefixes = chunks.map(\.sortedPrefixes)
    let keys: [[(UnsafePointer<UInt8>, Int)]] = chunks.indices.map { c in
      guard let raw = bases[c].baseAddress else { return [] }
      let base = raw.assumingMemoryBound(to: UInt8.self)
      return (0..<chunks[c].scoredCount).map { i in
        let range = chunks[c].range(row: chunks[c].row(at: i), .key)
        return (base + range.lowerBound, range.count)
      }
    }
    func less(_ a: Int, _ i: Int, _ b: Int, _ j: Int) -> Bool {
      let pa = prefixes[a][i]
      let pb = prefixes[b][j]
      if pa != pb { return pa < pb }
      if ScoredChunk.less(keys[a][i], keys[b][j]) { return true }
      if ScoredChunk.less(keys[b][j], keys[a][i]) { return false }
      return a < b
    }
    var consecutive = true
    for (a, b) in zip(filled, filled.dropFirst())
    where less(b, 0, a, chunks[a].scoredCount - 1) {
      consecutive = false
      break
    }
    if consecutive {
      for c in filled {
        for i in 0..<chunks[c].scoredCount {
          order.append(GroupRow(chunk: c, row: chunks[c].row(at: i)))
        }
      }
      return order
    }
    // A binary min-heap of chunk indexes, ordered by each chunk's next key, then chunk.
    var next = Array(repeating: 0, count: chunks.count)
    var heap = filled
    func before(_ a: Int, _ b: Int) -> Bool { less(a, next[a], b, next[b]) }
    func siftDown(_ start: Int) {
      var i = start
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var m = i
        if l < heap.count && before(heap[l], heap[m]) { m = l }
        if r < heap.count && before(heap[r], heap[m]) { m = r }
        if m == i { return }
        heap.swapAt(i, m)
        i = m
      }
    }
    for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
    while let c = heap.first {
      order.append(GroupRow(chunk: c, row: chunks[c].row(at: next[c])))
      next[c] += 1
      if next[c] == chunks[c].scoredCount {
        heap[0] = heap[heap.count - 1]
        heap.removeLast()
      }
      if !heap.isEmpty { siftDown(0) }
    }
    return order
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
    statement.bindBlob(slice(.factors), at: base + 10)
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
