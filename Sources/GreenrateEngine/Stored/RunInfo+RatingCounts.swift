import GreenrateStore

extension RunInfo {
  /// The rule set's rating labels and how many scored records got each, in order (read
  /// from the run's stored JSON).
  package var ratingCounts: [(label: String, count: Int)] {
    let labels = StoredJSON.parse(ratingLabelsJSON)?.stringArray ?? []
    let counts = StoredJSON.parse(ratingCountsJSON)?.arrayValue ?? []
    return labels.enumerated().map { i, label in
      (label, i < counts.count ? Int(counts[i].numberValue ?? 0) : 0)
    }
  }
}
