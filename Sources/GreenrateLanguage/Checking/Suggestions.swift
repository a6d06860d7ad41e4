/// "Did you mean" guesses for misspelt names, by edit distance: the one algorithm behind
/// every guess greenrate makes (rule-file names, keywords, types, functions, and the
/// fields of `rescore --set`).
///
/// A guess is the candidate closest to the name, if it is within a third of the name's
/// length in edits (rounded up, at most 3; transpositions of neighbours count as one
/// edit). Ties go to the candidate added first.
///
/// The candidates are kept by length, so a guess looks only at candidates whose length is
/// within the limit, and each distance is computed in a band of the limit's width with an
/// early stop, so one comparison costs O(length) at most. A rule file with many errors
/// and many names could still ask for errors × names comparisons, so a guesser has a
/// budget of work: once it is spent, later names get no guess (their errors are reported
/// all the same). Checking therefore stays linear however hostile the file.
package struct Suggestions: Sendable {
  /// The candidates in the order added, as scalars.
  private var names: [[Unicode.Scalar]] = []
  private var strings: [String] = []
  /// Positions in `names` by scalar count.
  private var byLength: [Int: [Int]] = [:]
  /// Units of work left: one per candidate looked at and one per distance cell.
  private var budget: Int

  /// Work a guesser may spend over its life: enough for thousands of errors among
  /// thousands of names, and a fraction of a second.
  package static let defaultBudget = 20_000_000

  package init(budget: Int = Suggestions.defaultBudget) {
    self.budget = budget
  }

  /// A guesser over these candidates, in order.
  package init<S: Sequence>(_ candidates: S, budget: Int = Suggestions.defaultBudget)
  where S.Element == String {
    self.budget = budget
    for candidate in candidates { add(candidate) }
  }

  /// Adds a candidate; it loses ties to every candidate added before it.
  package mutating func add(_ name: String) {
    let scalars = Array(name.unicodeScalars)
    byLength[scalars.count, default: []].append(names.count)
    names.append(scalars)
    strings.append(name)
  }

  /// The candidate closest to `name`, if one is close enough to be a likely typo (never
  /// `name` itself); nil also when the budget is spent.
  package mutating func closest(to name: String) -> String? {
    closestMatch(to: name)?.name
  }

  /// The closest candidate that `accept` allows, and its distance from `name`.
  package mutating func closestMatch(
    to name: String, where accept: (String) -> Bool = { _ in true }
  ) -> (name: String, distance: Int)? {
    let target = Array(name.unicodeScalars)
    let limit = Suggestions.limit(forLength: target.count)
    var best: (position: Int, distance: Int)?
    for length in max(0, target.count - limit)...(target.count + limit) {
      guard let positions = byLength[length] else { continue }
      for position in positions {
        if budget <= 0 { return nil }
        budget -= 1
        // A worse or equal distance cannot win against an earlier candidate.
        let bound = best.map { $0.distance - ($0.position < position ? 1 : 0) } ?? limit
        let candidate = names[position]
        if candidate == target { continue }
        budget -= (2 * bound + 1) * (candidate.count + 1)
        guard let d = Suggestions.distance(target, candidate, atMost: bound) else { continue }
        guard accept(strings[position]) else { continue }
        if best.map({ d < $0.distance || (d == $0.distance && position < $0.position) }) ?? true {
          best = (position, d)
        }
      }
    }
    return best.map { (strings[$0.position], $0.distance) }
  }

  /// The closest of a short fixed list of candidates (keywords, types, fields).
  package static func closest(to name: String, among candidates: [String]) -> String? {
    var guesser = Suggestions(candidates)
    return guesser.closest(to: name)
  }

  /// The most edits a guess may be away from a name of `length` scalars.
  static func limit(forLength length: Int) -> Int {
    max(1, min(3, (length + 2) / 3))
  }

  /// The optimal string alignment distance (insertions, deletions, substitutions and
  /// swaps of neighbours each cost one) when it is at most `bound`; nil otherwise.
  ///
  /// Only cells within `bound` of the diagonal can hold a distance within the bound, so
  /// a row costs O(bound), and the search stops at the first row whose cells all exceed it.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
    if abs(a.count - b.count) > bound { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    let over = bound + 1
    let width = b.count + 1
    // Three rows: two back (for swaps), one back, and the current one.
    var twoBack = [Int](repeating: over, count: width)
    var oneBack = [Int](repeating: over, count: width)
    var row = [Int](repeating: over, count: width)
    for j in 0...min(b.count, bound) { oneBack[j] = j }
    for i in 1...a.count {
      let lo = max(1, i - bound)
      let hi = min(b.count, i + bound)
      // Cells just outside the band are read by the next rows: mark them out of reach.
      row[lo - 1] = lo == 1 && i <= bound ? i : over
      if hi < b.count { row[hi + 1] = over }
      var smallest = row[lo - 1]
      if lo <= hi {
        for j in lo...hi {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          var d = min(oneBack[j] + 1, row[j - 1] + 1, oneBack[j - 1] + cost)
          if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
            d = min(d, twoBack[j - 2] + 1)
          }
          row[j] = min(d, over)
          smallest = min(smallest, row[j])
        }
      }
      if smallest > bound { return nil }
      (twoBack, oneBack, row) = (oneBack, row, twoBack)
    }
    let d = oneBack[b.count]
    return d <= bound ? d : nil
  }
}
