/// Parses and type-checks a rule file: lexer, parser and checker in one call.
enum Frontend {
  /// The checked rule set when the file has no error; otherwise nil and every error
  /// found, sorted by location.
  static func check(source: [UInt8]) -> (checked: CheckedRuleSet?, diagnostics: [Diagnostic]) {
    let outcome = analyse(source: source)
    return (outcome.checked, outcome.diagnostics)
  }

  /// `check`, and the syntax tree as well (nil for a file in the wrong encoding), for
  /// the warnings of `check`: the file is lexed, parsed and checked once.
  static func analyse(source: [UInt8]) -> (
    checked: CheckedRuleSet?, diagnostics: [Diagnostic], syntax: SyntaxRuleSet?
  ) {
    // One error for a file in the wrong encoding, not one per byte.
    if let problem = EncodingSniffer.utf16Problem(source) {
      return (nil, [Diagnostic(problem, at: SourceLocation(line: 1, column: 1))], nil)
    }
    let (tokens, lexical) = Lexer.tokenize(source)
    let (syntax, syntactic) = Parser.parse(tokens)
    var (checked, semantic) = Checker.check(syntax)
    var seen: Set<Diagnostic> = []
    let all = (lexical + syntactic + semantic).enumerated().filter {
      seen.insert($0.element).inserted
    }
    let sorted = all.sorted { a, b in
      let (x, y) = (a.element.location, b.element.location)
      if x.line != y.line { return x.line < y.line }
      if x.column != y.column { return x.column < y.column }
      return a.offset < b.offset
    }.map(\.element)
    if !sorted.isEmpty {
      checked?.releaseExpressions()
      checked = nil
    }
    return (checked, sorted, syntax)
  }
}
