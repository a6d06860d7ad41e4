/// The reads behind `greenrate export`: the columns of the runs involved, then every
/// selected rating row streamed through one prepared statement.
extension Store {
  /// Writes the selected ratings as `format` through `sink`, a buffer at a time, and
  /// returns the number of rows. Memory stays flat: rows are never collected.
  ///
  /// Throws `SQLiteError` for a database failure or an unknown run, and whatever
  /// `sink` throws.
  package func export(
    _ selection: ExportSelection, format: ExportFormat, excel: Bool = false,
    sink: (UnsafeRawBufferPointer) throws -> Void
  ) throws -> Int {
    let plan = try exportPlan(selection)
    var writer = RatingExportWriter(plan: plan, format: format, excel: excel)
    writer.header()
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
      writer.row(
        ExportRow(
          runID: statement.int64(0), key: statement.bytes(1), score: statement.double(2),
          rating: statement.bytes(3), eligible: statement.int(4) != 0,
          reasons: statement.bytes(5), knockouts: statement.bytes(6),
          denials: statement.bytes(7), outputs: statement.bytes(8),
          factors: statement.bytes(9)))
      rows += 1
      if writer.out.count >= RatingExportWriter.flushBytes {
        try writer.out.withUnsafeBytes { try sink($0) }
        writer.out.removeAll(keepingCapacity: true)
      }
    }
    try writer.out.withUnsafeBytes { try sink($0) }
    return rows
  }

  /// The runs an export may draw on (one run, or every completed run), newest first,
  /// and their columns: factors from each run's `factor_info`, outputs from one stored
  /// row per distinct rule file (all runs of one file have the same outputs).
  func exportPlan(_ selection: ExportSelection) throws(SQLiteError) -> ExportPlan {
    let runs: [RunInfo]
    switch selection {
    case .run(let id):
      guard let run = try run(id: id) else {
        throw SQLiteError(code: 1, message: "no run \(id) in \(db.path)")
      }
      runs = [run]
    case .current:
      runs = try queryRuns(
        "SELECT \(Store.runColumns()) FROM runs WHERE status = 'completed' ORDER BY run_id DESC",
        [])
    }
    var plan = ExportPlan()
    let infos = try factorInfos(runs.map(\.id))
    for run in runs {
      var layout = ExportPlan.RunLayout()
      for factor in Store.factors([], info: infos[run.id]) {
        layout.factorColumns.append(plan.factorColumn(factor.name))
        layout.bandPoints.append(factor.bands.map { ExportPlan.render($0.points) })
      }
      plan.runs[run.id] = layout
    }
    var seen: Set<String> = []
    for run in runs where seen.insert(run.rulesetSHA256).inserted {
      let ids = runs.filter { $0.rulesetSHA256 == run.rulesetSHA256 }.map { String($0.id) }
      let statement = try db.prepare(
        "SELECT outputs FROM ratings WHERE run_id IN (\(ids.joined(separator: ","))) "
          + "ORDER BY rowid DESC LIMIT 1")
      guard try statement.step() else { continue }
      if case .object(let members) = StoredJSON.parse(statement.text(0) ?? "{}") {
        for member in members { plan.addOutput(member.name) }
      }
    }
    return plan
  }

  /// Each run's `factor_info` text by run id.
  private func factorInfos(_ ids: [Int64]) throws(SQLiteError) -> [Int64: String] {
    var infos: [Int64: String] = [:]
    let statement = try db.prepare("SELECT factor_info FROM runs WHERE run_id = ?")
    for id in ids {
      statement.reset()
      statement.bind(id, at: 1)
      if try statement.step() { infos[id] = statement.text(0) }
    }
    return infos
  }
}
