/// The rating bands' labels numbered for tests of the rating: `rating == "x"` and
/// `rating in [...]` compile to a comparison of numbers, decided without a table of all
/// labels per test (with 100,000 bands and as many tests, those tables were quadratic
/// in time and took gigabytes).
struct RatingLabelIDs {
  /// For each band, the index of the first band with the same label.
  let ids: [Int]
  /// Each label's id (the index of its first band).
  private let byLabel: [Text: Int]

  init(_ labels: [Text]) {
    var byLabel: [Text: Int] = [:]
    byLabel.reserveCapacity(labels.count)
    var ids: [Int] = []
    ids.reserveCapacity(labels.count)
    for (i, label) in labels.enumerated() {
      if let first = byLabel[label] {
        ids.append(first)
      } else {
        byLabel[label] = i
        ids.append(i)
      }
    }
    self.ids = ids
    self.byLabel = byLabel
  }

  /// The id of `label`; nil when no band gives it.
  func id(of label: Text) -> Int? {
    byLabel[label]
  }
}
