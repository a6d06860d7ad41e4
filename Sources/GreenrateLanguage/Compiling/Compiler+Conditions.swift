/// Non-optional bools: code returning a Swift `Bool`, so conditions never round-trip
/// through a double.
extension Compiler {
  /// Code for a `bool` expression (never missing).
  func bool(_ expr: CheckedExpr) -> BoolCode {
    if let x = foldedScalar(expr) {
      let b = x != 0
      return { _ in b }
    }
    return boolNode(expr)
  }

  /// Code for the node itself, without folding it.
  func boolNode(_ expr: CheckedExpr) -> BoolCode {
    switch expr.node {
    case .bool(let b):
      return { _ in b }
    case .not(let x):
      return boolCode(boolOperand(x).negated)
    case .and(let a, let b):
      return logical(a, b, isAnd: true)
    case .or(let a, let b):
      return logical(a, b, isAnd: false)
    case .comparison(let op, let a, let b):
      return comparison(op, a, b)
    case .inSet(let x, let s):
      return membership(x, s)
    case .inTable(let table, let key):
      return tableMembership(table, key)
    case .isMissing(let x, let negated):
      return isMissing(x, negated: negated)
    case .call(let function, let args) where Self.isPredicate(function):
      return predicateCall(function, args)
    case .conditional(let c, let a, let b):
      let condition = boolCode(boolOperand(c))
      let whenTrue = bool(a)
      let whenFalse = bool(b)
      return { f in condition(f) ? whenTrue(f) : whenFalse(f) }
    case .coalesce(let x, let y):
      if !x.type.isOptional { return bool(x) }
      if coalesceChain(expr) != nil {
        let chain = scalarNode(expr)
        return { f in chain(f) != 0 }
      }
      if case .slot(let s) = scalarOperand(x), let d = foldedScalar(y) {
        return boolCode(.orDefault(s, d != 0, negated: false))
      }
      let first = code(scalarOperand(x))
      let second = bool(y)
      return { f in
        let v = first(f)
        return v.isNaN ? second(f) : v != 0
      }
    case .reference:
      switch scalarOperand(expr) {
      case .slot(let s): return { f in f.scalars[s] != 0 }
      case .constant(let x):
        let b = x != 0
        return { _ in b }
      case let operand:
        let c = code(operand)
        return { f in c(f) != 0 }
      }
    default:
      let s = scalarNode(expr)
      return { f in s(f) != 0 }
    }
  }

  /// `a and b` / `a or b`, short-circuiting; simple operands are tested in place.
  private func logical(_ a: CheckedExpr, _ b: CheckedExpr, isAnd: Bool) -> BoolCode {
    let whole = CheckedExpr(type: .bool, location: a.location, node: isAnd ? .and(a, b) : .or(a, b))
    if let chain = logicalChain(whole, isAnd: isAnd) { return logicalLoop(chain, isAnd: isAnd) }
    let x = boolOperand(a)
    let y = boolOperand(b)
    // Two register tests in one closure; anything else through the operands' closures.
    if case .test(let s, let ms, let ns) = x, case .test(let t, let mt, let nt) = y {
      if isAnd {
        return { f in
          let v = f.scalars[s]
          let w = f.scalars[t]
          return (ms ? v.isNaN : v != 0) != ns && (mt ? w.isNaN : w != 0) != nt
        }
      }
      return { f in
        let v = f.scalars[s]
        let w = f.scalars[t]
        return (ms ? v.isNaN : v != 0) != ns || (mt ? w.isNaN : w != 0) != nt
      }
    }
    let q = boolCode(y)
    if let tested = leftTested(x, then: q, isAnd: isAnd) { return tested }
    let p = boolCode(x)
    if isAnd { return { f in p(f) && q(f) } }
    return { f in p(f) || q(f) }
  }

  private func comparison(_ op: ComparisonOperator, _ a: CheckedExpr, _ b: CheckedExpr)
    -> BoolCode
  {
    switch a.type.base {
    case .text:
      return textEquality(a, b, negated: op == .notEqual)
    case .set:
      let x = set(a)
      let y = set(b)
      let negated = op == .notEqual
      return { f in
        let s = x(f)
        return (s == y(f)) != negated
      }
    case .number, .date, .bool:
      return compare(op, scalarOperand(a), scalarOperand(b))
    }
  }

  /// A comparison of two scalar operands, bound to its operator.
  func compare(_ op: ComparisonOperator, _ l: ScalarOperand, _ r: ScalarOperand) -> BoolCode {
    switch op {
    case .less: return compare(LessOperation.self, l, r)
    case .lessEqual: return compare(LessEqualOperation.self, l, r)
    case .greater: return compare(GreaterOperation.self, l, r)
    case .greaterEqual: return compare(GreaterEqualOperation.self, l, r)
    case .equal: return compare(EqualOperation.self, l, r)
    case .notEqual: return compare(NotEqualOperation.self, l, r)
    }
  }

  func compare<Op: ScalarOperation>(_: Op.Type, _ l: ScalarOperand, _ r: ScalarOperand)
    -> BoolCode where Op.Result == Bool
  {
    switch (l, r) {
    case (.slot(let a), .constant(let c)): return { f in Op.apply(f.scalars[a], c) }
    case (.constant(let c), .slot(let b)): return { f in Op.apply(c, f.scalars[b]) }
    case (.slot(let a), .slot(let b)): return { f in Op.apply(f.scalars[a], f.scalars[b]) }
    case (.slotOr(let a, let d), .constant(let c)):
      return { f in
        let x = f.scalars[a]
        return Op.apply(x.isNaN ? d : x, c)
      }
    case (.code(let a), .constant(let c)): return { f in Op.apply(a(f), c) }
    case (.constant(let c), .code(let b)): return { f in Op.apply(c, b(f)) }
    default:
      let a = code(l)
      let b = code(r)
      return { f in
        let x = a(f)
        return Op.apply(x, b(f))
      }
    }
  }

  private func textEquality(_ a: CheckedExpr, _ b: CheckedExpr, negated: Bool) -> BoolCode {
    let l = textOperand(a)
    let r = textOperand(b)
    switch (l, r) {
    case (.rating, .constant(let c)), (.constant(let c), .rating):
      // By label id: a table over every label per test was quadratic in labels × tests.
      let ids = ratingLabelIDs.ids
      let target = c.flatMap(ratingLabelIDs.id(of:)) ?? -1
      return { f in
        let i = f.ratingIndex
        return i < ids.count ? (ids[i] == target) != negated : false
      }
    case (.constant(let c?), let operand), (let operand, .constant(let c?)):
      let match = TextMatcher([c])
      // A missing text is not equal to `c`, just like one that differs.
      switch operand {
      case .input(let s): return { f in (match.index(at: f.inputTexts + s) >= 0) != negated }
      case .register(let s): return { f in (match.index(at: f.texts + s) >= 0) != negated }
      default: break
      }
      let x = textCode(operand)
      return { f in
        guard let t = x(f) else { return negated }
        return match.contains(t) != negated
      }
    default:
      let x = textCode(l)
      let y = textCode(r)
      return { f in
        let v = x(f)
        let w = y(f)
        guard let v, let w else { return (v == nil && w == nil) != negated }
        return TextMatcher.equal(v, w) != negated
      }
    }
  }

  /// `rating in set`: a table per label when there are few labels (the fastest test),
  /// otherwise a test of the label's id against the ids of the set's items, so that
  /// compiling stays linear in labels × tests.
  private func ratingMembership(_ set: TextSet) -> BoolCode {
    guard ratingLabels.count > Self.ratingTableLimit else {
      return ratingTest(ratingLabels.map(set.contains))
    }
    let ids = ratingLabelIDs.ids
    let wanted = Set(set.items.compactMap(ratingLabelIDs.id(of:)))
    return { f in
      let i = f.ratingIndex
      return i < ids.count ? wanted.contains(ids[i]) : false
    }
  }

  /// The most rating labels for which a test of the rating gets a table of its own.
  static let ratingTableLimit = 256

  /// A test of the rating decided per label in advance.
  private func ratingTest(_ table: [Bool]) -> BoolCode {
    { f in
      let i = f.ratingIndex
      return i < table.count ? table[i] : false
    }
  }

  private func membership(_ x: CheckedExpr, _ s: CheckedExpr) -> BoolCode {
    let item = textOperand(x)
    switch (item, setOperand(s)) {
    case (.rating, .constant(let set)):
      return ratingMembership(set)
    case (.input(let slot), .constant(let set)):
      let match = TextMatcher(set.items)
      return { f in match.index(at: f.inputTexts + slot) >= 0 }
    case (.register(let slot), .constant(let set)):
      let match = TextMatcher(set.items)
      return { f in match.index(at: f.texts + slot) >= 0 }
    case (.code, .constant(let set)) where substrOfRegister(x) != nil:
      return substrMembership(x, TextMatcher(set.items))
    case (.constant(let t?), .input(let slot)):
      if let test = maskTest(t, inSet: slot) { return test }
      let match = TextMatcher([t])
      return { f in match.containsAny(of: f.inputSets + slot) }
    case (_, .constant(let set)):
      let match = TextMatcher(set.items)
      let t = textCode(item)
      return { f in
        guard let v = t(f) else { return false }
        return match.contains(v)
      }
    case (_, let operand):
      let t = textCode(item)
      let set = setCode(operand)
      return { f in
        let v = t(f)
        let s = set(f)
        guard let v else { return false }
        return s.items.contains { TextMatcher.equal($0, v) }
      }
    }
  }

  private func tableMembership(_ table: Int, _ key: CheckedExpr) -> BoolCode {
    let keys = tables[table].keys
    let operand = textOperand(key)
    switch operand {
    case .input(let s): return { f in keys.index(at: f.inputTexts + s) >= 0 }
    case .register(let s): return { f in keys.index(at: f.texts + s) >= 0 }
    default: break
    }
    let k = textCode(operand)
    return { f in
      guard let v = k(f) else { return false }
      return keys.contains(v)
    }
  }

  private func isMissing(_ x: CheckedExpr, negated: Bool) -> BoolCode {
    let missing = !negated
    if !x.type.isOptional {
      // Never missing, but evaluated all the same when that could fail the record.
      guard mayFail(x) else { return { _ in negated } }
      switch x.type.base {
      case .number, .date, .bool:
        let c = scalar(x)
        return { f in
          _ = c(f)
          return negated
        }
      case .text:
        let c = text(x)
        return { f in
          _ = c(f)
          return negated
        }
      case .set:
        let c = set(x)
        return { f in
          _ = c(f)
          return negated
        }
      }
    }
    switch x.type.base {
    case .text:
      switch textOperand(x) {
      case .input(let s): return { f in (f.inputTexts[s] == nil) == missing }
      case let operand:
        let c = textCode(operand)
        return { f in (c(f) == nil) == missing }
      }
    case .set:
      return { _ in negated }
    case .number, .date, .bool:
      switch scalarOperand(x) {
      case .slot(let s): return { f in f.scalars[s].isNaN == missing }
      case let operand:
        let c = code(operand)
        return { f in c(f).isNaN == missing }
      }
    }
  }
}
