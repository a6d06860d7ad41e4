import Dispatch
import GreenrateEngine
import GreenrateStore

/// `greenrate drift`: reads two completed batch runs' ratings (read-only; score, rating
/// and matched bands only) and computes `DriftResult`.
package struct DriftAnalysis: Sendable {
  package var databasePath: String

  package init(databasePath: String) {
    self.databasePath = databasePath
  }

  /// Run `runID` (default: the latest completed batch) against `baselineID` (default:
  /// the latest completed batch before it).
  package func run(runID: Int64? = nil, baselineID: Int64? = nil) throws(AnalysisError)
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
      return try DriftAnalysis.compute(path: databasePath, run: run, baseline: baseline)
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
  package static func batchLine(databasePath: String, runID: Int64) -> String? {
    guard let reader = try? RunReader(writerPath: databasePath),
      let run = try? reader.run(id: runID),
      let baseline = try? reader.latestCompletedBatch(before: runID),
      let drift = try? compute(path: databasePath, run: run, baseline: baseline)
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

  /// Reads both runs at once, each on its own read-only connection and thread (two
  /// cores read two runs in the time of one), then computes the figures.
  static func compute(path: String, run: RunInfo, baseline: RunInfo) throws -> DriftResult {
    let runs = run.id == baseline.id ? [run] : [run, baseline]
    let box = PopulationBox(count: runs.count)
    DispatchQueue.concurrentPerform(iterations: runs.count) { i in
      do {
        box.set(i, .success(try population(path: path, run: runs[i])))
      } catch {
        box.set(i, .failure(error))
      }
    }
    let populations = try box.results.map { try $0.get() }
    return DriftResult(run: populations[0], baseline: populations[runs.count - 1])
  }

  /// One run's scores, ratings and matched bands.
  static func population(path: String, run: RunInfo) throws -> RunPopulation {
    let reader = try RunReader(path: path)
    var population = RunPopulation(run: run, layout: try reader.layout(ofRun: run.id))
    var scratch = Array(repeating: 0, count: population.bands.count)
    try reader.forEachChunk(runs: [run], columns: .summary) { rows in
      for row in 0..<rows.count { population.add(rows, row: row, bandsScratch: &scratch) }
      return true
    }
    return population
  }
}

/// The populations read by the drift threads, each slot written by one thread.
final class PopulationBox: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private var slots: [Result<RunPopulation, any Error>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ result: Result<RunPopulation, any Error>) {
    lock.wait()
    slots[i] = result
    lock.signal()
  }

  var results: [Result<RunPopulation, any Error>] {
    lock.wait()
    defer { lock.signal() }
    return slots.map { $0 ?? .failure(AnalysisError("a run was not read")) }
  }
}
