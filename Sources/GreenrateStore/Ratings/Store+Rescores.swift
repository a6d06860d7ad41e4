extension Store {
  /// One rescored record, as the store takes it: its rating row (with the state hash,
  /// the rating's index among the run's labels) or the reject when the rules failed.
  package enum RescoreOutcome {
    case rated(RatingRow, hash: Int64, ratingIndex: Int)
    case rejected(RejectRow)
  }

  /// Writes a completed `rescore` run holding one outcome, inside the caller's
  /// transaction: the run, the rating or reject, the changes and overrides of
  /// `details`, the counts, and `current` (the run completes now). Returns the run id.
  ///
  /// The run is recorded as the merchant of the row it holds (`runs.merchant_id`), taken
  /// from the row itself: the queries probe a named run for that merchant only.
  package func insertRescoreRun(
    _ run: NewRun, outcome: RescoreOutcome, merchantID: String?, details: RescoreDetails,
    labelCount: Int
  ) throws(SQLiteError) -> Int64 {
    var run = run
    switch outcome {
    case .rated(let row, _, _): run.merchantID = String(decoding: row.merchantID, as: UTF8.self)
    case .rejected(let reject): run.merchantID = reject.merchantID
    }
    let runID = try insertRun(run)
    var progress = Progress(read: 1, ratingCounts: Array(repeating: 0, count: labelCount))
    switch outcome {
    case .rated(let row, let hash, let ratingIndex):
      _ = try insertRating(row, hash: hash, runID: runID)
      progress.scored = 1
      if ratingIndex < labelCount { progress.ratingCounts[ratingIndex] = 1 }
      progress.eligible = row.eligible ? 1 : 0
    case .rejected(let reject):
      try insertRejects([reject], runID: runID)
      progress.rejected = 1
    }
    try recordRescoreDetails(details, runID: runID, merchantID: merchantID)
    try saveProgress(progress, runID: runID)
    try finishRun(runID, status: .completed, failure: nil)
    return runID
  }

  /// The run whose data the merchant's freshest stored record comes from (see
  /// `latestRecord`), or nil when none: a rescore checks, in its write transaction, that
  /// no fresher record arrived since it read one.
  ///
  /// Probes the runs that name no merchant (the batch runs) and the merchant's own
  /// rescore runs (`runs_merchant`, see `rescoreMerchantSchema`), never the rescores of
  /// other merchants.
  package func freshestSource(merchantID: String) throws(SQLiteError) -> Int64? {
    let holds = """
      (EXISTS (SELECT 1 FROM rating_rows AS g WHERE g.run_id = u.run_id AND g.merchant_id = ?1)
        OR EXISTS (SELECT 1 FROM pending_rows AS p WHERE p.run_id = u.run_id AND p.merchant_id = ?1)
        OR EXISTS (SELECT 1 FROM rejects AS j
          WHERE j.run_id = u.run_id AND j.merchant_id = ?1 AND j.record IS NOT NULL))
      """
    let statement = try db.prepare(
      """
      SELECT max(source) FROM (
        SELECT coalesce(u.base_run, u.run_id) AS source FROM runs AS u
          WHERE u.merchant_id IS NULL AND \(holds)
        UNION ALL
        SELECT coalesce(u.base_run, u.run_id) FROM runs AS u
          WHERE u.merchant_id = ?1 AND \(holds))
      """)
    statement.bind(merchantID, at: 1)
    guard try statement.step() else { return nil }
    return statement.optionalInt64(0)
  }
}
