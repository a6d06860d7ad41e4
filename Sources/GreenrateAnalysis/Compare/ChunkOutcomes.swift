import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// One rule set's results over one chunk of the input, record by record in line order,
/// for the file form of `compare`: each line's record scored, or rejected (undecodable,
/// no key, a repeated key, or a runtime error in the rules) — the batch's rules.
struct ChunkOutcomes {
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

  /// Per record row of `chunk`, whether it is the first record of its key (a record
  /// without a key is not): decided on the reading thread, in input order, with the
  /// keys kept so far in `kept`.
  static func firsts(_ chunk: ReadChunk, kept: inout Set<Text>) -> [Bool] {
    let records = chunk.records
    return (0..<records.count).map { row in
      guard let key = records.key(row: row) else { return false }
      return kept.insert(key).inserted
    }
  }

  /// Scores the chunk's records that are `firsts` with `program`; every line of the
  /// chunk (records and rejects) gets one outcome, in line order.
  static func score(_ chunk: ReadChunk, firsts: [Bool], program: Program, asOf: Int)
    -> [Outcome]
  {
    let evaluator = Evaluator(program: program, asOf: asOf)
    var outcomes: [Outcome] = []
    outcomes.reserveCapacity(chunk.records.count + chunk.rejects.count)
    var rejects = chunk.rejects.map(\.line).sorted()[...]
    let records = chunk.records
    for row in 0..<records.count {
      let line = records.lines[row]
      while let r = rejects.first, r < line {
        outcomes.append(Outcome(line: r, scored: nil))
        rejects.removeFirst()
      }
      guard firsts[row], evaluator.evaluate(records, row: row) == nil else {
        outcomes.append(Outcome(line: line, scored: nil))
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
      outcomes.append(
        Outcome(
          line: line,
          scored: Scored(
            score: evaluator.score, ratingBand: evaluator.ratingIndex,
            eligible: evaluator.eligible, codes: codes,
            bands: program.factors.indices.map { evaluator.band(ofFactor: $0) })))
    }
    for r in rejects { outcomes.append(Outcome(line: r, scored: nil)) }
    return outcomes
  }
}
