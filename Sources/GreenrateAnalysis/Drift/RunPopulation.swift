import GreenrateEngine
import GreenrateStore

/// One run's population as drift sees it: its scores (as a histogram of exact values),
/// how many merchants got each rating, and per factor how many matched each band.
package struct RunPopulation: Sendable {
  package var run: RunInfo
  /// Factor names and band counts as the run's rule file declared them.
  package var layout: StoredRunLayout
  package var scores = ValueHistogram()
  /// Merchants per rating label.
  package var ratings: [String: Int] {
    var counts: [String: Int] = [:]
    for (i, n) in labelCounts.enumerated() where n > 0 && i < labelNames.count {
      counts[labelNames[i], default: 0] += n
    }
    return counts
  }
  /// Merchants per label index of the reader (see `RatingRows.ratingNames`): counted by
  /// index, so no label is hashed per merchant.
  private var labelCounts: [Int] = []
  private var labelNames: [String] = []
  /// Per factor (in `layout.factors` order), merchants per band.
  package var bands: [[Int]]

  package init(run: RunInfo, layout: StoredRunLayout) {
    self.run = run
    self.layout = layout
    bands = layout.factors.map { Array(repeating: 0, count: $0.points.count) }
  }

  /// Rated merchants.
  package var count: Int { scores.count }

  /// Rating labels in the run's rating order, first occurrence of each.
  package var ratingLabels: [String] {
    var seen: Set<String> = []
    return (run.ratingCounts.map(\.label) + ratings.keys.sorted()).filter {
      seen.insert($0).inserted
    }
  }

  /// Adds one chunk's rows of this run.
  mutating func add(_ rows: RatingRows, row: Int, bandsScratch: inout [Int]) {
    scores.add(rows.scores[row])
    let label = rows.ratings[row]
    if label >= labelCounts.count {
      labelCounts += Array(repeating: 0, count: label + 1 - labelCounts.count)
    }
    labelCounts[label] += 1
    if labelNames.count < rows.ratingNames.count { labelNames = rows.ratingNames }
    let n = min(rows.bands(row: row, into: &bandsScratch), bands.count)
    for f in 0..<n {
      let band = bandsScratch[f]
      if band >= 0 && band < bands[f].count { bands[f][band] += 1 }
    }
  }
}
