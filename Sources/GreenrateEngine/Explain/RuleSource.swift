import GreenrateLanguage

/// The text of the rule file a run used — only when the file at the recorded path is
/// still byte for byte that rule set (same SHA-256), so `explain` never quotes a
/// condition from rules that have changed since.
struct RuleSource {
  private let lines: [Substring]

  /// The source at `path` if its fingerprint is `sha256`; nil when it is unreadable or
  /// edited. (Same bytes as the run's, so it compiled then: no need to compile again.)
  init?(path: String, sha256: String) {
    guard !path.isEmpty, let data = System.readFile(path), SHA256.hex(data) == sha256
    else { return nil }
    lines = String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
  }

  /// The condition of the band declared at `location`: `when ...` (up to its `=>`) or
  /// `else`; nil when the line does not look like a band.
  func condition(at location: SourceLocation) -> String? {
    guard location.line >= 1, location.line <= lines.count else { return nil }
    var line = lines[location.line - 1]
    if line.last == "\r" { line.removeLast() }
    let start =
      line.unicodeScalars.index(
        line.startIndex, offsetBy: max(0, location.column - 1),
        limitedBy: line.endIndex) ?? line.endIndex
    let band = RuleSource.trimmed(RuleSource.beforeArrow(line[start...]))
    guard band.hasPrefix("when") || band.hasPrefix("else") else { return nil }
    return band
  }

  /// `text` without the blanks (spaces, tabs: whitespace but line ends) around it.
  private static func trimmed(_ text: Substring) -> String {
    func isBlank(_ c: Character) -> Bool { c.isWhitespace && !c.isNewline }
    return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
  }

  /// The text before the first `=>` (or `#`) that is not inside a string literal.
  private static func beforeArrow(_ text: Substring) -> Substring {
    var inString = false
    var escaped = false
    var previous: Character = " "
    for index in text.indices {
      let c = text[index]
      if inString {
        if escaped {
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          inString = false
        }
      } else if c == "\"" {
        inString = true
      } else if c == "#" {
        return text[..<index]
      } else if c == ">" && previous == "=" {
        return text[..<text.index(before: index)]
      }
      previous = c
    }
    return text
  }
}
