extension Lexer {
  /// A number literal: digits, an optional `.digits`, an optional exponent.
  mutating func lexNumber() {
    let start = location
    let from = index
    var malformed: String?
    while let b = peek(), Lexer.isDigit(b) { advanceASCII() }
    if peek() == UInt8(ascii: ".") {
      if let next = peek(1), Lexer.isDigit(next) {
        advanceASCII()
        while let b = peek(), Lexer.isDigit(b) { advanceASCII() }
      } else {
        advanceASCII()
        let written = String(decoding: bytes[from..<index], as: UTF8.self)
        malformed = "`\(written)` is not a number; write digits after the `.`, like `\(written)0`"
      }
    }
    if malformed == nil, let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      var offset = 1
      if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { offset = 2 }
      if let d = peek(offset), Lexer.isDigit(d) {
        for _ in 0..<offset { advanceASCII() }
        while let b = peek(), Lexer.isDigit(b) { advanceASCII() }
      } else {
        advanceASCII()
        while let b = peek(), Lexer.isIdentifierByte(b) { advanceASCII() }
        let written = String(decoding: bytes[from..<index], as: UTF8.self)
        malformed = "`\(written)` is not a number; an exponent needs digits, like `1e6`"
      }
    }
    let written = String(decoding: bytes[from..<index], as: UTF8.self)
    var value = 0.0
    if let message = malformed {
      error(message, at: start)
    } else if let parsed = Double(written), parsed.isFinite {
      value = parsed
    } else {
      error("the number `\(written)` is too large", at: start)
    }
    tokens.append(Token(kind: .number, location: start, text: written, number: value))
  }

  /// A `.` outside a number: `.5` is a common mistake, so it gets its own message.
  mutating func lexLeadingDot() {
    let start = location
    advanceASCII()
    guard let next = peek(), Lexer.isDigit(next) else {
      error("unexpected character `.`", at: start)
      emit(.invalid, at: start)
      return
    }
    let from = index
    while let b = peek(), Lexer.isDigit(b) { advanceASCII() }
    let digits = String(decoding: bytes[from..<index], as: UTF8.self)
    error(
      "`.\(digits)` is not a number; write a digit before the `.`, like `0.\(digits)`", at: start)
    tokens.append(Token(kind: .number, location: start, text: "." + digits, number: 0))
  }

  static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  /// A string literal: double quotes, the four escapes, no raw line breaks.
  mutating func lexString() {
    let start = location
    advanceASCII()
    var value: [UInt8] = []
    while true {
      guard let b = peek(), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") else {
        error("this string has no closing `\"` on its line", at: start)
        break
      }
      if b == UInt8(ascii: "\"") {
        advanceASCII()
        break
      }
      if b == UInt8(ascii: "\\") {
        let escapeAt = location
        advanceASCII()
        switch peek() {
        case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"):
          continue  // the missing closing quote is reported next
        default:
          let shown: String
          if let c = peek(), c < 0x80 {
            advanceASCII()
            shown = "`\\\(Character(Unicode.Scalar(c)))`"
          } else if let scalar = skipNonASCII(reportingInvalid: true) {
            shown = "`\\\(Character(scalar))`"
          } else {
            continue
          }
          error(
            "unknown escape \(shown) in a string; use `\\\"`, `\\\\`, `\\n` or `\\t`",
            at: escapeAt)
          continue
        }
        advanceASCII()
        continue
      }
      if b < 0x80 {
        value.append(b)
        advanceASCII()
      } else {
        let from = index
        if skipNonASCII(reportingInvalid: true) != nil {
          value.append(contentsOf: bytes[from..<index])
        }
      }
    }
    let text = String(decoding: value, as: UTF8.self)
    tokens.append(Token(kind: .string, location: start, text: text))
  }

  mutating func lexPunctuation(_ b: UInt8) {
    let start = location
    let next = peek(1)
    func two(_ second: Character) -> Bool { next == second.asciiValue }
    let kind: TokenKind
    var length = 1
    switch Character(Unicode.Scalar(b)) {
    case "+": kind = .plus
    case "-":
      if two(">") {
        kind = .arrow
        length = 2
      } else {
        kind = .minus
      }
    case "*": kind = .star
    case "/": kind = .slash
    case "?":
      if two("?") {
        kind = .coalesce
        length = 2
      } else {
        kind = .question
      }
    case "<":
      if two("=") {
        kind = .lessEqual
        length = 2
      } else {
        kind = .less
      }
    case ">":
      if two("=") {
        kind = .greaterEqual
        length = 2
      } else {
        kind = .greater
      }
    case "=":
      if two("=") {
        kind = .equal
        length = 2
      } else if two(">") {
        kind = .fatArrow
        length = 2
      } else {
        kind = .assign
      }
    case "!":
      if two("=") {
        kind = .notEqual
        length = 2
      } else {
        kind = .invalid
      }
    case "(": kind = .leftParen
    case ")": kind = .rightParen
    case "[": kind = .leftBracket
    case "]": kind = .rightBracket
    case "{": kind = .leftBrace
    case "}": kind = .rightBrace
    case ",": kind = .comma
    case ":": kind = .colon
    default: kind = .invalid
    }
    if kind == .invalid {
      let message =
        b == UInt8(ascii: "!")
        ? "unexpected character `!`; write `not` for negation or `!=` for inequality"
        : "unexpected character \(Lexer.describe(Unicode.Scalar(b)))"
      error(message, at: start)
    }
    for _ in 0..<length { advanceASCII() }
    emit(kind, at: start)
  }
}
