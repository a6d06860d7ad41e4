/// For the bands of one block in order, the first earlier band that covers each one (see
/// `Linter.covers`), found in O(n log n) rather than by comparing every pair: a rating
/// block of 100,000 bands took minutes pairwise.
///
/// An earlier band covers a later one when it is `true`, when it is the same condition
/// written the same way, or when both compare the same operand with a number and the
/// earlier bound takes in the later one. The first two are looked up by hash. For the
/// bounds, only the bands that set a new loosest bound of their operator can be the
/// first to cover anything (an earlier band with a bound as loose would have covered it
/// first), so each operand and operator keeps those records, in order: their bounds
/// only grow looser, and the first record loose enough is found by binary search.
struct BandCoverage {
  /// One comparison of a band with a number: `operand op bound`.
  private struct Record {
    var bound: Double
    var index: Int
  }

  /// The records of one operand, by operator.
  private struct Bounds {
    /// `>=` and `>`: bounds only falling (prefix minima).
    var greaterEqual: [Record] = []
    var greater: [Record] = []
    /// `<=` and `<`: bounds only rising (prefix maxima).
    var lessEqual: [Record] = []
    var less: [Record] = []
    /// `==`: the first band of each number.
    var equal: [Double: Int] = [:]
  }

  private var firstTrue: Int?
  private var firstByText: [String: Int] = [:]
  private var bounds: [String: Bounds] = [:]
  private var count = 0

  /// The index (among the bands added so far) of the first band covering `condition`;
  /// nil if none does. Call before `add` of the same band.
  func firstCovering(_ condition: SyntaxExpr) -> Int? {
    var best = firstTrue
    func consider(_ index: Int?) {
      guard let index else { return }
      if best.map({ index < $0 }) ?? true { best = index }
    }
    let later = Linter.unwrapped(condition)
    if let text = BandCoverage.text(later) { consider(firstByText[text]) }
    guard let (op, operand, y) = BandCoverage.comparison(later), let b = bounds[operand] else {
      return best
    }
    // `operand op y` implies the earlier `operand opA x` when (see `Linter.covers`):
    let check = { (records: [Record], loose: (Double) -> Bool) in
      consider(BandCoverage.first(records, where: loose))
    }
    switch op {
    case .lessEqual:
      check(b.lessEqual) { x in y <= x }
      check(b.less) { x in y < x }
    case .less:
      check(b.lessEqual) { x in y <= x }
      check(b.less) { x in y <= x }
    case .greaterEqual:
      check(b.greaterEqual) { x in y >= x }
      check(b.greater) { x in y > x }
    case .greater:
      check(b.greaterEqual) { x in y >= x }
      check(b.greater) { x in y >= x }
    case .equal:
      check(b.lessEqual) { x in y <= x }
      check(b.less) { x in y < x }
      check(b.greaterEqual) { x in y >= x }
      check(b.greater) { x in y > x }
      consider(b.equal[y])
    case .notEqual:
      break
    }
    return best
  }

  /// Adds the next band's condition as a possible cover of the bands after it.
  mutating func add(_ condition: SyntaxExpr) {
    let index = count
    count += 1
    let earlier = Linter.unwrapped(condition)
    if case .bool(true, _) = earlier, firstTrue == nil { firstTrue = index }
    if let text = BandCoverage.text(earlier), firstByText[text] == nil {
      firstByText[text] = index
    }
    guard let (op, operand, x) = BandCoverage.comparison(earlier) else { return }
    let record = Record(bound: x, index: index)
    switch op {
    case .greaterEqual:
      if bounds[operand, default: Bounds()].greaterEqual.last.map({ x < $0.bound }) ?? true {
        bounds[operand, default: Bounds()].greaterEqual.append(record)
      }
    case .greater:
      if bounds[operand, default: Bounds()].greater.last.map({ x < $0.bound }) ?? true {
        bounds[operand, default: Bounds()].greater.append(record)
      }
    case .lessEqual:
      if bounds[operand, default: Bounds()].lessEqual.last.map({ x > $0.bound }) ?? true {
        bounds[operand, default: Bounds()].lessEqual.append(record)
      }
    case .less:
      if bounds[operand, default: Bounds()].less.last.map({ x > $0.bound }) ?? true {
        bounds[operand, default: Bounds()].less.append(record)
      }
    case .equal:
      if bounds[operand, default: Bounds()].equal[x] == nil {
        bounds[operand, default: Bounds()].equal[x] = index
      }
    case .notEqual:
      break
    }
  }

  /// The first record whose bound is loose enough: records only loosen, so once one is,
  /// every later one is too.
  private static func first(_ records: [Record], where loose: (Double) -> Bool) -> Int? {
    var low = 0
    var high = records.count
    while low < high {
      let mid = (low + high) / 2
      if loose(records[mid].bound) { high = mid } else { low = mid + 1 }
    }
    return low < records.count ? records[low].index : nil
  }

  /// `operand op number` as the operand's text, the operator and the number.
  private static func comparison(_ e: SyntaxExpr) -> (ComparisonOperator, String, Double)? {
    guard case .comparison(let op, let left, let right, _) = e,
      case .number(let value, _, _) = Linter.unwrapped(right),
      let operand = text(Linter.unwrapped(left))
    else { return nil }
    return (op, operand, value)
  }

  private static func text(_ e: SyntaxExpr) -> String? {
    Linter.text(e)
  }
}
