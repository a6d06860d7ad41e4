/// Facts about expressions the compiler decides with: constness, whether they can fail,
/// which lets are read.
extension Compiler {
  /// The value of `expr` when it depends on nothing per record and evaluates without a
  /// runtime error; nil otherwise (a failing constant such as `1 / 0` stays code, so it
  /// fails each record that evaluates it, as the contract says).
  func folded(_ expr: CheckedExpr) -> Constant? {
    guard folding, isConstant(expr) else { return nil }
    var raw = self
    raw.folding = false
    scratch.reset()
    let value: Constant
    switch expr.type.base {
    case .number, .date, .bool: value = .scalar(raw.scalar(expr)(scratch))
    case .text: value = .text(raw.text(expr)(scratch))
    case .set: value = .set(raw.set(expr)(scratch))
    }
    if scratch.failed {
      scratch.reset()
      return nil
    }
    return value
  }

  /// The folded value of a scalar expression.
  func foldedScalar(_ expr: CheckedExpr) -> Double? {
    if case .scalar(let x)? = folded(expr) { return x }
    return nil
  }

  /// Whether `expr` reads nothing that changes between records (as-of included, since a
  /// program does not know the run's as-of date).
  func isConstant(_ expr: CheckedExpr) -> Bool {
    !Self.anyNode(in: expr) { node in
      switch node {
      case .reference(let symbol):
        if case .constant = place(of: symbol) { return false }
        return true
      case .call(.yearsSince, _), .call(.daysSince, _): return true
      default: return false
      }
    }
  }

  /// Whether evaluating `expr` could raise a runtime error.
  func mayFail(_ expr: CheckedExpr) -> Bool {
    Self.anyNode(in: expr) { node in
      switch node {
      case .arithmetic, .call(.sqrt, _), .call(.ln, _), .call(.log10, _), .call(.round, _):
        return true
      default: return false
      }
    }
  }

  /// Whether some node of `expr` satisfies `test`. Iterative: a chain such as
  /// `a + b + c + …` nests without limit, and must not exhaust the stack.
  static func anyNode(in expr: CheckedExpr, _ test: (CheckedNode) -> Bool) -> Bool {
    var pending = [expr]
    while let next = pending.popLast() {
      if test(next.node) { return true }
      pending += children(of: next.node)
    }
    return false
  }

  /// For each let, whether any expression of the rule set reads it.
  func referencedLets() -> [Bool] {
    var used = Array(repeating: false, count: rules.lets.count)
    forEachExpression { expr in
      _ = Self.anyNode(in: expr) { node in
        if case .reference(.letValue(let i)) = node, i < used.count { used[i] = true }
        return false
      }
    }
    return used
  }

  /// The direct subexpressions of a node.
  static func children(of node: CheckedNode) -> [CheckedExpr] {
    switch node {
    case .number, .text, .bool, .date, .reference: return []
    case .list(let items): return items
    case .lookup(_, let key), .inTable(_, let key): return [key]
    case .negate(let x), .not(let x), .isMissing(let x, _): return [x]
    case .inSet(let a, let b), .arithmetic(_, let a, let b), .comparison(_, let a, let b),
      .and(let a, let b), .or(let a, let b), .coalesce(let a, let b):
      return [a, b]
    case .conditional(let c, let a, let b): return [c, a, b]
    case .call(_, let args): return args
    }
  }
}
