/// Long chains — `a + b + c + …`, `a and b and …`, `a ?? b ?? …` — compiled into loops.
///
/// The contract limits nesting to 256 levels but not the length of such a flat chain, so a
/// chain is a tree of any depth. Compiled node by node it would nest closures as deep, and
/// a deep enough chain would exhaust the stack while compiling or evaluating; a loop
/// evaluates it in the same order at a constant depth. Short chains keep their
/// specialised closures.
extension Compiler {
  /// Chains with more links than this are compiled into loops.
  static let longChain = 32

  /// One `op operand` step of an arithmetic chain.
  struct ArithmeticLink {
    let op: ArithmeticOperator
    let operand: ScalarOperand
    let location: SourceLocation
  }

  /// A left-deep chain of arithmetic with more than `longChain` operators, as its first
  /// operand and its links in evaluation order; nil for anything shorter.
  func arithmeticChain(_ expr: CheckedExpr)
    -> (first: CheckedExpr, links: [(ArithmeticOperator, CheckedExpr, SourceLocation)])?
  {
    var links: [(ArithmeticOperator, CheckedExpr, SourceLocation)] = []
    var node = expr
    while case .arithmetic(let op, let left, let right) = node.node {
      links.append((op, right, node.location))
      node = left
    }
    guard links.count > Self.longChain else { return nil }
    return (node, links.reversed())
  }

  /// A long arithmetic chain as a loop (left to right, failing as each operator would).
  func arithmeticLoop(
    _ first: CheckedExpr, _ links: [(ArithmeticOperator, CheckedExpr, SourceLocation)]
  ) -> NumberCode {
    let start = scalarOperand(first)
    let steps = links.map {
      ArithmeticLink(op: $0.0, operand: scalarOperand($0.1), location: $0.2)
    }
    return { f in
      var x = Self.value(start, f)
      for step in steps {
        let y = Self.value(step.operand, f)
        let v: Double
        switch step.op {
        case .add: v = x + y
        case .subtract: v = x - y
        case .multiply: v = x * y
        case .divide: v = x / y
        }
        x = v.isFinite ? v : Self.arithmeticFailure(f, step.op == .divide, y, step.location)
      }
      return x
    }
  }

  /// The operands of a left-deep `and` (or `or`) chain longer than `longChain`, in order.
  func logicalChain(_ expr: CheckedExpr, isAnd: Bool) -> [CheckedExpr]? {
    var operands: [CheckedExpr] = []
    var node = expr
    while true {
      switch node.node {
      case .and(let left, let right) where isAnd:
        operands.append(right)
        node = left
        continue
      case .or(let left, let right) where !isAnd:
        operands.append(right)
        node = left
        continue
      default:
        break
      }
      break
    }
    operands.append(node)
    guard operands.count > Self.longChain + 1 else { return nil }
    return operands.reversed()
  }

  /// A long `and`/`or` chain as a loop, stopping at the first operand that decides it.
  func logicalLoop(_ operands: [CheckedExpr], isAnd: Bool) -> BoolCode {
    let conditions = operands.map { Condition(test: boolCode(boolOperand($0))) }
    return { f in
      for condition in conditions where condition.test(f) != isAnd { return !isAnd }
      return isAnd
    }
  }

  /// The operands of a right-deep `??` chain longer than `longChain`, in order, up to the
  /// first that cannot be missing (those after it are never evaluated).
  func coalesceChain(_ expr: CheckedExpr) -> [CheckedExpr]? {
    var operands: [CheckedExpr] = []
    var node = expr
    while case .coalesce(let x, let y) = node.node {
      operands.append(x)
      if !x.type.isOptional { break }
      node = y
    }
    if case .coalesce = node.node {
    } else {
      operands.append(node)
    }
    guard operands.count > Self.longChain + 1 else { return nil }
    return operands
  }

  /// A long `??` chain of scalars as a loop: the first operand that is not missing.
  func scalarCoalesceLoop(_ operands: [CheckedExpr]) -> NumberCode {
    let values = operands.map(scalarOperand)
    return { f in
      var v = Double.nan
      for operand in values {
        v = Self.value(operand, f)
        if !v.isNaN { break }
      }
      return v
    }
  }

  /// A long `??` chain of texts as a loop: the first operand that is not missing.
  func textCoalesceLoop(_ operands: [CheckedExpr]) -> TextCode {
    let values = operands.map { TextItem(value: text($0)) }
    return { f in
      for operand in values {
        if let t = operand.value(f) { return t }
      }
      return nil
    }
  }
}
