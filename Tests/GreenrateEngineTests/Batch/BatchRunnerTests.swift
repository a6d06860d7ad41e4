import Dispatch
import Foundation
import GreenrateLanguage
import GreenrateStore
import GreenrateTestSupport
import Testing

@testable import GreenrateEngine

@Suite struct BatchRunnerTests {
  static let asOf = Day.parse("2026-01-15")!

  func options(
    input: String, db: String, jobs: Int = 2, chunkSize: Int = 256, commitRows: Int = 1000,
    maxRejects: Int? = nil, resume: ResumeRequest? = nil, stopAfterChunks: Int? = nil
  ) -> BatchOptions {
    BatchOptions(
      rulesPath: BatchFixture.rulesPath, inputPath: input, databasePath: db, jobs: jobs,
      asOf: BatchRunnerTests.asOf, maxRejects: maxRejects, resume: resume, chunkSize: chunkSize,
      commitRows: commitRows, showProgress: false, stopAfterChunks: stopAfterChunks)
  }

  func run(_ options: BatchOptions) throws -> BatchSummary {
    try BatchRunner(options: options, program: BatchFixture.program()).run { _ in }
  }

  @Test(arguments: [false, true])
  func storesEveryRecordAndRejectWithItsLine(shuffled: Bool) throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, expected) = try BatchFixture.writeCSV(
      records: 3000, in: folder, shuffled: shuffled)
    let db = folder.appendingPathComponent("g.sqlite").path
    let summary = try run(options(input: input, db: db))

    let scored = expected.values.filter { $0 == .scored }.count
    #expect(summary.status == .completed)
    #expect(summary.read == 3000)
    #expect(summary.scored == scored)
    #expect(summary.rejected == 3000 - scored)
    #expect(summary.ratingCounts.map(\.count).reduce(0, +) == scored)
    #expect(summary.ratingCounts.map(\.label) == ["E", "A", "B", "C"])

    let store = try Store(path: db)
    let ratings = try BatchFixture.rows(
      store.db, "SELECT line FROM ratings WHERE run_id = ? ORDER BY line",
      [.integer(summary.runID)])
    #expect(ratings == expected.filter { $0.value == .scored }.keys.sorted().map(String.init))
    let rejects = try BatchFixture.rows(
      store.db, "SELECT line, merchant_id, message FROM rejects WHERE run_id = ? ORDER BY line",
      [.integer(summary.runID)])
    #expect(rejects.count == 3000 - scored)
    for row in rejects {
      let parts = row.split(separator: "|", maxSplits: 2).map(String.init)
      let line = Int(parts[0])!
      switch expected[line] {
      case .badNumber:
        #expect(parts[2].contains("annual_revenue_cny"), "\(row)")
      case .runtimeError:
        #expect(parts[2].hasPrefix("\(BatchFixture.rulesPath):"), "\(row)")
      case .duplicate(let kept):
        #expect(
          parts[2] == "duplicate merchant_id \"\(parts[1])\": the record on line \(kept) was kept")
      default:
        Issue.record(
          "line \(line) rejected but expected \(String(describing: expected[line])): \(row)")
      }
    }
    #expect(Set(expected.values.map { "\($0)".prefix(5) }).count == 4, "every kind of record")

    let run = try #require(try store.run(id: summary.runID))
    #expect(run.status == .completed && run.kind == .batch)
    #expect(run.recordsRead == 3000 && run.recordsScored == scored)
    #expect(run.recordsRejected == 3000 - scored)
    #expect(run.asOf == "2026-01-15")
    #expect(run.input == input)
    #expect(run.finishedAt != nil)
    #expect(run.ratingCounts.map(\.count) == summary.ratingCounts.map(\.count))
    let counted = try BatchFixture.rows(
      store.db,
      "SELECT rating, count(*) FROM ratings WHERE run_id = ? GROUP BY rating ORDER BY rating",
      [.integer(summary.runID)])
    let expectedCounts = summary.ratingCounts.filter { $0.count > 0 }.sorted { $0.label < $1.label }
      .map { "\($0.label)|\($0.count)" }
    #expect(counted == expectedCounts)
    #expect(summary.text.hasPrefix("run \(summary.runID) completed"))
  }

  @Test func everyJobCountGivesTheSameTables() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 5000, in: folder, shuffled: true)
    var dumps: [(ratings: [String], rejects: [String])] = []
    for (jobs, chunkSize) in [(1, 5000), (2, 100), (4, 37)] {
      let db = folder.appendingPathComponent("g\(jobs).sqlite").path
      let summary = try run(options(input: input, db: db, jobs: jobs, chunkSize: chunkSize))
      dumps.append(try BatchFixture.dump(Store(path: db).db, run: summary.runID))
    }
    #expect(dumps[0].ratings.count > 4000)
    #expect(dumps[1].ratings == dumps[0].ratings)
    #expect(dumps[1].rejects == dumps[0].rejects)
    #expect(dumps[2].ratings == dumps[0].ratings)
    #expect(dumps[2].rejects == dumps[0].rejects)
  }

  @Test func maxRejectsFailsTheRun() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 2000, in: folder)
    let db = folder.appendingPathComponent("g.sqlite").path
    let summary = try run(options(input: input, db: db, maxRejects: 5))
    #expect(summary.status == .failed)
    #expect(summary.rejected > 5)
    #expect(summary.failure?.contains("more than 5 records rejected") == true)
    let run = try #require(try Store(path: db).run(id: summary.runID))
    #expect(run.status == .failed)
    #expect(run.finishedAt != nil)
    #expect(run.recordsRead < 2000)
    #expect(try Store(path: db).latestUnfinishedBatch() == nil)
    // The cut does not depend on how chunks are grouped into transactions.
    let grouped = try self.run(options(input: input, db: db, commitRows: 100_000, maxRejects: 5))
    #expect(grouped.status == .failed)
    #expect(grouped.read == summary.read && grouped.rejected == summary.rejected)
    let store = try Store(path: db)
    let first = try BatchFixture.dump(store.db, run: summary.runID)
    let second = try BatchFixture.dump(store.db, run: grouped.runID)
    #expect(first.ratings == second.ratings)
    #expect(first.rejects == second.rejects)
    // Exactly at the limit is fine.
    let allowed = try self.run(options(input: input, db: db, maxRejects: summary.rejected + 1000))
    #expect(allowed.status == .completed)
  }

  @Test func aReRunIsANewRunAndCurrentRatingsMoveToIt() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 1000, in: folder)
    let db = folder.appendingPathComponent("g.sqlite").path
    let first = try run(options(input: input, db: db))
    let second = try run(options(input: input, db: db))
    #expect(second.runID > first.runID)
    let store = try Store(path: db)
    #expect(
      try BatchFixture.rows(store.db, "SELECT DISTINCT run_id FROM current_ratings")
        == ["\(second.runID)"])
    #expect(
      try BatchFixture.rows(store.db, "SELECT count(*) FROM current_ratings") == [
        "\(second.scored)"
      ])
    // Duplicates are per run: the second run keeps the same first records.
    #expect(
      try BatchFixture.dump(store.db, run: first.runID).rejects
        == BatchFixture.dump(store.db, run: second.runID).rejects)
  }

  @Test func resumeAfterAnInterruptionEqualsAnUninterruptedRun() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 4000, in: folder)
    let whole = folder.appendingPathComponent("whole.sqlite").path
    let reference = try run(options(input: input, db: whole))
    let expected = try BatchFixture.dump(Store(path: whole).db, run: reference.runID)

    let db = folder.appendingPathComponent("g.sqlite").path
    let stopped = try run(options(input: input, db: db, commitRows: 1, stopAfterChunks: 3))
    #expect(stopped.status == .running)
    #expect(stopped.read == 3 * 256)
    let store = try Store(path: db)
    #expect(try store.latestUnfinishedBatch()?.id == stopped.runID)
    #expect(
      try BatchFixture.rows(store.db, "SELECT count(*) FROM current_ratings") == ["0"],
      "an unfinished run is not current")

    // Resume in stages, with other job counts and chunk sizes.
    let again = try run(
      options(
        input: input, db: db, jobs: 1, chunkSize: 100, commitRows: 1, resume: .latest,
        stopAfterChunks: 5))
    #expect(again.runID == stopped.runID && again.resumed && again.status == .running)
    #expect(again.read == 3 * 256 + 500)
    let finished = try run(options(input: input, db: db, resume: .run(stopped.runID)))
    #expect(finished.status == .completed)
    #expect(finished.read == 4000)
    #expect(finished.scored == reference.scored && finished.rejected == reference.rejected)
    #expect(finished.ratingCounts.map(\.count) == reference.ratingCounts.map(\.count))
    #expect(finished.eligible == reference.eligible)
    let got = try BatchFixture.dump(store.db, run: finished.runID)
    #expect(got.ratings == expected.ratings)
    #expect(got.rejects == expected.rejects)

    #expect(throws: BatchError.self) { try run(options(input: input, db: db, resume: .latest)) }
    #expect(throws: BatchError.self) {
      try run(options(input: input, db: db, resume: .run(finished.runID)))
    }
  }

  @Test func resumeRefusesAnotherInputOrDate() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 1000, in: folder)
    let (other, _) = try BatchFixture.writeCSV(records: 900, in: folder, name: "other.csv")
    let db = folder.appendingPathComponent("g.sqlite").path
    let stopped = try run(options(input: input, db: db, commitRows: 1, stopAfterChunks: 1))
    do {
      _ = try run(options(input: other, db: db, resume: .latest))
      Issue.record("resumed on another input")
    } catch let error as BatchError {
      #expect(error.message.contains("run \(stopped.runID)"))
    }
    var wrongDate = options(input: input, db: db, resume: .latest)
    wrongDate.asOf = Day.parse("2026-02-01")
    #expect(throws: BatchError.self) {
      try BatchRunner(options: wrongDate, program: BatchFixture.program()).run { _ in }
    }
    // The run is still there to resume.
    #expect(try run(options(input: input, db: db, resume: .latest)).status == .completed)
  }

  @Test func aRefusedHeaderStartsNoRun() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("bad.csv")
    try Data("merchant_id,industry\nM1,C1713\n".utf8).write(to: input)
    let db = folder.appendingPathComponent("g.sqlite").path
    #expect(throws: BatchError.self) { try run(options(input: input.path, db: db)) }
    #expect(try Store(path: db).runs().isEmpty)
  }

  @Test func readersAndRescoresWorkWhileABatchWrites() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 40_000, in: folder)
    let db = folder.appendingPathComponent("g.sqlite").path
    // A first run, so that current_ratings has rows while the second one writes.
    let first = try run(options(input: input, db: db, chunkSize: 4096, commitRows: 4096))
    let batch = options(input: input, db: db, jobs: 1, chunkSize: 512, commitRows: 512)
    let program = try BatchFixture.program()
    let done = DispatchSemaphore(value: 0)
    let result = ResultBox()
    DispatchQueue.global().async {
      do {
        result.summary = try BatchRunner(options: batch, program: program).run { _ in }
      } catch {
        result.error = error
      }
      done.signal()
    }
    let reader = try Store(path: db)
    var queries = 0
    var sawRunning = false
    var rescored = false
    while done.wait(timeout: .now()) == .timedOut {
      let current = try BatchFixture.rows(reader.db, "SELECT count(*) FROM current_ratings")
      #expect(current == ["\(first.scored + (rescored ? 1 : 0))"])
      let running = try BatchFixture.rows(
        reader.db, "SELECT count(*) FROM runs WHERE status = 'running'")
      if running == ["1"] { sawRunning = true }
      if sawRunning && !rescored {
        let cells = StoreTests().cells
        let records = try StoreTests().record(program, cells)
        let evaluator = Evaluator(program: program, asOf: BatchRunnerTests.asOf)
        let error = evaluator.evaluate(records, row: 0)
        _ = try reader.writeRescore(
          program: program, rulesPath: BatchFixture.rulesPath, asOf: BatchRunnerTests.asOf,
          records: records, row: 0, evaluator: evaluator, error: error)
        rescored = true
      }
      queries += 1
    }
    #expect(result.error == nil)
    #expect(result.summary?.status == .completed)
    #expect(queries > 1)
    #expect(sawRunning)
    #expect(rescored)
    let second = try #require(result.summary)
    #expect(
      try BatchFixture.rows(reader.db, "SELECT count(*) FROM current_ratings")
        == ["\(second.scored + 1)"])
  }
}

/// The background batch's outcome, read after its semaphore is signalled.
final class ResultBox: @unchecked Sendable {
  var summary: BatchSummary?
  var error: (any Error)?
}
