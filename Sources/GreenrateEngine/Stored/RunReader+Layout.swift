import GreenrateStore

extension RunReader {
  /// The inputs a run stored its records under, and its factors (name and each band's
  /// points) as its rule file declared them.
  package func layout(ofRun runID: Int64) throws(SQLiteError) -> StoredRunLayout {
    let columns = try layoutColumns(ofRun: runID)
    let fields: [StoredField]
    do {
      fields = try StoredRecordCodec.parseFieldList(columns.recordFields)
    } catch {
      throw SQLiteError(code: 11, message: "run \(runID): \(error.message)")
    }
    let factors = Store.factors([], info: columns.factorInfo).map {
      StoredRunLayout.Factor(name: $0.name, points: $0.bands.map(\.points))
    }
    return StoredRunLayout(fields: fields, factors: factors)
  }
}
