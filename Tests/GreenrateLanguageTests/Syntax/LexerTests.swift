import Testing

@testable import GreenrateLanguage

@Suite struct LexerTests {
  func lex(_ source: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    Lexer.tokenize(Array(source.utf8))
  }

  func kinds(_ source: String) -> [TokenKind] { lex(source).tokens.map(\.kind) }

  func messages(_ source: String) -> [String] {
    lex(source).diagnostics.map { "\($0.location): \($0.message)" }
  }

  @Test func everyOperatorAndPunctuation() {
    let source = "+ - * / ?? < <= > >= == != = ( ) [ ] { } , : => -> ?"
    #expect(
      kinds(source) == [
        .plus, .minus, .star, .slash, .coalesce, .less, .lessEqual, .greater, .greaterEqual,
        .equal, .notEqual, .assign, .leftParen, .rightParen, .leftBracket, .rightBracket,
        .leftBrace, .rightBrace, .comma, .colon, .fatArrow, .arrow, .question, .end,
      ])
    #expect(lex(source).diagnostics.isEmpty)
  }

  @Test func operatorsNeedNoSpaces() {
    #expect(kinds("a>=b") == [.identifier, .greaterEqual, .identifier, .end])
    #expect(kinds("x??0") == [.identifier, .coalesce, .number, .end])
    #expect(kinds("number?") == [.identifier, .question, .end])
    #expect(kinds("=>=") == [.fatArrow, .assign, .end])
  }

  @Test func everyKeywordIsReserved() {
    let words =
      "ruleset version input key table default let factor when else reason knockout rating "
      + "eligibility deny output and or not in is missing if then true false"
    let tokens = lex(words).tokens.dropLast()
    #expect(tokens.count == 26)
    #expect(Keyword.allCases.count == 26)
    for token in tokens {
      guard case .keyword(let keyword) = token.kind else {
        Issue.record("`\(token.text)` lexed as \(token.kind)")
        continue
      }
      #expect(keyword.rawValue == token.text)
    }
  }

  @Test func identifiersAreCaseSensitiveAndNotKeywords() {
    let tokens = lex("Let _x x_1 letter ratings number").tokens
    #expect(tokens.dropLast().allSatisfy { $0.kind == .identifier })
    #expect(tokens.map(\.text).dropLast() == ["Let", "_x", "x_1", "letter", "ratings", "number"])
  }

  @Test func numbersAsTheContractWritesThem() {
    let tokens = lex("12 0.5 1e6 2.5E-3 1e+6 007 1.25e2").tokens
    #expect(tokens.dropLast().map(\.number) == [12, 0.5, 1e6, 2.5e-3, 1e6, 7, 125])
    #expect(lex("12 0.5 1e6 2.5E-3 1e+6").diagnostics.isEmpty)
  }

  @Test func aMinusIsAnOperatorNotASign() {
    #expect(kinds("-5") == [.minus, .number, .end])
  }

  @Test func malformedNumbersAreErrors() {
    #expect(messages("1.") == ["1:1: `1.` is not a number; write digits after the `.`, like `1.0`"])
    #expect(
      messages(".5") == ["1:1: `.5` is not a number; write a digit before the `.`, like `0.5`"])
    #expect(
      messages("x = 1e") == ["1:5: `1e` is not a number; an exponent needs digits, like `1e6`"])
    #expect(messages("1e+") == ["1:1: `1e` is not a number; an exponent needs digits, like `1e6`"])
    #expect(messages("1e400") == ["1:1: the number `1e400` is too large"])
    #expect(messages(String(repeating: "9", count: 400)).count == 1)
    #expect(messages("1e-400").isEmpty)
    #expect(messages(".") == ["1:1: unexpected character `.`"])
  }

  @Test func stringsDecodeTheFourEscapes() {
    let tokens = lex(#""a\"b\\c\nd\te" "café""#).tokens
    #expect(tokens[0].kind == .string)
    #expect(tokens[0].text == "a\"b\\c\nd\te")
    #expect(tokens[1].text == "café")
    #expect(tokens[1].location == SourceLocation(line: 1, column: 17))
  }

  @Test func otherEscapesAndRawNewlinesAreErrors() {
    #expect(
      messages(#""a\u00e9""#) == [
        #"1:3: unknown escape `\u` in a string; use `\"`, `\\`, `\n` or `\t`"#
      ])
    #expect(messages("\"abc\ndef\"").count == 2)  // both strings lack a closing quote
    #expect(messages("\"abc\n") == ["1:1: this string has no closing `\"` on its line"])
    #expect(messages("\"abc\r\n") == ["1:1: this string has no closing `\"` on its line"])
    #expect(messages("\"abc\\") == ["1:1: this string has no closing `\"` on its line"])
  }

  @Test func commentsAndWhitespaceAreSkipped() {
    let tokens = lex("# a comment ✓\n\tlet\r\n  x # trailing\n").tokens
    #expect(tokens.map(\.kind) == [.keyword(.letValue), .identifier, .end])
    #expect(tokens[0].location == SourceLocation(line: 2, column: 2))
    #expect(tokens[1].location == SourceLocation(line: 3, column: 3))
  }

  @Test func columnsCountUnicodeScalars() {
    let tokens = lex("\"é中😀\" x\n  \"e\u{301}\" y").tokens
    #expect(tokens[1].location == SourceLocation(line: 1, column: 7))
    #expect(tokens[3].location == SourceLocation(line: 2, column: 8))
  }

  @Test func aByteOrderMarkIsSkipped() {
    let tokens = Lexer.tokenize([0xEF, 0xBB, 0xBF] + Array("let x".utf8)).tokens
    #expect(tokens[0].kind == .keyword(.letValue))
    #expect(tokens[0].location == SourceLocation(line: 1, column: 1))
    #expect(tokens[1].location == SourceLocation(line: 1, column: 5))
  }

  @Test func strayCharactersAreReportedOnce() {
    #expect(messages("a $ b") == ["1:3: unexpected character `$`"])
    #expect(
      messages("a ! b") == [
        "1:3: unexpected character `!`; write `not` for negation or `!=` for inequality"
      ])
    #expect(messages("a é") == ["1:3: unexpected character `é`"])
    #expect(messages("a \u{7}") == ["1:3: unexpected character U+0007"])
    #expect(messages("a `") == ["1:3: unexpected character U+0060"])
    #expect(kinds("a $ b") == [.identifier, .invalid, .identifier, .end])
  }

  @Test func invalidUTF8IsAnErrorNotACrash() {
    let bad: [[UInt8]] = [
      [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
    ]
    for bytes in bad {
      for (prefix, suffix) in [("x ", " y"), ("\"", "\""), ("# ", "\n")] {
        let source = Array(prefix.utf8) + bytes + Array(suffix.utf8)
        let diagnostics = Lexer.tokenize(source).diagnostics
        #expect(!diagnostics.isEmpty, "\(bytes) in \(prefix)…\(suffix)")
        #expect(diagnostics.allSatisfy { $0.message.hasPrefix("the file is not valid UTF-8 here") })
      }
    }
    #expect(
      Lexer.tokenize([0x61, 0x20, 0xFF]).diagnostics == [
        Diagnostic(
          "the file is not valid UTF-8 here (byte FF)", at: SourceLocation(line: 1, column: 3))
      ])
  }

  @Test func aRunOfInvalidBytesIsOneError() {
    let diagnostics = Lexer.tokenize(
      Array("x ".utf8) + [0xFF, 0xFE, 0x80, 0x80] + Array(" y".utf8)
    ).diagnostics
    #expect(diagnostics.count == 1)
    let tokens = Lexer.tokenize(Array("x ".utf8) + [0xFF, 0xFE, 0x80, 0x80] + Array(" y".utf8))
      .tokens
    #expect(tokens.map(\.kind) == [.identifier, .invalid, .identifier, .end])
    #expect(tokens[2].location == SourceLocation(line: 1, column: 8))
  }

  @Test func arbitraryBytesNeverCrashTheFrontEnd() {
    var generator = SplitMix(seed: 42)
    for _ in 0..<300 {
      let count = Int(generator.next() % 200)
      var bytes: [UInt8] = []
      for _ in 0..<count { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
      let (tokens, _) = Lexer.tokenize(bytes)
      #expect(tokens.last?.kind == .end)
      _ = Frontend.check(source: bytes)
    }
  }
}

/// A small deterministic generator for fuzz inputs.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
