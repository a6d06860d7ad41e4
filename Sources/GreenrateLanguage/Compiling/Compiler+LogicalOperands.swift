/// `a and b` / `a or b` whose left operand has a `BoolOperand` shape: the left test is
/// written into the closure, which calls only the right operand's code, and only when the
/// left one does not decide.
///
/// Not shared with `conditionStep` through a sink with a generic result: closures of a
/// generic result type go through reabstraction thunks and cost more than they save.
extension Compiler {
  /// The closure, or nil when `x` is not a register-shaped test.
  func leftTested(_ x: BoolOperand, then q: @escaping BoolCode, isAnd: Bool) -> BoolCode? {
    switch x {
    case .test(let s, let missing, let negated):
      if isAnd {
        return { f in
          let v = f.scalars[s]
          return (missing ? v.isNaN : v != 0) != negated && q(f)
        }
      }
      return { f in
        let v = f.scalars[s]
        return (missing ? v.isNaN : v != 0) != negated || q(f)
      }
    case .orDefault(let s, let d, let negated):
      if isAnd {
        return { f in
          let v = f.scalars[s]
          return (v.isNaN ? d : v != 0) != negated && q(f)
        }
      }
      return { f in
        let v = f.scalars[s]
        return (v.isNaN ? d : v != 0) != negated || q(f)
      }
    case .mask(let m, let bit, let negated):
      if isAnd { return { f in (f.masks[m] & bit != 0) != negated && q(f) } }
      return { f in (f.masks[m] & bit != 0) != negated || q(f) }
    case .compare(let s, let d, let op, let c):
      switch op {
      case .less: return compareThen(LessOperation.self, s, d, c, q, isAnd)
      case .lessEqual: return compareThen(LessEqualOperation.self, s, d, c, q, isAnd)
      case .greater: return compareThen(GreaterOperation.self, s, d, c, q, isAnd)
      case .greaterEqual: return compareThen(GreaterEqualOperation.self, s, d, c, q, isAnd)
      case .equal: return compareThen(EqualOperation.self, s, d, c, q, isAnd)
      case .notEqual: return compareThen(NotEqualOperation.self, s, d, c, q, isAnd)
      }
    case .constant, .code:
      return nil
    }
  }

  /// `(register s, or d when it is missing and d is not NaN) op c`, then `q` as needed.
  private func compareThen<Op: ScalarOperation>(
    _: Op.Type, _ s: Int, _ d: Double, _ c: Double, _ q: @escaping BoolCode, _ isAnd: Bool
  ) -> BoolCode where Op.Result == Bool {
    switch (d.isNaN, isAnd) {
    case (true, true): return { f in Op.apply(f.scalars[s], c) && q(f) }
    case (true, false): return { f in Op.apply(f.scalars[s], c) || q(f) }
    case (false, true):
      return { f in
        let x = f.scalars[s]
        return Op.apply(x.isNaN ? d : x, c) && q(f)
      }
    case (false, false):
      return { f in
        let x = f.scalars[s]
        return Op.apply(x.isNaN ? d : x, c) || q(f)
      }
    }
  }
}
