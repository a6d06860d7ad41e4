import GreenrateLanguage
import GreenrateReaders

/// Scores a reader's records one by one on the calling thread, in input order.
///
/// For `score` and `test`, where inputs are small and every result is printed; the
/// nightly batch uses the parallel pipeline instead. Applies the same rules as the
/// batch: a record whose key was already scored is rejected, naming the kept line.
package struct SequentialScorer {
  /// One record's fate, in input order.
  package enum Outcome {
    case scored(ScoreResult, line: Int, extras: ArraySlice<ExtraField>)
    case rejected(Reject)
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
      var rejects = chunk.rejects.sorted { $0.line < $1.line }[...]
      for row in 0..<chunk.records.count {
        let line = chunk.records.lines[row]
        while let r = rejects.first, r.line < line {
          try body(.rejected(r))
          rejects.removeFirst()
        }
        let key = chunk.records.key(row: row) ?? Text("")
        if let kept = keptLines[key] {
          try body(
            .rejected(
              Reject(
                line: line, merchantID: key.string,
                message: Reject.duplicateMessage(
                  keyName: keyName, key: key.string, keptLine: kept))))
          continue
        }
        if let error = evaluator.evaluate(chunk.records, row: row) {
          try body(
            .rejected(Reject(line: line, merchantID: key.string, message: error.description)))
          continue
        }
        keptLines[key] = line
        let extras = chunk.extras[(row * extraCount)..<((row + 1) * extraCount)]
        try body(.scored(evaluator.result(key: key), line: line, extras: extras))
      }
      for r in rejects { try body(.rejected(r)) }
    }
  }
}
