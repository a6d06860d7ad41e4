/// One output line of the formatter: a run of tokens, or a comment on its own.
struct FormatterLine {
  enum Kind {
    /// Tokens `tokens` of the file.
    case code
    /// A comment on a line of its own (`comment` indexes the lexer's comments).
    case comment(Int)
  }

  var kind: Kind
  var tokens: Range<Int> = 0..<0
  /// Spaces before the first character.
  var indent: Int
  /// The original line the item started and ended on (for keeping blank lines).
  var firstLine: Int
  var lastLine: Int
  /// A comment kept at the end of a code line.
  var trailingComment: Int?
  /// Comments kept at the end of the line's inner line breaks, by the token before.
  var interiorComments: [Int: Int] = [:]
  /// Whether the line is a band (`when`/`else` ... `=>`) whose `=>` is aligned with
  /// the other bands of its block, which `block` numbers.
  var isBand = false
  /// Whether the line is a table entry (which always ends with `,`).
  var isEntry = false
  var block = -1
  /// Whether the line opens a block (no blank line may follow it) or closes one (no
  /// blank line may precede it).
  var opensBlock = false
  var closesBlock = false
}
