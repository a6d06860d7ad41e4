extension Parser {
  mutating func parseFile() -> SyntaxRuleSet {
    var file = SyntaxRuleSet()
    while !at(.end) {
      guard case .keyword(let keyword) = current.kind, keyword.startsDeclaration else {
        _ = fail("expected \(Parser.aDeclaration), found \(current.described)\(keywordGuess)")
        advance()
        synchronize()
        continue
      }
      switch keyword {
      case .ruleset: file.items.append(.header(parseHeader()))
      case .input: file.items.append(.input(parseInput()))
      case .table: file.items.append(.table(parseTable()))
      case .letValue: file.items.append(.letValue(parseBinding()))
      case .factor: file.items.append(.factor(parseFactor()))
      case .knockout: file.items.append(.knockout(parseKnockout()))
      case .rating: file.items.append(.rating(parseRating()))
      case .eligibility: file.items.append(.eligibility(parseEligibility()))
      default: file.items.append(.output(parseBinding()))
      }
    }
    file.end = current.location
    return file
  }

  mutating func parseHeader() -> SyntaxHeader {
    var header = SyntaxHeader(location: advance().location)
    do {
      header.name = try expectString("the rule set's name in quotes")
      _ = try expect(.version)
      header.version = try expectString("the version in quotes")
      expectDeclarationEnd(nil)
    } catch {
      synchronize()
    }
    return header
  }

  mutating func parseType() throws(ParseAbort) -> SyntaxType {
    guard at(.identifier) else { throw failExpected("a type") }
    let token = advance()
    var type = SyntaxType(name: token.text, isOptional: false, location: token.location)
    if at(.question) {
      type.isOptional = true
      type.questionLocation = advance().location
    }
    return type
  }

  mutating func parseInput() -> SyntaxInput {
    var input = SyntaxInput(location: advance().location)
    do {
      input.name = try expectName()
      _ = try expect(.colon)
      input.type = try parseType()
      if at(.key) { input.key = advance().location }
      expectDeclarationEnd(input.key == nil ? "`key`" : nil)
    } catch {
      synchronize()
    }
    return input
  }

  /// A table value: a number (optionally negated), a string, `true` or `false`.
  mutating func parseLiteral() throws(ParseAbort) -> SyntaxLiteral {
    let token = current
    switch token.kind {
    case .minus:
      advance()
      guard at(.number) else { throw failExpected("a number after `-`") }
      return SyntaxLiteral(value: .number(-advance().number), location: token.location)
    case .number:
      advance()
      return SyntaxLiteral(value: .number(token.number), location: token.location)
    case .string:
      advance()
      return SyntaxLiteral(value: .text(Text(token.text)), location: token.location)
    case .keyword(.trueValue), .keyword(.falseValue):
      advance()
      return SyntaxLiteral(
        value: .bool(token.kind == .keyword(.trueValue)), location: token.location)
    default:
      throw failExpected("a number, a string, `true` or `false`")
    }
  }

  mutating func parseTable() -> SyntaxTable {
    var table = SyntaxTable(location: advance().location)
    do {
      table.name = try expectName()
      _ = try expect(.colon)
      table.keyType = try parseType()
      _ = try expect(.arrow)
      table.valueType = try parseType()
      _ = try expect(.leftBrace)
      while !at(.rightBrace) {
        let key = try expectString("a key in quotes or `}`")
        _ = try expect(.colon)
        let value = try parseLiteral()
        table.entries.append((key, value))
        if at(.comma) {
          advance()
          continue
        }
        guard at(.rightBrace) else { throw failExpected("`,` or `}`") }
      }
      advance()
      if at(.defaultValue) {
        advance()
        table.defaultValue = try parseLiteral()
      }
      table.isComplete = true
      expectDeclarationEnd(table.defaultValue == nil ? "`default`" : nil)
    } catch {
      synchronize()
    }
    return table
  }

  /// A `let` or `output` declaration, `NAME = EXPR` after the keyword.
  mutating func parseBinding() -> SyntaxBinding {
    var decl = SyntaxBinding(location: advance().location)
    do {
      decl.name = try expectName()
      _ = try expect(.assign)
      decl.expr = try parseExpression()
      expectDeclarationEnd("an operator")
    } catch {
      synchronize()
    }
    return decl
  }

  /// Band points: a number literal, optionally preceded by `-`.
  mutating func parsePoints() throws(ParseAbort) -> Double {
    var sign = 1.0
    if at(.minus) {
      advance()
      sign = -1
    }
    guard at(.number) else { throw failExpected("points (a number such as `20` or `-5`)") }
    return sign * advance().number
  }

  /// The start of a factor or rating band, `when COND =>` or `else =>`; the condition,
  /// nil for `else`.
  mutating func parseBandHead() throws(ParseAbort) -> SyntaxExpr? {
    let first = current
    var condition: SyntaxExpr?
    if at(.when) {
      advance()
      condition = try parseExpression()
    } else if at(.elseBand) {
      advance()
    } else {
      throw failExpected("`when`, `else` or `}`")
    }
    let last = tokens[max(0, position - 1)]
    bandHeads[first.location] = first.offset..<max(first.offset, last.end)
    _ = try expect(.fatArrow)
    return condition
  }

  mutating func parseFactor() -> SyntaxFactor {
    var factor = SyntaxFactor(location: advance().location)
    do {
      factor.name = try expectName()
      if at(.string) { factor.title = try expectString("a title") }
      _ = try expect(.leftBrace)
      while !at(.rightBrace) {
        let start = current
        let condition = try parseBandHead()
        let points = try parsePoints()
        var reason: SyntaxString?
        if at(.reason) {
          advance()
          reason = try expectString("a reason code in quotes")
        }
        factor.bands.append(
          SyntaxBand(location: start.location, condition: condition, points: points, reason: reason)
        )
      }
      factor.end = advance().location
      factor.isComplete = true
      expectDeclarationEnd(nil)
    } catch {
      synchronize()
    }
    return factor
  }

  mutating func parseKnockout() -> SyntaxRule {
    var rule = SyntaxRule(location: advance().location)
    do {
      rule.code = try expectString("the knockout's code in quotes")
      _ = try expect(.when)
      rule.condition = try parseExpression()
      expectDeclarationEnd("an operator")
    } catch {
      synchronize()
    }
    return rule
  }

  mutating func parseRating() -> SyntaxRating {
    var rating = SyntaxRating(location: advance().location)
    do {
      _ = try expect(.leftBrace)
      while !at(.rightBrace) {
        let start = current
        let condition = try parseBandHead()
        let label = try expectString("a rating label in quotes")
        rating.bands.append(
          SyntaxRatingBand(location: start.location, condition: condition, label: label))
      }
      advance()
      rating.isComplete = true
      expectDeclarationEnd(nil)
    } catch {
      synchronize()
    }
    return rating
  }

  mutating func parseEligibility() -> SyntaxEligibility {
    var block = SyntaxEligibility(location: advance().location)
    do {
      _ = try expect(.leftBrace)
      while !at(.rightBrace) {
        guard at(.deny) else { throw failExpected("`deny` or `}`") }
        var rule = SyntaxRule(location: advance().location)
        rule.code = try expectString("the denial's code in quotes")
        _ = try expect(.when)
        rule.condition = try parseExpression()
        block.denials.append(rule)
      }
      advance()
      block.isComplete = true
      expectDeclarationEnd(nil)
    } catch {
      synchronize()
    }
    return block
  }
}
