import GreenrateEngine
import GreenrateStore

/// Everything the report of one run shows, read from the database.
package struct RunReport: Sendable {
  package var run: RunInfo
  /// The run the score histogram and drift compare with (default: the latest completed
  /// batch before `run`); nil when there is none.
  package var baseline: RunInfo?
  package var aggregates: RunAggregates
  /// The baseline's distinct scores with their counts (empty without a baseline).
  package var baselineScores: [(score: Double, count: Int)]
  /// The drift of `run` against `baseline` (as `greenrate drift` computes it) when both
  /// are completed batch runs.
  package var drift: DriftResult?
  /// Why there are no drift figures, when there are none.
  package var driftNote: String?
  package var rejects: RejectKinds

  /// Reads the report of run `runID` (default: the latest completed batch) from the
  /// database at `path`, opened read-only, in one read transaction: one pass over the
  /// run's ratings, one over the run's rejects; then the drift against the baseline
  /// (`DriftAnalysis`, which also gives the baseline's scores).
  package static func read(
    path: String, runID: Int64?, baselineID: Int64?, byFields: [String]
  ) throws(ReportError) -> RunReport {
    // The drift's own pass runs on another thread beside the report's (each on its own
    // read-only connection), once the runs are known.
    let runs = try chooseRuns(path: path, runID: runID, baselineID: baselineID)
    let drift = DriftTask()
    if let baseline = runs.baseline, runs.run.kind == .batch, baseline.kind == .batch {
      drift.start(path: path, runID: runs.run.id, baselineID: baseline.id)
    }
    var report = try readRun(path: path, run: runs.run, baseline: runs.baseline, byFields: byFields)
    guard report.baseline != nil else {
      report.driftNote =
        "No drift figures: there is no earlier completed batch run to compare with."
      return report
    }
    guard let outcome = drift.wait() else {
      report.driftNote = "No drift figures: drift compares two completed batch runs."
      return try withBaselineScores(report, path: path)
    }
    switch outcome {
    case .success(let result):
      report.drift = result
      report.baselineScores = Array(
        zip(result.baselineScores.values, result.baselineScores.counts)
      ).map { ($0.0, $0.1) }
      return report
    case .failure(let error):
      throw .database(SQLiteError(code: 1, message: error.message))
    }
  }

  /// The run (checked: known and finished) and its baseline.
  private static func chooseRuns(path: String, runID: Int64?, baselineID: Int64?)
    throws(ReportError) -> (run: RunInfo, baseline: RunInfo?)
  {
    do {
      let reader = try RunReader(path: path)
      let chosenRun: RunInfo?
      if let runID {
        chosenRun = try reader.run(id: runID)
      } else {
        chosenRun = try reader.latestCompletedBatch()
      }
      guard let run = chosenRun else { throw ReportError.unknownRun(runID) }
      if run.isUnfinished { throw ReportError.unfinishedRun(run.id) }
      guard let baselineID else {
        return (run, try reader.latestCompletedBatch(before: run.id))
      }
      guard let chosen = try reader.run(id: baselineID) else {
        throw ReportError.badBaseline(baselineID, "does not exist")
      }
      guard chosen.status == .completed else {
        throw ReportError.badBaseline(baselineID, "is not a completed run")
      }
      return (run, chosen)
    } catch let error as ReportError {
      throw error
    } catch let error as SQLiteError {
      throw .database(error)
    } catch {
      throw .database(SQLiteError(code: 1, message: "\(error)"))
    }
  }

  /// The baseline's scores read on their own (when there is no drift to give them).
  private static func withBaselineScores(_ report: RunReport, path: String) throws(ReportError)
    -> RunReport
  {
    guard let baseline = report.baseline else { return report }
    var report = report
    do {
      let db = try Store.openReadOnly(path: path)
      report.baselineScores = try Store.scoreCounts(in: db, runID: baseline.id)
      return report
    } catch {
      throw .database(error)
    }
  }

  private static func readRun(
    path: String, run: RunInfo, baseline: RunInfo?, byFields: [String]
  ) throws(ReportError) -> RunReport {
    do {
      let db = try Store.openReadOnly(path: path)
      return try db.readTransaction { () throws(SQLiteError) -> Result<RunReport, ReportError> in
        let description = try Store.runDescription(in: db, runID: run.id)
        for name in byFields {
          guard let field = description.fields.first(where: { $0.name == name }) else {
            return .failure(.unknownField(name, available: description.fields.map(\.name)))
          }
          if field.isKey { return .failure(.keyField(name)) }
        }
        var aggregator = RunAggregator(run: run, description: description, byFields: byFields)
        try Store.forEachRating(in: db, runID: run.id, withRecord: aggregator.needsRecord) {
          aggregator.add($0)
        }
        var rejects = RejectKinds()
        try Store.forEachReject(in: db, runID: run.id) { line, merchant, message in
          rejects.add(line: line, merchantID: merchant, message: message)
        }
        return .success(
          RunReport(
            run: run, baseline: baseline, aggregates: aggregator.result(),
            baselineScores: [], rejects: rejects))
      }.get()
    } catch let error as ReportError {
      throw error
    } catch let error as SQLiteError {
      throw .database(error)
    } catch {
      throw .database(SQLiteError(code: 1, message: "\(error)"))
    }
  }
}
