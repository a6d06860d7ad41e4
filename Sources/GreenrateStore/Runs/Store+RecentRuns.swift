extension Store {
  /// The newest `limit` runs, newest first (for `GET /v1/runs`: the runs table grows by
  /// one row per rescore, so it is not read whole).
  package func recentRuns(limit: Int) throws(SQLiteError) -> [RunInfo] {
    try queryRuns(
      "SELECT \(Store.runColumns()) FROM runs ORDER BY run_id DESC LIMIT ?",
      [.integer(Int64(max(0, limit)))])
  }
}
