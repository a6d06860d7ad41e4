/// Writes the formatter's lines: spacing between tokens, aligned `=>`, comments and
/// blank lines.
struct FormatterRenderer {
  let layout: FormatterLayout
  private var out: [UInt8] = []

  init(layout: FormatterLayout) {
    self.layout = layout
  }

  mutating func render() -> [UInt8] {
    let texts = layout.lines.map { line -> [UInt8] in
      guard case .code = line.kind else { return [] }
      return code(line)
    }
    // Per block, the widest text before a band's `=>`.
    var heads: [Int: Int] = [:]
    for (l, line) in layout.lines.enumerated() where line.isBand {
      if let head = headWidth(line, texts[l]) {
        heads[line.block] = max(heads[line.block] ?? 0, head)
      }
    }
    var previous: FormatterLine?
    for (l, line) in layout.lines.enumerated() {
      if let previous, line.firstLine > previous.lastLine + 1, !previous.opensBlock,
        !line.closesBlock
      {
        out.append(0x0A)
      }
      out += repeatElement(UInt8(ascii: " "), count: line.indent)
      switch line.kind {
      case .comment(let c):
        out += commentText(c)
      case .code:
        var text = texts[l]
        if line.isBand, let width = heads[line.block], let head = headWidth(line, text),
          head < width, let at = arrowOffset(line, text)
        {
          text.insert(contentsOf: repeatElement(UInt8(ascii: " "), count: width - head), at: at)
        }
        out += text
        if line.isEntry, layout.tokens[line.tokens.upperBound - 1].kind != .comma {
          out.append(UInt8(ascii: ","))
        }
        if let c = line.trailingComment {
          out += [UInt8(ascii: " "), UInt8(ascii: " ")]
          out += commentText(c)
        }
      }
      out.append(0x0A)
      previous = line
    }
    return out
  }

  /// A comment's bytes without trailing spaces (or a CR).
  private func commentText(_ c: Int) -> ArraySlice<UInt8> {
    var range = layout.comments[c].bytes
    while range.upperBound > range.lowerBound,
      [0x20, 0x09, 0x0D].contains(layout.source[range.upperBound - 1])
    {
      range = range.lowerBound..<(range.upperBound - 1)
    }
    return layout.source[range]
  }

  /// The width (in Unicode scalars) of a band's text before ` =>`.
  private func headWidth(_ line: FormatterLine, _ text: [UInt8]) -> Int? {
    guard let at = arrowOffset(line, text) else { return nil }
    return text[..<at].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  /// The byte offset in `text` of the space before the band's `=>`.
  private func arrowOffset(_ line: FormatterLine, _ text: [UInt8]) -> Int? {
    var offset = 0
    var previous: Int?
    for t in line.tokens {
      if let previous { offset += spacing(previous, t).count }
      if layout.tokens[t].kind == .fatArrow { return offset - 1 }
      offset += layout.spans[t].count
      previous = t
    }
    return nil
  }

  /// The line's tokens with canonical spacing between them. Outside bands a line
  /// break of the original is kept, the next line indented two spaces per open bracket
  /// (at least one level; a closing bracket goes back a level).
  private func code(_ line: FormatterLine) -> [UInt8] {
    let range = line.tokens
    var text: [UInt8] = []
    var previous: Int?
    var nesting = 0
    for t in range {
      let kind = layout.tokens[t].kind
      // A trailing comma inside a list or a call goes (`[a, b,]` is `[a, b]`) unless a line
      // break follows it.
      if kind == .comma, t + 1 < range.upperBound, !layout.breaksAfter(t, in: line),
        layout.tokens[t + 1].kind == .rightBracket || layout.tokens[t + 1].kind == .rightParen
      {
        continue
      }
      if let previous {
        if layout.breaksAfter(previous, in: line) {
          if let c = line.interiorComments[previous] {
            text += [UInt8(ascii: " "), UInt8(ascii: " ")]
            text += commentText(c)
          }
          let closes = kind == .rightParen || kind == .rightBracket
          let levels = closes ? nesting - 1 : max(1, nesting)
          text.append(0x0A)
          text += repeatElement(UInt8(ascii: " "), count: line.indent + 2 * max(0, levels))
        } else {
          text += spacing(previous, t)
        }
      }
      text += layout.source[layout.spans[t]]
      switch kind {
      case .leftParen, .leftBracket: nesting += 1
      case .rightParen, .rightBracket: nesting = max(0, nesting - 1)
      default: break
      }
      previous = t
    }
    return text
  }

  /// What goes between tokens `a` and `b` on one line.
  private func spacing(_ a: Int, _ b: Int) -> [UInt8] {
    let space: [UInt8] = [UInt8(ascii: " ")]
    let x = layout.tokens[a].kind
    let y = layout.tokens[b].kind
    switch y {
    case .comma, .rightParen, .rightBracket, .colon, .question: return []
    default: break
    }
    switch x {
    case .leftParen, .leftBracket: return []
    case .minus where isUnary(a): return y == .minus ? space : []
    default: break
    }
    switch (x, y) {
    case (.identifier, .leftParen), (.identifier, .leftBracket), (.rightParen, .leftBracket),
      (.rightBracket, .leftBracket), (.leftBrace, .rightBrace):
      return []
    default: return space
    }
  }

  /// Whether the `-` at token `t` is a sign rather than a subtraction.
  private func isUnary(_ t: Int) -> Bool {
    guard t > 0 else { return true }
    switch layout.tokens[t - 1].kind {
    case .identifier, .number, .string, .rightParen, .rightBracket, .rightBrace, .question:
      return false
    case .keyword(let k):
      return !(k == .trueValue || k == .falseValue || k == .missing)
    default:
      return true
    }
  }
}
