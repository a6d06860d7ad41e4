/// Conditions classified by shape: a register (possibly compared with a constant), a
/// membership bit, a constant, or else code. `not` folds into the shape, and each shape
/// gets its own specialised closure.
extension Compiler {
  /// A condition classified by shape (for negating it and specialising its code), or
  /// else code.
  enum BoolOperand {
    /// (missing ? the register is NaN : it is not 0) != negated: `x`, `not x`,
    /// `x is missing`, `x is not missing`.
    case test(Int, missing: Bool, negated: Bool)
    /// `x ?? d` of an optional bool register, != negated.
    case orDefault(Int, Bool, negated: Bool)
    /// `"KEY" in set` by its membership bit (see `SetKeys`), != negated.
    case mask(Int, UInt64, negated: Bool)
    /// `x op c` or `(x ?? d) op c` (d NaN: no `??`) of a number or date register.
    case compare(Int, orElse: Double, ComparisonOperator, Double)
    case constant(Bool)
    case code(BoolCode)

    /// The negation (`not` of this condition).
    var negated: BoolOperand {
      switch self {
      case .test(let s, let missing, let negated):
        return .test(s, missing: missing, negated: !negated)
      case .orDefault(let s, let d, let negated): return .orDefault(s, d, negated: !negated)
      case .mask(let m, let bit, let negated): return .mask(m, bit, negated: !negated)
      case .compare(let s, let d, let op, let c):
        // Exact: a register compared here is never NaN (a missing one is replaced by `d`),
        // except after a runtime error, when no result is kept.
        return .compare(s, orElse: d, op.inverse, c)
      case .constant(let b): return .constant(!b)
      case .code(let c): return .code({ f in !c(f) })
      }
    }
  }

  /// A closure for a condition, specialised for its shape.
  func boolCode(_ operand: BoolOperand) -> BoolCode {
    switch operand {
    case .test(let s, let missing, let negated):
      switch (missing, negated) {
      case (false, false): return { f in f.scalars[s] != 0 }
      case (false, true): return { f in f.scalars[s] == 0 }
      case (true, false): return { f in f.scalars[s].isNaN }
      case (true, true): return { f in !f.scalars[s].isNaN }
      }
    case .orDefault(let s, let d, let negated):
      return { f in
        let v = f.scalars[s]
        return (v.isNaN ? d : v != 0) != negated
      }
    case .mask(let m, let bit, let negated):
      if negated { return { f in f.masks[m] & bit == 0 } }
      return { f in f.masks[m] & bit != 0 }
    case .compare(let s, let d, let op, let c):
      let l: ScalarOperand = d.isNaN ? .slot(s) : .slotOr(s, d)
      switch op {
      case .less: return compare(LessOperation.self, l, .constant(c))
      case .lessEqual: return compare(LessEqualOperation.self, l, .constant(c))
      case .greater: return compare(GreaterOperation.self, l, .constant(c))
      case .greaterEqual: return compare(GreaterEqualOperation.self, l, .constant(c))
      case .equal: return compare(EqualOperation.self, l, .constant(c))
      case .notEqual: return compare(NotEqualOperation.self, l, .constant(c))
      }
    case .constant(let b):
      return { _ in b }
    case .code(let c):
      return c
    }
  }

  /// `expr` as a condition tested in place when its shape allows, else as code.
  func boolOperand(_ expr: CheckedExpr) -> BoolOperand {
    if let x = foldedScalar(expr) { return .constant(x != 0) }
    switch expr.node {
    case .reference:
      if case .slot(let s) = scalarOperand(expr) { return .test(s, missing: false, negated: false) }
    case .not(let x):
      return boolOperand(x).negated
    case .isMissing(let x, let negated):
      // Only a reference is looked at here (cheaply): anything else is compiled once,
      // by `boolNode`.
      if x.type.isOptional, x.type.base != .text, x.type.base != .set,
        case .reference = x.node, case .slot(let s) = scalarOperand(x)
      {
        return .test(s, missing: true, negated: negated)
      }
    case .coalesce(let x, let y):
      // Only a constant `y` is looked at here: `y` may be the rest of a long `??` chain.
      if x.type.isOptional, case .reference = x.node, case .slot(let s) = scalarOperand(x),
        let d = foldedScalar(y)
      {
        return .orDefault(s, d != 0, negated: false)
      }
    case .inSet:
      if let (m, bit) = maskBit(expr) { return .mask(m, bit, negated: false) }
    case .or, .and:
      if let merged = mergedMasks(expr) { return merged }
    case .comparison(let op, let a, let b) where a.type.base == .number || a.type.base == .date:
      let (l, r) = (scalarOperand(a), scalarOperand(b))
      switch (l, r) {
      case (.slot(let s), .constant(let c)): return .compare(s, orElse: .nan, op, c)
      case (.slotOr(let s, let d), .constant(let c)): return .compare(s, orElse: d, op, c)
      case (.constant(let c), .slot(let s)): return .compare(s, orElse: .nan, op.mirrored, c)
      case (.constant(let c), .slotOr(let s, let d)): return .compare(s, orElse: d, op.mirrored, c)
      // The operands are compiled already: compiling them again through `boolNode`
      // would make nesting cost time exponential in its depth.
      default: return .code(compare(op, l, r))
      }
    default:
      break
    }
    return .code(boolNode(expr))
  }

  /// The membership bit testing `"KEY" in set_input`, when `expr` is such a test.
  private func maskBit(_ expr: CheckedExpr) -> (mask: Int, bit: UInt64)? {
    guard case .inSet(let item, let set) = expr.node, case .text(let key) = item.node,
      case .reference(.input(let i)) = set.node, case .set(let slot) = layout.fields[i].storage,
      let entry = setKeys[slot]
    else { return nil }
    let k = entry.keys.index(of: key)
    return k >= 0 && k < 64 ? (entry.mask, 1 << UInt64(k)) : nil
  }

  /// An `or` of membership tests of one set input (`"A" in s or "B" in s`) as one test of
  /// their bits together; likewise an `and` of negated ones (`not ("A" in s) and ...`).
  /// The chain is walked in a loop, not recursively: it may be thousands long.
  private func mergedMasks(_ expr: CheckedExpr) -> BoolOperand? {
    let isAnd: Bool
    switch expr.node {
    case .and: isAnd = true
    case .or: isAnd = false
    default: return nil
    }
    var mask: Int? = nil
    var bits: UInt64 = 0
    var pending = [expr]
    while let node = pending.popLast() {
      switch node.node {
      case .and(let a, let b) where isAnd, .or(let a, let b) where !isAnd:
        pending.append(b)
        pending.append(a)
        continue
      default:
        break
      }
      // `or` merges plain tests, `and` negated ones (De Morgan).
      var test = node
      if isAnd {
        guard case .not(let x) = node.node else { return nil }
        test = x
      }
      guard let (m, bit) = maskBit(test), mask == nil || mask == m else { return nil }
      mask = m
      bits |= bit
    }
    guard let mask else { return nil }
    return .mask(mask, bits, negated: isAnd)
  }
}

extension ComparisonOperator {
  /// The operator giving the opposite answer (on numbers that are not NaN).
  var inverse: ComparisonOperator {
    switch self {
    case .less: return .greaterEqual
    case .lessEqual: return .greater
    case .greater: return .lessEqual
    case .greaterEqual: return .less
    case .equal: return .notEqual
    case .notEqual: return .equal
    }
  }

  /// The operator with its operands swapped: `c < x` is `x > c`.
  var mirrored: ComparisonOperator {
    switch self {
    case .less: return .greater
    case .lessEqual: return .greaterEqual
    case .greater: return .less
    case .greaterEqual: return .lessEqual
    case .equal, .notEqual: return self
    }
  }
}
