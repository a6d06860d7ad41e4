/// A `set` value: distinct texts, kept sorted by Unicode scalar values.
///
/// Sets in merchant records are tiny (a few certifications), so a sorted array beats a
/// hash set for membership and needs one allocation at most (none when empty).
package struct TextSet: Hashable, Sendable {
  /// The items, sorted by scalar values, without duplicates.
  package private(set) var items: [Text]

  package static let empty = TextSet()

  package init() { items = [] }

  /// Builds a set from items in any order, dropping duplicates.
  package init<S: Sequence>(_ texts: S) where S.Element == Text {
    var sorted = Array(texts)
    sorted.sort()
    var unique: [Text] = []
    unique.reserveCapacity(sorted.count)
    for t in sorted where unique.last != t { unique.append(t) }
    items = unique
  }

  package var count: Int { items.count }

  package func contains(_ text: Text) -> Bool {
    if items.count <= 8 {
      for item in items where item == text { return true }
      return false
    }
    var lo = 0
    var hi = items.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if items[mid] < text { lo = mid + 1 } else { hi = mid }
    }
    return lo < items.count && items[lo] == text
  }
}
