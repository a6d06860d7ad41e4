import GreenrateLanguage
import GreenrateStore

/// Applies officers' overrides again over newer source data: when a batch completes,
/// each merchant it rated that has overrides (`rescore --set`, kept until cleared) is
/// re-scored from the batch's record with those values, as a `rescore` run completed
/// right after the batch — in the batch's completing transaction, so `current` never
/// shows the batch's rating without the officer's values.
package struct OverrideReplay: Sendable {
  package let program: Program
  package let rulesPath: String
  package let asOf: Int
  package let rulesText: [UInt8]?

  package init(program: Program, rulesPath: String, asOf: Int, rulesText: [UInt8]?) {
    self.program = program
    self.rulesPath = rulesPath
    self.asOf = asOf
    self.rulesText = rulesText
  }

  /// Re-scores the overridden merchants batch run `runID` rated (inside its completing
  /// transaction); returns how many. An override the rules can no longer take (no such
  /// input, or a value that does not decode) stays recorded but is not applied.
  @discardableResult
  package func apply(store: Store, batchRun runID: Int64) throws(SQLiteError) -> Int {
    var count = 0
    let rescorer = Rescorer(program: program)
    for merchant in try store.overriddenMerchants(ratedBy: runID) {
      guard let stored = try store.latestRecord(merchantID: merchant) else { continue }
      let overrides = try store.overrides(merchantID: merchant)
        .filter { program.layout.field(named: $0.field) != nil }
        .map { FieldOverride(field: $0.field, value: $0.value) }
      guard !overrides.isEmpty,
        let prepared = try? rescorer.prepare(stored, overrides: overrides)
      else { continue }
      var details = RescoreDetails(
        baseRun: stored.sourceRun, reason: "overrides re-applied over run \(runID)")
      details.changes = Rescorer.changes(stored, overrides.map { ($0, .override) })
      details.rulesText = rulesText
      let evaluator = Evaluator(program: program, asOf: asOf)
      let failure = evaluator.evaluate(prepared.records, row: 0)
      _ = try store.insertRescore(
        program: program, rulesPath: rulesPath, asOf: asOf, records: prepared.records, row: 0,
        evaluator: evaluator, error: failure, details: details, carried: prepared.carried)
      count += 1
    }
    return count
  }
}
