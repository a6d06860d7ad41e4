import Testing

@testable import GreenrateLanguage

/// `TextMatcher`: every lookup must agree with plain byte equality, however the strings
/// were made (inline or out of line, ASCII or not, short or long).
@Suite struct CompilerTextMatcherTests {
  /// The same text made in ways that store it differently.
  func variants(_ s: String) -> [Text] {
    var reserved = String()
    reserved.reserveCapacity(64)  // out of line even when short
    reserved += s
    let decoded = Array(s.utf8).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    let sliced = String(("<" + s + ">").dropFirst().dropLast())
    let interpolated = "\(s)"
    return [Text(s), Text(reserved), Text(decoded), Text(sliced), Text(interpolated)]
  }

  static let keys = [
    "", "A", "C17", "C1713", "H6210", "Zhejiang", "Inner Mongolia", "not_required",
    "exactly15bytes!", "sixteen bytes ok", "a much longer key than sixteen bytes", "café",
    "cafe\u{301}", "绿色", "👍🏽", "ISO14001", "ß",
  ]

  @Test(arguments: [3, keys.count])
  func findsEveryKeyHoweverMade(_ count: Int) {
    let keys = Array(Self.keys.prefix(count))
    let matcher = TextMatcher(keys.map { Text($0) })
    for (i, key) in keys.enumerated() {
      for v in variants(key) {
        #expect(matcher.index(of: v) == i, "\(key.debugDescription) made as \(v.string)")
      }
    }
  }

  @Test func everyTextOfAtMost15BytesIsShort() {
    for v in variants("C1713") { #expect(TextMatcher.inline(v) != nil) }
    #expect(TextMatcher.inline(Text("绿色")) != nil)
    #expect(TextMatcher.inline(Text("sixteen bytes ok")) == nil)
  }

  @Test func rejectsNearMisses() {
    let matcher = TextMatcher(Self.keys.map { Text($0) })
    let misses = [
      "C1", "C171", "c17", "a", "B", " A", "A ", "Zhejiang ", "exactly15bytes?",
      "sixteen bytes o", "sixteen bytes ok!", "cafe", "cafè", "绿", "👍", "ISO14001\u{0}", "SS",
    ]
    for miss in misses {
      for v in variants(miss) { #expect(matcher.index(of: v) == -1, "\(miss.debugDescription)") }
    }
  }

  @Test func repeatedKeysKeepTheFirstIndex() {
    let matcher = TextMatcher(
      ["x", "y", "x", "long key of many many bytes", "long key of many many bytes"].map { Text($0) }
    )
    #expect(matcher.index(of: Text("x")) == 0)
    #expect(matcher.index(of: Text("y")) == 1)
    #expect(matcher.index(of: Text("long key of many many bytes")) == 3)
  }

  @Test func emptyMatcherFindsNothing() {
    let matcher = TextMatcher([])
    #expect(matcher.index(of: Text("")) == -1)
    #expect(matcher.index(of: Text("a")) == -1)
  }

  @Test func containsAnyOfASet() {
    let matcher = TextMatcher([Text("ISO14001")])
    func check(_ items: [String]) -> Bool {
      withUnsafePointer(to: TextSet(items.map { Text($0) })) { matcher.containsAny(of: $0) }
    }
    #expect(check(["CEL", "ISO14001"]))
    #expect(!check(["CEL", "ISO9001"]))
    #expect(!check([]))
  }

  @Test func equalityMatchesBytes() {
    for a in Self.keys {
      for b in Self.keys {
        for x in variants(a) {
          for y in variants(b) {
            #expect(TextMatcher.equal(x, y) == (a.utf8.elementsEqual(b.utf8)))
          }
        }
      }
    }
  }
}
