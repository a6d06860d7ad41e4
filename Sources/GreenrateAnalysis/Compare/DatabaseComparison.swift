import Dispatch
import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// `compare CHALLENGER.rules --db DB [--run RUN_ID]`: the champion is a stored run as
/// it was rated; the challenger scores that run's stored records, as of the run's
/// as-of date, with the batch's compiled evaluator on `jobs` Dispatch threads.
/// Reads only.
///
/// `jobs` threads each read key ranges of the run's rating rows on their own
/// connection (`RunReader.forEachChunkInRanges`), decode and score each chunk where
/// they read it, and merge its counts into one `ComparisonTally`. Nothing per merchant
/// is kept but the delta histogram.
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

    let total = TallyBox(work.emptyTally())
    try RunReader.forEachChunkInRanges(
      path: databasePath, run: run, columns: .full, jobs: jobs, chunkSize: chunkSize
    ) { sequence, rows in
      total.merge(work.compare(rows), sequence: sequence)
    }
    if let damaged = total.damaged { throw AnalysisError("\(databasePath): \(damaged)") }
    var tally = total.tally
    tally.rejectedByChampion = run.recordsRejected
    return tally.result(champion: champion, challenger: challengerSide, asOf: run.asOf)
  }

  /// The run asked for, or the latest completed batch; a clear sentence when there is
  /// none or it has not completed.
  static func championRun(_ reader: RunReader, runID: Int64?) throws -> RunInfo {
    if let runID {
      return try reader.completedRun(
        id: runID, role: "run", batchOnly: false, need: "only a completed run can be compared")
    }
    guard let run = try reader.latestCompletedBatch() else {
      throw AnalysisError("the database has no completed batch run to compare against")
    }
    return run
  }
}

/// The merged counts, touched by the reading threads under a lock. Counts add up the
/// same in any order; of several damaged records the one in the lowest chunk is
/// reported, so the outcome does not depend on `--jobs`.
final class TallyBox: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private(set) var tally: ComparisonTally
  private var firstDamage: (sequence: Int, message: String)?

  init(_ tally: ComparisonTally) { self.tally = tally }

  var damaged: String? { firstDamage?.message }

  /// Adds one chunk's counts; false once a damaged record was met (reading stops).
  func merge(_ result: (tally: ComparisonTally, damaged: String?), sequence: Int) -> Bool {
    lock.wait()
    defer { lock.signal() }
    tally.merge(result.tally)
    if let message = result.damaged, sequence < firstDamage?.sequence ?? Int.max {
      firstDamage = (sequence, message)
    }
    return firstDamage == nil
  }
}
