import GreenrateLanguage
import GreenrateReaders

/// Scores a reader's records one by one on the calling thread, in input order.
///
/// For `score` and `test`, where inputs are small and every result is printed; the
/// nightly batch uses the parallel pipeline instead. The batch's rules, from the same
/// code: `ChunkScorer.evaluate` decides which records are scored and how the others
/// are rejected, a record whose key an earlier scored record had is rejected naming the
/// kept line, and `ChunkScorer.merge` puts rejects and results back in line order.
package struct SequentialScorer {
  /// One record's fate, in input order.
  package enum Outcome {
    case scored(ScoreResult, line: Int, extras: ArraySlice<ExtraField>)
    case rejected(Reject)

    /// The input line the record starts on.
    var line: Int {
      switch self {
      case .scored(_, let line, _): return line
      case .rejected(let reject): return reject.line
      }
    }
  }

  private let reader: RecordReader
  private let evaluator: Evaluator
  private let extraCount: Int
  private var keptLines: [Text: Int] = [:]

  package init(reader: RecordReader, program: Program, asOf: Int, extraCount: Int = 0) {
    self.reader = reader
    self.evaluator = Evaluator(program: program, asOf: asOf)
    self.extraCount = extraCount
  }

  /// Calls `body` for every record of the input, in input order.
  package mutating func forEachOutcome(_ body: (Outcome) throws -> Void) throws {
    let keyName = evaluator.program.layout.fields[evaluator.program.layout.keyField].name
    while let chunk = try reader.nextChunk(maxRecords: 4096) {
      var outcomes: [Outcome] = []
      outcomes.reserveCapacity(chunk.records.count)
      for row in 0..<chunk.records.count {
        switch ChunkScorer.evaluate(chunk.records, row: row, with: evaluator) {
        case .rejected(let reject):
          outcomes.append(.rejected(reject))
        case .scored(let key):
          let line = chunk.records.lines[row]
          if let kept = keptLines[key] {
            let message = Reject.duplicateMessage(keyName: keyName, key: key.string, keptLine: kept)
            outcomes.append(.rejected(Reject(line: line, merchantID: key.string, message: message)))
            continue
          }
          keptLines[key] = line
          let extras = chunk.extras[(row * extraCount)..<((row + 1) * extraCount)]
          outcomes.append(.scored(evaluator.result(key: key), line: line, extras: extras))
        }
      }
      let read = chunk.rejects.map(Outcome.rejected)
      for outcome in ChunkScorer.merge(read, outcomes, line: \.line) { try body(outcome) }
    }
  }
}
