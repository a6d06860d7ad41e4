/// Finds the warnings of a parsed rule file that checked clean (see `RuleWarnings`).
struct Linter {
  let syntax: SyntaxRuleSet
  var warnings: [Diagnostic] = []
  /// The most rating labels a warning lists; the rest are counted.
  static let maxListedLabels = 10

  init(syntax: SyntaxRuleSet) {
    self.syntax = syntax
  }

  mutating func warn(_ message: String, at location: SourceLocation) {
    warnings.append(Diagnostic(message, at: location, severity: .warning))
  }

  mutating func run() {
    for item in syntax.items {
      switch item {
      case .factor(let factor):
        unreachableBands(factor.bands.map { ($0.location, $0.condition) })
      case .rating(let rating):
        unreachableBands(rating.bands.map { ($0.location, $0.condition) })
      default: break
      }
    }
    ratingLabels()
    unused()
    duplicateCodes()
    unreachableEntries()
  }

  /// Every expression of the file, in order.
  var expressions: [SyntaxExpr] {
    var all: [SyntaxExpr] = []
    for item in syntax.items {
      switch item {
      case .letValue(let b), .output(let b): if let e = b.expr { all.append(e) }
      case .factor(let f): all += f.bands.compactMap(\.condition)
      case .knockout(let r): if let e = r.condition { all.append(e) }
      case .rating(let r): all += r.bands.compactMap(\.condition)
      case .eligibility(let e): all += e.denials.compactMap(\.condition)
      case .header, .input, .table: break
      }
    }
    return all
  }

  /// Calls `body` on `expr` and every expression inside it.
  static func visit(_ expr: SyntaxExpr, _ body: (SyntaxExpr) -> Void) {
    body(expr)
    switch expr {
    case .number, .text, .bool, .name: break
    case .list(let items, _), .call(_, let items, _), .coalesce(let items, _):
      for item in items { visit(item, body) }
    case .lookup(_, let key, _): visit(key, body)
    case .paren(let e, _), .negate(let e, _), .not(let e, _), .isMissing(let e, _, _):
      visit(e, body)
    case .chain(let first, let links):
      visit(first, body)
      for link in links { visit(link.operand, body) }
    case .comparison(_, let a, let b, _), .membership(let a, let b, _, _):
      visit(a, body)
      visit(b, body)
    case .conditional(let c, let a, let b, _):
      visit(c, body)
      visit(a, body)
      visit(b, body)
    }
  }

  /// The expression as written (normalised), for comparing conditions; nil when too
  /// long to compare that way (two such conditions are not taken for the same).
  static func text(_ expr: SyntaxExpr) -> String? {
    expr.rendered(limit: 100_000)
  }

  /// `e` without enclosing parentheses.
  static func unwrapped(_ e: SyntaxExpr) -> SyntaxExpr {
    var e = e
    while case .paren(let inner, _) = e { e = inner }
    return e
  }
}
