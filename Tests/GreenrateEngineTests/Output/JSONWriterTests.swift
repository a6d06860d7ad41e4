import GreenrateLanguage
import Testing

@testable import GreenrateEngine

/// Numbers and strings as every command and the server print them.
@Suite struct JSONWriterTests {
  func written(_ body: (inout JSONWriter) -> Void) -> String {
    var w = JSONWriter()
    body(&w)
    return w.text
  }

  @Test func integralNumbersPrintWithoutAFraction() {
    let cases: [(Double, String)] = [
      (0, "0"), (-0.0, "-0"), (7, "7"), (-7, "-7"), (40, "40"), (1_000_000, "1000000"),
      (-123_456_789, "-123456789"), (9_007_199_254_740_991, "9007199254740991"),
      (-9_007_199_254_740_991, "-9007199254740991"),
      (9_007_199_254_740_992, "9007199254740992.0"), (0.5, "0.5"), (-2.25, "-2.25"),
    ]
    for (x, text) in cases {
      #expect(written { $0.number(x) } == text, "\(x)")
    }
  }

  @Test func stringsAreEscapedOnlyWhereJSONNeedsIt() {
    #expect(written { $0.string("M0001234") } == "\"M0001234\"")
    #expect(written { $0.string("") } == "\"\"")
    #expect(written { $0.string("Café – ok") } == "\"Café – ok\"")
    #expect(written { $0.string("a\"b\\c") } == "\"a\\\"b\\\\c\"")
    #expect(written { $0.string("l1\nl2\r\t\u{01}") } == "\"l1\\nl2\\r\\t\\u0001\"")
    #expect(written { $0.string(Text("x\"y")) } == "\"x\\\"y\"")
  }
}
