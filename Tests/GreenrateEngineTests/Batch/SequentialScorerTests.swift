import Foundation
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore
import GreenrateTestSupport
import Testing

@Suite struct SequentialScorerTests {
  /// `score` and `test` decide each record as the batch does: the same records scored,
  /// the same rejects with the same messages, in input order. The input holds bad
  /// numbers, runtime errors, duplicate keys and, at i = 8989, a record whose key an
  /// earlier record scored and on which the rules fail: a runtime error, as the batch
  /// has it (it is not the first scored of its key, since it is not scored at all).
  @Test func decidesEveryRecordAsTheBatchDoes() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (text, expected) = BatchFixture.csv(records: 200, start: 8900)
    let input = folder.appendingPathComponent("merchants.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: input))
    let program = try BatchFixture.program()
    let asOf = try #require(Day.parse("2026-01-15"))

    var scorer = SequentialScorer(
      reader: try RecordReader(path: input, format: .csv, layout: program.layout),
      program: program, asOf: asOf)
    var sequential: [String] = []
    var messages: [Int: String] = [:]
    try scorer.forEachOutcome { outcome in
      switch outcome {
      case .scored(let result, let line, _):
        sequential.append("\(line)|\(result.key.string)|\(result.score)")
      case .rejected(let reject):
        sequential.append("\(reject.line)|\(reject.merchantID ?? "NULL")|\(reject.message)")
        messages[reject.line] = reject.message
      }
    }

    let database = folder.appendingPathComponent("g.sqlite").path
    let options = BatchOptions(
      rulesPath: BatchFixture.rulesPath, inputPath: input, databasePath: database, jobs: 2,
      asOf: asOf, chunkSize: 16, commitRows: 64, showProgress: false)
    let summary = try BatchRunner(options: options, program: program).run { _ in }
    let batch = try BatchFixture.rows(
      try Database(path: database),
      """
      SELECT line, merchant_id, score FROM ratings WHERE run_id = ?1
      UNION ALL SELECT line, merchant_id, message FROM rejects WHERE run_id = ?1
      ORDER BY line
      """, [.integer(summary.runID)])
    #expect(sequential == batch)
    #expect(sequential.count == expected.count)

    var runtimeErrors = 0
    for (line, fate) in expected {
      switch fate {
      case .scored: #expect(messages[line] == nil)
      case .duplicate(let kept): #expect(messages[line]?.hasSuffix("line \(kept) was kept") == true)
      case .runtimeError:
        runtimeErrors += 1
        #expect(messages[line]?.contains("duplicate") == false)
      case .badNumber: #expect(messages[line] != nil)
      }
    }
    #expect(runtimeErrors == 2)
  }
}
