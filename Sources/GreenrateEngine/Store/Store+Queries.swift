import GreenrateLanguage

extension Store {
  /// A merchant's rating: from run `runID`, or else from the latest completed run
  /// that rated it (its `current_ratings` row). Nil when there is none.
  public func rating(merchantID: String, runID: Int64? = nil) throws(SQLiteError)
    -> StoredRating?
  {
    let select = """
      SELECT r.merchant_id, r.line, r.score, r.rating, r.eligible, r.reasons, r.knockouts,
        r.denials, r.outputs, r.factors, r.record, u.record_fields, u.factor_info,
        \(Store.runColumns("u"))
      FROM ratings AS r JOIN runs AS u ON u.run_id = r.run_id
      """
    let statement: Statement
    if let runID {
      statement = try db.prepare(select + " WHERE r.merchant_id = ? AND r.run_id = ?")
      statement.bind(merchantID, at: 1)
      statement.bind(runID, at: 2)
    } else {
      statement = try db.prepare(
        select
          + " WHERE r.merchant_id = ? AND u.status = 'completed' ORDER BY r.run_id DESC LIMIT 1")
      statement.bind(merchantID, at: 1)
    }
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

  /// The merchant's record as last received by a batch or a rescore (any run status),
  /// with the rule file path of that run; nil for an unknown merchant.
  ///
  /// A record rejected by a runtime error in the rules counts as received (a rescore
  /// with fixed rules is how it gets rated); within one run a rated record wins.
  public func latestRecord(merchantID: String) throws(SQLiteError) -> StoredRecord? {
    let statement = try db.prepare(
      """
      SELECT x.run_id, x.line, x.record, u.record_fields, u.rules_path FROM (
        SELECT run_id, line, record, 1 AS rated FROM ratings WHERE merchant_id = ?1
        UNION ALL
        SELECT run_id, line, record, 0 AS rated FROM rejects
          WHERE merchant_id = ?1 AND record IS NOT NULL
      ) AS x JOIN runs AS u ON u.run_id = x.run_id
      ORDER BY x.run_id DESC, x.rated DESC, x.line DESC LIMIT 1
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
    return StoredRecord(
      merchantID: merchantID, runID: statement.int64(0), rulesPath: statement.text(4) ?? "",
      line: statement.int(1), fields: fields, values: values)
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
