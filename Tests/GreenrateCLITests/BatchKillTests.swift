import Foundation
import GreenrateStore
import GreenrateTestSupport
import Testing

@testable import GreenrateEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Real processes: `greenrate batch` killed with SIGKILL at random moments, then
/// resumed, must end with exactly the tables of an uninterrupted run.
// No skip when the executable is missing: the tests fail (via #require) instead, so a
// run that could not test crash safety never passes for one that did.
@Suite(.serialized)
struct BatchKillTests {
  static var binary: URL? { GreenrateBinary.url }

  static func launch(_ binary: URL, _ arguments: [String]) throws -> Process {
    try GreenrateBinary.launch(binary, arguments)
  }

  /// Checks what must hold after any kill: an intact file, and a run whose stored
  /// counters match the rows it holds (progress is committed with its rows).
  func checkConsistent(_ db: String, context: String) throws -> RunInfo? {
    let store = try Store(path: db)
    #expect(try BatchFixture.rows(store.db, "PRAGMA integrity_check") == ["ok"], "\(context)")
    guard let run = try store.runs().last else { return nil }
    let ratings = try BatchFixture.rows(
      store.db, "SELECT count(*) FROM ratings WHERE run_id = ?", [.integer(run.id)])
    let rejects = try BatchFixture.rows(
      store.db, "SELECT count(*) FROM rejects WHERE run_id = ?", [.integer(run.id)])
    #expect(ratings == ["\(run.recordsScored)"], "\(context)")
    #expect(rejects == ["\(run.recordsRejected)"], "\(context)")
    #expect(run.recordsRead == run.recordsScored + run.recordsRejected, "\(context)")
    #expect(run.status != .failed, "\(context)")
    #expect(try BatchFixture.currentFaults(store.db).isEmpty, "\(context)")
    return run
  }

  @Test func killedAndResumedEqualsUninterrupted() throws {
    let binary = try #require(BatchKillTests.binary)
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 100_000, in: folder, shuffled: true)
    let arguments = { (db: String) in
      ["batch", BatchFixture.rulesPath, input, "--db", db, "--as-of", "2026-01-15", "--jobs", "2"]
    }

    let reference = folder.appendingPathComponent("reference.sqlite").path
    let db = folder.appendingPathComponent("killed.sqlite").path
    let started = Date()
    let whole = try BatchKillTests.launch(binary, arguments(reference))
    #expect(whole.waitStatus() == 0)
    let duration = Date().timeIntervalSince(started)
    // The reference must be a whole, completed run, or comparing with it proves nothing.
    let wholeRun = try #require(try Store(path: reference).runs().last)
    #expect(wholeRun.status == .completed)
    #expect(wholeRun.recordsRead == 100_000)

    // Attempt 0 is killed at a random moment right after launch (maybe before the run
    // exists); the others once the run has committed more, plus a random part of a
    // quarter of a whole run, so that they land mid-run at random points.
    let watcher = try Store(path: db)
    var generator = SystemRandomNumberGenerator()
    var killedMidRun = 0
    var log: [String] = []
    for attempt in 0..<4 {
      let unfinished = try watcher.latestUnfinishedBatch()
      let completed = try watcher.runs().last?.status == .completed
      if attempt > 0 && unfinished == nil && completed { break }
      let process = try BatchKillTests.launch(
        binary, arguments(db) + (unfinished == nil ? [] : ["--resume"]))
      // The random delays below are when to kill (the test's input), not waits for
      // something to happen; the one wait is on the run's committed progress.
      if attempt == 0 {
        usleep(UInt32.random(in: 0...50_000, using: &generator))
      } else {
        let before = unfinished?.recordsRead ?? 0
        try waitUntil("run progress past \(before) records", timeout: max(30, 4 * duration)) {
          try !process.isRunning
            || watcher.runs().last.map { $0.recordsRead > before || $0.status != .running }
              ?? false
        }
        let extra = Double.random(in: 0...0.25, using: &generator) * duration
        usleep(UInt32(extra * 1_000_000))
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let context = "attempt \(attempt)"
      let run = try checkConsistent(db, context: context)
      log.append(
        "\(context): \(run.map { "\($0.status) after \($0.recordsRead) records" } ?? "no run")")
      if let run, run.status == .running, run.recordsRead > 0 { killedMidRun += 1 }
    }
    #expect(killedMidRun > 0, "no kill landed mid-run: \(log)")

    if try Store(path: db).latestUnfinishedBatch() != nil {
      let last = try BatchKillTests.launch(binary, arguments(db) + ["--resume"])
      #expect(last.waitStatus() == 0)
    }
    let finished = try #require(try checkConsistent(db, context: "finished"))
    #expect(finished.status == .completed, "\(log)")
    let referenceStore = try Store(path: reference)
    let referenceRun = try #require(try referenceStore.runs().last)
    #expect(finished.recordsRead == 100_000)
    #expect(finished.recordsScored == referenceRun.recordsScored)
    #expect(finished.recordsRejected == referenceRun.recordsRejected)
    #expect(finished.recordsEligible == referenceRun.recordsEligible)
    #expect(finished.ratingCounts.map(\.count) == referenceRun.ratingCounts.map(\.count))
    let expected = try BatchFixture.dump(referenceStore.db, run: referenceRun.id)
    let got = try BatchFixture.dump(Store(path: db).db, run: finished.id)
    #expect(got.ratings.count == expected.ratings.count, "\(log)")
    #expect(got.ratings == expected.ratings, "\(log)")
    #expect(got.rejects == expected.rejects, "\(log)")
    let currentColumns = "merchant_id, score, rating, eligible, reasons, outputs, line"
    let query = "SELECT \(currentColumns) FROM current_ratings ORDER BY merchant_id"
    #expect(
      try BatchFixture.rows(Store(path: db).db, query)
        == BatchFixture.rows(referenceStore.db, query))
  }

  /// `prune` killed at random moments, then run again: the file stays intact, `current`
  /// consistent, and the end is what an uninterrupted prune leaves.
  @Test func killedPruneFinishesLikeAnUninterruptedOne() throws {
    let binary = try #require(BatchKillTests.binary)
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let reference = folder.appendingPathComponent("reference.sqlite").path
    let db = folder.appendingPathComponent("killed.sqlite").path
    for night in 1...4 {
      let (input, _) = try BatchFixture.writeCSV(
        records: 20_000, in: folder, name: "night\(night).csv", shuffled: night % 2 == 0)
      for path in [reference, db] {
        let process = try BatchKillTests.launch(
          binary,
          ["batch", BatchFixture.rulesPath, input, "--db", path, "--as-of", "2026-01-1\(night)"])
        #expect(process.waitStatus() == 0)
      }
    }
    let prune = { (path: String) in ["prune", "--db", path, "--keep", "1", "--batch-rows", "500"] }
    let started = Date()
    #expect(try BatchKillTests.launch(binary, prune(reference)).waitStatus() == 0)
    let duration = Date().timeIntervalSince(started)

    var generator = SystemRandomNumberGenerator()
    var log: [String] = []
    for attempt in 0..<5 {
      let process = try BatchKillTests.launch(binary, prune(db))
      usleep(UInt32(Double.random(in: 0.05...0.9, using: &generator) * duration * 1_000_000))
      let finished = !process.isRunning
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let store = try Store(path: db)
      #expect(try BatchFixture.rows(store.db, "PRAGMA integrity_check") == ["ok"])
      #expect(try BatchFixture.currentFaults(store.db).isEmpty, "attempt \(attempt)")
      log.append("attempt \(attempt): \(try store.runs().count) runs, finished \(finished)")
    }
    #expect(try BatchKillTests.launch(binary, prune(db)).waitStatus() == 0)
    let dump = { (path: String) throws -> [[String]] in
      let store = try Store(path: path)
      return [
        try BatchFixture.rows(store.db, "SELECT run_id, status FROM runs ORDER BY run_id"),
        try BatchFixture.rows(
          store.db,
          "SELECT run_id, merchant_id, score, rating, reasons, line FROM ratings ORDER BY run_id, merchant_id"
        ),
        try BatchFixture.rows(
          store.db,
          "SELECT merchant_id, run_id, score, line FROM current_ratings ORDER BY merchant_id"),
        try BatchFixture.rows(store.db, "SELECT count(*) FROM states"),
        try BatchFixture.rows(store.db, "SELECT run_id FROM pruned_runs ORDER BY run_id"),
      ]
    }
    let expected = try dump(reference)
    #expect(try dump(db) == expected, "\(log)")
    #expect(expected[4].count == 3)
  }

  @Test func maxRejectsExitsOneWithAFailedRun() throws {
    let binary = try #require(BatchKillTests.binary)
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 3000, in: folder)
    let db = folder.appendingPathComponent("g.sqlite").path
    let process = try BatchKillTests.launch(
      binary, ["batch", BatchFixture.rulesPath, input, "--db", db, "--max-rejects", "10"])
    #expect(process.waitStatus() == 1)
    let run = try #require(try Store(path: db).runs().last)
    #expect(run.status == .failed)
    #expect(run.recordsRejected > 10)
  }
}
