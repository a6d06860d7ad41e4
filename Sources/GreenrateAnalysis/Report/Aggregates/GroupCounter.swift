/// Merchants, ratings and eligibility per value of one `--by` field.
struct GroupCounter {
  private var ids: [String: Int] = [:]
  private var values: [String] = []
  private var merchants: [Int] = []
  private var eligible: [Int] = []
  /// Per value, merchants per rating id (grown as rating ids appear).
  private var ratings: [[Int]] = []
  private var overflowed = false

  mutating func add(_ value: String, rating: Int, eligible isEligible: Bool) {
    if overflowed { return }
    let id: Int
    if let known = ids[value] {
      id = known
    } else {
      guard values.count < RunAggregates.distinctLimit else {
        overflowed = true
        ids = [:]
        return
      }
      id = values.count
      ids[value] = id
      values.append(value)
      merchants.append(0)
      eligible.append(0)
      ratings.append([])
    }
    merchants[id] += 1
    if isEligible { eligible[id] += 1 }
    while ratings[id].count <= rating { ratings[id].append(0) }
    ratings[id][rating] += 1
  }

  /// The breakdown, with rating ids mapped to label positions by `labelIndex`.
  func breakdown(field: String, labelIndex: [Int], labels: Int) -> RunAggregates.Breakdown {
    if overflowed {
      return RunAggregates.Breakdown(
        field: field, groups: [], other: nil, distinctValues: RunAggregates.distinctLimit,
        tooManyValues: true)
    }
    var all: [RunAggregates.Group] = []
    for id in 0..<values.count {
      var counts = Array(repeating: 0, count: labels)
      for (rating, n) in ratings[id].enumerated() where n > 0 { counts[labelIndex[rating]] += n }
      all.append(
        RunAggregates.Group(
          value: values[id], merchants: merchants[id], ratingCounts: counts, eligible: eligible[id])
      )
    }
    all.sort { ($0.merchants, $1.value) > ($1.merchants, $0.value) }
    let shown = Array(all.prefix(RunAggregates.groupLimit))
    var other: RunAggregates.Group?
    if all.count > shown.count {
      var rest = RunAggregates.Group(
        value: "other", merchants: 0, ratingCounts: Array(repeating: 0, count: labels), eligible: 0)
      for group in all.dropFirst(shown.count) {
        rest.merchants += group.merchants
        rest.eligible += group.eligible
        for (i, n) in group.ratingCounts.enumerated() { rest.ratingCounts[i] += n }
      }
      other = rest
    }
    return RunAggregates.Breakdown(
      field: field, groups: shown, other: other, distinctValues: values.count,
      tooManyValues: false)
  }
}
