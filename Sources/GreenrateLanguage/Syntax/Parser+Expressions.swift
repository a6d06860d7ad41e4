/// Precedence levels, loosest first (the language contract's list, `if` aside).
enum Precedence {
  static let or = 1
  static let and = 2
  static let not = 3
  static let comparison = 4
  static let coalesce = 5
  static let additive = 6
  static let multiplicative = 7
  static let unary = 8
}

extension Parser {
  /// A whole expression: the only place an `if` may stand without parentheses.
  mutating func parseExpression() throws(ParseAbort) -> SyntaxExpr {
    if at(.ifThen) { return try parseIf() }
    return try parseBinary(Precedence.or)
  }

  /// Enters one level of nesting at the current token; too deep is an error.
  mutating func enter() throws(ParseAbort) {
    depth += 1
    if depth > Parser.maximumDepth {
      throw fail("this expression is nested too deeply (more than \(Parser.maximumDepth) levels)")
    }
  }

  mutating func leave() { depth -= 1 }

  mutating func parseIf() throws(ParseAbort) -> SyntaxExpr {
    try enter()
    let ifToken = advance()
    let condition = try parseExpression()
    _ = try expect(.then)
    let thenBranch = try parseExpression()
    _ = try expect(.elseBand)
    let elseBranch = try parseExpression()
    leave()
    return .conditional(condition, then: thenBranch, else: elseBranch, at: ifToken.location)
  }

  /// The precedence of the current token as an infix operator, if it is one.
  var infixLevel: Int? {
    switch current.kind {
    case .keyword(.or): return Precedence.or
    case .keyword(.and): return Precedence.and
    case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .keyword(.inSet),
      .keyword(.isCheck):
      return Precedence.comparison
    case .keyword(.not): return peekKind() == .keyword(.inSet) ? Precedence.comparison : nil
    case .coalesce: return Precedence.coalesce
    case .plus, .minus: return Precedence.additive
    case .star, .slash: return Precedence.multiplicative
    default: return nil
    }
  }

  var chainOperator: ChainOperator? {
    switch current.kind {
    case .keyword(.or): return .or
    case .keyword(.and): return .and
    case .plus: return .add
    case .minus: return .subtract
    case .star: return .multiply
    case .slash: return .divide
    default: return nil
    }
  }

  /// Operators binding at least as tightly as `minLevel`. Chains of one level are
  /// gathered in a loop, so a long flat chain costs no recursion.
  mutating func parseBinary(_ minLevel: Int) throws(ParseAbort) -> SyntaxExpr {
    var left = try parseOperand(minLevel)
    while let level = infixLevel, level >= minLevel {
      switch level {
      case Precedence.comparison:
        left = try parseComparison(left)
        if infixLevel == Precedence.comparison {
          throw fail(
            "comparisons, `in` and `is` cannot be chained; use parentheses, as in `(a < b) == c`")
        }
      case Precedence.coalesce:
        var operands = [left]
        var operators: [SourceLocation] = []
        while at(.coalesce) {
          operators.append(advance().location)
          operands.append(try parseBinary(Precedence.additive))
        }
        left = .coalesce(operands, operators: operators)
      default:
        var links: [SyntaxLink] = []
        while infixLevel == level, let op = chainOperator {
          let token = advance()
          let operand = try parseBinary(level + 1)
          links.append(SyntaxLink(op: op, operand: operand, location: token.location))
        }
        left = .chain(left, links)
      }
    }
    return left
  }

  mutating func parseComparison(_ left: SyntaxExpr) throws(ParseAbort) -> SyntaxExpr {
    let token = advance()
    let op: ComparisonOperator
    switch token.kind {
    case .less: op = .less
    case .lessEqual: op = .lessEqual
    case .greater: op = .greater
    case .greaterEqual: op = .greaterEqual
    case .equal: op = .equal
    case .notEqual: op = .notEqual
    case .keyword(.inSet):
      let set = try parseBinary(Precedence.coalesce)
      return .membership(left, set, negated: false, at: token.location)
    case .keyword(.not):
      _ = try expect(.inSet)
      let set = try parseBinary(Precedence.coalesce)
      return .membership(left, set, negated: true, at: token.location)
    default:
      // `is missing` or `is not missing`.
      let negated = at(.not)
      if negated { advance() }
      guard at(.missing) else {
        throw failExpected(negated ? "`missing`" : "`missing` or `not missing`")
      }
      advance()
      return .isMissing(left, negated: negated, at: token.location)
    }
    let right = try parseBinary(Precedence.coalesce)
    return .comparison(op, left, right, at: token.location)
  }

  /// A prefix operator with its operand, or a primary expression.
  mutating func parseOperand(_ minLevel: Int) throws(ParseAbort) -> SyntaxExpr {
    switch current.kind {
    case .keyword(.not):
      guard minLevel <= Precedence.not else {
        throw fail("a `not` used as an operand here must be in parentheses, as in `a == (not b)`")
      }
      try enter()
      let token = advance()
      // `not not x` nests; otherwise the operand is a comparison or anything tighter.
      let operand =
        at(.not) ? try parseOperand(Precedence.not) : try parseBinary(Precedence.comparison)
      leave()
      return .not(operand, at: token.location)
    case .minus:
      try enter()
      let token = advance()
      let operand = try parseOperand(Precedence.unary)
      leave()
      return .negate(operand, at: token.location)
    case .keyword(.ifThen):
      throw fail(
        "an `if` used as an operand must be in parentheses, as in `1 + (if c then 2 else 3)`")
    default:
      return try parsePrimary()
    }
  }

  mutating func parsePrimary() throws(ParseAbort) -> SyntaxExpr {
    let token = current
    switch token.kind {
    case .number:
      advance()
      return .number(token.number, written: token.text, at: token.location)
    case .string:
      advance()
      return .text(Text(token.text), at: token.location)
    case .keyword(.trueValue), .keyword(.falseValue):
      advance()
      return .bool(token.kind == .keyword(.trueValue), at: token.location)
    case .keyword(.rating):
      advance()
      return .name("rating", at: token.location)
    case .identifier:
      switch peekKind() {
      case .leftParen: return try parseCall()
      case .leftBracket: return try parseLookup()
      default:
        advance()
        return .name(token.text, at: token.location)
      }
    case .leftParen:
      try enter()
      advance()
      let inner = try parseExpression()
      _ = try expect(.rightParen)
      leave()
      return .paren(inner, at: token.location)
    case .leftBracket:
      return try parseList()
    default:
      throw failExpected("an expression")
    }
  }

  mutating func parseCall() throws(ParseAbort) -> SyntaxExpr {
    try enter()
    let name = advance()
    advance()  // `(`
    var arguments: [SyntaxExpr] = []
    if !at(.rightParen) {
      while true {
        arguments.append(try parseExpression())
        if at(.comma) {
          advance()
          continue
        }
        guard at(.rightParen) else { throw failExpected("`,` or `)`") }
        break
      }
    }
    advance()  // `)`
    leave()
    return .call(name.text, arguments, at: name.location)
  }

  mutating func parseLookup() throws(ParseAbort) -> SyntaxExpr {
    try enter()
    let name = advance()
    advance()  // `[`
    let key = try parseExpression()
    _ = try expect(.rightBracket)
    leave()
    return .lookup(name.text, key: key, at: name.location)
  }

  mutating func parseList() throws(ParseAbort) -> SyntaxExpr {
    try enter()
    let open = advance()
    var items: [SyntaxExpr] = []
    while !at(.rightBracket) {
      items.append(try parseExpression())
      if at(.comma) {
        advance()
        continue
      }
      guard at(.rightBracket) else { throw failExpected("`,` or `]`") }
    }
    advance()  // `]`
    leave()
    return .list(items, at: open.location)
  }
}
