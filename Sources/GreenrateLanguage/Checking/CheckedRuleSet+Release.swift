extension CheckedNode {
  /// Frees expression trees without recursion.
  ///
  /// A flat chain such as `a + b + c + …` is legal at any length and checks to a tree as
  /// deep as it is long; Swift frees an indirect enum recursively, which overflows the
  /// stack past roughly 80,000 levels. This frees the trees one node at a time instead:
  /// each node's children are held on an explicit stack before the node goes, so no
  /// free ever cascades. `stack` must hold the only references to the roots (it is
  /// emptied in place for that reason); nodes still referenced elsewhere are let go.
  static func release(_ stack: inout [CheckedNode]) {
    while let node = stack.popLast() {
      switch node {
      case .list(let items):
        for item in items { stack.append(item.node) }
      case .lookup(_, let key), .inTable(_, let key):
        stack.append(key.node)
      case .negate(let a), .not(let a), .isMissing(let a, _):
        stack.append(a.node)
      case .inSet(let a, let b), .arithmetic(_, let a, let b), .comparison(_, let a, let b),
        .and(let a, let b), .or(let a, let b), .coalesce(let a, let b):
        stack.append(a.node)
        stack.append(b.node)
      case .conditional(let c, let a, let b):
        stack.append(c.node)
        stack.append(a.node)
        stack.append(b.node)
      case .call(_, let arguments):
        for argument in arguments { stack.append(argument.node) }
      case .number, .text, .bool, .date, .reference:
        break
      }
    }
  }
}

extension CheckedRuleSet {
  /// Empties the rule set, freeing its expression trees without recursion (see
  /// `CheckedNode.release`). Call it on the last copy, after compiling, when a rule
  /// file may hold very long chains.
  mutating func releaseExpressions() {
    var roots: [CheckedNode] = []
    for item in lets { roots.append(item.expr.node) }
    for factor in factors {
      for band in factor.bands { if let c = band.condition { roots.append(c.node) } }
    }
    for rule in knockouts { roots.append(rule.condition.node) }
    for band in rating { if let c = band.condition { roots.append(c.node) } }
    for rule in denials { roots.append(rule.condition.node) }
    for output in outputs { roots.append(output.expr.node) }
    lets = []
    factors = []
    knockouts = []
    rating = []
    denials = []
    outputs = []
    CheckedNode.release(&roots)
  }
}
