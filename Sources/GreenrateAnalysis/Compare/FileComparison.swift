import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// `compare CHAMPION.rules CHALLENGER.rules --input FILE`: both rule files score the
/// same input as of one date; a record that either rejects is not compared.
///
/// The two sides read the file side by side (one reader each, since their inputs may
/// differ) and are matched by the line each record starts on, so memory stays flat
/// whatever the input's size. Runs on the calling thread: this form is for an
/// analyst's test file; a whole book is compared in the database form.
package struct FileComparison: Sendable {
  package var champion: Program
  package var challenger: Program
  package var inputPath: String
  package var format: InputFormat?
  /// Day number.
  package var asOf: Int

  package init(
    champion: Program, challenger: Program, inputPath: String, format: InputFormat?, asOf: Int
  ) {
    self.champion = champion
    self.challenger = challenger
    self.inputPath = inputPath
    self.format = format
    self.asOf = asOf
  }

  package func run() throws(AnalysisError) -> ComparisonResult {
    do {
      return try compare()
    } catch {
      throw AnalysisError(error.message)
    }
  }

  private func compare() throws(ReaderError) -> ComparisonResult {
    let left = try OutcomeStream(
      program: champion, path: inputPath, format: format, asOf: asOf)
    let right = try OutcomeStream(
      program: challenger, path: inputPath, format: format, asOf: asOf)
    let championSide = ComparedSide(program: champion)
    let challengerSide = ComparedSide(program: challenger)
    let championLabels = championSide.labelIndexes(champion.ratingLabels)
    let challengerLabels = challengerSide.labelIndexes(challenger.ratingLabels)
    var tally = ComparisonTally(
      championLabels: championSide.ruleSet.ratingLabels.count,
      challengerLabels: challengerSide.ruleSet.ratingLabels.count,
      championBands: championSide.factors.map(\.points.count),
      challengerBands: challengerSide.factors.map(\.points.count))
    while true {
      let a = try left.peek()
      let b = try right.peek()
      if a == nil && b == nil { break }
      // Both sides read the same bytes, so their lines agree; a line only one side
      // saw counts as rejected by the other.
      let line = min(a?.line ?? Int.max, b?.line ?? Int.max)
      let x = a?.line == line ? try left.next() : nil
      let y = b?.line == line ? try right.next() : nil
      guard let champ = x?.scored else {
        tally.rejectedByChampion += 1
        if y?.scored == nil { tally.rejectedByChallenger += 1 }
        continue
      }
      guard let chall = y?.scored else {
        tally.rejectedByChallenger += 1
        continue
      }
      for (f, band) in champ.bands.enumerated() { tally.countChampionBand(factor: f, band: band) }
      for (f, band) in chall.bands.enumerated() {
        tally.countChallengerBand(factor: f, band: band)
      }
      tally.add(
        champion: .init(
          score: champ.score, label: championLabels[champ.ratingBand], eligible: champ.eligible),
        challenger: .init(
          score: chall.score, label: challengerLabels[chall.ratingBand],
          eligible: chall.eligible),
        championCodes: { champ.codes }, challengerCodes: { chall.codes })
    }
    return tally.result(
      champion: championSide, challenger: challengerSide, asOf: Day.format(asOf))
  }
}
