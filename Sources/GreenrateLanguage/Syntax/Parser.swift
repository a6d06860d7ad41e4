/// Thrown to abandon the part being parsed after its syntax error was reported.
struct ParseAbort: Error {}

/// Builds the parsed tree from tokens, reporting every syntax error.
///
/// After an error the parser skips to the next top-level keyword and goes on, so one
/// run reports the errors of every part of the file.
struct Parser {
  /// The deepest expression nesting the language allows.
  static let maximumDepth = 256

  let tokens: [Token]
  var position = 0
  var depth = 0
  var diagnostics: [Diagnostic] = []
  /// See `SyntaxRuleSet.bandHeads`.
  var bandHeads: [SourceLocation: Range<Int>] = [:]

  init(tokens: [Token]) {
    self.tokens = tokens
  }

  /// The parsed file and its syntax errors. `tokens` must end with an `.end` token.
  static func parse(_ tokens: [Token]) -> (syntax: SyntaxRuleSet, diagnostics: [Diagnostic]) {
    var parser = Parser(tokens: tokens)
    var syntax = parser.parseFile()
    syntax.bandHeads = parser.bandHeads
    return (syntax, parser.diagnostics)
  }

  var current: Token { tokens[min(position, tokens.count - 1)] }

  func peekKind(_ offset: Int = 1) -> TokenKind {
    tokens[min(position + offset, tokens.count - 1)].kind
  }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  func at(_ kind: TokenKind) -> Bool { current.kind == kind }
  func at(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

  /// Reports an error at the current token and abandons the part, unless the token is
  /// one the lexer already reported.
  mutating func fail(_ message: String) -> ParseAbort {
    if current.kind != .invalid {
      diagnostics.append(Diagnostic(message, at: current.location))
    }
    return ParseAbort()
  }

  /// `expected X, found Y` at the current token.
  mutating func failExpected(_ what: String) -> ParseAbort {
    if case .keyword(let k) = current.kind, what == "a name" {
      return fail("`\(k.rawValue)` is a reserved word and cannot be used as a name")
    }
    return fail("expected \(what), found \(current.described)")
  }

  mutating func expect(_ kind: TokenKind) throws(ParseAbort) -> Token {
    guard at(kind) else { throw failExpected(kind.spelling) }
    return advance()
  }

  mutating func expect(_ keyword: Keyword) throws(ParseAbort) -> Token {
    try expect(.keyword(keyword))
  }

  mutating func expectName() throws(ParseAbort) -> SyntaxName {
    guard at(.identifier) else { throw failExpected("a name") }
    let token = advance()
    return SyntaxName(name: token.text, location: token.location)
  }

  mutating func expectString(_ what: String) throws(ParseAbort) -> SyntaxString {
    guard at(.string) else { throw failExpected(what) }
    let token = advance()
    return SyntaxString(value: token.text, location: token.location)
  }

  /// Whether the current token starts a top-level part (where recovery resumes).
  /// `rating` counts only before `{`, since it is also a name inside expressions.
  var atDeclarationStart: Bool {
    guard case .keyword(let k) = current.kind, k.startsDeclaration else {
      return at(.end)
    }
    return k != .rating || peekKind() == .leftBrace
  }

  /// Skips to the next top-level keyword (or the end of the file).
  mutating func synchronize() {
    depth = 0
    while !atDeclarationStart { advance() }
  }

  /// After a complete part, the next token must start another part.
  /// `what` names what else could follow here, if anything.
  mutating func expectDeclarationEnd(_ what: String?) {
    guard !atDeclarationStart else { return }
    let expected = what.map { "\($0) or a new declaration" } ?? Parser.aDeclaration
    _ = fail("expected \(expected), found \(current.described)\(keywordGuess)")
    synchronize()
  }

  static let aDeclaration =
    "a declaration (`input`, `table`, `let`, `factor`, `knockout`, `rating`, `eligibility` or "
    + "`output`)"

  static let declarationKeywords = [
    "input", "table", "let", "factor", "knockout", "rating", "eligibility", "output", "ruleset",
  ]

  /// " (did you mean `factor`?)" when the current token looks like a misspelt keyword
  /// that starts a declaration.
  var keywordGuess: String {
    guard current.kind == .identifier,
      let guess = Suggestions.closest(to: current.text, among: Parser.declarationKeywords)
    else { return "" }
    return " (did you mean `\(guess)`?)"
  }
}
