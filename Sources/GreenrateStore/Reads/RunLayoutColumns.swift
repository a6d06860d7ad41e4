/// The two `runs` columns that say what a run's stored rows mean: the inputs its
/// records are stored under and its factors with their bands, as kept (the engine reads
/// them with the language's types).
package struct RunLayoutColumns: Sendable {
  /// `runs.record_fields`.
  package var recordFields: String
  /// `runs.factor_info` (JSON), nil when the run has none.
  package var factorInfo: String?

  /// Reads them for run `runID`; nil when there is no such run.
  package static func read(in db: Database, runID: Int64) throws(SQLiteError)
    -> RunLayoutColumns?
  {
    let statement = try db.prepare("SELECT record_fields, factor_info FROM runs WHERE run_id = ?")
    statement.bind(runID, at: 1)
    guard try statement.step() else { return nil }
    return RunLayoutColumns(recordFields: statement.text(0) ?? "", factorInfo: statement.text(1))
  }
}
