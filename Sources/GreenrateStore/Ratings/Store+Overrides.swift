extension Store {
  /// An officer's override of one input of one merchant (`rescore --set` kept until
  /// cleared).
  package struct Override: Sendable, Hashable {
    package var field: String
    /// The value as a CSV cell holds it (empty = missing).
    package var value: String
    package var reason: String
    /// The rescore run that set it.
    package var runID: Int64
    package var setAt: String
  }

  /// The merchant's overrides, by field name.
  package func overrides(merchantID: String) throws(SQLiteError) -> [Override] {
    let statement = try db.prepare(
      """
      SELECT field, value, reason, run_id, set_at FROM overrides WHERE merchant_id = ?
      ORDER BY field
      """)
    statement.bind(merchantID, at: 1)
    var found: [Override] = []
    while try statement.step() {
      found.append(
        Override(
          field: statement.text(0) ?? "", value: statement.text(1) ?? "",
          reason: statement.text(2) ?? "", runID: statement.int64(3),
          setAt: statement.text(4) ?? ""))
    }
    return found
  }

  /// Merchants with overrides that run `runID` rated (so the run's completion must apply
  /// them again), in id order.
  package func overriddenMerchants(ratedBy runID: Int64) throws(SQLiteError) -> [String] {
    let statement = try db.prepare(
      """
      SELECT DISTINCT o.merchant_id FROM overrides AS o
      JOIN rating_rows AS g ON g.run_id = ? AND g.merchant_id = o.merchant_id
      ORDER BY o.merchant_id
      """)
    statement.bind(runID, at: 1)
    var ids: [String] = []
    while try statement.step() { ids.append(statement.text(0) ?? "") }
    return ids
  }

  /// The rescore's changes and override updates (inside its transaction).
  package func recordRescoreDetails(_ details: RescoreDetails, runID: Int64, merchantID: String?)
    throws(SQLiteError)
  {
    let change = try db.prepare(
      """
      INSERT OR REPLACE INTO rescore_changes (run_id, field, old_value, new_value, source)
      VALUES (?, ?, ?, ?, ?)
      """)
    for c in details.changes {
      change.bindAll([
        .integer(runID), .text(c.field), c.old.map(SQLValue.text) ?? .null,
        c.new.map(SQLValue.text) ?? .null, .text(c.source.rawValue),
      ])
      try change.run()
    }
    guard let merchantID else { return }
    if details.clearAll {
      let clear = try db.prepare("DELETE FROM overrides WHERE merchant_id = ?")
      clear.bind(merchantID, at: 1)
      try clear.run()
    }
    let clear = try db.prepare("DELETE FROM overrides WHERE merchant_id = ? AND field = ?")
    for field in details.clearOverrides {
      clear.bindAll([.text(merchantID), .text(field)])
      try clear.run()
    }
    let keep = try db.prepare(
      """
      INSERT OR REPLACE INTO overrides (merchant_id, field, value, reason, run_id, set_at)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    for o in details.keepOverrides {
      keep.bindAll([
        .text(merchantID), .text(o.field), .text(o.value), .text(details.reason ?? ""),
        .integer(runID), .text(UTCTime.now()),
      ])
      try keep.run()
    }
  }

  /// The fields a rescore run changed, in field order.
  package func rescoreChanges(runID: Int64) throws(SQLiteError) -> [RescoreDetails.Change] {
    let statement = try db.prepare(
      "SELECT field, old_value, new_value, source FROM rescore_changes WHERE run_id = ? ORDER BY field"
    )
    statement.bind(runID, at: 1)
    var changes: [RescoreDetails.Change] = []
    while try statement.step() {
      changes.append(
        RescoreDetails.Change(
          field: statement.text(0) ?? "", old: statement.text(1), new: statement.text(2),
          source: RescoreDetails.Change.Source(rawValue: statement.text(3) ?? "") ?? .set))
    }
    return changes
  }
}
