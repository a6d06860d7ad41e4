/// Lays a rule file out the one canonical way (`greenrate fmt`).
///
/// The layout: one declaration per line at the left margin; block bodies (`factor`,
/// `rating`, `eligibility`, `table`) indented by two spaces with one band, deny line or
/// table entry per line (table entries each end with `,`); the `=>` of a block's bands
/// aligned; one space between tokens except before `,` `:` `)` `]` `?`, after `(` `[`
/// and a unary `-`, and between a function or table name and its `(` or `[`. Comments
/// are kept: a comment after code stays at the end of its line (two spaces before the
/// `#`), a comment on its own line stays above the line that followed it. One blank line
/// is kept wherever the original had one or more, except just inside braces. Line
/// ends are LF and the file ends with exactly one.
///
/// Only tokens move: the formatted file parses to the same tree as the original.
package enum RuleFormatter {
  /// The formatted bytes of `source`, or its lexical and syntax errors (a file that
  /// does not parse has no canonical layout).
  package static func format(_ source: [UInt8], file: String) throws(RuleFileError) -> [UInt8] {
    let lexer = Lexer.tokenizeKeepingTrivia(source)
    let (_, syntactic) = Parser.parse(lexer.tokens)
    let diagnostics = lexer.diagnostics + syntactic
    guard diagnostics.isEmpty else {
      throw RuleFileError(
        file: file, source: source,
        diagnostics: diagnostics.sorted {
          ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        })
    }
    var layout = FormatterLayout(source: source, lexer: lexer)
    return layout.render()
  }
}
