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

  /// Stores the rating rows of consecutive chunks (inside the caller's transaction), all
  /// of them in key order, and returns per chunk the rows skipped as duplicates, in input
  /// order.
  ///
  /// Key order across the whole group keeps the store's lookups and inserts by merchant
  /// id local; for equal keys the earlier chunk (then the earlier row) goes first, so the
  /// record kept is always the first scored.
  func insertGroup(_ chunks: [ScoredChunk]) throws(SQLiteError) -> [[Duplicate]] {
    var duplicates = Array(repeating: [Duplicate](), count: chunks.count)
    var failure: SQLiteError?
    ChunkWriter.withPinnedBytes(chunks[...], pinned: []) { bases in
      do throws(SQLiteError) {
        for at in ChunkWriter.mergedOrder(chunks, bases: bases) {
          let chunk = chunks[at.chunk]
          let row = chunk.ratingRow(at.row, bytes: bases[at.chunk])
          if let kept = try store.insertRating(row, hash: chunk.hashes[at.row], runID: runID) {
            duplicates[at.chunk].append(Duplicate(row: at.row, keptLine: kept))
          }
        }
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    for c in duplicates.indices { duplicates[c].sort { $0.row < $1.row } }
    return duplicates
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
}
