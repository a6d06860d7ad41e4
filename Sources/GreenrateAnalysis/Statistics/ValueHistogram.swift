/// A multiset of doubles, for exact nearest-rank percentiles without keeping one double
/// per merchant.
///
/// Scores and score deltas come from rules (sums of band points), so a million
/// merchants hold a few hundred distinct values at most: the histogram keeps each
/// distinct value with its count. When the distinct values pass `distinctLimit` (rules
/// with continuous points), it spills: from then on it holds every value as a plain
/// `Double` (8 bytes each), which stays exact. Adding and merging only count, so the
/// result never depends on the order values arrive in (any `--jobs`, any chunking).
package struct ValueHistogram: Sendable {
  /// Distinct values kept as counts before spilling to a plain list.
  package static let distinctLimit = 65_536

  private var counts: [Double: Int] = [:]
  private var spilled: [Double]?
  /// How many values were added.
  package private(set) var count = 0

  package init() {}

  /// Adds `x` (finite) `times` times.
  package mutating func add(_ x: Double, times: Int = 1) {
    guard times > 0 else { return }
    count += times
    // +0 and -0 are one value (they compare and hash equal; keep +0).
    let value = x == 0 ? 0 : x
    if spilled != nil {
      spilled?.append(contentsOf: repeatElement(value, count: times))
      return
    }
    counts[value, default: 0] += times
    if counts.count > ValueHistogram.distinctLimit { spill() }
  }

  /// Adds every value of `other`.
  package mutating func merge(_ other: ValueHistogram) {
    if let list = other.spilled {
      for x in list { add(x) }
    } else {
      for (x, n) in other.counts { add(x, times: n) }
    }
  }

  private mutating func spill() {
    var list: [Double] = []
    list.reserveCapacity(count * 2)
    for (x, n) in counts { list.append(contentsOf: repeatElement(x, count: n)) }
    counts = [:]
    spilled = list
  }

  /// The distinct values in ascending order, with their counts.
  package func sorted() -> SortedValues {
    var values: [Double] = []
    var counts: [Int] = []
    if let list = spilled {
      for x in list.sorted() {
        if let last = values.last, last == x {
          counts[counts.count - 1] += 1
        } else {
          values.append(x)
          counts.append(1)
        }
      }
    } else {
      for (x, n) in self.counts.sorted(by: { $0.key < $1.key }) {
        values.append(x)
        counts.append(n)
      }
    }
    return SortedValues(values: values, counts: counts)
  }
}
