/// Steps that compute a scalar straight into its register: the common shapes of a `let`
/// or `output` write their result themselves instead of returning it to a store closure.
extension Compiler {
  func scalarStore(_ expr: CheckedExpr, into s: Int) -> StepCode {
    if folded(expr) == nil {
      switch expr.node {
      case .arithmetic(let op, let a, let b) where arithmeticChain(expr) == nil:
        let l = scalarOperand(a)
        let r = scalarOperand(b)
        switch op {
        case .add: return arithmeticStore(AddOperation.self, l, r, false, expr.location, s)
        case .subtract:
          return arithmeticStore(SubtractOperation.self, l, r, false, expr.location, s)
        case .multiply:
          return arithmeticStore(MultiplyOperation.self, l, r, false, expr.location, s)
        case .divide: return arithmeticStore(DivideOperation.self, l, r, true, expr.location, s)
        }
      case .conditional(let c, let a, let b):
        let code = conditional(c, a, b)
        return { f in f.scalars[s] = code(f) }
      default:
        break
      }
      if expr.type == .bool {
        return conditionStep(boolOperand(expr), BoolStoreSink(slot: s))
      }
    }
    let code = scalar(expr)
    return { f in f.scalars[s] = code(f) }
  }

  /// `a op b` into register `s` (see `arithmetic` for the failure rules).
  private func arithmeticStore<Op: ScalarOperation>(
    _: Op.Type, _ l: ScalarOperand, _ r: ScalarOperand, _ divides: Bool,
    _ location: SourceLocation, _ s: Int
  ) -> StepCode where Op.Result == Double {
    switch (l, r) {
    case (.slot(let a), .constant(let c)):
      return { f in
        let v = Op.apply(f.scalars[a], c)
        f.scalars[s] = v.isFinite ? v : Self.arithmeticFailure(f, divides, c, location)
      }
    case (.slotOr(let a, let d), .constant(let c)):
      return { f in
        let x = f.scalars[a]
        let v = Op.apply(x.isNaN ? d : x, c)
        f.scalars[s] = v.isFinite ? v : Self.arithmeticFailure(f, divides, c, location)
      }
    case (.slot(let a), .slot(let b)):
      return { f in
        let y = f.scalars[b]
        let v = Op.apply(f.scalars[a], y)
        f.scalars[s] = v.isFinite ? v : Self.arithmeticFailure(f, divides, y, location)
      }
    case (.code(let a), .constant(let c)):
      return { f in
        let v = Op.apply(a(f), c)
        f.scalars[s] = v.isFinite ? v : Self.arithmeticFailure(f, divides, c, location)
      }
    case (.code(let a), .slot(let b)):
      return { f in
        let x = a(f)
        let y = f.scalars[b]
        let v = Op.apply(x, y)
        f.scalars[s] = v.isFinite ? v : Self.arithmeticFailure(f, divides, y, location)
      }
    default:
      let a = code(l)
      let b = code(r)
      return { f in
        let x = a(f)
        let y = b(f)
        let v = Op.apply(x, y)
        f.scalars[s] = v.isFinite ? v : Self.arithmeticFailure(f, divides, y, location)
      }
    }
  }
}
