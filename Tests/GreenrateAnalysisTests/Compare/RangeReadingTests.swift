import Dispatch
import Foundation
import GreenrateEngine
import GreenrateStore
import Testing

/// `RunReader.forEachChunkInRanges`, which `compare` reads stored runs with: every row
/// of the run once, in ranges that depend on the data and the chunk size only.
@Suite struct RangeReadingTests {
  /// What the reading threads saw, under a lock.
  final class Seen: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var chunks: [(sequence: Int, ids: [String])] = []

    func add(_ sequence: Int, _ rows: RatingRows) -> Bool {
      let ids = (0..<rows.count).map { rows.text(.merchantID, row: $0) }
      lock.wait()
      chunks.append((sequence, ids))
      lock.signal()
      return true
    }

    var inOrder: [(sequence: Int, ids: [String])] {
      lock.wait()
      defer { lock.signal() }
      return chunks.sorted { $0.sequence < $1.sequence }
    }
  }

  @Test func everyRowOnceInKeyOrderAndTheSameRangesForEveryJobs() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("r.sqlite").path
    // Ids of different lengths, so byte order is not number order.
    var text = "id,a,b,c,flag\n"
    for i in 0..<600 { text += "N\(i * 37 % 1000),\(i % 13),1,1,false\n" }
    let input = folder.appendingPathComponent("in.csv")
    try text.write(to: input, atomically: true, encoding: .utf8)
    // The same ids in a second run: ranges stay within the run asked for.
    try AnalysisFixture.batch("champion.rules", input: input.path, database: db)
    try AnalysisFixture.batch("champion.rules", input: input.path, database: db)
    let run = try #require(try RunReader(path: db).run(id: 1))
    let expected = (0..<600).map { "N\($0 * 37 % 1000)" }.sorted {
      Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
    }
    for chunkSize in [1, 7, 600, 1000] {
      var cuts: [[[String]]] = []
      for jobs in [1, 3] {
        let seen = Seen()
        try RunReader.forEachChunkInRanges(
          path: db, run: run, columns: .full, jobs: jobs, chunkSize: chunkSize, seen.add)
        let chunks = seen.inOrder
        #expect(chunks.map(\.sequence) == Array(0..<chunks.count))
        #expect(chunks.count == (600 + chunkSize - 1) / chunkSize)
        #expect(chunks.flatMap(\.ids) == expected)
        cuts.append(chunks.map(\.ids))
      }
      #expect(cuts[0] == cuts[1])
    }
  }

  @Test func stopsWhenTheBodySaysSo() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("r.sqlite").path
    try AnalysisFixture.batch(
      "champion.rules", input: AnalysisFixture.path("population.csv"), database: db)
    let run = try #require(try RunReader(path: db).run(id: 1))
    let seen = Seen()
    try RunReader.forEachChunkInRanges(path: db, run: run, columns: .summary, jobs: 1, chunkSize: 2)
    { sequence, rows in
      _ = seen.add(sequence, rows)
      return sequence < 2
    }
    #expect(seen.inOrder.map(\.sequence) == [0, 1, 2])
  }
}
