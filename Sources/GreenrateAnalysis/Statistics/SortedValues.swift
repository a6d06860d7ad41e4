/// A multiset of doubles in ascending order: each distinct value and how many times it
/// occurs. Answers ranks ("the value at sorted position i") without expanding.
package struct SortedValues: Sendable, Equatable {
  /// Distinct values, ascending.
  package let values: [Double]
  /// How many times each of `values` occurs.
  package let counts: [Int]
  /// `ends[i]` = number of values ≤ `values[i]`.
  private let ends: [Int]

  package init(values: [Double], counts: [Int]) {
    self.values = values
    self.counts = counts
    var ends: [Int] = []
    ends.reserveCapacity(counts.count)
    var total = 0
    for n in counts {
      total += n
      ends.append(total)
    }
    self.ends = ends
  }

  /// How many values there are (with repeats).
  package var total: Int { ends.last ?? 0 }

  /// The value at position `index` (0-based) of the sorted list with repeats.
  package func value(at index: Int) -> Double {
    var lo = 0
    var hi = ends.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if ends[mid] > index { hi = mid } else { lo = mid + 1 }
    }
    return values[lo]
  }

  /// The contract's nearest rank: `v[ceil(p * n / 100) - 1]` for a whole `p` in
  /// 1...100; 0 when empty.
  package func percentile(_ p: Int) -> Double {
    let n = total
    guard n > 0 else { return 0 }
    return value(at: Swift.max(0, NearestRank.index(p, of: 100, count: n)))
  }

  /// The mean, summed in ascending order (so the same for every order of arrival).
  package var mean: Double {
    let n = total
    guard n > 0 else { return 0 }
    var sum = 0.0
    for (x, c) in zip(values, counts) { sum += x * Double(c) }
    return sum / Double(n)
  }

  package var min: Double { values.first ?? 0 }
  package var max: Double { values.last ?? 0 }
}

/// The contract's nearest-rank index, in integers: `ceil(k * n / parts) - 1`.
package enum NearestRank {
  package static func index(_ k: Int, of parts: Int, count n: Int) -> Int {
    (k * n + parts - 1) / parts - 1
  }
}
