/// A position in a rule file: line and column, both counted from 1.
///
/// Columns count Unicode scalars, as the language contract says, so a caret lines up
/// under the character an analyst sees.
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  package var line: Int
  package var column: Int

  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  package var description: String { "\(line):\(column)" }
}
