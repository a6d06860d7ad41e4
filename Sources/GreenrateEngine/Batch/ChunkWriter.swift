import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

/// The batch's one writer: owns the run's SQLite connection and commits scored chunks
/// in input order, with the run's progress in the same transaction as the rows it
/// counts — so a crash at any moment leaves a consistent database and a resume point
/// that matches exactly what was committed.
///
/// Used from one thread at a time (the pipeline's serial writer queue).
package final class ChunkWriter {
  /// How a run ends early.
  package enum Stop: Sendable, Equatable {
    /// `--max-rejects` exceeded: the run is stored as failed.
    case failed(String)
    /// `stopAfterChunks` reached: the run is left unfinished, as after a crash.
    case interrupted
  }

  let store: Store
  package let runID: Int64
  let keyName: String
  let commitRows: Int
  let maxRejects: Int?
  let stopAfterChunks: Int?
  let progressLine: ProgressLine
  /// The run's totals and resume point as of the last chunk written.
  var progress: Store.Progress
  /// Chunks taken but not yet written (one transaction's worth).
  var group: [ScoredChunk] = []
  var groupRows = 0
  var lastCommit = System.monotonicSeconds()
  /// The merchant ids the run has stored (earlier invocations included).
  var keys = KeyFilter()
  /// The next commit group's number in `pending_rows` (see `Store.pendingSchema`).
  var segment = 0
  /// Chunks taken so far by this writer.
  package private(set) var chunksWritten = 0
  /// Records written by this writer (this invocation of the run).
  package private(set) var processed = 0
  /// Set when the run must stop before the input ends.
  package private(set) var stop: Stop?
  /// Why the checkpoint after the final commit failed, if it did: the run is complete
  /// either way (its pages are safe in the WAL, and move into the database file at the
  /// next checkpoint), so this is a note, not a failure.
  package private(set) var checkpointProblem: String?
  /// Copies committed pages from the WAL into the file while the run goes on (nil when
  /// a second connection could not be opened: the final checkpoint then does it all).
  let checkpointer: BackgroundCheckpointer?
  /// Called inside the transaction that completes the run, after its ratings became
  /// current (the batch re-applies officers' overrides there).
  package var onComplete: ((Store, Int64) throws(SQLiteError) -> Void)?

  /// The longest a chunk waits to be committed: bounds the work a crash loses and how
  /// stale a reader's view of a slow run gets.
  static let commitSeconds = 0.5

  /// A writer for run `runID`, carrying on after what the run stored before (a resumed
  /// run's keys and segments are read back).
  init(
    store: Store, runID: Int64, keyName: String, progress: Store.Progress, commitRows: Int,
    maxRejects: Int?, stopAfterChunks: Int?, progressLine: ProgressLine
  ) throws(SQLiteError) {
    self.store = store
    self.runID = runID
    self.keyName = keyName
    self.progress = progress
    self.commitRows = max(1, commitRows)
    self.maxRejects = maxRejects
    self.stopAfterChunks = stopAfterChunks
    self.progressLine = progressLine
    // Finishing the run sorts its rows (`Store.copyPending`): on disk, not in memory.
    try store.db.execute("PRAGMA temp_store = FILE")
    checkpointer = try? BackgroundCheckpointer(
      path: store.path, pagesWritten: store.db.pagesWritten)
    segment = try store.pendingSegments(runID: runID)
    if segment > 0 {
      var filter = KeyFilter()
      try store.forEachPendingKey(runID: runID) { filter.insert(KeyFilter.hash($0)) }
      keys = filter
    }
  }

  /// A writer for a new batch run in `store`, for tools that read and score
  /// themselves (the benchmarks): the same statements and transactions as the batch.
  package static func newRun(
    store: Store, program: Program, rulesPath: String, asOf: Int, input: String,
    commitRows: Int = 32_768
  ) throws(SQLiteError) -> ChunkWriter {
    let runID = try store.db.writeTransaction { () throws(SQLiteError) -> Int64 in
      try store.insertRun(
        Store.NewRun(
          kind: .batch, program: program, rulesPath: rulesPath, asOf: asOf, input: input))
    }
    return try ChunkWriter(
      store: store, runID: runID,
      keyName: program.layout.fields[program.layout.keyField].name,
      progress: Store.Progress(
        ratingCounts: Array(repeating: 0, count: program.ratingLabels.count)),
      commitRows: commitRows, maxRejects: nil, stopAfterChunks: nil,
      progressLine: ProgressLine(enabled: false, totalBytes: nil, startBytes: 0))
  }

  /// Takes the next chunk in input order. Chunks are written in groups — one
  /// transaction of about `commitRows` rows, or what arrived within `commitSeconds` —
  /// so that the unique index is updated in key order across the whole group.
  package func write(_ chunk: ScoredChunk) throws(SQLiteError) {
    guard stop == nil else { return }
    group.append(chunk)
    groupRows += chunk.recordsRead
    chunksWritten += 1
    processed += chunk.recordsRead
    progressLine.update(records: processed, offset: chunk.endOffset)
    let interrupting = stopAfterChunks.map { chunksWritten >= $0 } ?? false
    if interrupting || groupRows >= commitRows
      || System.monotonicSeconds() - lastCommit >= ChunkWriter.commitSeconds
    {
      try flush()
      if interrupting && stop == nil { stop = .interrupted }
    }
  }

  /// Writes the pending chunks and marks the run `completed` or `failed`, in one
  /// transaction; returns the status the run ended with (`failed` if the last chunks
  /// exceeded `--max-rejects`).
  @discardableResult
  package func finish(status: RunInfo.Status, failure: String? = nil) throws(SQLiteError)
    -> (status: RunInfo.Status, failure: String?)
  {
    progressLine.finish()
    try flush()
    if case .failed(let message) = stop { return (.failed, message) }
    try store.db.writeTransaction { () throws(SQLiteError) in
      try store.finishRun(runID, status: status, failure: failure)
      if status == .completed, let onComplete { try onComplete(store, runID) }
    }
    checkpointer?.close()
    // Move the run's pages from the WAL into the database file now, in one pass (even
    // if readers keep the file open); PASSIVE never waits for them.
    do {
      try store.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    } catch {
      checkpointProblem = error.message
    }
    return (status, failure)
  }

  /// Writes the pending group in one transaction, with the run's progress after its
  /// last chunk. Duplicate keys found on insert become rejects naming the kept line.
  /// When the group takes the rejects past `--max-rejects`, only the chunks up to the
  /// one that did are kept and the run is marked failed — the same cut whatever the
  /// grouping, so a failed run does not depend on timing.
  func flush() throws(SQLiteError) {
    guard !group.isEmpty else { return }
    var chunks = group
    group = []
    groupRows = 0
    try store.db.execute("BEGIN IMMEDIATE")
    do throws(SQLiteError) {
      var (duplicates, added) = try insertGroup(chunks)
      var failure: String?
      if let maxRejects {
        var rejected = progress.rejected
        for c in chunks.indices {
          rejected += chunks[c].rejectedCount + duplicates[c].count
          guard rejected > maxRejects else { continue }
          if c < chunks.count - 1 {
            try store.db.execute("ROLLBACK")
            try store.db.execute("BEGIN IMMEDIATE")
            chunks = Array(chunks[0...c])
            (duplicates, added) = try insertGroup(chunks)
          }
          failure =
            "more than \(maxRejects) records rejected (\(rejected) by line \(chunks[c].endLine - 1))"
          break
        }
      }
      for (c, chunk) in chunks.enumerated() {
        let rejects = rejectRows(chunk, duplicates: duplicates[c])
        try store.insertRejects(rejects, runID: runID)
        count(chunk, duplicates: duplicates[c], rejected: rejects.count)
      }
      try store.saveProgress(progress, runID: runID)
      try store.saveInputDigest(progress.inputDigest, runID: runID)
      if let failure {
        try store.finishRun(runID, status: .failed, failure: failure)
        stop = .failed(failure)
      }
      try store.db.execute("COMMIT")
      checkpointer?.writerCommitted(pagesWritten: store.db.pagesWritten)
      for hash in added { keys.insert(hash) }
      segment += 1
    } catch {
      try? store.db.execute("ROLLBACK")
      throw error
    }
    lastCommit = System.monotonicSeconds()
    // A moment without the write lock, so that a rescore waiting on its busy handler
    // (which polls every millisecond) gets its turn between two commits.
    System.sleep(milliseconds: 2)
  }

  /// A chunk's rejects with its duplicates among them, in line order.
  private func rejectRows(_ chunk: ScoredChunk, duplicates: [Duplicate]) -> [Reject] {
    if duplicates.isEmpty { return chunk.rejects }
    // A chunk's rows are in key order; its rejects are reported in line order.
    let found = duplicates.map { d in
      let key = chunk.key(row: d.row)
      return Reject(
        line: chunk.lines[d.row], merchantID: key,
        message: Reject.duplicateMessage(keyName: keyName, key: key, keptLine: d.keptLine))
    }.sorted { $0.line < $1.line }
    return ChunkScorer.merge(chunk.rejects, found)
  }

  /// Drops what is pending (after an error).
  func abandon() {
    checkpointer?.close()
    progressLine.finish()
    group = []
    groupRows = 0
    if store.db.inTransaction { try? store.db.execute("ROLLBACK") }
  }

  private func count(_ chunk: ScoredChunk, duplicates: [Duplicate], rejected: Int) {
    progress.read += chunk.recordsRead
    progress.scored += chunk.scoredCount - duplicates.count
    progress.rejected += rejected
    progress.resumeOffset = chunk.endOffset
    progress.resumeLine = chunk.endLine
    progress.inputDigest = chunk.inputDigest
    var next = 0
    for row in 0..<chunk.scoredCount {
      if next < duplicates.count && duplicates[next].row == row {
        next += 1
        continue
      }
      progress.ratingCounts[chunk.ratingIndexes[row]] += 1
      if chunk.eligible[row] { progress.eligible += 1 }
    }
  }
}
