extension RuleFileError {
  /// Scalars of context shown on each side of the caret when a line is too long to
  /// quote whole; a line of up to `2 × clipContext` scalars is quoted whole.
  package static let clipContext = 60

  /// Every diagnostic as the analyst sees it: `FILE:LINE:COLUMN: error: MESSAGE`
  /// (or `warning:`), then the
  /// source line, then a caret under the column. Tabs before the column are kept in
  /// the caret line so the caret lines up however wide a tab is shown.
  ///
  /// A line longer than `2 × clipContext` scalars (a generated table on one line, a
  /// minified file) is quoted only around the caret, `clipContext` scalars each side,
  /// with `…` where it was cut; the caret stays under its column.
  ///
  /// Linear in the file and the errors: the lines are found in one pass, and the errors,
  /// sorted by location, decode each line once however many errors it has.
  package var rendered: String {
    var out = ""
    var finder = LineFinder(source: source)
    var decodedLine = 0
    var scalars: [Unicode.Scalar] = []
    for diagnostic in diagnostics {
      let location = diagnostic.location
      out +=
        "\(file):\(location.line):\(location.column): \(diagnostic.severity.rawValue): "
        + "\(diagnostic.message)\n"
      if location.line != decodedLine {
        scalars = finder.scalars(ofLine: location.line)
        decodedLine = location.line
      }
      let caretAt = max(0, location.column - 1)
      var first = 0
      var end = scalars.count
      if scalars.count > 2 * RuleFileError.clipContext {
        first = max(0, min(caretAt, scalars.count) - RuleFileError.clipContext)
        end = min(scalars.count, caretAt + RuleFileError.clipContext)
      }
      var text = first > 0 ? "…" : ""
      var caret = first > 0 ? " " : ""
      text.unicodeScalars.append(contentsOf: scalars[first..<max(first, end)])
      if end < scalars.count { text += "…" }
      for i in first..<max(first, caretAt) {
        caret += i < scalars.count && scalars[i] == "\t" ? "\t" : " "
      }
      out += text + "\n" + caret + "^\n"
    }
    return out
  }

  /// The scalars of line `line` (from 1), counted as the lexer counts columns: a byte
  /// of invalid UTF-8 shows as U+FFFD, a trailing CR and a leading BOM are left out.
  static func lineScalars(_ source: [UInt8], line: Int) -> [Unicode.Scalar] {
    var finder = LineFinder(source: source)
    return finder.scalars(ofLine: line)
  }
}

/// Finds lines of a source by number, remembering where every line seen so far starts,
/// so asking for lines in any order costs one pass over the source in all.
struct LineFinder {
  let source: [UInt8]
  /// `starts[k]` is the byte offset of line k + 1.
  private var starts: [Int]

  init(source: [UInt8]) {
    self.source = source
    starts = [UTF8Scan.hasByteOrderMark(source) ? 3 : 0]
  }

  /// The byte offset where line `line` (from 1) starts, or nil past the end.
  mutating func start(ofLine line: Int) -> Int? {
    guard line >= 1 else { return nil }
    while starts.count < line {
      guard let last = starts.last, last <= source.count else { return nil }
      var index = last
      while index < source.count, source[index] != UInt8(ascii: "\n") { index += 1 }
      // One past the end marks "no more lines".
      starts.append(index < source.count ? index + 1 : source.count + 1)
    }
    let offset = starts[line - 1]
    return offset <= source.count ? offset : nil
  }

  mutating func scalars(ofLine line: Int) -> [Unicode.Scalar] {
    guard var index = start(ofLine: line) else { return [] }
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
    // Control characters other than tab (the NUL bytes of a UTF-16 file, a stray CR)
    // would garble the terminal: each shows as U+FFFD, one column like the lexer counts.
    for i in scalars.indices where scalars[i].value < 0x20 && scalars[i] != "\t" {
      scalars[i] = "\u{FFFD}"
    }
    return scalars
  }
}
