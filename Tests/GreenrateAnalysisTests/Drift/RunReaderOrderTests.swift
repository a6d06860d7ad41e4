import Foundation
import GreenrateEngine
import Testing

@testable import GreenrateAnalysis

/// `RunReader` finds a run's rows by rowid; rows stored out of run order (a batch
/// resumed after later runs) must still all be read, once.
@Suite struct RunReaderOrderTests {
  func scores(_ reader: RunReader, run: RunInfo, chunkSize: Int) throws -> [Double] {
    var scores: [Double] = []
    try reader.forEachChunk(runs: [run], columns: .full, chunkSize: chunkSize) { rows in
      #expect(rows.runIDs.allSatisfy { $0 == run.id })
      scores += rows.scores
      return true
    }
    return scores.sorted()
  }

  @Test func readsEveryRowOfARunWhateverItsPlace() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("d.sqlite").path
    let a = try AnalysisFixture.levels(
      [0, 1, 2, 3, 4, 0, 1, 2], to: folder.appendingPathComponent("a.csv"))
    let b = try AnalysisFixture.levels([4, 4, 3], to: folder.appendingPathComponent("b.csv"))
    for input in [a, b, a] { try AnalysisFixture.batch("drift.rules", input: input, database: db) }
    let expected = [0.0, 0, 10, 10, 20, 20, 30, 40]

    var reader = try RunReader(path: db)
    for chunkSize in [1, 3, 100] {
      let run1 = try #require(try reader.run(id: 1))
      let run3 = try #require(try reader.run(id: 3))
      #expect(try scores(reader, run: run1, chunkSize: chunkSize) == expected)
      #expect(try scores(reader, run: run3, chunkSize: chunkSize) == expected)
    }

    // Move three of run 1's rows past every other run's (new rowids at the end).
    let writer = try Database(path: db)
    try writer.execute(
      """
      CREATE TEMP TABLE moved AS SELECT * FROM ratings WHERE run_id = 1 ORDER BY rowid LIMIT 3;
      DELETE FROM ratings WHERE rowid IN (SELECT rowid FROM ratings WHERE run_id = 1 ORDER BY rowid LIMIT 3);
      INSERT INTO ratings SELECT * FROM moved;
      """)
    reader = try RunReader(path: db)
    let run1 = try #require(try reader.run(id: 1))
    let run2 = try #require(try reader.run(id: 2))
    #expect(try scores(reader, run: run1, chunkSize: 2) == expected)
    #expect(try scores(reader, run: run2, chunkSize: 2) == [30, 40, 40])
    let drift = try DriftAnalysis(databasePath: db).run(runID: 3, baselineID: 1)
    #expect(drift.scorePSI == 0 && drift.runCount == 8 && drift.baselineCount == 8)
  }
}
