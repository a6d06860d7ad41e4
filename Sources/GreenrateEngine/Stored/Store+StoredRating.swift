import GreenrateLanguage
import GreenrateStore

/// The store's rating and record rows read with the language's value types.
extension Store {
  /// A merchant's rating: from run `runID`, or else its current one (see
  /// `Store.ratingRow`). Nil when there is none.
  package func rating(merchantID: String, runID: Int64? = nil) throws(SQLiteError)
    -> StoredRating?
  {
    guard let row = try ratingRow(merchantID: merchantID, runID: runID) else { return nil }
    let fields = (try? StoredRecordCodec.parseFieldList(row.recordFields)) ?? []
    let values =
      (try? StoredRecordCodec.decode(row.record, fields: fields, key: row.merchantID)) ?? []
    var outputs: [StoredJSON.Member] = []
    if case .object(let members) = StoredJSON.parse(row.outputs) { outputs = members }
    return StoredRating(
      run: row.run, merchantID: row.merchantID, line: row.line, score: row.score,
      rating: row.rating, eligible: row.eligible, reasons: Store.codes(row.reasons),
      knockouts: Store.codes(row.knockouts), denials: Store.codes(row.denials),
      factors: Store.factors(row.factors, info: row.factorInfo), outputs: outputs,
      outputsJSON: row.outputs,
      inputs: Array(
        zip(fields, values.count == fields.count ? values : fields.map { _ in .missing })))
  }

  /// The merchant's freshest stored record (see `Store.latestRecordRow`), decoded; nil
  /// for an unknown merchant. A record that cannot be decoded is an error (code 11).
  package func latestRecord(merchantID: String, fromBatch: Bool = false) throws(SQLiteError)
    -> StoredRecord?
  {
    guard let row = try latestRecordRow(merchantID: merchantID, fromBatch: fromBatch) else {
      return nil
    }
    let fields: [StoredField]
    let values: [Value]
    do {
      fields = try StoredRecordCodec.parseFieldList(row.recordFields)
      values = try StoredRecordCodec.decode(row.record, fields: fields, key: merchantID)
    } catch {
      throw SQLiteError(code: 11, message: "merchant \(merchantID): \(error.message)")
    }
    var record = StoredRecord(
      merchantID: merchantID, runID: row.runID, rulesPath: row.rulesPath, line: row.line,
      fields: fields, values: values)
    record.sourceRun = row.sourceRun
    return record
  }

  static func codes(_ json: String?) -> [String] {
    StoredJSON.parse(json ?? "[]")?.stringArray ?? []
  }

  /// Joins a rating's matched bands (one varint per factor) with the run's factor
  /// info, which holds each band's points, reason and location.
  package static func factors(_ bands: [UInt8], info: String?) -> [StoredRating.Factor] {
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
