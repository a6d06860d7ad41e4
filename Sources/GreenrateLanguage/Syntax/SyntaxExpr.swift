/// A parsed expression, before any type checking.
///
/// Left-associative operators of one precedence form a flat `chain`, and `??` a flat
/// `coalesce`, so a long `a + b + c + …` is one node with a long array rather than a
/// deep tree: nothing that walks or frees it recurses once per term.
indirect enum SyntaxExpr {
  /// A number literal and how it was written (`round`'s digits must be digits only).
  case number(Double, written: String, at: SourceLocation)
  case text(Text, at: SourceLocation)
  case bool(Bool, at: SourceLocation)
  /// A name (the keyword `rating` included, as the built-in).
  case name(String, at: SourceLocation)
  /// `[a, b, ...]`; the location is the `[`.
  case list([SyntaxExpr], at: SourceLocation)
  /// `f(args)`; the location is the function name's.
  case call(String, [SyntaxExpr], at: SourceLocation)
  /// `table[key]`; the location is the table name's.
  case lookup(String, key: SyntaxExpr, at: SourceLocation)
  /// `( expr )`; the location is the `(`.
  case paren(SyntaxExpr, at: SourceLocation)
  /// Unary `-`; the location is the `-`.
  case negate(SyntaxExpr, at: SourceLocation)
  case not(SyntaxExpr, at: SourceLocation)
  /// `first op x op y ...` with one precedence level's left-associative operators.
  case chain(SyntaxExpr, [SyntaxLink])
  /// `a ?? b ?? c`: right-associative, the locations are the `??` tokens.
  case coalesce([SyntaxExpr], operators: [SourceLocation])
  case comparison(ComparisonOperator, SyntaxExpr, SyntaxExpr, at: SourceLocation)
  /// `x in s` or `x not in s`; the location is the `in` (or the `not` of `not in`).
  case membership(SyntaxExpr, SyntaxExpr, negated: Bool, at: SourceLocation)
  /// `x is missing` or `x is not missing`; the location is the `is`.
  case isMissing(SyntaxExpr, negated: Bool, at: SourceLocation)
  /// `if c then a else b`; the location is the `if`.
  case conditional(SyntaxExpr, then: SyntaxExpr, else: SyntaxExpr, at: SourceLocation)

  /// The token that names the node: the operator, the function name, the literal.
  var location: SourceLocation {
    switch self {
    case .number(_, _, let at), .text(_, let at), .bool(_, let at), .name(_, let at),
      .list(_, let at), .call(_, _, let at), .lookup(_, _, let at), .paren(_, let at),
      .negate(_, let at), .not(_, let at), .comparison(_, _, _, let at),
      .membership(_, _, _, let at), .isMissing(_, _, let at), .conditional(_, _, _, let at):
      return at
    case .chain(let first, let links):
      return links.first?.location ?? first.location
    case .coalesce(let operands, let operators):
      return operators.first ?? operands.first?.location ?? SourceLocation(line: 1, column: 1)
    }
  }

  /// Where the expression's text begins, for errors about a whole operand.
  var start: SourceLocation {
    var expr = self
    // Walks down the left edge; bounded by the nesting limit and each chain's first item.
    while true {
      switch expr {
      case .chain(let first, _):
        expr = first
      case .coalesce(let operands, _):
        guard let first = operands.first else { return expr.location }
        expr = first
      case .comparison(_, let left, _, _), .membership(let left, _, _, _),
        .isMissing(let left, _, _):
        expr = left
      default:
        return expr.location
      }
    }
  }
}

/// One `op operand` step of a left-associative chain.
struct SyntaxLink {
  var op: ChainOperator
  var operand: SyntaxExpr
  /// The operator token.
  var location: SourceLocation
}

/// The left-associative binary operators.
enum ChainOperator {
  case add, subtract, multiply, divide, and, or

  var spelling: String {
    switch self {
    case .add: return "+"
    case .subtract: return "-"
    case .multiply: return "*"
    case .divide: return "/"
    case .and: return "and"
    case .or: return "or"
    }
  }
}

extension ComparisonOperator {
  var spelling: String {
    switch self {
    case .less: return "<"
    case .lessEqual: return "<="
    case .greater: return ">"
    case .greaterEqual: return ">="
    case .equal: return "=="
    case .notEqual: return "!="
    }
  }
}
