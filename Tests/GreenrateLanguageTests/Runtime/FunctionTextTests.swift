import Testing

@testable import GreenrateLanguage

@Suite struct FunctionTextTests {
  func call(_ function: Function, _ args: [Value], _ type: ValueType) -> Value? {
    let c = FunctionCall(function, args, type)
    #expect(c.runtime == c.folded, "run-time and folded results differ")
    return c.runtime
  }

  func substr(_ t: String, _ start: Double, _ length: Double) -> Value? {
    call(.substr, [.text(t), .number(start), .number(length)], .text)
  }

  @Test func substrTakesScalarsInRange() {
    #expect(substr("abcdef", 0, 3) == .text("abc"))
    #expect(substr("abcdef", 2, 2) == .text("cd"))
    #expect(substr("abcdef", 0, 6) == .text("abcdef"))
  }

  @Test func substrClipsToTheText() {
    #expect(substr("abcdef", -2, 4) == .text("ab"))
    #expect(substr("abcdef", 4, 10) == .text("ef"))
    #expect(substr("abcdef", 6, 1) == .text(""))
    #expect(substr("abcdef", 10, 2) == .text(""))
    #expect(substr("abcdef", 2, -1) == .text(""))
    #expect(substr("abcdef", 2, 0) == .text(""))
    #expect(substr("abcdef", -5, 3) == .text(""))
    #expect(substr("", 0, 3) == .text(""))
  }

  @Test func substrTruncatesTowardZero() {
    #expect(substr("abcdef", 1.9, 2.9) == .text("bc"))
    #expect(substr("abcdef", -1.5, 3.7) == .text("ab"))
    #expect(substr("abcdef", -0.9, 1.5) == .text("a"))
  }

  @Test func substrWithHugeValues() {
    #expect(substr("abcdef", 0, 1e300) == .text("abcdef"))
    #expect(substr("abcdef", -1e300, 2e300) == .text("abcdef"))
    #expect(substr("abcdef", -1e300, 1e300) == .text(""))
    #expect(substr("abcdef", 1e300, 1e300) == .text(""))
    #expect(substr("abcdef", 3, 1e18) == .text("def"))
  }

  @Test func substrCountsUnicodeScalars() {
    #expect(substr("绿色金融", 1, 2) == .text("色金"))
    #expect(substr("cafe\u{301}!", 3, 2) == .text("e\u{301}"))
    #expect(substr("cafe\u{301}!", 4, 1) == .text("\u{301}"))
    #expect(substr("a👍🏽b", 1, 1) == .text("👍"))
    #expect(substr("a👍🏽b", 2, 5) == .text("🏽b"))
  }

  @Test func lengthCountsUnicodeScalars() {
    #expect(call(.length, [.text("")], .number) == .number(0))
    #expect(call(.length, [.text("C1713")], .number) == .number(5))
    #expect(call(.length, [.text("café")], .number) == .number(4))
    #expect(call(.length, [.text("cafe\u{301}")], .number) == .number(5))
    #expect(call(.length, [.text("绿色")], .number) == .number(2))
    #expect(call(.length, [.text("👍🏽")], .number) == .number(2))
  }

  @Test func upperUsesFullCaseMapping() {
    #expect(call(.upper, [.text("Hello, World 1")], .text) == .text("HELLO, WORLD 1"))
    #expect(call(.upper, [.text("straße")], .text) == .text("STRASSE"))
    #expect(call(.upper, [.text("ß")], .text) == .text("SS"))
    #expect(call(.upper, [.text("ﬁx")], .text) == .text("FIX"))
    #expect(call(.upper, [.text("café")], .text) == .text("CAFÉ"))
    #expect(call(.upper, [.text("绿")], .text) == .text("绿"))
  }

  @Test func lowerHasNoFinalSigmaRule() {
    #expect(call(.lower, [.text("HeLLo")], .text) == .text("hello"))
    #expect(call(.lower, [.text("ΣΑΣ")], .text) == .text("σασ"))
    #expect(call(.lower, [.text("İ")], .text) == .text("i\u{307}"))
    #expect(call(.lower, [.text("ÉCOLE")], .text) == .text("école"))
  }

  @Test func lowerAndUpperKeepDecomposedScalars() {
    let lowered = call(.lower, [.text("E\u{301}")], .text)
    #expect(lowered == .text("e\u{301}"))
    #expect(lowered != .text("é"))
  }

  @Test func startsEndsContainsOnScalars() {
    func test(_ f: Function, _ t: String, _ part: String) -> Value? {
      call(f, [.text(t), .text(part)], .bool)
    }
    #expect(test(.startsWith, "C1713", "C17") == .bool(true))
    #expect(test(.startsWith, "C1713", "C18") == .bool(false))
    #expect(test(.startsWith, "C1", "C17") == .bool(false))
    #expect(test(.startsWith, "abc", "") == .bool(true))
    #expect(test(.endsWith, "report.pdf", ".pdf") == .bool(true))
    #expect(test(.endsWith, "pdf", "report.pdf") == .bool(false))
    #expect(test(.contains, "green loan", "n l") == .bool(true))
    #expect(test(.contains, "green loan", "loans") == .bool(false))
    #expect(test(.contains, "", "") == .bool(true))
    #expect(test(.contains, "aab", "ab") == .bool(true))
    // No canonical equivalence: é (U+00E9) is not e + U+0301.
    #expect(test(.startsWith, "café", "cafe") == .bool(false))
    #expect(test(.contains, "cafe\u{301}", "e\u{301}") == .bool(true))
    #expect(test(.contains, "café", "e\u{301}") == .bool(false))
    #expect(test(.endsWith, "cafe\u{301}", "é") == .bool(false))
  }
}
