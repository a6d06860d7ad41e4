import Testing

@testable import GreenrateAnalysis

@Suite struct ValueHistogramTests {
  @Test func nearestRankOverRepeatedValues() {
    var h = ValueHistogram()
    // 1, 2, 2, 3, 3, 3, 4, 4, 4, 4 (n = 10)
    for (x, n) in [(4.0, 4), (2.0, 2), (1.0, 1), (3.0, 3)] { h.add(x, times: n) }
    let s = h.sorted()
    #expect(s.values == [1, 2, 3, 4])
    #expect(s.counts == [1, 2, 3, 4])
    #expect(s.total == 10)
    // ceil(5 * 10 / 100) - 1 = 0; ceil(50 * 10 / 100) - 1 = 4; ceil(95 * 10 / 100) - 1 = 9
    #expect(s.percentile(5) == 1)
    #expect(s.percentile(50) == 3)
    #expect(s.percentile(95) == 4)
    #expect(s.mean == 3.0)
    #expect(s.min == 1 && s.max == 4)
  }

  @Test func spillsPastTheDistinctLimitAndStaysExact() {
    var a = ValueHistogram()
    var b = ValueHistogram()
    let n = ValueHistogram.distinctLimit + 1000
    for i in 0..<n {
      let x = Double(i) / 7
      if i % 2 == 0 { a.add(x) } else { b.add(x) }
    }
    a.merge(b)
    let s = a.sorted()
    #expect(s.total == n)
    #expect(s.values.count == n)
    let p50 = NearestRank.index(50, of: 100, count: n)
    #expect(s.percentile(50) == Double(p50) / 7)
    #expect(s.max == Double(n - 1) / 7)
  }

  @Test func negativeZeroIsZeroAndEmptyIsZero() {
    var h = ValueHistogram()
    #expect(h.sorted().percentile(50) == 0)
    h.add(-0.0)
    h.add(0.0)
    #expect(h.sorted().values.count == 1)
    #expect(h.sorted().counts == [2])
  }
}
