import GreenrateLanguage

extension Store {
  /// Writes a `rescore` run holding one record's result, in one transaction: the run
  /// (completed), the rating — or the reject when the rules failed on it (`error`) —
  /// and the record as it was scored, which becomes the merchant's stored record.
  ///
  /// `evaluator` must just have evaluated `records`' row `row` (returning `error`).
  public func writeRescore(
    program: Program, rulesPath: String, asOf: Int, records: RecordBuffer, row: Int,
    evaluator: Evaluator, error: RuntimeError?
  ) throws(SQLiteError) -> Int64 {
    let scorer = ChunkScorer(program: program, asOf: asOf)
    var chunk = ScoredChunk(sequence: 0, capacity: 1)
    var rejects: [ChunkReject] = []
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
        ChunkReject(
          line: records.lines[row], merchantID: key?.string, message: message, record: record))
    }
    return try db.writeTransaction { () throws(SQLiteError) -> Int64 in
      let runID = try insertRun(
        NewRun(kind: .rescore, program: program, rulesPath: rulesPath, asOf: asOf))
      _ = try insertRatings(chunk, runID: runID)
      try insertRejects(rejects, runID: runID)
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
