import Dispatch
import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// `compare CHALLENGER.rules --db DB [--run RUN_ID]`: the champion is a stored run as
/// it was rated; the challenger scores that run's stored records, as of the run's
/// as-of date, with the batch's compiled evaluator on a concurrent Dispatch queue.
/// Reads only.
///
/// The reading thread streams rating rows (`RunReader`), up to `jobs` chunks are
/// scored at once, and each chunk's counts are merged into one `ComparisonTally`.
/// Nothing per merchant is kept but the delta histogram.
package struct DatabaseComparison: Sendable {
  package var databasePath: String
  /// The champion run; nil = the latest completed batch run.
  package var runID: Int64?
  package var challenger: Program
  package var jobs: Int
  package var chunkSize = 4096

  package init(databasePath: String, runID: Int64?, challenger: Program, jobs: Int) {
    self.databasePath = databasePath
    self.runID = runID
    self.challenger = challenger
    self.jobs = jobs
  }

  package func run() throws(AnalysisError) -> ComparisonResult {
    do {
      return try compare()
    } catch let error as AnalysisError {
      throw error
    } catch let error as SQLiteError {
      throw AnalysisError("\(databasePath): \(error.message)")
    } catch {
      throw AnalysisError("\(databasePath): \(error)")
    }
  }

  private func compare() throws -> ComparisonResult {
    let reader = try RunReader(path: databasePath)
    let run = try DatabaseComparison.championRun(reader, runID: runID)
    guard let asOf = Day.parse(run.asOf) else {
      throw AnalysisError("run \(run.id) has no valid as-of date (\(run.asOf))")
    }
    let layout = try reader.layout(ofRun: run.id)
    let champion = ComparedSide(run: run, layout: layout)
    let challengerSide = ComparedSide(program: challenger)
    let mapping = StoredRecordMapping(layout: challenger.layout, storedFields: layout.fields)
    let work = ChunkComparer(
      champion: champion, challenger: challengerSide, program: challenger, asOf: asOf,
      mapping: mapping)

    let scoring = DispatchQueue(
      label: "greenrate.compare.score", qos: .utility, attributes: .concurrent)
    let slots = DispatchSemaphore(value: max(1, jobs))
    let group = DispatchGroup()
    let total = TallyBox(work.emptyTally())
    try reader.forEachChunk(runs: [run], columns: .full, chunkSize: chunkSize) { rows in
      slots.wait()
      group.enter()
      scoring.async {
        let tally = work.compare(rows)
        total.merge(tally)
        slots.signal()
        group.leave()
      }
      return true
    }
    group.wait()
    if let damaged = total.damaged { throw AnalysisError("\(databasePath): \(damaged)") }
    var tally = total.tally
    tally.rejectedByChampion = run.recordsRejected
    return tally.result(champion: champion, challenger: challengerSide, asOf: run.asOf)
  }

  /// The run asked for, or the latest completed batch; a clear sentence when there is
  /// none or it has not completed.
  static func championRun(_ reader: RunReader, runID: Int64?) throws -> RunInfo {
    if let runID {
      guard let run = try reader.run(id: runID) else {
        throw AnalysisError("run \(runID) does not exist in this database")
      }
      guard run.status == .completed else {
        throw AnalysisError(
          "run \(runID) is \(run.status == .running ? "still running or was killed" : "failed")"
            + ": only a completed run can be compared")
      }
      return run
    }
    guard let run = try reader.latestCompletedBatch() else {
      throw AnalysisError("the database has no completed batch run to compare against")
    }
    return run
  }
}

/// The merged counts, touched by the scoring threads under a lock.
final class TallyBox: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private(set) var tally: ComparisonTally
  private(set) var damaged: String?

  init(_ tally: ComparisonTally) { self.tally = tally }

  func merge(_ result: (tally: ComparisonTally, damaged: String?)) {
    lock.wait()
    tally.merge(result.tally)
    if damaged == nil { damaged = result.damaged }
    lock.signal()
  }
}
