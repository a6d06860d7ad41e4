import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// One rule set's results over an input, record by record in input order, for the
/// file form of `compare`: each line's record scored, or rejected (undecodable, no key,
/// a repeated key, or a runtime error in the rules) — the batch's rules.
final class OutcomeStream {
  /// One record's result on this side.
  struct Outcome {
    var line: Int
    /// Nil when this side rejected the record.
    var scored: Scored?
  }

  struct Scored {
    var score: Double
    /// Index of the rating band that matched.
    var ratingBand: Int
    var eligible: Bool
    /// Knockout and denial codes fired (kept only for an ineligible merchant: only a
    /// swap needs them).
    var codes: [String]
    var bands: [Int]
  }

  let program: Program
  private let reader: RecordReader
  private let evaluator: Evaluator
  private var kept: Set<Text> = []
  private var pending: [Outcome] = []
  private var position = 0
  private var exhausted = false

  init(program: Program, path: String, format: InputFormat?, asOf: Int) throws(ReaderError) {
    self.program = program
    reader = try RecordReader(path: path, format: format, layout: program.layout)
    evaluator = Evaluator(program: program, asOf: asOf)
  }

  /// The next record's outcome; nil at the end of the input.
  func next() throws(ReaderError) -> Outcome? {
    while position == pending.count {
      if exhausted { return nil }
      try refill()
    }
    position += 1
    return pending[position - 1]
  }

  /// The outcome `next()` would return, without taking it.
  func peek() throws(ReaderError) -> Outcome? {
    while position == pending.count {
      if exhausted { return nil }
      try refill()
    }
    return pending[position]
  }

  private func refill() throws(ReaderError) {
    pending.removeAll(keepingCapacity: true)
    position = 0
    guard let chunk = try reader.nextChunk(maxRecords: 4096) else {
      exhausted = true
      return
    }
    var rejects = chunk.rejects.map(\.line).sorted()[...]
    let records = chunk.records
    for row in 0..<records.count {
      let line = records.lines[row]
      while let r = rejects.first, r < line {
        pending.append(Outcome(line: r, scored: nil))
        rejects.removeFirst()
      }
      guard let key = records.key(row: row), kept.insert(key).inserted,
        evaluator.evaluate(records, row: row) == nil
      else {
        pending.append(Outcome(line: line, scored: nil))
        continue
      }
      var codes: [String] = []
      if !evaluator.eligible {
        for (i, code) in program.knockoutCodes.enumerated() where evaluator.knockout(i) {
          codes.append(code)
        }
        for (i, code) in program.denialCodes.enumerated() where evaluator.denial(i) {
          codes.append(code)
        }
      }
      pending.append(
        Outcome(
          line: line,
          scored: Scored(
            score: evaluator.score, ratingBand: evaluator.ratingIndex,
            eligible: evaluator.eligible, codes: codes,
            bands: program.factors.indices.map { evaluator.band(ofFactor: $0) })))
    }
    for r in rejects { pending.append(Outcome(line: r, scored: nil)) }
  }
}
