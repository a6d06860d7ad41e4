/// Numbers, dates and optional bools: code returning a `Double` (NaN is missing).
extension Compiler {
  /// A scalar operand in the shape specialised closures are built for.
  enum ScalarOperand {
    case constant(Double)
    case slot(Int)
    /// `slot ?? constant`: common enough (`(x ?? 0) > 1`) to spare its own closure.
    case slotOr(Int, Double)
    case code(NumberCode)
  }

  /// Code for any number, date or bool expression, optional or not.
  func scalar(_ expr: CheckedExpr) -> NumberCode {
    if let x = foldedScalar(expr) { return { _ in x } }
    return scalarNode(expr)
  }

  /// `expr` as a constant, a register, or else code.
  func scalarOperand(_ expr: CheckedExpr) -> ScalarOperand {
    if let x = foldedScalar(expr) { return .constant(x) }
    switch expr.node {
    case .reference(let symbol):
      switch place(of: symbol) {
      case .scalar(let s): return .slot(s)
      case .constant(.scalar(let x)): return .constant(x)
      default: break
      }
    case .coalesce(let x, let y) where x.type.isOptional:
      // Only a constant `y` is looked at here: `y` may be the rest of a long `??` chain.
      if case .reference = x.node, case .slot(let s) = scalarOperand(x),
        let c = foldedScalar(y)
      {
        return .slotOr(s, c)
      }
    default: break
    }
    return .code(scalarNode(expr))
  }

  /// `if c then a else b` of scalars.
  func conditional(_ c: CheckedExpr, _ a: CheckedExpr, _ b: CheckedExpr) -> NumberCode {
    let condition = boolCode(boolOperand(c))
    // Each branch is compiled once: compiling it again for the general case made
    // `if` nested in `then` branches take time exponential in the depth.
    let first = scalarOperand(a)
    let second = scalarOperand(b)
    if case .constant(let x) = first, case .constant(let y) = second {
      return { f in condition(f) ? x : y }
    }
    let whenTrue = code(first)
    let whenFalse = code(second)
    return { f in condition(f) ? whenTrue(f) : whenFalse(f) }
  }

  /// The value of an operand, computed in place (calling code only for `.code`).
  @inline(__always)
  static func value(_ operand: ScalarOperand, _ f: Frame) -> Double {
    switch operand {
    case .constant(let x): return x
    case .slot(let s): return f.scalars[s]
    case .slotOr(let s, let d):
      let v = f.scalars[s]
      return v.isNaN ? d : v
    case .code(let c): return c(f)
    }
  }

  /// Code for an operand, whatever its shape.
  func code(_ operand: ScalarOperand) -> NumberCode {
    switch operand {
    case .constant(let x): return { _ in x }
    case .slot(let s): return { f in f.scalars[s] }
    case .slotOr(let s, let c):
      return { f in
        let v = f.scalars[s]
        return v.isNaN ? c : v
      }
    case .code(let c): return c
    }
  }

  /// Code for the node itself, without folding it.
  func scalarNode(_ expr: CheckedExpr) -> NumberCode {
    switch expr.node {
    case .number(let x):
      return { _ in x }
    case .date(let day):
      let x = Double(day)
      return { _ in x }
    case .reference:
      return code(scalarOperand(expr))
    case .negate(let x):
      switch scalarOperand(x) {
      case .slot(let s): return { f in -f.scalars[s] }
      case .constant(let c):
        let v = -c
        return { _ in v }
      case let operand:
        let c = code(operand)
        return { f in -c(f) }
      }
    case .arithmetic(let op, let a, let b):
      if let chain = arithmeticChain(expr) { return arithmeticLoop(chain.first, chain.links) }
      return arithmetic(op, scalarOperand(a), scalarOperand(b), at: expr.location)
    case .lookup(let table, let key):
      return scalarLookup(table, key)
    case .call(let function, let args) where !Self.isPredicate(function):
      return numberCall(function, args, at: expr.location)
    case .coalesce(let x, let y):
      return scalarCoalesce(x, y)
    case .conditional(let c, let a, let b):
      return conditional(c, a, b)
    default:
      let b = boolCode(boolOperand(expr))
      return { f in b(f) ? 1 : 0 }
    }
  }

  private func arithmetic(
    _ op: ArithmeticOperator, _ l: ScalarOperand, _ r: ScalarOperand, at location: SourceLocation
  ) -> NumberCode {
    switch op {
    case .add: return arithmetic(AddOperation.self, l, r, divides: false, at: location)
    case .subtract: return arithmetic(SubtractOperation.self, l, r, divides: false, at: location)
    case .multiply: return arithmetic(MultiplyOperation.self, l, r, divides: false, at: location)
    case .divide: return arithmetic(DivideOperation.self, l, r, divides: true, at: location)
    }
  }

  /// `a op b`, failing the record when the result is not finite (a zero divisor first).
  private func arithmetic<Op: ScalarOperation>(
    _: Op.Type, _ l: ScalarOperand, _ r: ScalarOperand, divides: Bool, at location: SourceLocation
  ) -> NumberCode where Op.Result == Double {
    switch (l, r) {
    case (.slot(let a), .constant(let c)):
      return { f in
        let v = Op.apply(f.scalars[a], c)
        return v.isFinite ? v : Self.arithmeticFailure(f, divides, c, location)
      }
    case (.constant(let c), .slot(let b)):
      return { f in
        let y = f.scalars[b]
        let v = Op.apply(c, y)
        return v.isFinite ? v : Self.arithmeticFailure(f, divides, y, location)
      }
    case (.slot(let a), .slot(let b)):
      return { f in
        let y = f.scalars[b]
        let v = Op.apply(f.scalars[a], y)
        return v.isFinite ? v : Self.arithmeticFailure(f, divides, y, location)
      }
    case (.slotOr(let a, let d), .constant(let c)):
      return { f in
        let x = f.scalars[a]
        let v = Op.apply(x.isNaN ? d : x, c)
        return v.isFinite ? v : Self.arithmeticFailure(f, divides, c, location)
      }
    case (.code(let a), .constant(let c)):
      return { f in
        let v = Op.apply(a(f), c)
        return v.isFinite ? v : Self.arithmeticFailure(f, divides, c, location)
      }
    case (.constant(let c), .code(let b)):
      return { f in
        let y = b(f)
        let v = Op.apply(c, y)
        return v.isFinite ? v : Self.arithmeticFailure(f, divides, y, location)
      }
    case (.code(let a), .slot(let b)):
      return { f in
        let x = a(f)
        let y = f.scalars[b]
        let v = Op.apply(x, y)
        return v.isFinite ? v : Self.arithmeticFailure(f, divides, y, location)
      }
    default:
      let a = code(l)
      let b = code(r)
      return { f in
        let x = a(f)
        let y = b(f)
        let v = Op.apply(x, y)
        return v.isFinite ? v : Self.arithmeticFailure(f, divides, y, location)
      }
    }
  }

  @inline(never)
  static func arithmeticFailure(
    _ f: Frame, _ divides: Bool, _ divisor: Double, _ location: SourceLocation
  ) -> Double {
    f.fail(at: location, divides && divisor == 0 ? "division by zero" : "result is not finite")
    return .nan
  }

  private func scalarLookup(_ table: Int, _ key: CheckedExpr) -> NumberCode {
    guard case .scalar(let keys, let values, let miss) = tables[table] else {
      return { _ in .nan }
    }
    // `t[u[k]]` with a text table `u`: one lookup in a table composed now, mapping each
    // key of `u` to t's value at u's value (and anything else to t's value at u's
    // default, or t's missing/default value when u has no default).
    if case .lookup(let inner, let innerKey) = key.node,
      case .text(let innerKeys, let innerValues, let innerMiss) = tables[inner]
    {
      @Sendable func outer(_ k: Text?) -> Double {
        guard let k else { return miss }
        let i = keys.index(of: k)
        return i >= 0 ? values[i] : miss
      }
      return scalarLookup(innerKeys, innerValues.map(outer), outer(innerMiss), innerKey)
    }
    return scalarLookup(keys, values, miss, key)
  }

  /// A lookup of `key` among `keys`, giving the value of the same index or `miss`.
  private func scalarLookup(
    _ keys: TextMatcher, _ values: [Double], _ miss: Double, _ key: CheckedExpr
  ) -> NumberCode {
    switch textOperand(key) {
    case .input(let s):
      return { f in
        let i = keys.index(at: f.inputTexts + s)
        return i >= 0 ? values[i] : miss
      }
    case .register(let s):
      return { f in
        let i = keys.index(at: f.texts + s)
        return i >= 0 ? values[i] : miss
      }
    case let operand:
      let k = textCode(operand)
      return { f in
        guard let k = k(f) else { return miss }
        let i = keys.index(of: k)
        return i >= 0 ? values[i] : miss
      }
    }
  }

  private func scalarCoalesce(_ x: CheckedExpr, _ y: CheckedExpr) -> NumberCode {
    if !x.type.isOptional { return scalar(x) }
    let whole = CheckedExpr(type: y.type, location: x.location, node: .coalesce(x, y))
    if let chain = coalesceChain(whole) { return scalarCoalesceLoop(chain) }
    let first = scalarOperand(x)
    let second = scalarOperand(y)
    switch (first, second) {
    case (.slot(let s), .constant(let c)):
      return { f in
        let v = f.scalars[s]
        return v.isNaN ? c : v
      }
    case (.slot(let s), _):
      let other = code(second)
      return { f in
        let v = f.scalars[s]
        return v.isNaN ? other(f) : v
      }
    case (_, .constant(let c)):
      let a = code(first)
      return { f in
        let v = a(f)
        return v.isNaN ? c : v
      }
    default:
      let a = code(first)
      let b = code(second)
      return { f in
        let v = a(f)
        return v.isNaN ? b(f) : v
      }
    }
  }
}
