/// The reads behind `greenrate export`: the runs involved and their columns' sources,
/// then every selected rating row streamed through one prepared statement (the engine
/// turns them into CSV or JSON Lines).
extension Store {
  /// Calls `body` with every selected rating row, in storage order, and returns the
  /// number of rows. Nothing is collected: memory stays flat.
  ///
  /// Throws `SQLiteError` for a database failure, and whatever `body` throws.
  package func forEachExportRow(
    _ selection: ExportSelection, _ body: (ExportRow) throws -> Void
  ) throws -> Int {
    let columns =
      "run_id, merchant_id, score, rating, eligible, reasons, knockouts, denials, outputs, factors"
    let statement: Statement
    switch selection {
    case .run(let id):
      statement = try db.prepare("SELECT \(columns) FROM ratings WHERE run_id = ?")
      statement.bind(id, at: 1)
    case .current:
      // `current_ratings`, written so that each row costs one index probe for a later
      // completed rating of its merchant, not a max() joined with `runs` (measured:
      // 0.5 s against 0.8 s of SQLite time for 1M merchants).
      statement = try db.prepare(
        """
        WITH done AS (SELECT run_id FROM runs WHERE status = 'completed')
        SELECT \(columns) FROM ratings AS r
        WHERE r.run_id IN done AND NOT EXISTS (
          SELECT 1 FROM ratings AS x
          WHERE x.merchant_id = r.merchant_id AND x.run_id > r.run_id AND x.run_id IN done)
        """)
    }
    var rows = 0
    while try statement.step() {
      try body(
        ExportRow(
          runID: statement.int64(0), key: statement.bytes(1), score: statement.double(2),
          rating: statement.bytes(3), eligible: statement.int(4) != 0,
          reasons: statement.bytes(5), knockouts: statement.bytes(6),
          denials: statement.bytes(7), outputs: statement.bytes(8),
          factors: statement.bytes(9)))
      rows += 1
    }
    return rows
  }

  /// The runs an export may draw on: one run, or every completed run, newest first.
  package func exportRuns(_ selection: ExportSelection) throws(SQLiteError) -> [RunInfo] {
    switch selection {
    case .run(let id):
      guard let run = try run(id: id) else {
        throw SQLiteError(code: 1, message: "no run \(id) in \(db.path)")
      }
      return [run]
    case .current:
      return try queryRuns(
        "SELECT \(Store.runColumns()) FROM runs WHERE status = 'completed' ORDER BY run_id DESC",
        [])
    }
  }

  /// Each run's `factor_info` text by run id.
  package func factorInfos(_ ids: [Int64]) throws(SQLiteError) -> [Int64: String] {
    var infos: [Int64: String] = [:]
    let statement = try db.prepare("SELECT factor_info FROM runs WHERE run_id = ?")
    for id in ids {
      statement.reset()
      statement.bind(id, at: 1)
      if try statement.step() { infos[id] = statement.text(0) }
    }
    return infos
  }

  /// The `outputs` JSON of the rating stored last by any of these runs (runs of one
  /// rule file all have the same outputs); nil when they stored none.
  package func latestOutputs(ofRuns ids: [Int64]) throws(SQLiteError) -> String? {
    let statement = try db.prepare(
      "SELECT outputs FROM ratings WHERE run_id IN (\(ids.map { String($0) }.joined(separator: ","))) "
        + "ORDER BY rowid DESC LIMIT 1")
    guard try statement.step() else { return nil }
    return statement.text(0) ?? "{}"
  }
}
