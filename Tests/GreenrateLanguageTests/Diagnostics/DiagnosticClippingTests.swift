import Testing

@testable import GreenrateLanguage

/// A multi-megabyte line (a generated table on one line) is quoted only around the caret.
@Suite struct DiagnosticClippingTests {
  func render(_ line: String, column: Int) -> String {
    let diagnostic = Diagnostic(
      "bad", at: GreenrateLanguage.SourceLocation(line: 1, column: column))
    return RuleFileError(
      file: "x.rules", source: Array((line + "\n").utf8), diagnostics: [diagnostic]
    )
    .rendered
  }

  func a(_ n: Int) -> String { String(repeating: "a", count: n) }
  func b(_ n: Int) -> String { String(repeating: "b", count: n) }
  func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

  @Test func aLongLineIsCutAroundTheCaretWithEllipsesAndTheCaretStaysUnderItsColumn() {
    let text = render(a(100) + "ERR" + b(100), column: 101)
    #expect(
      text == "x.rules:1:101: error: bad\n…" + a(60) + "ERR" + b(57) + "…\n" + spaces(61) + "^\n")
  }

  @Test func nearTheStartOnlyTheEndIsCut() {
    let text = render("ERR" + b(300), column: 1)
    #expect(text == "x.rules:1:1: error: bad\nERR" + b(57) + "…\n^\n")
  }

  @Test func pastTheEndOnlyTheStartIsCut() {
    let text = render(a(300), column: 301)
    #expect(text == "x.rules:1:301: error: bad\n…" + a(60) + "\n" + spaces(61) + "^\n")
  }

  @Test func aLineOfUpToTwiceTheContextIsQuotedWhole() {
    let text = render(a(119) + "E", column: 120)
    #expect(text == "x.rules:1:120: error: bad\n" + a(119) + "E\n" + spaces(119) + "^\n")
  }

  @Test func tabsInTheShownPartStillLineUp() {
    let line = a(100) + "\t\tE" + b(100)
    let text = render(line, column: 103)
    #expect(
      text == "x.rules:1:103: error: bad\n…" + a(58) + "\t\tE" + b(59) + "…\n" + spaces(59)
        + "\t\t^\n")
  }

  @Test func columnsCountScalarsWhenCutting() {
    let line = String(repeating: "中", count: 100) + "E" + String(repeating: "é", count: 100)
    let text = render(line, column: 101)
    #expect(
      text == "x.rules:1:101: error: bad\n…" + String(repeating: "中", count: 60) + "E"
        + String(repeating: "é", count: 59) + "…\n" + spaces(61) + "^\n")
  }

  /// A 5 MB line with errors at both ends: two short quotes, not 10 MB of output.
  @Test func aMultiMegabyteLineGivesShortOutput() {
    let line = "let t = " + a(5_000_000)
    let source = Array((line + "\n").utf8)
    let diagnostics = [1, 5_000_008].map {
      Diagnostic("bad", at: GreenrateLanguage.SourceLocation(line: 1, column: $0))
    }
    let text = RuleFileError(file: "x.rules", source: source, diagnostics: diagnostics).rendered
    #expect(text.utf8.count < 600)
    #expect(text.hasPrefix("x.rules:1:1: error: bad\nlet t = " + a(52) + "…\n^\n"))
  }

  /// A UTF-16 rule file's NUL bytes are not printed raw.
  @Test func controlCharactersAreShownAsReplacementCharacters() {
    let source: [UInt8] = [0x61, 0x00, 0x62, 0x0A]
    let diagnostic = Diagnostic("bad", at: GreenrateLanguage.SourceLocation(line: 1, column: 3))
    let text = RuleFileError(file: "x.rules", source: source, diagnostics: [diagnostic]).rendered
    #expect(text == "x.rules:1:3: error: bad\na\u{FFFD}b\n  ^\n")
  }
}
