import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// Compares one chunk of a stored run's rating rows: decodes each stored record into
/// the challenger's layout, scores it with the compiled evaluator and counts the pair.
/// Immutable and shared by the scoring threads; each call makes its own evaluator.
struct ChunkComparer: Sendable {
  let champion: ComparedSide
  let challenger: ComparedSide
  let program: Program
  let asOf: Int
  let mapping: StoredRecordMapping
  /// Per challenger rating band, its distinct label index.
  let challengerLabels: [Int]
  /// Challenger knockout codes, then denial codes.
  let challengerCodes: [String]

  init(
    champion: ComparedSide, challenger: ComparedSide, program: Program, asOf: Int,
    mapping: StoredRecordMapping
  ) {
    self.champion = champion
    self.challenger = challenger
    self.program = program
    self.asOf = asOf
    self.mapping = mapping
    challengerLabels = challenger.labelIndexes(program.ratingLabels)
    challengerCodes = program.knockoutCodes + program.denialCodes
  }

  func emptyTally() -> ComparisonTally {
    ComparisonTally(
      championLabels: champion.ruleSet.ratingLabels.count,
      challengerLabels: challenger.ruleSet.ratingLabels.count,
      championBands: champion.factors.map(\.points.count),
      challengerBands: challenger.factors.map(\.points.count))
  }

  /// The chunk's counts, and a message when a stored record could not be read.
  func compare(_ rows: RatingRows) -> (tally: ComparisonTally, damaged: String?) {
    var tally = emptyTally()
    let evaluator = Evaluator(program: program, asOf: asOf)
    var buffer = RecordBuffer(layout: program.layout, capacity: rows.count)
    var bands = Array(repeating: 0, count: champion.factors.count)
    // A champion label the run's header does not list (never written by greenrate).
    let labelOfName = rows.ratingNames.map { champion.ruleSet.ratingLabels.firstIndex(of: $0) }
    // Every record of the chunk decoded into one buffer (row r = chunk row r), then
    // scored row by row.
    var missing: [String?] = []
    missing.reserveCapacity(rows.count)
    for row in 0..<rows.count {
      buffer.appendRow(line: rows.lines[row])
      let key = rows.text(.merchantID, row: row)
      do {
        missing.append(
          try mapping.fill(
            rows.bytes[rows.range(.record, row: row)], key: key, into: &buffer, row: row))
      } catch {
        return (tally, "merchant \(key): \(error.message)")
      }
    }
    for row in 0..<rows.count {
      guard let championLabel = labelOfName[rows.ratings[row]] else {
        return (tally, "a rating of run \(rows.runIDs[row]) has an unknown label")
      }
      if let missing = missing[row] {
        tally.rejectedByChallenger += 1
        tally.missingInputs[missing, default: 0] += 1
        continue
      }
      if let error = evaluator.evaluate(buffer, row: row) {
        tally.rejectedByChallenger += 1
        tally.failures[error.description, default: 0] += 1
        continue
      }
      let n = min(rows.bands(row: row, into: &bands), bands.count)
      for f in 0..<n { tally.countChampionBand(factor: f, band: bands[f]) }
      for f in 0..<program.factors.count {
        tally.countChallengerBand(factor: f, band: evaluator.band(ofFactor: f))
      }
      tally.add(
        champion: .init(
          score: rows.scores[row], label: championLabel, eligible: rows.eligible[row]),
        challenger: .init(
          score: evaluator.score, label: challengerLabels[evaluator.ratingIndex],
          eligible: evaluator.eligible),
        championCodes: {
          ChunkComparer.codes(rows.text(.knockouts, row: row))
            + ChunkComparer.codes(rows.text(.denials, row: row))
        },
        challengerCodes: { firedCodes(evaluator) })
    }
    return (tally, nil)
  }

  /// The knockout and denial codes the evaluator's last record fired.
  func firedCodes(_ evaluator: Evaluator) -> [String] {
    let knockouts = program.knockoutCodes.count
    return challengerCodes.indices.filter { i in
      i < knockouts ? evaluator.knockout(i) : evaluator.denial(i - knockouts)
    }.map { challengerCodes[$0] }
  }

  static func codes(_ json: String) -> [String] {
    StoredJSON.parse(json)?.stringArray ?? []
  }
}
