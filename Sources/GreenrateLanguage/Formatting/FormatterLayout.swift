/// Splits a file's tokens into the formatter's lines, places the comments and renders.
struct FormatterLayout {
  let source: [UInt8]
  let tokens: [Token]
  let spans: [Range<Int>]
  let comments: [Lexer.Comment]
  var lines: [FormatterLine] = []

  init(source: [UInt8], lexer: Lexer) {
    self.source = source
    // Without the `.end` token.
    tokens = Array(lexer.tokens.dropLast())
    spans = Array(lexer.spans.prefix(tokens.count))
    comments = lexer.comments
  }

  /// What kind of body the block being read has.
  enum Block {
    case bands, denials, entries, none
  }

  /// The formatted file.
  mutating func render() -> [UInt8] {
    splitLines()
    placeComments()
    var renderer = FormatterRenderer(layout: self)
    return renderer.render()
  }

  // MARK: Splitting

  /// Cuts the tokens into code lines (see `RuleFormatter` for where lines break).
  private mutating func splitLines() {
    var start = 0
    var depth = 0  // braces
    var nesting = 0  // parentheses and brackets
    var pendingIfs = 0
    var block = Block.none
    var blockNumber = -1
    var lineBlockDepth = 0
    func cut(_ end: Int) {
      guard end > start else { return }
      var line = FormatterLine(
        kind: .code, indent: 2 * lineBlockDepth, firstLine: tokens[start].location.line,
        lastLine: tokens[end - 1].location.line)
      line.tokens = start..<end
      let first = tokens[start].kind
      if depth > 0, block == .bands, first == .keyword(.when) || first == .keyword(.elseBand) {
        line.isBand = true
        line.block = blockNumber
      }
      line.closesBlock = first == .rightBrace
      line.opensBlock = tokens[end - 1].kind == .leftBrace
      line.isEntry = depth > 0 && block == .entries && first != .rightBrace && !line.opensBlock
      lines.append(line)
      start = end
      pendingIfs = 0
    }
    var i = 0
    while i < tokens.count {
      let kind = tokens[i].kind
      // Does a new line start at token i?
      if i > start {
        var breaks = false
        if depth == 0, nesting == 0, case .keyword(let k) = kind, k.startsDeclaration {
          breaks = k != .rating || (i + 1 < tokens.count && tokens[i + 1].kind == .leftBrace)
        } else if depth == 1, nesting == 0 {
          switch (block, kind) {
          case (_, .rightBrace): breaks = true
          case (.bands, .keyword(.when)): breaks = true
          case (.bands, .keyword(.elseBand)): breaks = pendingIfs == 0
          case (.denials, .keyword(.deny)): breaks = true
          default: break
          }
        }
        if breaks { cut(i) }
      }
      if i == start { lineBlockDepth = kind == .rightBrace ? depth - 1 : depth }
      if i == start, depth == 0, case .keyword(let k) = kind {
        switch k {
        case .factor, .rating: block = .bands
        case .eligibility: block = .denials
        case .table: block = .entries
        default: block = .none
        }
      }
      switch kind {
      case .keyword(.ifThen): pendingIfs += 1
      case .keyword(.elseBand) where pendingIfs > 0: pendingIfs -= 1
      case .leftParen, .leftBracket: nesting += 1
      case .rightParen, .rightBracket: nesting = max(0, nesting - 1)
      case .leftBrace:
        if i + 1 < tokens.count, tokens[i + 1].kind == .rightBrace {
          // An empty block stays `{}` on its line.
          i += 2
          continue
        }
        depth += 1
        blockNumber += 1
        cut(i + 1)
      case .rightBrace:
        depth = max(0, depth - 1)
      case .comma where depth == 1 && nesting == 0 && block == .entries:
        cut(i + 1)
      default: break
      }
      i += 1
    }
    cut(tokens.count)
  }

  // MARK: Comments

  /// Puts each comment at the end of the code line it followed, or on a line of its
  /// own above the code line that came next (a comment inside a line that was joined
  /// moves above it).
  private mutating func placeComments() {
    guard !comments.isEmpty else { return }
    // Per line, the comments going above it; comments after the last token go last.
    var above: [[Int]] = Array(repeating: [], count: lines.count)
    var atEnd: [Int] = []
    var lineOfToken: [Int] = Array(repeating: 0, count: tokens.count)
    for (l, line) in lines.enumerated() {
      for t in line.tokens { lineOfToken[t] = l }
    }
    var t = 0  // the first token after the comment
    for (c, comment) in comments.enumerated() {
      while t < tokens.count, spans[t].lowerBound < comment.bytes.lowerBound { t += 1 }
      let previous = t - 1
      if previous >= 0, tokens[previous].location.line == comment.location.line {
        let l = lineOfToken[previous]
        if previous == lines[l].tokens.upperBound - 1 {
          lines[l].trailingComment = c
        } else if breaksAfter(previous, in: lines[l]) {
          lines[l].interiorComments[previous] = c
        } else {
          above[l].append(c)
        }
      } else if t < tokens.count {
        above[lineOfToken[t]].append(c)
      } else {
        atEnd.append(c)
      }
    }
    var placed: [FormatterLine] = []
    for (l, line) in lines.enumerated() {
      for c in above[l] {
        placed.append(commentLine(c, indent: line.closesBlock ? line.indent + 2 : line.indent))
      }
      placed.append(line)
    }
    for c in atEnd { placed.append(commentLine(c, indent: 0)) }
    lines = placed
  }

  /// Whether the original broke the line after token `t` and the layout keeps that
  /// break: in a line that is not a band (bands are one line, for aligning `=>`).
  func breaksAfter(_ t: Int, in line: FormatterLine) -> Bool {
    !line.isBand && t + 1 < line.tokens.upperBound
      && tokens[t + 1].location.line > tokens[t].location.line
  }

  private func commentLine(_ c: Int, indent: Int) -> FormatterLine {
    let line = comments[c].location.line
    return FormatterLine(kind: .comment(c), indent: indent, firstLine: line, lastLine: line)
  }
}
