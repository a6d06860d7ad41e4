import GreenrateEngine

/// `greenrate drift`: reads two completed batch runs' ratings (read-only; score, rating
/// and matched bands only) and computes `DriftResult`.
public struct DriftAnalysis: Sendable {
  public var databasePath: String

  public init(databasePath: String) {
    self.databasePath = databasePath
  }

  /// Run `runID` (default: the latest completed batch) against `baselineID` (default:
  /// the latest completed batch before it).
  public func run(runID: Int64? = nil, baselineID: Int64? = nil) throws(AnalysisError)
    -> DriftResult
  {
    do {
      let reader = try RunReader(path: databasePath)
      let run = try DriftAnalysis.batchRun(reader, id: runID, role: "run")
      let baseline: RunInfo
      if let baselineID {
        baseline = try DriftAnalysis.batchRun(reader, id: baselineID, role: "baseline")
      } else {
        guard let previous = try reader.latestCompletedBatch(before: run.id) else {
          throw AnalysisError(
            "run \(run.id) has no baseline: no completed batch run before it (give --baseline)")
        }
        baseline = previous
      }
      return try DriftAnalysis.compute(reader, run: run, baseline: baseline)
    } catch let error as AnalysisError {
      throw error
    } catch let error as SQLiteError {
      throw AnalysisError("\(databasePath): \(error.message)")
    } catch {
      throw AnalysisError("\(databasePath): \(error)")
    }
  }

  /// The batch summary's last line for run `runID` against the previous completed
  /// batch run; nil when there is none (or the database cannot be read).
  public static func batchLine(databasePath: String, runID: Int64) -> String? {
    guard let reader = try? RunReader(writerPath: databasePath),
      let run = try? reader.run(id: runID),
      let baseline = try? reader.latestCompletedBatch(before: runID),
      let drift = try? compute(reader, run: run, baseline: baseline)
    else { return nil }
    return drift.summaryLine
  }

  static func batchRun(_ reader: RunReader, id: Int64?, role: String) throws -> RunInfo {
    guard let id else {
      guard let run = try reader.latestCompletedBatch() else {
        throw AnalysisError("the database has no completed batch run")
      }
      return run
    }
    guard let run = try reader.run(id: id) else {
      throw AnalysisError("\(role) \(id) does not exist in this database")
    }
    guard run.kind == .batch else {
      throw AnalysisError("\(role) \(id) is a \(run.kind.rawValue) run; drift compares batch runs")
    }
    guard run.status == .completed else {
      throw AnalysisError(
        "\(role) \(id) is \(run.status == .running ? "still running or was killed" : "failed")"
          + ": drift needs completed batch runs")
    }
    return run
  }

  static func compute(_ reader: RunReader, run: RunInfo, baseline: RunInfo) throws -> DriftResult {
    var current = RunPopulation(run: run, layout: try reader.layout(ofRun: run.id))
    var base = RunPopulation(run: baseline, layout: try reader.layout(ofRun: baseline.id))
    var scratch = Array(
      repeating: 0, count: max(current.bands.count, base.bands.count))
    try reader.forEachChunk(
      runs: run.id == baseline.id ? [run] : [run, baseline], columns: .summary
    ) { rows in
      for row in 0..<rows.count {
        let id = rows.runIDs[row]
        if id == run.id { current.add(rows, row: row, bandsScratch: &scratch) }
        if id == baseline.id { base.add(rows, row: row, bandsScratch: &scratch) }
      }
      return true
    }
    return DriftResult(run: current, baseline: base)
  }
}
