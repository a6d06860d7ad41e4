import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

/// One merchant's rescore as `greenrate rescore` and `POST /v1/merchants/{id}/rescore`
/// both do it: the freshest stored record, the officer's recorded overrides applied
/// again (unless cleared now), this rescore's values over them, scored and written as a
/// `rescore` run — read again and re-scored when a batch commits fresher data for the
/// merchant meanwhile.
///
/// One path for both front ends, so an HTTP rescore can never drift from the command's.
package struct MerchantRescore: Sendable {
  package var merchantID: String
  /// This rescore's values (`--set`, or the body's `set`), over any recorded overrides.
  package var given: [FieldOverride] = []
  /// Whether `given` are kept as the officer's overrides until cleared (the command's
  /// `--set`); the HTTP route's values update the stored record only.
  package var keepGiven = true
  /// Overrides cleared now (`--clear FIELD`); `clearAll` clears every one.
  package var clear: [String] = []
  package var clearAll = false
  /// Why (`--reason`), kept with the run and with the overrides it keeps.
  package var reason: String?
  package var asOf: Int

  package init(merchantID: String, asOf: Int) {
    self.merchantID = merchantID
    self.asOf = asOf
  }

  /// The rules a rescore scores with, and what its run records of them.
  package struct Rules: Sendable {
    package var program: Program
    /// The path the run records.
    package var path: String
    /// The rule file's text, kept once per SHA-256 so `explain` can show it.
    package var text: [UInt8]?

    package init(program: Program, path: String, text: [UInt8]?) {
      self.program = program
      self.path = path
      self.text = text
    }
  }

  /// A merchant with nothing to start from: never received, or only rejected by the
  /// reader (a record that never decoded is not stored).
  package struct NoRecord: Error, Sendable {
    package var merchantID: String
    /// The latest reject of it, when a run rejected it.
    package var reject: StoredReject?
  }

  /// Every try found a fresher record committed before its write.
  package struct KeptChanging: Error, Sendable {
    package var merchantID: String
  }

  /// What the rescore wrote.
  package struct Outcome: Sendable {
    /// The `rescore` run (completed) holding the rating, or the reject.
    package var runID: Int64
    /// The result; nil when the rules failed on the record (`error`).
    package var result: ScoreResult?
    package var error: RuntimeError?
    /// The record's input line (as stored), for a reject's message.
    package var line: Int
    package var keyName: String
    /// Worth telling the user: recorded overrides the rules cannot take, stored values
    /// they dropped.
    package var notes: [String]
  }

  /// Runs the rescore on `store` (which must be writable). `rules` picks the rules once
  /// the stored record is known (the command defaults to the rule file its run
  /// recorded); it is asked again on a retry.
  ///
  /// Throws `NoRecord`, `RescoreError` (a value or override that does not fit the rules:
  /// nothing written), `KeptChanging`, `SQLiteError`, or what `rules` throws.
  package func run(on store: Store, rules: (StoredRecord) throws -> Rules) throws -> Outcome {
    for _ in 0..<5 {
      if let outcome = try once(on: store, rules: rules) { return outcome }
    }
    throw KeptChanging(merchantID: merchantID)
  }

  /// One read-score-write; nil when a fresher record arrived before the write.
  private func once(on store: Store, rules pick: (StoredRecord) throws -> Rules) throws
    -> Outcome?
  {
    guard let stored = try store.latestRecord(merchantID: merchantID) else {
      throw NoRecord(merchantID: merchantID, reject: try store.latestReject(merchantID: merchantID))
    }
    let recorded = try store.overrides(merchantID: merchantID)
    let rules = try pick(stored)
    let program = rules.program
    var notes: [String] = []
    var applied: [(FieldOverride, RescoreDetails.Change.Source)] = []
    for o in recorded where !isCleared(o.field) {
      guard !given.contains(where: { $0.field == o.field }) else { continue }
      guard program.layout.field(named: o.field) != nil else {
        notes.append(
          "the override \(o.field)=\(o.value) is kept but not applied: the rules have no "
            + "input \(o.field)")
        continue
      }
      applied.append((FieldOverride(field: o.field, value: o.value), .override))
    }
    // A cleared override goes back to what the merchant's latest batch record says.
    let cleared = recorded.filter { o in
      isCleared(o.field) && !given.contains { $0.field == o.field }
        && program.layout.field(named: o.field) != nil
    }
    if !cleared.isEmpty {
      let batch = try store.latestRecord(merchantID: merchantID, fromBatch: true)
      for o in cleared {
        let value = batch?.value(named: o.field).map(StoredRecord.cellText) ?? ""
        applied.append((FieldOverride(field: o.field, value: value), .cleared))
      }
    }
    applied += given.map { ($0, .set) }
    let prepared = try Rescorer(program: program).prepare(stored, overrides: applied.map(\.0))

    let evaluator = Evaluator(program: program, asOf: asOf)
    let failure = evaluator.evaluate(prepared.records, row: 0)
    var details = RescoreDetails(baseRun: stored.sourceRun, reason: reason)
    details.changes = Rescorer.changes(stored, applied)
    if keepGiven { details.keepOverrides = given.map { ($0.field, $0.value) } }
    details.clearOverrides = clear
    details.clearAll = clearAll
    details.rulesText = rules.text
    guard
      let runID = try store.writeRescore(
        program: program, rulesPath: rules.path, asOf: asOf, records: prepared.records, row: 0,
        evaluator: evaluator, error: failure, details: details, carried: prepared.carried)
    else { return nil }
    let keyName = program.layout.fields[program.layout.keyField].name
    return Outcome(
      runID: runID,
      result: failure == nil ? evaluator.result(key: Text(stored.merchantID)) : nil,
      error: failure, line: prepared.records.lines[0], keyName: keyName,
      notes: notes + prepared.notes)
  }

  private func isCleared(_ field: String) -> Bool { clearAll || clear.contains(field) }
}
