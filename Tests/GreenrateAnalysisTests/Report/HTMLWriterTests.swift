import GreenrateAnalysis
import Testing

@Suite("Report HTML: escaping and numbers")
struct HTMLWriterTests {
  @Test("text and attribute values from data are escaped")
  func escaping() {
    var html = HTMLWriter()
    html.open("td", [.init("title", "a\"b'<c>&")])
    html.text("<script>alert(1)</script> & \"x\"")
    html.close("td")
    #expect(
      html.output
        == "<td title=\"a&quot;b&#39;&lt;c&gt;&amp;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</td>"
    )
  }

  @Test("counts, percentages and plain numbers")
  func numbers() {
    #expect(NumberText.count(0) == "0")
    #expect(NumberText.count(1_234_567) == "1,234,567")
    #expect(NumberText.count(-1000) == "-1,000")
    #expect(NumberText.percent(1, of: 3) == "33.3%")
    #expect(NumberText.percent(0, of: 0) == "–")
    #expect(NumberText.plain(25) == "25")
    #expect(NumberText.plain(-2.5) == "-2.5")
    #expect(NumberText.plain(12_000.125) == "12000.125")
    #expect(NumberText.fixed(0.00049, places: 3) == "0.000")
  }

  @Test("score bins: round edges, the top score in the last bin, baseline counted apart")
  func bins() {
    let bins = ScoreBins(run: [(0, 2), (37, 1), (100, 4)], baseline: [(50, 3)], target: 20)
    #expect(bins.bins.first?.lower == 0)
    #expect(bins.bins.count == 21)
    #expect(bins.bins.last?.run == 4)
    #expect(bins.bins[7].run == 1)
    #expect(bins.bins[10].baseline == 3)
    #expect(bins.runTotal == 7)
    #expect(bins.baselineTotal == 3)
  }
}
