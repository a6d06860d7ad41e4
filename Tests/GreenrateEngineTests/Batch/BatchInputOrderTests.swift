import Foundation
import GreenrateLanguage
import GreenrateStore
import GreenrateTestSupport
import Testing

@testable import GreenrateEngine

/// The batch writes each commit group as a key-ordered segment of `pending_rows` and
/// sorts the run into `rating_rows` when it finishes; these check that the input's order
/// changes nothing stored, that duplicates are found across segments, and that a night's
/// pending rows reuse the last night's space.
@Suite struct BatchInputOrderTests {
  func run(input: String, db: String, commitRows: Int = 300, stopAfterChunks: Int? = nil)
    throws -> BatchSummary
  {
    let options = BatchOptions(
      rulesPath: BatchFixture.rulesPath, inputPath: input, databasePath: db, jobs: 2,
      asOf: Day.parse("2026-01-15"), chunkSize: 97,
      commitRows: commitRows, showProgress: false, stopAfterChunks: stopAfterChunks)
    return try BatchRunner(options: options, program: BatchFixture.program()).run { _ in }
  }

  /// A run's ratings keyed by merchant, without the line (which the order changes).
  func ratings(_ db: Database, run: Int64) throws -> [String] {
    try BatchFixture.rows(
      db,
      """
      SELECT merchant_id, score, rating, eligible, reasons, knockouts, denials, outputs,
        hex(factors), hex(record)
      FROM ratings WHERE run_id = ? ORDER BY merchant_id
      """, [.integer(run)])
  }

  @Test func sortedAndShuffledInputsStoreTheSameRatingsAndRejects() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (sorted, _) = try BatchFixture.writeCSV(records: 4000, in: folder, name: "sorted.csv")
    let (shuffled, expected) = try BatchFixture.writeCSV(
      records: 4000, in: folder, name: "shuffled.csv", shuffled: true)
    let db = folder.appendingPathComponent("g.sqlite").path
    let first = try run(input: sorted, db: db)
    let second = try run(input: shuffled, db: db)
    let store = try Store(path: db)

    // Every record but a duplicated key's is the same record in both files.
    let duplicated = Set(
      stride(from: 89, through: 4000, by: 89).map { "M" + String(format: "%07d", $0 - 5) })
    func unique(_ rows: [String]) -> [String] {
      rows.filter { !duplicated.contains(String($0.prefix { $0 != "|" })) }
    }
    let a = try ratings(store.db, run: first.runID)
    let b = try ratings(store.db, run: second.runID)
    #expect(a.count > 3000 && a.count == b.count)
    #expect(unique(a) == unique(b))
    let keysA = Set(a.map { String($0.prefix { $0 != "|" }) })
    let keysB = Set(b.map { String($0.prefix { $0 != "|" }) })
    #expect(keysA == keysB)
    let rejects = """
      SELECT merchant_id, message FROM rejects WHERE run_id = ? AND message NOT LIKE 'duplicate%'
      ORDER BY merchant_id, message
      """
    #expect(
      try BatchFixture.rows(store.db, rejects, [.integer(first.runID)])
        == BatchFixture.rows(store.db, rejects, [.integer(second.runID)]))
    #expect(first.rejected == second.rejected && first.scored == second.scored)

    // The shuffled run kept, for each duplicated key, the record scored first, across
    // segments (commit groups of 300 rows).
    let kept = try BatchFixture.rows(
      store.db, "SELECT merchant_id, line FROM ratings WHERE run_id = ?",
      [.integer(second.runID)])
    let keptLine = Dictionary(
      uniqueKeysWithValues: kept.map { row in
        let parts = row.split(separator: "|")
        return (String(parts[0]), Int(parts[1])!)
      })
    let duplicates = try BatchFixture.rows(
      store.db,
      "SELECT line, merchant_id, message FROM rejects WHERE run_id = ? AND message LIKE 'duplicate%'",
      [.integer(second.runID)])
    let expectedDuplicates = expected.values.filter {
      if case .duplicate = $0 { return true } else { return false }
    }
    #expect(duplicates.count == expectedDuplicates.count && duplicates.count > 30)
    for row in duplicates {
      let parts = row.split(separator: "|", maxSplits: 2).map(String.init)
      guard case .duplicate(let line) = expected[Int(parts[0])!] else {
        Issue.record("line \(parts[0]) is not a duplicate: \(row)")
        continue
      }
      #expect(keptLine[parts[1]] == line, "\(row)")
      #expect(parts[2].hasSuffix("the record on line \(line) was kept"), "\(row)")
    }
    #expect(try BatchFixture.rows(store.db, "SELECT count(*) FROM pending_rows") == ["0"])
  }

  /// A chunk's rows are put in key order before writing; its rejects still go out in
  /// line order (here key order would give line 5 before line 4).
  @Test func duplicatesInOneChunkAreRejectedInLineOrder() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = BatchFixture.csv(records: 2).text.split(
      separator: "\n", omittingEmptySubsequences: false)
    let header = lines[0]
    let m1 = lines[1].split(separator: ",", maxSplits: 1)[1]
    let text =
      [header, "M9," + m1, "M1," + m1, "M9," + m1, "M1," + m1].joined(separator: "\n") + "\n"
    let input = folder.appendingPathComponent("dups.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: input))
    let db = folder.appendingPathComponent("g.sqlite").path
    let summary = try run(input: input, db: db)
    let store = try Store(path: db)
    #expect(
      try BatchFixture.rows(
        store.db, "SELECT line, merchant_id FROM rejects WHERE run_id = ? ORDER BY rowid",
        [.integer(summary.runID)]) == ["4|M9", "5|M1"])
    #expect(
      try BatchFixture.rows(
        store.db, "SELECT merchant_id, line FROM ratings WHERE run_id = ? ORDER BY merchant_id",
        [.integer(summary.runID)]) == ["M1|3", "M9|2"])
  }

  @Test func aResumedShuffledRunFindsDuplicatesOfRowsStoredBeforeTheStop() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 3000, in: folder, shuffled: true)
    let whole = folder.appendingPathComponent("whole.sqlite").path
    let done = try run(input: input, db: whole)
    let cut = folder.appendingPathComponent("cut.sqlite").path
    let stopped = try run(input: input, db: cut, stopAfterChunks: 17)
    #expect(stopped.status == .running)
    // While stopped, the run's rows so far are in `ratings` (from `pending_rows`).
    let store = try Store(path: cut)
    let partial = try BatchFixture.rows(
      store.db, "SELECT count(*) FROM ratings WHERE run_id = ?", [.integer(stopped.runID)])
    #expect(Int(partial.first ?? "") ?? 0 > 0)
    let options = BatchOptions(
      rulesPath: BatchFixture.rulesPath, inputPath: input, databasePath: cut, jobs: 2,
      asOf: Day.parse("2026-01-15"), resume: .latest, chunkSize: 97, commitRows: 300,
      showProgress: false)
    let resumed = try BatchRunner(options: options, program: BatchFixture.program()).run { _ in }
    #expect(resumed.status == .completed)
    let a = try BatchFixture.dump(Store(path: whole).db, run: done.runID)
    let b = try BatchFixture.dump(store.db, run: resumed.runID)
    #expect(a.ratings.count > 2000)
    #expect(a.ratings == b.ratings)
    #expect(a.rejects == b.rejects)
  }

  /// A finished run frees its pending rows' pages after it has written `current`, so the
  /// file keeps them and the next night's pending rows take them: a second night adds
  /// its rating rows (and changed states, none here), not its pending rows as well.
  @Test func aSecondNightReusesTheFirstNightsPendingPages() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (input, _) = try BatchFixture.writeCSV(records: 20_000, in: folder, shuffled: true)
    let db = folder.appendingPathComponent("g.sqlite").path
    func count(_ sql: String) throws -> Int {
      Int(try BatchFixture.rows(Store(path: db).db, sql).first ?? "") ?? -1
    }
    // B-tree pages of everything but the pending rows (dbstat lists no free pages).
    let kept = "SELECT count(*) FROM dbstat WHERE name <> 'pending_rows'"
    _ = try run(input: input, db: db, commitRows: 2000)
    let (file1, kept1) = (try count("PRAGMA page_count"), try count(kept))
    let free1 = try count("PRAGMA freelist_count")
    _ = try run(input: input, db: db, commitRows: 2000)
    let (file2, kept2) = (try count("PRAGMA page_count"), try count(kept))
    #expect(free1 > 40, "the first night's pending pages are kept free: \(free1)")
    // Two pages of slack: auto-vacuum's pointer-map pages are not b-tree pages.
    #expect(
      file2 - file1 <= kept2 - kept1 + 2,
      "file +\(file2 - file1) pages, tables +\(kept2 - kept1), free before \(free1)")
  }

  @Test func theKeyFilterNeverForgetsAKey() {
    var filter = KeyFilter()
    var hashes: [UInt64] = []
    for i in 0..<50_000 {
      let key = Array("M\(i)".utf8)
      let hash = key.withUnsafeBytes { KeyFilter.hash($0) }
      hashes.append(hash)
      filter.insert(hash)
    }
    #expect(hashes.allSatisfy { filter.mayContain($0) })
    var maybe = 0
    for i in 50_000..<100_000 {
      let key = Array("M\(i)".utf8)
      if filter.mayContain(key.withUnsafeBytes { KeyFilter.hash($0) }) { maybe += 1 }
    }
    #expect(maybe < 5, "false maybes among 50,000 new keys: \(maybe)")
  }
}
