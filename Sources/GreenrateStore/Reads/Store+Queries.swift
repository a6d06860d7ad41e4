extension Store {
  /// A merchant's rating row: from run `runID`, or else its current one (the
  /// `current_ratings` row: from the run completed last among those that rated it). Nil
  /// when there is none. The engine reads it as a `StoredRating`.
  package func ratingRow(merchantID: String, runID: Int64? = nil) throws(SQLiteError)
    -> StoredRatingRow?
  {
    // A run's rows are in `pending_rows` while it runs.
    let from =
      runID == nil
      ? "current"
      : """
      (SELECT run_id, merchant_id, line, eligible, state_id FROM rating_rows
        UNION ALL SELECT run_id, merchant_id, line, eligible, state_id FROM pending_rows)
      """
    let statement = try db.prepare(
      """
      SELECT g.merchant_id, g.line, s.score, s.rating, g.eligible, s.reasons, s.knockouts,
        s.denials, s.outputs, s.factors, s.record, u.record_fields, u.factor_info,
        \(Store.runColumns("u"))
      FROM \(from) AS g
      JOIN states AS s ON s.state_id = g.state_id
      JOIN runs AS u ON u.run_id = g.run_id
      WHERE g.merchant_id = ?1 \(runID == nil ? "" : "AND g.run_id = ?2")
      """)
    statement.bind(merchantID, at: 1)
    if let runID { statement.bind(runID, at: 2) }
    guard try statement.step() else { return nil }
    return StoredRatingRow(
      run: Store.runInfo(statement, from: 13), merchantID: statement.text(0) ?? merchantID,
      line: statement.int(1), score: statement.double(2), rating: statement.text(3) ?? "",
      eligible: statement.int(4) != 0, reasons: statement.text(5) ?? "[]",
      knockouts: statement.text(6) ?? "[]", denials: statement.text(7) ?? "[]",
      outputs: statement.text(8) ?? "{}", factors: statement.blob(9) ?? [],
      record: statement.blob(10) ?? [], recordFields: statement.text(11) ?? "",
      factorInfo: statement.text(12))
  }

  /// The merchant's freshest stored record (undecoded), with the rule file path of the
  /// run that stored it; nil for an unknown merchant.
  ///
  /// Freshest means from the latest source data: a batch run's records are as fresh as
  /// its run id (runs start in id order), and a rescore's record is as fresh as the
  /// batch record it started from (`base_run`) — so a rescore that started from last
  /// night's record never hides tonight's batch, whichever finished first. Among equally
  /// fresh records the later run wins (a rescore over the batch it started from). Runs of
  /// any status count: a running batch has received what it has committed. A record
  /// rejected by a runtime error in the rules counts as received (a rescore with fixed
  /// rules is how it gets rated); within one run a rated record wins. One key lookup
  /// per batch run kept and per rescore run of this merchant (the runs that name no
  /// merchant, and the merchant's own through `runs_merchant`: see
  /// `rescoreMerchantSchema`; the CROSS JOIN keeps SQLite from scanning `rating_rows`);
  /// a running batch's rows are read from `pending_rows` (a scan of that run's rows).
  ///
  /// `fromBatch` keeps to records a batch received (what an officer's cleared override
  /// goes back to).
  package func latestRecordRow(merchantID: String, fromBatch: Bool = false)
    throws(SQLiteError) -> StoredRecordRow?
  {
    // The merchant's rated rows in `table`, probed run by run over the runs `which`.
    func rated(in table: String, runs which: String) -> String {
      """
      SELECT g.run_id, g.line, s.record, 1 AS rated FROM runs AS r
          CROSS JOIN \(table) AS g ON g.run_id = r.run_id AND g.merchant_id = ?1
          JOIN states AS s ON s.state_id = g.state_id
          WHERE \(which)
      """
    }
    let statement = try db.prepare(
      """
      SELECT x.run_id, x.line, x.record, u.record_fields, u.rules_path,
        coalesce(u.base_run, u.run_id) AS source FROM (
        \(rated(in: "rating_rows", runs: "r.merchant_id IS NULL"))
        UNION ALL
        \(rated(in: "rating_rows", runs: "r.merchant_id = ?1"))
        UNION ALL
        \(rated(
          in: "pending_rows",
          runs: "r.merchant_id IS NULL AND r.kind = 'batch' AND r.status = 'running'"))
        UNION ALL
        SELECT run_id, line, record, 0 AS rated FROM rejects
          WHERE merchant_id = ?1 AND record IS NOT NULL
      ) AS x JOIN runs AS u ON u.run_id = x.run_id
      \(fromBatch ? "WHERE u.kind = 'batch'" : "")
      ORDER BY source DESC, x.run_id DESC, x.rated DESC, x.line DESC LIMIT 1
      """)
    statement.bind(merchantID, at: 1)
    guard try statement.step() else { return nil }
    return StoredRecordRow(
      merchantID: merchantID, runID: statement.int64(0), rulesPath: statement.text(4) ?? "",
      line: statement.int(1), recordFields: statement.text(3) ?? "",
      record: statement.blob(2) ?? [], sourceRun: statement.int64(5))
  }
}
