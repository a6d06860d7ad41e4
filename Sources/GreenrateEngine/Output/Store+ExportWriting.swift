import GreenrateStore

/// `greenrate export`: the store's rating rows written as CSV or JSON Lines.
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
    let rows = try forEachExportRow(selection) { row in
      writer.row(row)
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
    let runs = try exportRuns(selection)
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
      let ids = runs.filter { $0.rulesetSHA256 == run.rulesetSHA256 }.map(\.id)
      guard let outputs = try latestOutputs(ofRuns: ids) else { continue }
      if case .object(let members) = StoredJSON.parse(outputs) {
        for member in members { plan.addOutput(member.name) }
      }
    }
    return plan
  }
}
