import Testing

@testable import GreenrateLanguage

@Suite struct TwoWaySearchTests {
  func naive(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
    if needle.isEmpty { return 0 }
    if needle.count > haystack.count { return nil }
    for i in 0...(haystack.count - needle.count)
    where haystack[i..<(i + needle.count)].elementsEqual(needle) {
      return i
    }
    return nil
  }

  func twoWay(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
    haystack.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in TwoWaySearch.firstIndex(of: n, in: h) }
    }
  }

  @Test func agreesWithANaiveSearchOnRandomTextsOverSmallAlphabets() {
    var rng = SystemRandomNumberGenerator()
    for alphabet in [1, 2, 3, 4] {
      for _ in 0..<3000 {
        let n = Int.random(in: 0...40, using: &rng)
        let m = Int.random(in: 0...8, using: &rng)
        let haystack = (0..<n).map { _ in UInt8(97 + Int.random(in: 0..<alphabet, using: &rng)) }
        var needle = (0..<m).map { _ in UInt8(97 + Int.random(in: 0..<alphabet, using: &rng)) }
        // Half the time, a needle cut from the haystack, so there are many hits too.
        if n > 0 && Bool.random(using: &rng) {
          let start = Int.random(in: 0..<n, using: &rng)
          needle = Array(haystack[start..<min(n, start + m)])
        }
        #expect(twoWay(haystack, needle) == naive(haystack, needle), "\(haystack) \(needle)")
      }
    }
  }

  @Test func periodicAndEdgeNeedles() {
    let cases: [(String, String, Int?)] = [
      ("aaaaab", "aab", 3), ("abababc", "ababc", 2), ("abcabcabd", "abcabd", 3),
      ("xyz", "xyz", 0), ("xyz", "xyzz", nil), ("banana", "nan", 2), ("banana", "nab", nil),
      ("aaaa", "aa", 0), ("", "", 0), ("a", "", 0), ("é", "\u{E9}", 0),
      ("zzzzzzzzzzy", "zzy", 8), ("abaabaabaab", "aabaab", 2),
    ]
    for (h, n, expected) in cases {
      #expect(twoWay(Array(h.utf8), Array(n.utf8)) == expected, "\(h) \(n)")
    }
  }

  /// The hostile case that made `contains` quadratic: a long run of one letter searched
  /// for a long needle that almost matches everywhere. A naive search does ~10^10 byte
  /// comparisons here (minutes, far past the limit); two-way does a few million.
  @Test(.timeLimit(.minutes(1)))
  func aHostileTextIsSearchedInLinearTime() {
    let haystack = [UInt8](repeating: UInt8(ascii: "a"), count: 4_000_000)
    let needle = [UInt8](repeating: UInt8(ascii: "a"), count: 2_500) + [UInt8(ascii: "b")]
    #expect(twoWay(haystack, needle) == nil)
    #expect(twoWay(haystack + needle, needle) == 4_000_000)
    let reversed = [UInt8(ascii: "b")] + [UInt8](repeating: UInt8(ascii: "a"), count: 2_500)
    #expect(twoWay(haystack, reversed) == nil)
  }

  /// `contains` and the other text functions on a 4 MB text (records may be 64 MiB):
  /// exact results, and each linear, so all of them finish well within the limit.
  @Test(.timeLimit(.minutes(1)))
  func textFunctionsOnAHugeText() {
    let body = String(repeating: "a", count: 4_000_000)
    let text = Text(body + "b")
    let needle = Text(String(repeating: "a", count: 3_000) + "b")
    #expect(TextFunctions.contains(text, needle))
    #expect(!TextFunctions.contains(Text(body), needle))
    #expect(TextFunctions.startsWith(text, Text(body)))
    #expect(TextFunctions.endsWith(text, needle))
    #expect(TextFunctions.length(text) == 4_000_001)
    #expect(TextFunctions.upper(text).string.utf8.count == 4_000_001)
    #expect(
      TextFunctions.lower(Text(String(repeating: "É", count: 100_000))).string.count == 100_000)
    #expect(TextFunctions.substr(text, 3_999_999, 5) == Text("ab"))
    #expect(TextMatcher([Text(body), text]).index(of: text) == 1)
  }
}
