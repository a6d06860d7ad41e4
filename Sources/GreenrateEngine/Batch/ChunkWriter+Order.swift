import GreenrateReaders
import GreenrateStore

extension ChunkWriter {
  /// A duplicate found while inserting: the chunk row that was skipped and the line of
  /// the record the run kept for that merchant.
  struct Duplicate {
    var row: Int
    var keptLine: Int
  }

  /// A row of a group of chunks.
  struct GroupRow {
    var chunk: Int
    var row: Int
  }

  /// Rows handed to the store at a time (see `Store.insertPendingRatings`).
  static let rowsPerStore = 1_024

  /// Stores the rating rows of consecutive chunks as the run's next segment (inside the
  /// caller's transaction), all of them in key order, and returns per chunk the rows
  /// skipped as duplicates (by row, which is key order: see `ScoredChunk.sortByKey`),
  /// and the key hashes stored (for `keys`, once committed).
  ///
  /// For equal keys the earlier chunk (then the earlier row) comes first, so the record
  /// kept is always the first scored: a key equal to the one before it in the group is a
  /// duplicate of that one's kept line; a key the run may have stored in an earlier
  /// segment (`keys` says maybe) is looked up there.
  func insertGroup(_ chunks: [ScoredChunk]) throws(SQLiteError)
    -> (duplicates: [[Duplicate]], added: [UInt64])
  {
    var duplicates = Array(repeating: [Duplicate](), count: chunks.count)
    var added: [UInt64] = []
    var failure: SQLiteError?
    // Exact within this transaction: nothing else writes `current` while it is open.
    let lookUp = try store.hasCurrent()
    ChunkWriter.withPinnedBytes(chunks[...], pinned: []) { bases in
      do throws(SQLiteError) {
        let order = ChunkWriter.mergedOrder(chunks, bases: bases)
        // The filter first, in a loop of its own: its lookups are cache misses, and
        // without SQLite's work between them the processor overlaps them.
        let hashes = order.map { at in
          KeyFilter.hash(
            UnsafeRawBufferPointer(
              rebasing: bases[at.chunk][chunks[at.chunk].range(row: at.row, .key)]))
        }
        let maybe = hashes.map { keys.mayContain($0) }
        var previous = UnsafeRawBufferPointer(start: nil, count: 0)
        var keptLine = 0
        // Stored a slice at a time: enough rows for SQLite's multi-row inserts, few
        // enough that the buffer stays small.
        var rows: [RatingRow] = []
        var rowHashes: [Int64] = []
        rows.reserveCapacity(ChunkWriter.rowsPerStore)
        rowHashes.reserveCapacity(ChunkWriter.rowsPerStore)
        func storeRows() throws(SQLiteError) {
          try store.insertPendingRatings(
            rows[...], hashes: rowHashes[...], runID: runID, segment: segment, lookUp: lookUp)
          rows.removeAll(keepingCapacity: true)
          rowHashes.removeAll(keepingCapacity: true)
        }
        for (i, at) in order.enumerated() {
          let chunk = chunks[at.chunk]
          let row = chunk.ratingRow(at.row, bytes: bases[at.chunk])
          let key = row.merchantID
          if i > 0 && ChunkWriter.same(key, previous) {
            duplicates[at.chunk].append(Duplicate(row: at.row, keptLine: keptLine))
            continue
          }
          previous = key
          let hash = hashes[i]
          if maybe[i],
            let kept = try store.pendingLine(key, runID: runID, segments: segment)
          {
            keptLine = kept
            duplicates[at.chunk].append(Duplicate(row: at.row, keptLine: kept))
            continue
          }
          keptLine = row.line
          rows.append(row)
          rowHashes.append(chunk.hashes[at.row])
          if rows.count == ChunkWriter.rowsPerStore { try storeRows() }
          added.append(hash)
        }
        try storeRows()
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    for c in duplicates.indices { duplicates[c].sort { $0.row < $1.row } }
    return (duplicates, added)
  }

  /// Whether two keys have the same bytes.
  static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
    return System.compareBytes(
      pa.assumingMemoryBound(to: UInt8.self), pb.assumingMemoryBound(to: UInt8.self),
      count: a.count) == 0
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
        let range = chunks[c].range(row: i, .key)
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
          order.append(GroupRow(chunk: c, row: i))
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
      order.append(GroupRow(chunk: c, row: next[c]))
      next[c] += 1
      if next[c] == chunks[c].scoredCount {
        heap[0] = heap[heap.count - 1]
        heap.removeLast()
      }
      if !heap.isEmpty { siftDown(0) }
    }
    return order
  }
}
