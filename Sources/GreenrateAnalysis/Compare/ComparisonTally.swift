/// The running counts of a comparison, for one chunk of merchants or for all: only
/// integer counts and a `ValueHistogram`, so merging in any order gives the same
/// result (byte-identical output for every `--jobs`).
struct ComparisonTally: Sendable {
  /// One merchant's result on one side: its rating as an index into that side's
  /// distinct labels.
  struct Outcome {
    var score: Double
    var label: Int
    var eligible: Bool
  }

  let championLabels: Int
  let challengerLabels: Int
  var compared = 0
  var rejectedByChampion = 0
  var rejectedByChallenger = 0
  /// `championLabels × challengerLabels`, row-major by the champion's label.
  var matrix: [Int]
  var eligibility = ComparisonResult.Eligibility()
  var swapOutCodes: [String: Int] = [:]
  var swapInCodes: [String: Int] = [:]
  var deltas = ValueHistogram()
  /// Per factor, merchants per matched band.
  var championBands: [[Int]]
  var challengerBands: [[Int]]
  /// Challenger rejects by the required input the stored record lacked.
  var missingInputs: [String: Int] = [:]
  /// Challenger rejects by the rules' runtime error (first message of each).
  var failures: [String: Int] = [:]

  init(championLabels: Int, challengerLabels: Int, championBands: [Int], challengerBands: [Int]) {
    self.championLabels = championLabels
    self.challengerLabels = challengerLabels
    matrix = Array(repeating: 0, count: championLabels * challengerLabels)
    self.championBands = championBands.map { Array(repeating: 0, count: $0) }
    self.challengerBands = challengerBands.map { Array(repeating: 0, count: $0) }
  }

  /// Nothing counted yet, sized for these two sides' labels and factors' bands.
  init(champion: ComparedSide, challenger: ComparedSide) {
    self.init(
      championLabels: champion.ruleSet.ratingLabels.count,
      challengerLabels: challenger.ruleSet.ratingLabels.count,
      championBands: champion.factors.map(\.points.count),
      challengerBands: challenger.factors.map(\.points.count))
  }

  /// Counts one compared merchant. The code lists are asked for only for a merchant
  /// whose eligibility swaps.
  mutating func add(
    champion: Outcome, challenger: Outcome, championCodes: () -> [String],
    challengerCodes: () -> [String]
  ) {
    compared += 1
    matrix[champion.label * challengerLabels + challenger.label] += 1
    switch (champion.eligible, challenger.eligible) {
    case (true, true): eligibility.both += 1
    case (false, false): eligibility.neither += 1
    case (false, true):
      eligibility.swapIn += 1
      for code in Set(championCodes()) { swapInCodes[code, default: 0] += 1 }
    case (true, false):
      eligibility.swapOut += 1
      for code in Set(challengerCodes()) { swapOutCodes[code, default: 0] += 1 }
    }
    deltas.add(challenger.score - champion.score)
  }

  mutating func countChampionBand(factor: Int, band: Int) {
    if factor < championBands.count, band >= 0, band < championBands[factor].count {
      championBands[factor][band] += 1
    }
  }

  mutating func countChallengerBand(factor: Int, band: Int) {
    if factor < challengerBands.count, band >= 0, band < challengerBands[factor].count {
      challengerBands[factor][band] += 1
    }
  }

  mutating func merge(_ other: ComparisonTally) {
    compared += other.compared
    rejectedByChampion += other.rejectedByChampion
    rejectedByChallenger += other.rejectedByChallenger
    for i in matrix.indices { matrix[i] += other.matrix[i] }
    eligibility.both += other.eligibility.both
    eligibility.neither += other.eligibility.neither
    eligibility.swapIn += other.eligibility.swapIn
    eligibility.swapOut += other.eligibility.swapOut
    swapOutCodes.merge(other.swapOutCodes, uniquingKeysWith: +)
    swapInCodes.merge(other.swapInCodes, uniquingKeysWith: +)
    deltas.merge(other.deltas)
    for f in championBands.indices {
      for b in championBands[f].indices { championBands[f][b] += other.championBands[f][b] }
    }
    for f in challengerBands.indices {
      for b in challengerBands[f].indices { challengerBands[f][b] += other.challengerBands[f][b] }
    }
    missingInputs.merge(other.missingInputs, uniquingKeysWith: +)
    failures.merge(other.failures, uniquingKeysWith: +)
  }

  /// The figures, with both sides' descriptions.
  func result(champion: ComparedSide, challenger: ComparedSide, asOf: String) -> ComparisonResult {
    var migration: [ComparisonResult.Migration] = []
    for from in 0..<championLabels {
      for to in 0..<challengerLabels where matrix[from * challengerLabels + to] > 0 {
        migration.append(
          ComparisonResult.Migration(
            from: champion.ruleSet.ratingLabels[from], to: challenger.ruleSet.ratingLabels[to],
            count: matrix[from * challengerLabels + to]))
      }
    }
    let sorted = deltas.sorted()
    var delta = ComparisonResult.ScoreDelta()
    if compared > 0 {
      delta.changed = compared - (zip(sorted.values, sorted.counts).first { $0.0 == 0 }?.1 ?? 0)
      delta.mean = sorted.mean
      delta.min = sorted.min
      delta.p5 = sorted.percentile(5)
      delta.p50 = sorted.percentile(50)
      delta.p95 = sorted.percentile(95)
      delta.max = sorted.max
    }
    var factors: [ComparisonResult.FactorShift] = []
    for (j, factor) in challenger.factors.enumerated() {
      guard let i = champion.factors.firstIndex(where: { $0.name == factor.name }) else {
        continue
      }
      factors.append(
        ComparisonResult.FactorShift(
          name: factor.name,
          championMean: mean(championBands[i], points: champion.factors[i].points),
          challengerMean: mean(challengerBands[j], points: factor.points)))
    }
    var notes: [String] = []
    for (name, n) in missingInputs.sorted(by: { $0.key < $1.key }) {
      notes.append(
        "\(n) stored record\(n == 1 ? "" : "s") of the champion run lack\(n == 1 ? "s" : "") "
          + "\(name), which the challenger requires: counted as challenger rejects")
    }
    for (message, n) in failures.sorted(by: { $0.key < $1.key }).prefix(5) {
      notes.append("\(n) record\(n == 1 ? "" : "s") failed in the challenger: \(message)")
    }
    return ComparisonResult(
      champion: champion.ruleSet, challenger: challenger.ruleSet, asOf: asOf, compared: compared,
      rejectedByChampion: rejectedByChampion, rejectedByChallenger: rejectedByChallenger,
      migration: migration, eligibility: eligibility,
      swapOutCodes: ComparisonTally.ranked(swapOutCodes),
      swapInCodes: ComparisonTally.ranked(swapInCodes), scoreDelta: delta, deltas: sorted,
      factors: factors, notes: notes)
  }

  /// Mean points: each band's points times its merchants, over the compared merchants.
  private func mean(_ counts: [Int], points: [Double]) -> Double {
    guard compared > 0 else { return 0 }
    var sum = 0.0
    for (b, n) in counts.enumerated() where b < points.count { sum += points[b] * Double(n) }
    return sum / Double(compared)
  }

  /// Codes by count descending, then code.
  static func ranked(_ counts: [String: Int]) -> [ComparisonResult.CodeCount] {
    counts.map { ComparisonResult.CodeCount(code: $0.key, count: $0.value) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
  }
}
