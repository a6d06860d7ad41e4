import Testing

@testable import GreenrateEngine

@Suite struct StoredJSONTests {
  @Test func readsBackWhatJSONWriterWrites() throws {
    var w = JSONWriter()
    w.raw("{\"a\":")
    w.stringArray(["x\"y", "tab\there", "é🙂", "\u{1}"])
    w.raw(",\"b\":")
    w.number(-2.5e-7)
    w.raw(",\"c\":[null,true,false,{}],\"d\":[]}")
    let value = try #require(StoredJSON.parse(w.text))
    #expect(value["a"]?.stringArray == ["x\"y", "tab\there", "é🙂", "\u{1}"])
    #expect(value["b"]?.numberValue == -2.5e-7)
    #expect(value["c"] == .array([.null, .bool(true), .bool(false), .object([])]))
    #expect(value["d"] == .array([]))
    #expect(value.jsonText == w.text)
  }

  @Test func rejectsBrokenText() {
    for text in ["", "[", "[1,]", "{\"a\" 1}", "\"abc", "[1] 2", "nul", "{1:2}"] {
      #expect(StoredJSON.parse(text) == nil, "\(text)")
    }
    #expect(StoredJSON.parse("\"\\ud83d\\ude42\"") == .string("🙂"))
  }
}
