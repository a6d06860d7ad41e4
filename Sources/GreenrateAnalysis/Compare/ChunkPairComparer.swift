import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// Compares one chunk of the input in the file form of `compare`: scores it with both
/// rule sets and counts each line both rated. Immutable and shared by the scoring
/// threads.
struct ChunkPairComparer: Sendable {
  let champion: Program
  let challenger: Program
  let asOf: Int
  let championSide: ComparedSide
  let challengerSide: ComparedSide
  /// Per rating band of each side, its distinct label index.
  let championLabels: [Int]
  let challengerLabels: [Int]

  init(champion: Program, challenger: Program, asOf: Int) {
    self.champion = champion
    self.challenger = challenger
    self.asOf = asOf
    championSide = ComparedSide(program: champion)
    challengerSide = ComparedSide(program: challenger)
    championLabels = championSide.labelIndexes(champion.ratingLabels)
    challengerLabels = challengerSide.labelIndexes(challenger.ratingLabels)
  }

  func emptyTally() -> ComparisonTally {
    ComparisonTally(champion: championSide, challenger: challengerSide)
  }

  /// The counts of one chunk: `a` as the champion's reader read it, `b` as the
  /// challenger's (the same lines), each with its first-of-key flags.
  func compare(_ a: ReadChunk, _ firstsA: [Bool], _ b: ReadChunk, _ firstsB: [Bool])
    -> ComparisonTally
  {
    let left = ChunkOutcomes.score(a, firsts: firstsA, program: champion, asOf: asOf)
    let right = ChunkOutcomes.score(b, firsts: firstsB, program: challenger, asOf: asOf)
    var tally = emptyTally()
    var i = 0
    var j = 0
    while i < left.count || j < right.count {
      // Both sides read the same bytes, so their lines agree; a line only one side
      // saw counts as rejected by the other.
      let line = min(
        i < left.count ? left[i].line : Int.max, j < right.count ? right[j].line : Int.max)
      var x: ChunkOutcomes.Outcome?
      var y: ChunkOutcomes.Outcome?
      if i < left.count && left[i].line == line {
        x = left[i]
        i += 1
      }
      if j < right.count && right[j].line == line {
        y = right[j]
        j += 1
      }
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
    return tally
  }
}
