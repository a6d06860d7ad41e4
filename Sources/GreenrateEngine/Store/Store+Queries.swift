import GreenrateLanguage

extension Store {
  /// A merchant's rating: from run `runID`, or else its current one (the
  /// `current_ratings` row: from the run completed last among those that rated it). Nil
  /// when there is none.
  package func rating(merchantID: String, runID: Int64? = nil) throws(SQLiteError)
    -> StoredRating?
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
    let run = Store.runInfo(statement, from: 13)
    let fields = (try? StoredRecordCodec.parseFieldList(statement.text(11) ?? "")) ?? []
    let key = statement.text(0) ?? merchantID
    let values =
      (try? StoredRecordCodec.decode(statement.blob(10) ?? [], fields: fields, key: key)) ?? []
    let outputsJSON = statement.text(8) ?? "{}"
    var outputs: [StoredJSON.Member] = []
    if case .object(let members) = StoredJSON.parse(outputsJSON) { outputs = members }
    return StoredRating(
      run: run, merchantID: key, line: statement.int(1),
      score: statement.double(2), rating: statement.text(3) ?? "", eligible: statement.int(4) != 0,
      reasons: Store.codes(statement.text(5)), knockouts: Store.codes(statement.text(6)),
      denials: Store.codes(statement.text(7)),
      factors: Store.factors(statement.blob(9) ?? [], info: statement.text(12)),
      outputs: outputs, outputsJSON: outputsJSON,
      inputs: Array(
        zip(fields, values.count == fields.count ? values : fields.map { _ in .missing }))
    )
  }

  /// The merchant's freshest stored record, with the rule file path of the run that
  /// stored it; nil for an unknown merchant.
  ///
  /// Freshest means from the latest source data: a batch run's records are as fresh as
  /// its run id (runs start in id order), and a rescore's record is as fresh as the
  /// batch record it started from (`base_run`) — so a rescore that started from last
  /// night's record never hides tonight's batch, whichever finished first. Among equally
  /// fresh records the later run wins (a rescore over the batch it started from). Runs of
  /// any status count: a running batch has received what it has committed. A record
  /// rejected by a runtime error in the rules counts as received (a rescore with fixed
  /// rules is how it gets rated); within one run a rated record wins. One key lookup
  /// per run kept (the CROSS JOIN keeps SQLite from scanning `rating_rows`); a running
  /// batch's rows are read from `pending_rows` (a scan of that run's rows).
  ///
  /// `fromBatch` keeps to records a batch received (what an officer's cleared override
  /// goes back to).
  package func latestRecord(merchantID: String, fromBatch: Bool = false) throws(SQLiteError)
    -> StoredRecord?
  {
    let statement = try db.prepare(
      """
      SELECT x.run_id, x.line, x.record, u.record_fields, u.rules_path,
        coalesce(u.base_run, u.run_id) AS source FROM (
        SELECT g.run_id, g.line, s.record, 1 AS rated FROM runs AS r
          CROSS JOIN rating_rows AS g ON g.run_id = r.run_id AND g.merchant_id = ?1
          JOIN states AS s ON s.state_id = g.state_id
        UNION ALL
        SELECT g.run_id, g.line, s.record, 1 AS rated FROM runs AS r
          CROSS JOIN pending_rows AS g ON g.run_id = r.run_id AND g.merchant_id = ?1
          JOIN states AS s ON s.state_id = g.state_id
          WHERE r.kind = 'batch' AND r.status = 'running'
        UNION ALL
        SELECT run_id, line, record, 0 AS rated FROM rejects
          WHERE merchant_id = ?1 AND record IS NOT NULL
      ) AS x JOIN runs AS u ON u.run_id = x.run_id
      \(fromBatch ? "WHERE u.kind = 'batch'" : "")
      ORDER BY source DESC, x.run_id DESC, x.rated DESC, x.line DESC LIMIT 1
      """)
    statement.bind(merchantID, at: 1)
    guard try statement.step() else { return nil }
    let fieldList = statement.text(3) ?? ""
    let fields: [StoredField]
    let values: [Value]
    do {
      fields = try StoredRecordCodec.parseFieldList(fieldList)
      values = try StoredRecordCodec.decode(
        statement.blob(2) ?? [], fields: fields, key: merchantID)
    } catch {
      throw SQLiteError(code: 11, message: "merchant \(merchantID): \(error.message)")
    }
    var record = StoredRecord(
      merchantID: merchantID, runID: statement.int64(0), rulesPath: statement.text(4) ?? "",
      line: statement.int(1), fields: fields, values: values)
    record.sourceRun = statement.int64(5)
    return record
  }

  static func codes(_ json: String?) -> [String] {
    StoredJSON.parse(json ?? "[]")?.stringArray ?? []
  }

  /// Joins a rating's matched bands (one varint per factor) with the run's factor
  /// info, which holds each band's points, reason and location.
  static func factors(_ bands: [UInt8], info: String?) -> [StoredRating.Factor] {
    let infos = StoredJSON.parse(info ?? "[]")?.arrayValue ?? []
    var factors: [StoredRating.Factor] = []
    var index = 0
    for (i, info) in infos.enumerated() {
      var band = 0
      var shift = 0
      while index < bands.count {
        let b = bands[index]
        index += 1
        band |= Int(b & 0x7F) << shift
        shift += 7
        if b < 0x80 || shift > 56 { break }
      }
      let described = (info["bands"]?.arrayValue ?? []).map { band in
        StoredRating.Band(
          points: band["points"]?.numberValue ?? 0, reason: band["reason"]?.stringValue,
          location: SourceLocation(
            line: Int(band["line"]?.numberValue ?? 0), column: Int(band["column"]?.numberValue ?? 0)
          ),
          isElse: band["else"] == .bool(true))
      }
      factors.append(
        StoredRating.Factor(
          name: info["name"]?.stringValue ?? "factor \(i + 1)", title: info["title"]?.stringValue,
          points: band < described.count ? described[band].points : 0, band: band,
          bands: described, best: info["best"]?.numberValue ?? 0))
    }
    return factors
  }
}
