import GreenrateLanguage

extension Store {
  /// Writes a `rescore` run holding one record's result, in one transaction: the run
  /// (completed, so `current` names it), the rating — or the reject when the rules
  /// failed on it (`error`) — and the record as it was scored, which becomes the
  /// merchant's stored record.
  ///
  /// `evaluator` must just have evaluated `records`' row `row` (returning `error`).
  /// The row is formatted by the batch's own `ChunkScorer`, so a rescore stores exactly
  /// what a batch would for the same record.
  public func writeRescore(
    program: Program, rulesPath: String, asOf: Int, records: RecordBuffer, row: Int,
    evaluator: Evaluator, error: RuntimeError?, details: RescoreDetails = RescoreDetails()
  ) throws(SQLiteError) -> Int64 {
    let scorer = ChunkScorer(program: program, asOf: asOf)
    var chunk = ScoredChunk(sequence: 0, capacity: 1)
    var rejects: [Reject] = []
    let key = records.key(row: row)
    if let key, error == nil {
      scorer.append(evaluator, key: key, records: records, row: row, to: &chunk)
    } else {
      var record: [UInt8] = []
      StoredRecordCodec.encode(records, row: row, into: &record)
      let message =
        error?.description
        ?? "the key field `\(program.layout.fields[program.layout.keyField].name)` is missing"
      rejects.append(
        Reject(
          line: records.lines[row], merchantID: key?.string, message: message, record: record))
    }
    var run = NewRun(kind: .rescore, program: program, rulesPath: rulesPath, asOf: asOf)
    run.baseRun = details.baseRun
    run.reason = details.reason
    return try db.writeTransaction { () throws(SQLiteError) -> Int64 in
      let runID = try insertRun(run)
      if chunk.scoredCount == 1 {
        var failure: SQLiteError?
        chunk.data.bytes.withUnsafeBytes { bytes in
          do throws(SQLiteError) {
            _ = try insertRating(
              chunk.ratingRow(0, bytes: bytes), hash: chunk.hashes[0], runID: runID)
          } catch {
            failure = error
          }
        }
        if let failure { throw failure }
      }
      try insertRejects(rejects, runID: runID)
      try recordRescoreDetails(details, runID: runID, merchantID: key?.string)
      var progress = Progress(
        read: 1, scored: chunk.scoredCount, rejected: rejects.count,
        ratingCounts: Array(repeating: 0, count: program.ratingLabels.count))
      if chunk.scoredCount == 1 {
        progress.ratingCounts[chunk.ratingIndexes[0]] = 1
        progress.eligible = chunk.eligible[0] ? 1 : 0
      }
      try saveProgress(progress, runID: runID)
      try finishRun(runID, status: .completed, failure: nil)
      return runID
    }
  }
}
