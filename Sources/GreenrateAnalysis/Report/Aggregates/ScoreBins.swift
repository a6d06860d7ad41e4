/// The score histogram: equal-width bins over the scores of the run and its baseline,
/// on a 1-2-5 width so that bin edges are round numbers.
package struct ScoreBins: Sendable, Equatable {
  /// One bin `[lower, upper)`; the last bin also holds `upper`.
  package struct Bin: Sendable, Equatable {
    package var lower: Double
    package var upper: Double
    package var run: Int
    package var baseline: Int
  }

  package var bins: [Bin]
  package var runTotal: Int
  package var baselineTotal: Int

  /// Bins for `run` and `baseline` (distinct scores with their counts), about `target`
  /// of them.
  package init(
    run: [(score: Double, count: Int)], baseline: [(score: Double, count: Int)], target: Int = 20
  ) {
    runTotal = run.reduce(0) { $0 + $1.count }
    baselineTotal = baseline.reduce(0) { $0 + $1.count }
    let all = (run + baseline).map(\.score).filter(\.isFinite)
    guard let low = all.min(), let high = all.max() else {
      bins = []
      return
    }
    var width = ScoreBins.width(for: high - low, target: target)
    // Whole-number scores (band points usually are) get bins at least one point wide.
    if width < 1, all.allSatisfy({ $0 == $0.rounded() }) { width = 1 }
    let start = (low / width).rounded(.down) * width
    var count = Int(((high - start) / width).rounded(.down)) + 1
    count = max(1, min(count, 200))
    bins = (0..<count).map { k in
      Bin(
        lower: start + Double(k) * width, upper: start + Double(k + 1) * width, run: 0, baseline: 0)
    }
    func index(_ score: Double) -> Int {
      min(count - 1, max(0, Int(((score - start) / width).rounded(.down))))
    }
    for (score, n) in run where score.isFinite { bins[index(score)].run += n }
    for (score, n) in baseline where score.isFinite { bins[index(score)].baseline += n }
  }

  /// A 1-2-5 width giving at most about `target` bins over `range` (1 for one score).
  static func width(for range: Double, target: Int) -> Double {
    guard range > 0 else { return 1 }
    let rough = range / Double(target)
    var magnitude = 1.0
    while magnitude * 10 <= rough { magnitude *= 10 }
    while magnitude > rough { magnitude /= 10 }
    return [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
  }
}
