import GreenrateStore

extension Store {
  /// The run's input fields and factor bands, as the run stored them (empty for an
  /// unknown run), for `greenrate report`.
  package static func runDescription(in db: Database, runID: Int64) throws(SQLiteError)
    -> RunDescription
  {
    guard let columns = try RunLayoutColumns.read(in: db, runID: runID) else {
      return RunDescription(fields: [], factors: [])
    }
    let fields = (try? StoredRecordCodec.parseFieldList(columns.recordFields)) ?? []
    // Band 0 of every factor: only the descriptions are wanted here.
    let count = StoredJSON.parse(columns.factorInfo ?? "[]")?.arrayValue?.count ?? 0
    let factors = Store.factors(Array(repeating: 0, count: count), info: columns.factorInfo)
    return RunDescription(fields: fields, factors: factors)
  }
}
