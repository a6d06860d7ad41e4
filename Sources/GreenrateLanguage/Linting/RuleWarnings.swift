/// Logic `check` can prove wrong in a rule file that has no error: warnings, which
/// `check` prints (and `--strict` turns into errors) but which never stop a file from
/// running.
///
/// - a band that can never match because an earlier band of its factor or rating
///   covers it (`x <= 0.2` before `x <= 0.05`, or the same condition twice);
/// - a rating label compared against (`rating == "b"`, `rating in [...]`) that no
///   rating band produces;
/// - a `let`, `input` (other than the key) or `table` that nothing uses;
/// - a knockout or deny code used twice, or a reason code used by two factors;
/// - a table entry no lookup can reach: every lookup's key is `upper(...)` and the
///   entry's key has a lower-case letter (or `lower(...)` and an upper-case one).
package enum RuleWarnings {
  /// The warnings of `source`, sorted by location; none when the file has errors
  /// (those come first).
  package static func find(source: [UInt8]) -> [Diagnostic] {
    let (tokens, lexical) = Lexer.tokenize(source)
    guard lexical.isEmpty else { return [] }
    let (syntax, syntactic) = Parser.parse(tokens)
    guard syntactic.isEmpty else { return [] }
    var (checked, semantic) = Checker.check(syntax)
    checked?.releaseExpressions()
    guard semantic.isEmpty else { return [] }
    return find(syntax: syntax)
  }

  /// The warnings of a parsed file that checked without error, sorted by location.
  static func find(syntax: SyntaxRuleSet) -> [Diagnostic] {
    var linter = Linter(syntax: syntax)
    linter.run()
    return linter.warnings.sorted {
      ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
    }
  }
}
