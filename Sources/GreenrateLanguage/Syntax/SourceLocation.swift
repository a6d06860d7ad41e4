/// A position in a rule file: line and column, both counted from 1.
///
/// Columns count Unicode scalars, as the language contract says, so a caret lines up
/// under the character an analyst sees.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}
