/// Parses and type-checks a rule file: lexer, parser and checker in one call.
enum Frontend {
  /// The checked rule set when the file has no error; otherwise nil and every error
  /// found, sorted by location.
  static func check(source: [UInt8]) -> (checked: CheckedRuleSet?, diagnostics: [Diagnostic]) {
    // One error for a file in the wrong encoding, not one per byte.
    if let problem = EncodingSniffer.utf16Problem(source) {
      return (nil, [Diagnostic(problem, at: SourceLocation(line: 1, column: 1))])
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
    return (checked, sorted)
  }
}
