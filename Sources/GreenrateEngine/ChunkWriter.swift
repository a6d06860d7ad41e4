import GreenrateLanguage

/// The batch's one writer: owns the run's SQLite connection and commits scored chunks
/// in input order, with the run's progress in the same transaction as the rows it
/// counts — so a crash at any moment leaves a consistent database and a resume point
/// that matches exactly what was committed.
///
/// Used from one thread at a time (the pipeline's serial writer queue).
public final class ChunkWriter {
  /// How a run ends early.
  public enum Stop: Sendable, Equatable {
    /// `--max-rejects` exceeded: the run is stored as failed.
    case failed(String)
    /// `stopAfterChunks` reached: the run is left unfinished, as after a crash.
    case interrupted
  }

  let store: Store
  public let runID: Int64
  let keyName: String
  let commitRows: Int
  let maxRejects: Int?
  let stopAfterChunks: Int?
  let progressLine: ProgressLine
  /// The run's totals and resume point as of the last chunk written.
  var progress: Store.Progress
  var rowsSinceCommit = 0
  var lastCommit = System.monotonicSeconds()
  public private(set) var chunksWritten = 0
  /// Records written by this writer (this invocation of the run).
  public private(set) var processed = 0
  /// Set when the run must stop before the input ends.
  public private(set) var stop: Stop?

  /// The longest a chunk waits to be committed: bounds the work a crash loses and how
  /// stale a reader's view of a slow run gets.
  static let commitSeconds = 0.5

  init(
    store: Store, runID: Int64, keyName: String, progress: Store.Progress, commitRows: Int,
    maxRejects: Int?, stopAfterChunks: Int?, progressLine: ProgressLine
  ) {
    self.store = store
    self.runID = runID
    self.keyName = keyName
    self.progress = progress
    self.commitRows = max(1, commitRows)
    self.maxRejects = maxRejects
    self.stopAfterChunks = stopAfterChunks
    self.progressLine = progressLine
  }

  /// A writer for a new batch run in `store`, for tools that read and score
  /// themselves (the benchmarks): the same statements and transactions as the batch.
  public static func newRun(
    store: Store, program: Program, rulesPath: String, asOf: Int, input: String,
    commitRows: Int = 65_536
  ) throws(SQLiteError) -> ChunkWriter {
    let runID = try store.db.writeTransaction { () throws(SQLiteError) -> Int64 in
      try store.insertRun(
        Store.NewRun(
          kind: .batch, program: program, rulesPath: rulesPath, asOf: asOf, input: input))
    }
    return ChunkWriter(
      store: store, runID: runID,
      keyName: program.layout.fields[program.layout.keyField].name,
      progress: Store.Progress(ratingCounts: Array(repeating: 0, count: program.ratingLabels.count)),
      commitRows: commitRows, maxRejects: nil, stopAfterChunks: nil,
      progressLine: ProgressLine(enabled: false, totalBytes: nil, startBytes: 0))
  }

  /// Writes one chunk (the next in input order) and commits when enough rows are
  /// pending. Duplicate keys found on insert become rejects naming the kept line.
  public func write(_ chunk: ScoredChunk) throws(SQLiteError) {
    guard stop == nil else { return }
    if !store.db.inTransaction { try store.db.execute("BEGIN IMMEDIATE") }
    let duplicates = try store.insertRatings(chunk, runID: runID)
    var rejects = chunk.rejects
    if !duplicates.isEmpty {
      let found = duplicates.map { d in
        let key = chunk.key(row: d.row)
        return ChunkReject(
          line: chunk.lines[d.row], merchantID: key,
          message: "duplicate \(keyName) \"\(key)\": the record on line \(d.keptLine) was kept")
      }
      rejects = ChunkScorer.merge(rejects, found)
    }
    try store.insertRejects(rejects, runID: runID)
    count(chunk, duplicates: duplicates, rejected: rejects.count)
    chunksWritten += 1
    processed += chunk.recordsRead
    rowsSinceCommit += chunk.recordsRead
    progressLine.update(records: processed, offset: chunk.endOffset)

    if let maxRejects, progress.rejected > maxRejects {
      let message = "more than \(maxRejects) records rejected (\(progress.rejected) so far)"
      try store.saveProgress(progress, runID: runID)
      try store.finishRun(runID, status: .failed, failure: message)
      try commit()
      stop = .failed(message)
    } else if let stopAfterChunks, chunksWritten >= stopAfterChunks {
      try commit()
      stop = .interrupted
    } else if rowsSinceCommit >= commitRows
      || System.monotonicSeconds() - lastCommit >= ChunkWriter.commitSeconds
    {
      try commit()
    }
  }

  /// Commits what is pending and marks the run `completed` or `failed`, in one
  /// transaction.
  public func finish(status: RunInfo.Status, failure: String? = nil) throws(SQLiteError) {
    progressLine.finish()
    if !store.db.inTransaction { try store.db.execute("BEGIN IMMEDIATE") }
    try store.finishRun(runID, status: status, failure: failure)
    try commit()
  }

  /// Commits pending rows with the progress that counts them.
  func commit() throws(SQLiteError) {
    guard store.db.inTransaction else { return }
    try store.saveProgress(progress, runID: runID)
    try store.db.execute("COMMIT")
    rowsSinceCommit = 0
    lastCommit = System.monotonicSeconds()
    // A moment without the write lock, so that a rescore waiting on its busy handler
    // (which polls every millisecond) gets its turn between two commits.
    System.sleep(milliseconds: 2)
  }

  /// Rolls back whatever is pending (after an error).
  func abandon() {
    progressLine.finish()
    if store.db.inTransaction { try? store.db.execute("ROLLBACK") }
  }

  private func count(_ chunk: ScoredChunk, duplicates: [Store.Duplicate], rejected: Int) {
    progress.read += chunk.recordsRead
    progress.scored += chunk.scoredCount - duplicates.count
    progress.rejected += rejected
    progress.resumeOffset = chunk.endOffset
    progress.resumeLine = chunk.endLine
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
