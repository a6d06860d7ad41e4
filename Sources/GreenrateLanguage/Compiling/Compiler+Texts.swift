/// Texts (nil is missing) and sets.
extension Compiler {
  /// A text operand in the shape specialised closures are built for.
  enum TextOperand {
    case constant(Text?)
    case input(Int)
    case register(Int)
    /// The rating label: few possible values, so tests on it are decided per label.
    case rating
    case code(TextCode)
  }

  /// Text code held in an array (see `Compiler.Step`).
  struct TextItem {
    let value: TextCode
  }

  /// A set operand in the shape specialised closures are built for.
  enum SetOperand {
    case constant(TextSet)
    case input(Int)
    case code(SetCode)
  }

  /// Code for a text expression, optional or not.
  func text(_ expr: CheckedExpr) -> TextCode {
    if case .text(let t)? = folded(expr) { return { _ in t } }
    return textNode(expr)
  }

  func textOperand(_ expr: CheckedExpr) -> TextOperand {
    if case .text(let t)? = folded(expr) { return .constant(t) }
    if case .reference(let symbol) = expr.node {
      switch place(of: symbol) {
      case .inputText(let s): return .input(s)
      case .text(let s): return .register(s)
      case .rating: return .rating
      case .constant(.text(let t)): return .constant(t)
      default: break
      }
    }
    return .code(textNode(expr))
  }

  /// Where a text input or let lives, or nil for any other expression. Compiles
  /// nothing: a caller that falls back to compiling `expr` must not have compiled it
  /// already, or nesting would cost time exponential in its depth.
  func textRegister(_ expr: CheckedExpr) -> (input: Bool, slot: Int)? {
    guard case .reference = expr.node else { return nil }
    switch textOperand(expr) {
    case .input(let s): return (true, s)
    case .register(let s): return (false, s)
    default: return nil
    }
  }

  func textCode(_ operand: TextOperand) -> TextCode {
    switch operand {
    case .constant(let t): return { _ in t }
    case .input(let s): return { f in f.inputTexts[s] }
    case .register(let s): return { f in f.texts[s] }
    case .rating:
      let labels = ratingLabels
      return { f in
        let i = f.ratingIndex
        return i < labels.count ? labels[i] : nil
      }
    case .code(let c): return c
    }
  }

  /// Code for the node itself, without folding it.
  func textNode(_ expr: CheckedExpr) -> TextCode {
    switch expr.node {
    case .text(let t):
      return { _ in t }
    case .reference:
      return textCode(textOperand(expr))
    case .lookup(let table, let key):
      guard case .text(let keys, let values, let miss) = tables[table] else { return { _ in nil } }
      let k = text(key)
      return { f in
        guard let v = k(f) else { return miss }
        let i = keys.index(of: v)
        return i >= 0 ? values[i] : miss
      }
    case .call(let function, let args):
      return textCall(function, args)
    case .coalesce(let x, let y):
      if !x.type.isOptional { return text(x) }
      if let chain = coalesceChain(expr) { return textCoalesceLoop(chain) }
      let first = text(x)
      let second = text(y)
      return { f in
        if let v = first(f) { return v }
        return second(f)
      }
    case .conditional(let c, let a, let b):
      let condition = bool(c)
      let whenTrue = text(a)
      let whenFalse = text(b)
      return { f in condition(f) ? whenTrue(f) : whenFalse(f) }
    default:
      return { _ in nil }
    }
  }

  /// Code for a set expression.
  func set(_ expr: CheckedExpr) -> SetCode {
    setCode(setOperand(expr))
  }

  func setOperand(_ expr: CheckedExpr) -> SetOperand {
    if case .set(let s)? = folded(expr) { return .constant(s) }
    switch expr.node {
    case .reference(let symbol):
      switch place(of: symbol) {
      case .inputSet(let s): return .input(s)
      case .set(let s): return .code({ f in f.sets[s] })
      case .constant(.set(let s)): return .constant(s)
      default: return .constant(.empty)
      }
    case .list(let items):
      let codes = items.map { TextItem(value: text($0)) }
      return .code({ f in
        var texts: [Text] = []
        texts.reserveCapacity(codes.count)
        for c in codes {
          if let t = c.value(f) { texts.append(t) }
        }
        return TextSet(texts)
      })
    case .coalesce(let x, _):
      return setOperand(x)
    case .conditional(let c, let a, let b):
      let condition = bool(c)
      let whenTrue = set(a)
      let whenFalse = set(b)
      return .code({ f in condition(f) ? whenTrue(f) : whenFalse(f) })
    default:
      return .constant(.empty)
    }
  }

  func setCode(_ operand: SetOperand) -> SetCode {
    switch operand {
    case .constant(let s): return { _ in s }
    case .input(let s): return { f in f.inputSets[s] }
    case .code(let c): return c
    }
  }
}
