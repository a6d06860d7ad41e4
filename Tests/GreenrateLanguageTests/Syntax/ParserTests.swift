import Testing

@testable import GreenrateLanguage

extension SyntaxExpr {
  /// The tree with every operator's operands in parentheses, showing its shape.
  var shape: String {
    switch self {
    case .number(let v, _, _): return v == v.rounded() ? String(Int(v)) : String(v)
    case .text(let t, _): return "\"\(t.string)\""
    case .bool(let b, _): return String(b)
    case .name(let n, _): return n
    case .list(let items, _): return "[" + items.map(\.shape).joined(separator: ", ") + "]"
    case .call(let f, let args, _): return f + "(" + args.map(\.shape).joined(separator: ", ") + ")"
    case .lookup(let t, let key, _): return "\(t)[\(key.shape)]"
    case .paren(let inner, _): return inner.shape
    case .negate(let x, _): return "(- \(x.shape))"
    case .not(let x, _): return "(not \(x.shape))"
    case .chain(let first, let links):
      var out = first.shape
      for link in links { out = "(\(out) \(link.op.spelling) \(link.operand.shape))" }
      return out
    case .coalesce(let operands, _):
      var out = operands.last?.shape ?? ""
      for operand in operands.dropLast().reversed() { out = "(\(operand.shape) ?? \(out))" }
      return out
    case .comparison(let op, let l, let r, _): return "(\(l.shape) \(op.spelling) \(r.shape))"
    case .membership(let x, let s, let negated, _):
      return "(\(x.shape) \(negated ? "not in" : "in") \(s.shape))"
    case .isMissing(let x, let negated, _):
      return "(\(x.shape) \(negated ? "is not missing" : "is missing"))"
    case .conditional(let c, let a, let b, _):
      return "(if \(c.shape) then \(a.shape) else \(b.shape))"
    }
  }
}

@Suite struct ParserTests {
  /// Parses `let v = EXPR` and returns the expression and all syntax errors.
  func parse(_ expression: String) -> (expr: SyntaxExpr?, diagnostics: [Diagnostic]) {
    let (tokens, lexical) = Lexer.tokenize(Array("let v = \(expression)".utf8))
    let (syntax, syntactic) = Parser.parse(tokens)
    guard case .letValue(let decl)? = syntax.items.first else { return (nil, lexical + syntactic) }
    return (decl.expr, lexical + syntactic)
  }

  func shape(_ expression: String) -> String? {
    let (expr, diagnostics) = parse(expression)
    guard diagnostics.isEmpty else { return nil }
    return expr?.shape
  }

  func errors(_ expression: String) -> [String] {
    parse(expression).diagnostics.map { "\($0.location): \($0.message)" }
  }

  @Test func precedenceFollowsTheContract() {
    #expect(
      shape("a or b and not c < d ?? e + f * -g")
        == "(a or (b and (not (c < (d ?? (e + (f * (- g))))))))")
    #expect(shape("-a * b + c") == "(((- a) * b) + c)")
    #expect(shape("a + b < c * d") == "((a + b) < (c * d))")
    #expect(shape("not a and b") == "((not a) and b)")
    #expect(shape("a ?? b + c") == "(a ?? (b + c))")
    #expect(shape("x in s or y not in t") == "((x in s) or (y not in t))")
    #expect(shape("a + b is not missing") == "((a + b) is not missing)")
    #expect(shape("t[k] * f(x, y)") == "(t[k] * f(x, y))")
  }

  @Test func associativity() {
    #expect(shape("a - b - c") == "((a - b) - c)")
    #expect(shape("a / b * c") == "((a / b) * c)")
    #expect(shape("a or b or c") == "((a or b) or c)")
    #expect(shape("a ?? b ?? 0") == "(a ?? (b ?? 0))")
    #expect(shape("- - a") == "(- (- a))")
    #expect(shape("not not a") == "(not (not a))")
  }

  @Test func comparisonsDoNotChain() {
    let message =
      "comparisons, `in` and `is` cannot be chained; use parentheses, as in `(a < b) == c`"
    #expect(errors("a < b < c") == ["1:15: \(message)"])
    #expect(errors("a in s == true") == ["1:16: \(message)"])
    #expect(errors("a is missing is missing") == ["1:22: \(message)"])
    #expect(errors("a == b not in s") == ["1:16: \(message)"])
    #expect(shape("(a < b) == c") == "((a < b) == c)")
    #expect(shape("a < b and b < c") == "((a < b) and (b < c))")
  }

  @Test func ifStandsOnlyWhereAWholeExpressionStands() {
    #expect(shape("if a then b else c") == "(if a then b else c)")
    #expect(shape("f(if a then b else c, 1)") == "f((if a then b else c), 1)")
    #expect(shape("[if a then \"x\" else \"y\"]") == "[(if a then \"x\" else \"y\")]")
    #expect(shape("t[if a then k else j]") == "t[(if a then k else j)]")
    #expect(shape("1 + (if c then 2 else 3)") == "(1 + (if c then 2 else 3))")
    #expect(
      shape("if if a then b else c then 1 else if d then 2 else 3")
        == "(if (if a then b else c) then 1 else (if d then 2 else 3))")
    #expect(shape("if a then b else c + 1") == "(if a then b else (c + 1))")
    let message =
      "an `if` used as an operand must be in parentheses, as in `1 + (if c then 2 else 3)`"
    #expect(errors("1 + if c then 2 else 3") == ["1:13: \(message)"])
    #expect(errors("not if c then a else b") == ["1:13: \(message)"])
    #expect(errors("-if c then 2 else 3") == ["1:10: \(message)"])
    #expect(errors("a ?? if c then 2 else 3").count == 1)
  }

  @Test func listsAndCalls() {
    #expect(shape("[]") == "[]")
    #expect(shape("[\"a\", \"b\",]") == "[\"a\", \"b\"]")
    #expect(shape("f()") == "f()")
    #expect(errors("[,]") == ["1:10: expected an expression, found `,`"])
    #expect(errors("f(a,)") == ["1:13: expected an expression, found `)`"])
    #expect(errors("f(a b)") == ["1:13: expected `,` or `)`, found `b`"])
  }

  /// `depth` levels of one nesting construct around `x`.
  static func nested(_ kind: String, _ depth: Int) -> String {
    switch kind {
    case "paren":
      return String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
    case "call":
      return String(repeating: "abs(", count: depth) + "x" + String(repeating: ")", count: depth)
    case "lookup":
      return String(repeating: "t[", count: depth) + "x" + String(repeating: "]", count: depth)
    case "list":
      return String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
    case "not": return String(repeating: "not ", count: depth) + "x"
    case "minus": return String(repeating: "-", count: depth) + "x"
    default:
      return String(repeating: "if c then ", count: depth) + "x"
        + String(repeating: " else y", count: depth)
    }
  }

  static let nestingKinds = ["paren", "call", "lookup", "list", "not", "minus", "if"]

  @Test(arguments: nestingKinds)
  func nestingUpTo256LevelsIsAllowed(_ kind: String) {
    #expect(errors(Self.nested(kind, 256)).isEmpty)
  }

  @Test(arguments: nestingKinds)
  func nesting257LevelsIsOneError(_ kind: String) {
    let found = errors(Self.nested(kind, 257))
    #expect(found.count == 1)
    #expect(
      found.first?.hasSuffix("this expression is nested too deeply (more than 256 levels)") == true)
  }

  @Test func mixedNestingCountsEveryLevel() {
    // 128 calls around 128 parentheses around a `not` is 257 levels.
    let inner = String(repeating: "(", count: 128) + "not x" + String(repeating: ")", count: 128)
    let source = String(repeating: "f(", count: 128) + inner + String(repeating: ")", count: 128)
    #expect(errors(source).count == 1)
    let allowed = String(repeating: "f(", count: 127) + inner + String(repeating: ")", count: 127)
    #expect(errors(allowed).isEmpty)
  }

  @Test(arguments: nestingKinds)
  func hundredThousandLevelsIsAnErrorNotACrash(_ kind: String) {
    let source =
      "ruleset \"deep\" version \"1\"\nlet v = \(Self.nested(kind, 100_000))\nlet w = 1\n"
    let (checked, diagnostics) = Frontend.check(source: Array(source.utf8))
    #expect(checked == nil)
    let nesting = diagnostics.filter { $0.message.contains("nested too deeply") }
    #expect(nesting.count == 1)
    #expect(nesting.first?.location.line == 2)
  }

  @Test func theErrorPointsAtTheLevelThatIsTooDeep() {
    #expect(
      errors(Self.nested("paren", 300)) == [
        "1:265: this expression is nested too deeply (more than 256 levels)"
      ])
  }

  @Test func tablesAllowNegativeNumbersTrailingCommasAndNoEntries() {
    let source = """
      table a: text -> number { "x": -1.5, "y": 2, } default -3
      table b: text -> text {}
      table c: text -> bool { "t": true, "f": false }
      """
    let (tokens, _) = Lexer.tokenize(Array(source.utf8))
    let (syntax, diagnostics) = Parser.parse(tokens)
    #expect(diagnostics.isEmpty)
    guard case .table(let a) = syntax.items[0], case .table(let b) = syntax.items[1] else {
      Issue.record("expected two tables")
      return
    }
    #expect(a.entries.map(\.value.value) == [.number(-1.5), .number(2)])
    #expect(a.defaultValue?.value == .number(-3))
    #expect(b.entries.isEmpty && b.defaultValue == nil && b.isComplete)
  }

  @Test func recoveryResumesAtEveryTopLevelKeyword() {
    let source = """
      let a = (
      input b: number
      let c = ]
      table d: text -> number { 1 }
      let e = )
      factor f { when => 1 }
      let g = ,
      knockout "X" when )
      let h = *
      rating { when => "A" }
      let i = +
      eligibility { deny when x }
      let j = /
      output k = )
      """
    let (tokens, _) = Lexer.tokenize(Array(source.utf8))
    let (syntax, diagnostics) = Parser.parse(tokens)
    #expect(diagnostics.map(\.location.line) == Array(2...14))
    #expect(syntax.items.count == 14)
  }

  @Test func ratingIsANameInsideExpressions() {
    #expect(shape("rating not in [\"A\"]") == "(rating not in [\"A\"])")
    // Recovery does not stop at a `rating` that is not a block.
    let source = "let a = ) rating == \"A\"\nlet b = 1"
    let (tokens, _) = Lexer.tokenize(Array(source.utf8))
    let (syntax, diagnostics) = Parser.parse(tokens)
    #expect(diagnostics.count == 1)
    #expect(syntax.items.count == 2)
  }
}
