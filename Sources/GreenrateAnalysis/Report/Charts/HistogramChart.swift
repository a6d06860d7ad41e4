/// The score histogram: the run's bins as bars, the baseline's as an outline, both as
/// shares of their own run so that runs of different sizes compare.
package struct HistogramChart: Sendable {
  package var title: String
  package var bins: ScoreBins
  /// The baseline's name in the legend, nil when there is no baseline.
  package var baselineName: String?
  package var runName: String
  /// The `data-chart` name of the figure.
  package var kind: String
  package var xAxis: String
  package var yAxis: String

  package init(
    title: String, bins: ScoreBins, runName: String, baselineName: String?,
    kind: String = "score-histogram", xAxis: String = "score",
    yAxis: String = "share of scored merchants (%)"
  ) {
    self.title = title
    self.bins = bins
    self.runName = runName
    self.baselineName = baselineName
    self.kind = kind
    self.xAxis = xAxis
    self.yAxis = yAxis
  }

  private func share(_ n: Int, _ total: Int) -> Double {
    total == 0 ? 0 : 100 * Double(n) / Double(total)
  }

  package func write(to html: inout HTMLWriter) {
    html.chartFigure(
      kind: kind, title: title, hasData: !bins.bins.isEmpty, emptyNote: "No scores in this run.",
      svg: writeSVG, table: writeTable)
  }

  private func writeSVG(to html: inout HTMLWriter) {
    let c = NumberText.coordinate
    let (width, height) = (680.0, 300.0)
    let (left, right, top, bottom) = (56.0, 664.0, 30.0, 250.0)
    let hasBaseline = baselineName != nil && bins.baselineTotal > 0
    let highest =
      bins.bins.map {
        max(share($0.run, bins.runTotal), hasBaseline ? share($0.baseline, bins.baselineTotal) : 0)
      }.max() ?? 0
    let ticks = ChartStyle.ticks(upTo: highest)
    let yScale = (bottom - top) / (ticks.last ?? 1)
    let step = (right - left) / Double(bins.bins.count)
    html.openChartSVG(width: width, height: height, title: title)
    for tick in ticks {
      let y = bottom - tick * yScale
      html.empty(
        "line",
        [
          .init("x1", c(left)), .init("x2", c(right)), .init("y1", c(y)), .init("y2", c(y)),
          .init("class", "grid"),
        ])
      html.element(
        "text", [.init("x", c(left - 6)), .init("y", c(y + 4)), .init("class", "tick end")],
        text: NumberText.plain(tick))
    }
    var outline = ""
    for (k, bin) in bins.bins.enumerated() {
      let x = left + Double(k) * step
      let h = share(bin.run, bins.runTotal) * yScale
      html.empty(
        "rect",
        [
          .init("x", c(x + 1)), .init("y", c(bottom - h)), .init("width", c(max(step - 2, 1))),
          .init("height", c(h)), .init("fill", ChartStyle.accent),
        ])
      let b = bottom - share(bin.baseline, bins.baselineTotal) * yScale
      outline +=
        (k == 0 ? "M\(c(x)) \(c(bottom)) L\(c(x)) \(c(b))" : " L\(c(x)) \(c(b))")
        + " L\(c(x + step)) \(c(b))"
      // Label every bin edge when there is room, else every other one.
      if bins.bins.count <= 12 || k % 2 == 0 {
        html.element(
          "text", [.init("x", c(x)), .init("y", c(bottom + 14)), .init("class", "tick mid")],
          text: NumberText.plain(bin.lower))
      }
    }
    if let last = bins.bins.last, bins.bins.count <= 12 || bins.bins.count % 2 == 0 {
      html.element(
        "text", [.init("x", c(right)), .init("y", c(bottom + 14)), .init("class", "tick mid")],
        text: NumberText.plain(last.upper))
    }
    if hasBaseline {
      outline += " L\(c(right)) \(c(bottom))"
      html.empty("path", [.init("d", outline), .init("class", "baseline")])
    }
    html.empty(
      "line",
      [
        .init("x1", c(left)), .init("x2", c(right)), .init("y1", c(bottom)), .init("y2", c(bottom)),
        .init("class", "axis"),
      ])
    html.empty(
      "line",
      [
        .init("x1", c(left)), .init("x2", c(left)), .init("y1", c(top)), .init("y2", c(bottom)),
        .init("class", "axis"),
      ])
    html.element(
      "text",
      [
        .init("x", c((left + right) / 2)), .init("y", c(height - 14)),
        .init("class", "axis-title mid"),
      ], text: xAxis)
    html.element(
      "text",
      [
        .init("x", "14"), .init("y", c((top + bottom) / 2)), .init("class", "axis-title mid"),
        .init("transform", "rotate(-90 14 \(c((top + bottom) / 2)))"),
      ],
      text: yAxis)
    // Legend.
    html.empty(
      "rect",
      [
        .init("x", c(left + 8)), .init("y", "8"), .init("width", "12"), .init("height", "12"),
        .init("fill", ChartStyle.accent),
      ])
    html.element(
      "text", [.init("x", c(left + 26)), .init("y", "18"), .init("class", "label")], text: runName)
    if hasBaseline, let baselineName {
      html.empty(
        "line",
        [
          .init("x1", c(left + 260)), .init("x2", c(left + 284)), .init("y1", "14"),
          .init("y2", "14"), .init("class", "baseline"),
        ])
      html.element(
        "text", [.init("x", c(left + 290)), .init("y", "18"), .init("class", "label")],
        text: baselineName)
    }
    html.close("svg")
  }

  private func writeTable(to html: inout HTMLWriter) {
    let hasBaseline = baselineName != nil
    html.open("table")
    html.open("thead")
    html.open("tr")
    html.element("th", [.init("scope", "col")], text: xAxis)
    html.element("th", [.init("scope", "col"), .init("class", "num")], text: runName)
    html.element("th", [.init("scope", "col"), .init("class", "num")], text: "share")
    if hasBaseline, let baselineName {
      html.element("th", [.init("scope", "col"), .init("class", "num")], text: baselineName)
      html.element("th", [.init("scope", "col"), .init("class", "num")], text: "share")
    }
    html.close("tr")
    html.close("thead")
    html.open("tbody")
    for (k, bin) in bins.bins.enumerated() {
      html.open("tr")
      let closing = k == bins.bins.count - 1 ? "]" : ")"
      html.element(
        "td", text: "[\(NumberText.plain(bin.lower)), \(NumberText.plain(bin.upper))\(closing)")
      html.element("td", [.init("class", "num")], text: NumberText.count(bin.run))
      html.element(
        "td", [.init("class", "num")], text: NumberText.percent(bin.run, of: bins.runTotal))
      if hasBaseline {
        html.element("td", [.init("class", "num")], text: NumberText.count(bin.baseline))
        html.element(
          "td", [.init("class", "num")],
          text: NumberText.percent(bin.baseline, of: bins.baselineTotal))
      }
      html.close("tr")
    }
    html.closeChartTable()
  }
}
