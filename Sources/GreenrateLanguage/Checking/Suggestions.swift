/// "Did you mean" guesses for misspelt names, by edit distance.
enum Suggestions {
  /// The candidate closest to `name`, if one is close enough to be a likely typo:
  /// within a third of the name's length in edits, rounded up, transpositions
  /// counting as one edit. Ties go to the earlier candidate.
  static func closest(to name: String, among candidates: [String]) -> String? {
    let target = Array(name.unicodeScalars)
    let limit = max(1, min(3, (target.count + 2) / 3))
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let d = distance(target, Array(candidate.unicodeScalars))
      if d <= limit, best.map({ d < $0.distance }) ?? true {
        best = (candidate, d)
      }
    }
    return best?.name
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and
  /// swaps of neighbours each cost one.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    var rows = [Int](repeating: 0, count: (a.count + 1) * width)
    for j in 0...b.count { rows[j] = j }
    for i in 1...a.count {
      rows[i * width] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(
          rows[(i - 1) * width + j] + 1, rows[i * width + j - 1] + 1,
          rows[(i - 1) * width + j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d = min(d, rows[(i - 2) * width + j - 2] + 1)
        }
        rows[i * width + j] = d
      }
    }
    return rows[a.count * width + b.count]
  }
}
