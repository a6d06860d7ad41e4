import Dispatch
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// `compare CHAMPION.rules CHALLENGER.rules --input FILE`: both rule files score the
/// same input as of one date; a record that either rejects is not compared.
///
/// The batch's pipeline: this thread reads chunks and decides repeated keys in input
/// order; up to `jobs` chunks are scored at once on a concurrent Dispatch queue, both
/// rule sets on the same thread, and each chunk's counts are merged into one
/// `ComparisonTally` (counts only, so the result is the same for every `--jobs`).
/// When both rule files declare the same inputs the file is read once; otherwise each
/// side has its own reader and the two read the same chunks of lines (a chunk ends
/// after the same number of records and rejects on both, since both scan the same
/// bytes), so memory stays flat whatever the input's size.
package struct FileComparison: Sendable {
  package var champion: Program
  package var challenger: Program
  package var inputPath: String
  package var format: InputFormat?
  /// Day number.
  package var asOf: Int
  package var jobs: Int
  package var chunkSize = 4096

  package init(
    champion: Program, challenger: Program, inputPath: String, format: InputFormat?, asOf: Int,
    jobs: Int = 1
  ) {
    self.champion = champion
    self.challenger = challenger
    self.inputPath = inputPath
    self.format = format
    self.asOf = asOf
    self.jobs = jobs
  }

  package func run() throws(AnalysisError) -> ComparisonResult {
    do {
      return try compare()
    } catch {
      throw AnalysisError(error.message)
    }
  }

  private func compare() throws(ReaderError) -> ComparisonResult {
    let sameInputs = FileComparison.sameInputs(champion.layout, challenger.layout)
    let left = try RecordReader(path: inputPath, format: format, layout: champion.layout)
    let right =
      sameInputs
      ? nil : try RecordReader(path: inputPath, format: format, layout: challenger.layout)
    let work = ChunkPairComparer(champion: champion, challenger: challenger, asOf: asOf)
    let total = TallyBox(work.emptyTally())
    let scoring = DispatchQueue(
      label: "greenrate.compare.score", qos: .utility, attributes: .concurrent)
    let slots = DispatchSemaphore(value: max(1, jobs))
    let group = DispatchGroup()
    // Scoring items still running when a read fails finish before this returns.
    defer { group.wait() }
    var keptLeft: Set<Text> = []
    var keptRight: Set<Text> = []
    var sequence = 0
    while let a = try left.nextChunk(maxRecords: max(1, chunkSize)) {
      let b: ReadChunk
      if let right {
        guard let chunk = try right.nextChunk(maxRecords: max(1, chunkSize)),
          chunk.endLine == a.endLine
        else { throw FileComparison.disagreement(inputPath) }
        b = chunk
      } else {
        b = a
      }
      let firstsLeft = ChunkOutcomes.firsts(a, kept: &keptLeft)
      let firstsRight = right == nil ? firstsLeft : ChunkOutcomes.firsts(b, kept: &keptRight)
      slots.wait()
      group.enter()
      let number = sequence
      sequence += 1
      scoring.async {
        let tally = work.compare(a, firstsLeft, b, firstsRight)
        _ = total.merge((tally, nil), sequence: number)
        slots.signal()
        group.leave()
      }
    }
    if let right, try right.nextChunk(maxRecords: 1) != nil {
      throw FileComparison.disagreement(inputPath)
    }
    group.wait()
    return total.tally.result(
      champion: work.championSide, challenger: work.challengerSide, asOf: Day.format(asOf))
  }

  /// Whether two rule sets declare the same inputs in the same order (then their
  /// layouts are the same and one decoded chunk serves both).
  static func sameInputs(_ a: RecordLayout, _ b: RecordLayout) -> Bool {
    a.fields.count == b.fields.count
      && zip(a.fields, b.fields).allSatisfy {
        $0.name == $1.name && $0.type == $1.type && $0.isKey == $1.isKey
      }
  }

  /// The two readers cut the input differently (never expected: both scan the same
  /// bytes the same way).
  static func disagreement(_ path: String) -> ReaderError {
    ReaderError("\(path): the two rule files' readers disagree on the input's records")
  }
}
