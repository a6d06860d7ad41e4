import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

extension Store {
  /// Writes a `rescore` run holding one record's result, in one transaction: the run
  /// (completed, so `current` names it), the rating — or the reject when the rules
  /// failed on it (`error`) — and the record as it was scored.
  ///
  /// `evaluator` must just have evaluated `records`' row `row` (returning `error`).
  /// Returns nil, writing nothing, when `details.baseRun` is given and a fresher record
  /// of the merchant has arrived since (a batch committed it meanwhile): the caller reads
  /// the record again and re-scores, so that a rescore never hides newer data.
  ///
  /// `carried` are stored values the rules could not read (`Rescorer.Prepared.carried`):
  /// they are stored with the record, after the rules' inputs, so no rescore ever loses
  /// a value the current rules cannot read.
  package func writeRescore(
    program: Program, rulesPath: String, asOf: Int, records: RecordBuffer, row: Int,
    evaluator: Evaluator, error: RuntimeError?, details: RescoreDetails = RescoreDetails(),
    carried: [(field: StoredField, value: Value)] = []
  ) throws(SQLiteError) -> Int64? {
    let key = records.key(row: row)?.string
    return try db.writeTransaction { () throws(SQLiteError) -> Int64? in
      if let base = details.baseRun, let key, let fresher = try freshestSource(merchantID: key),
        fresher > base
      {
        return nil
      }
      return try insertRescore(
        program: program, rulesPath: rulesPath, asOf: asOf, records: records, row: row,
        evaluator: evaluator, error: error, details: details, carried: carried)
    }
  }

  /// `writeRescore` inside the caller's transaction (the batch's completion re-applying
  /// overrides uses it).
  func insertRescore(
    program: Program, rulesPath: String, asOf: Int, records: RecordBuffer, row: Int,
    evaluator: Evaluator, error: RuntimeError?, details: RescoreDetails,
    carried: [(field: StoredField, value: Value)] = []
  ) throws(SQLiteError) -> Int64 {
    var run = NewRun(kind: .rescore, program: program, rulesPath: rulesPath, asOf: asOf)
    run.baseRun = details.baseRun
    run.reason = details.reason
    run.rulesText = details.rulesText
    var fields = StoredRecordCodec.fieldList(program.layout)
    var extra: [UInt8] = []
    for (field, value) in carried {
      fields += ",\(field.name):\(field.type.description)"
      StoredRecordCodec.append(value, as: field.type.base, into: &extra)
    }
    if !carried.isEmpty { run.recordFields = fields }
    let key = records.key(row: row)
    guard let key, error == nil else {
      var record: [UInt8] = []
      StoredRecordCodec.encode(records, row: row, into: &record)
      record += extra
      let message =
        error?.description
        ?? "the key field `\(program.layout.fields[program.layout.keyField].name)` is missing"
      let reject = RejectRow(
        line: records.lines[row], merchantID: key?.string, message: message, record: record)
      return try insertRescoreRun(
        run, outcome: .rejected(reject), merchantID: key?.string, details: details,
        labelCount: program.ratingLabels.count)
    }
    // The batch's own formatting, so a rescore stores exactly what a batch would.
    var chunk = ScoredChunk(sequence: 0, capacity: 1)
    ChunkScorer(program: program, asOf: asOf).append(
      evaluator, key: key, records: records, row: row, to: &chunk)
    if !carried.isEmpty { chunk.extendLastRecord(extra, fieldsSeed: RatingRow.fieldsSeed(fields)) }
    var result: Result<Int64, SQLiteError> = .failure(SQLiteError(code: 1, message: "no row"))
    chunk.data.bytes.withUnsafeBytes { bytes in
      do throws(SQLiteError) {
        let outcome = RescoreOutcome.rated(
          chunk.ratingRow(0, bytes: bytes), hash: chunk.hashes[0],
          ratingIndex: chunk.ratingIndexes[0])
        result = .success(
          try insertRescoreRun(
            run, outcome: outcome, merchantID: key.string, details: details,
            labelCount: program.ratingLabels.count))
      } catch {
        result = .failure(error)
      }
    }
    return try result.get()
  }
}
