/// Splits a rule file's UTF-8 bytes into tokens, reporting every lexical error.
///
/// Lines end at LF; columns count Unicode scalars from 1. Bad input never stops the
/// lexer: each error is reported and lexing goes on, so one pass finds them all.
struct Lexer {
  let bytes: [UInt8]
  var index = 0
  var line = 1
  var column = 1
  var tokens: [Token] = []
  var diagnostics: [Diagnostic] = []
  /// Whether to keep what the parser skips (comments, each token's bytes): only the
  /// formatter asks, so the ordinary lexer pays one untaken branch per token.
  var keepsTrivia = false
  /// Each token's bytes in the source, when `keepsTrivia`.
  var spans: [Range<Int>] = []
  /// The comments, in file order, when `keepsTrivia`.
  var comments: [Comment] = []

  /// A `#` comment: where it starts and its bytes up to the end of its line.
  struct Comment {
    var location: SourceLocation
    var bytes: Range<Int>
  }

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    if UTF8Scan.hasByteOrderMark(bytes) { index = 3 }
  }

  /// All tokens of `source`, ending with an `.end` token, and the lexical errors found.
  static func tokenize(_ source: [UInt8]) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(source)
    lexer.run()
    return (lexer.tokens, lexer.diagnostics)
  }

  var location: SourceLocation { SourceLocation(line: line, column: column) }

  func peek(_ offset: Int = 0) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  /// Moves past one byte that is known to be ASCII.
  mutating func advanceASCII() {
    if bytes[index] == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(message, at: location))
  }

  mutating func emit(_ kind: TokenKind, at location: SourceLocation) {
    tokens.append(Token(kind: kind, location: location))
  }

  /// All tokens with each one's bytes, and the comments, for the formatter.
  static func tokenizeKeepingTrivia(_ source: [UInt8]) -> Lexer {
    var lexer = Lexer(source)
    lexer.keepsTrivia = true
    lexer.run()
    return lexer
  }

  mutating func run() {
    while let b = peek() {
      let from = index
      let emitted = tokens.count
      defer {
        // Every token is appended once its bytes are consumed: it spans [from, index).
        for t in emitted..<tokens.count {
          tokens[t].offset = from
          tokens[t].end = index
        }
        if keepsTrivia {
          for _ in emitted..<tokens.count { spans.append(from..<index) }
        }
      }
      switch b {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
        advanceASCII()
      case UInt8(ascii: "#"):
        skipComment()
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "_"):
        lexIdentifier()
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        lexNumber()
      case UInt8(ascii: "."):
        lexLeadingDot()
      case UInt8(ascii: "\""):
        lexString()
      default:
        if b < 0x80 {
          lexPunctuation(b)
        } else {
          lexForeign()
        }
      }
    }
    emit(.end, at: location)
    tokens[tokens.count - 1].offset = index
    tokens[tokens.count - 1].end = index
    if keepsTrivia { spans.append(index..<index) }
  }

  mutating func skipComment() {
    let start = location
    let from = index
    defer { if keepsTrivia { comments.append(Comment(location: start, bytes: from..<index)) } }
    while let b = peek(), b != UInt8(ascii: "\n") {
      if b < 0x80 {
        advanceASCII()
      } else {
        skipNonASCII(reportingInvalid: true)
      }
    }
  }

  /// Moves past one non-ASCII scalar (or one byte of an invalid sequence); returns the
  /// scalar, or nil for invalid UTF-8 (which is reported when asked).
  @discardableResult
  mutating func skipNonASCII(reportingInvalid: Bool) -> Unicode.Scalar? {
    let start = location
    guard let length = UTF8Scan.scalarLength(bytes, at: index) else {
      if reportingInvalid {
        error(
          "the file is not valid UTF-8 here (byte \(Lexer.hex(bytes[index], digits: 2)))", at: start
        )
      }
      index += 1
      column += 1
      // A run of bad bytes is one mistake: report it once.
      while index < bytes.count, bytes[index] >= 0x80,
        UTF8Scan.scalarLength(bytes, at: index) == nil
      {
        index += 1
        column += 1
      }
      return nil
    }
    let value = UTF8Scan.scalar(bytes, at: index, length: length)
    index += length
    column += 1
    return Unicode.Scalar(value)
  }

  mutating func lexIdentifier() {
    let start = location
    let from = index
    while let b = peek(), Lexer.isIdentifierByte(b) { advanceASCII() }
    let name = String(decoding: bytes[from..<index], as: UTF8.self)
    if let keyword = Keyword.bySpelling[name] {
      tokens.append(Token(kind: .keyword(keyword), location: start, text: name))
    } else {
      tokens.append(Token(kind: .identifier, location: start, text: name))
    }
  }

  static func isIdentifierByte(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
      return true
    default:
      return false
    }
  }

  mutating func lexForeign() {
    let start = location
    if let scalar = skipNonASCII(reportingInvalid: true) {
      error("unexpected character \(Lexer.describe(scalar))", at: start)
    }
    emit(.invalid, at: start)
  }

  /// A character quoted for a message; invisible or awkward ones as `U+XXXX`.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let v = scalar.value
    if v < 0x21 || v == 0x60 || v == 0x7F || (v >= 0x80 && v < 0xA0)
      || scalar.properties.isWhitespace
    {
      return "U+\(Lexer.hex(v, digits: 4))"
    }
    return "`\(Character(scalar))`"
  }

  /// Upper-case hexadecimal with at least `digits` digits.
  static func hex<T: BinaryInteger>(_ value: T, digits: Int) -> String {
    let s = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - s.count)) + s
  }
}
