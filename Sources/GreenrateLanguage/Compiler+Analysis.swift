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
    switch expr.node {
    case .number, .text, .bool, .date: return true
    case .reference(let symbol):
      if case .constant = place(of: symbol) { return true }
      return false
    case .call(let function, let args):
      switch function {
      case .yearsSince, .daysSince: return false
      default: return args.allSatisfy(isConstant)
      }
    default:
      return Self.children(of: expr.node).allSatisfy(isConstant)
    }
  }

  /// Whether evaluating `expr` could raise a runtime error.
  func mayFail(_ expr: CheckedExpr) -> Bool {
    switch expr.node {
    case .arithmetic: return true
    case .call(let function, let args):
      switch function {
      case .sqrt, .ln, .log10, .round: return true
      default: return args.contains(where: mayFail)
      }
    default:
      return Self.children(of: expr.node).contains(where: mayFail)
    }
  }

  /// For each let, whether any expression of the rule set reads it.
  func referencedLets() -> [Bool] {
    var used = Array(repeating: false, count: rules.lets.count)
    func visit(_ expr: CheckedExpr) {
      if case .reference(.letValue(let i)) = expr.node, i < used.count { used[i] = true }
      for child in Self.children(of: expr.node) { visit(child) }
    }
    for l in rules.lets { visit(l.expr) }
    for factor in rules.factors {
      for band in factor.bands { band.condition.map(visit) }
    }
    for rule in rules.knockouts { visit(rule.condition) }
    for band in rules.rating { band.condition.map(visit) }
    for rule in rules.denials { visit(rule.condition) }
    for output in rules.outputs { visit(output.expr) }
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
