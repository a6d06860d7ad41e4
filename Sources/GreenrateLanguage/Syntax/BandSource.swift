/// The source of each band's head in a rule file, as the language's own lexer and parser
/// see it: `when CONDITION` (however many lines the condition spans) or `else`. Used to
/// quote a band's condition (`greenrate explain`) without a second, hand-written reading
/// of the syntax.
package struct BandSource: Sendable {
  private let heads: [SourceLocation: (range: Range<Int>, text: String)]

  /// Reads the bands of `source`. A file with errors still gives the bands it parsed.
  package init(source: [UInt8]) {
    let (tokens, _) = Lexer.tokenize(source)
    var heads: [SourceLocation: (range: Range<Int>, text: String)] = [:]
    for (location, range) in Parser.parse(tokens).syntax.bandHeads {
      heads[location] = (range, Self.oneLine(source, tokens, range))
    }
    self.heads = heads
  }

  /// The bytes [start, end) of the head of the band declared at `location`, from its
  /// `when` or `else` to the end of its condition; nil when no band starts there.
  package func range(at location: SourceLocation) -> Range<Int>? { heads[location]?.range }

  /// The head of the band declared at `location` on one line: its tokens as written, with
  /// a single space wherever a line break or a comment separated two of them; nil when no
  /// band starts there.
  package func head(at location: SourceLocation) -> String? { heads[location]?.text }

  private static func oneLine(_ source: [UInt8], _ tokens: [Token], _ range: Range<Int>) -> String {
    // Tokens are in source order: find the first of the head by binary search.
    var lo = 0
    var hi = tokens.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if tokens[mid].offset < range.lowerBound { lo = mid + 1 } else { hi = mid }
    }
    var out: [UInt8] = []
    var previousEnd: Int?
    var t = lo
    while t < tokens.count, tokens[t].end <= range.upperBound, tokens[t].kind != .end {
      let token = tokens[t]
      if let previousEnd, previousEnd < token.offset {
        let gap = source[previousEnd..<token.offset]
        if gap.contains(UInt8(ascii: "\n")) || gap.contains(UInt8(ascii: "#")) {
          out.append(UInt8(ascii: " "))
        } else {
          out.append(contentsOf: gap)
        }
      }
      out.append(contentsOf: source[token.offset..<token.end])
      previousEnd = token.end
      t += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
