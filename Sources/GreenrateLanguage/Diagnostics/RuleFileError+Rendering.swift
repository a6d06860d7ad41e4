extension RuleFileError {
  /// Every diagnostic as the analyst sees it: `FILE:LINE:COLUMN: error: MESSAGE`
  /// (or `warning:`), then the
  /// source line, then a caret under the column. Tabs before the column are kept in
  /// the caret line so the caret lines up however wide a tab is shown.
  public var rendered: String {
    var out = ""
    for diagnostic in diagnostics {
      let location = diagnostic.location
      out +=
        "\(file):\(location.line):\(location.column): \(diagnostic.severity.rawValue): "
        + "\(diagnostic.message)\n"
      let scalars = RuleFileError.lineScalars(source, line: location.line)
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      var caret = ""
      for i in 0..<max(0, location.column - 1) {
        caret += i < scalars.count && scalars[i] == "\t" ? "\t" : " "
      }
      out += text + "\n" + caret + "^\n"
    }
    return out
  }

  /// The scalars of line `line` (from 1), counted as the lexer counts columns: a byte
  /// of invalid UTF-8 shows as U+FFFD, a trailing CR and a leading BOM are left out.
  static func lineScalars(_ source: [UInt8], line: Int) -> [Unicode.Scalar] {
    var index = UTF8Scan.hasByteOrderMark(source) ? 3 : 0
    var current = 1
    while current < line, index < source.count {
      if source[index] == UInt8(ascii: "\n") { current += 1 }
      index += 1
    }
    guard current == line else { return [] }
    var scalars: [Unicode.Scalar] = []
    while index < source.count, source[index] != UInt8(ascii: "\n") {
      if let length = UTF8Scan.scalarLength(source, at: index),
        let scalar = Unicode.Scalar(UTF8Scan.scalar(source, at: index, length: length))
      {
        scalars.append(scalar)
        index += length
      } else {
        scalars.append("\u{FFFD}")
        index += 1
      }
    }
    if scalars.last == "\r" { scalars.removeLast() }
    return scalars
  }
}
