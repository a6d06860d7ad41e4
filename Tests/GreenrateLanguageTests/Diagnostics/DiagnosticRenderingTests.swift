import Testing

@testable import GreenrateLanguage

@Suite struct DiagnosticRenderingTests {
  func render(_ source: [UInt8], _ diagnostics: [Diagnostic], file: String = "rules/x.rules")
    -> String
  {
    RuleFileError(file: file, source: source, diagnostics: diagnostics).rendered
  }

  func at(_ line: Int, _ column: Int) -> GreenrateLanguage.SourceLocation {
    GreenrateLanguage.SourceLocation(line: line, column: column)
  }

  @Test func fileLineColumnThenTheLineThenACaret() {
    let source = Array("ruleset \"x\" version \"1\"\nlet a = b + 1\n".utf8)
    let text = render(source, [Diagnostic("unknown name `b`", at: at(2, 9))])
    #expect(
      text == """
        rules/x.rules:2:9: error: unknown name `b`
        let a = b + 1
                ^

        """)
  }

  @Test func everyDiagnosticInOrderEachEndingWithANewline() {
    let source = Array("abc\ndef".utf8)
    let text = render(source, [Diagnostic("one", at: at(1, 1)), Diagnostic("two", at: at(2, 3))])
    #expect(
      text == "rules/x.rules:1:1: error: one\nabc\n^\nrules/x.rules:2:3: error: two\ndef\n  ^\n")
  }

  @Test func tabsAreKeptSoTheCaretLinesUp() {
    let source = Array("\tlet\tx = 1 +\t\"a\"\n".utf8)
    // Column 14 is the `"` after the third tab: a tab, `let`, a tab, `x = 1 +`, a tab.
    let text = render(source, [Diagnostic("bad", at: at(1, 14))])
    #expect(text == "rules/x.rules:1:14: error: bad\n\tlet\tx = 1 +\t\"a\"\n\t   \t       \t^\n")
  }

  @Test func columnsCountScalarsNotBytes() {
    let source = Array("let é = \"中\" + x\n".utf8)
    let text = render(source, [Diagnostic("m", at: at(1, 16))])
    #expect(text == "rules/x.rules:1:16: error: m\nlet é = \"中\" + x\n               ^\n")
  }

  @Test func carriageReturnsAndTheByteOrderMarkAreNotShown() {
    let source: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("let a = 1\r\nlet b = c\r\n".utf8)
    let text = render(source, [Diagnostic("m1", at: at(1, 5)), Diagnostic("m2", at: at(2, 9))])
    #expect(
      text
        == "rules/x.rules:1:5: error: m1\nlet a = 1\n    ^\nrules/x.rules:2:9: error: m2\nlet b = c\n        ^\n"
    )
  }

  @Test func theEndOfTheFileShowsAnEmptyLine() {
    let source = Array("let a =\n".utf8)
    let text = render(
      source, [Diagnostic("expected an expression, found the end of the file", at: at(2, 1))])
    #expect(
      text == "rules/x.rules:2:1: error: expected an expression, found the end of the file\n\n^\n")
  }

  @Test func invalidUTF8ShowsAsAReplacementCharacterPerByte() {
    let source: [UInt8] = Array("x ".utf8) + [0xFF, 0xFE] + Array(" y".utf8)
    let text = render(source, [Diagnostic("m", at: at(1, 6))])
    #expect(text == "rules/x.rules:1:6: error: m\nx \u{FFFD}\u{FFFD} y\n     ^\n")
  }

  @Test func theFrontEndsOwnErrorsRenderAsTheContractShows() {
    let source = Array(
      """
      ruleset "r" version "1"
      input id: text key
      input electricity_kwh: number?
      let power = electricity_kwh / 1000
      factor carbon {
        when power > 1 => 1
      }
      rating {
        else => "C"
      }
      eligibility {}

      """.utf8)
    let diagnostics = Frontend.check(source: source).diagnostics
    #expect(
      render(source, diagnostics, file: "green.rules") == """
        green.rules:4:13: error: `electricity_kwh` may be missing here; handle it with `??` or `is missing`
        let power = electricity_kwh / 1000
                    ^
        green.rules:5:8: error: factor `carbon` must end with an `else` band
        factor carbon {
               ^

        """)
  }
}
