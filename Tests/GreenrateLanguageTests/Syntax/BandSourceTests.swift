import Testing

@testable import GreenrateLanguage

/// Band heads as the lexer and parser see them: the text `explain` quotes.
@Suite struct BandSourceTests {
  static let source = """
    ruleset "bands" version "1"
    input merchant_id: text key
    input code: text
    input n: number
    factor size {
      when n > 10 and
           code in ["a => b", "#c"]   # a comment between lines
           and n < 99 => 5
      when code == "x" => 1  # trailing
      else => 0
    }
    rating {
      when score >= 3 => "green"
      else => "grey"
    }

    """

  @Test func multiLineConditionIsQuotedWhole() throws {
    let bands = BandSource(source: Array(Self.source.utf8))
    #expect(
      bands.head(at: SourceLocation(line: 6, column: 3))
        == ##"when n > 10 and code in ["a => b", "#c"] and n < 99"##)
    #expect(bands.head(at: SourceLocation(line: 9, column: 3)) == #"when code == "x""#)
    #expect(bands.head(at: SourceLocation(line: 10, column: 3)) == "else")
    #expect(bands.head(at: SourceLocation(line: 13, column: 3)) == "when score >= 3")
    #expect(bands.head(at: SourceLocation(line: 7, column: 3)) == nil)
  }

  @Test func rangeIsTheBytesFromWhenToTheConditionsEnd() throws {
    let bytes = Array(Self.source.utf8)
    let bands = BandSource(source: bytes)
    let range = try #require(bands.range(at: SourceLocation(line: 9, column: 3)))
    #expect(String(decoding: bytes[range], as: UTF8.self) == #"when code == "x""#)
  }
}
