/// One horizontal bar per category (ratings, codes, bands), with its table beneath.
package struct BarChart: Sendable {
  package struct Bar: Sendable {
    package var label: String
    package var count: Int
    package var colour: String

    package init(label: String, count: Int, colour: String = ChartStyle.accent) {
      self.label = label
      self.count = count
      self.colour = colour
    }
  }

  package var title: String
  /// What the categories are (the vertical axis): "rating", "code", "band".
  package var categoryAxis: String
  /// What the bars count (the horizontal axis).
  package var valueAxis: String
  package var bars: [Bar]
  /// The whole the shares in the table are of.
  package var total: Int

  package init(title: String, categoryAxis: String, valueAxis: String, bars: [Bar], total: Int) {
    self.title = title
    self.categoryAxis = categoryAxis
    self.valueAxis = valueAxis
    self.bars = bars
    self.total = total
  }

  /// Writes the chart as a `figure`: caption, SVG, table.
  package func write(to html: inout HTMLWriter, kind: String) {
    html.chartFigure(
      kind: kind, title: title, hasData: !bars.isEmpty, emptyNote: "None.", svg: writeSVG,
      table: writeTable)
  }

  private func writeSVG(to html: inout HTMLWriter) {
    let width = 680.0
    let left = 200.0
    let right = width - 80
    let top = 8.0
    let row = 22.0
    let plotHeight = row * Double(bars.count)
    let height = top + plotHeight + 46
    let ticks = ChartStyle.ticks(upTo: Double(bars.map(\.count).max() ?? 0))
    let scale = (right - left) / (ticks.last ?? 1)
    let c = NumberText.coordinate
    html.openChartSVG(width: width, height: height, title: title)
    html.valueGrid(
      ticks: ticks, scale: scale, left: left, top: top, plotHeight: plotHeight,
      label: { NumberText.count(Int($0)) })
    for (i, bar) in bars.enumerated() {
      let y = top + Double(i) * row
      html.element(
        "text",
        [.init("x", c(left - 6)), .init("y", c(y + row * 0.68)), .init("class", "label end")],
        text: ChartStyle.short(bar.label, 30))
      html.empty(
        "rect",
        [
          .init("x", c(left)), .init("y", c(y + 3)),
          .init("width", c(max(Double(bar.count) * scale, bar.count > 0 ? 1 : 0))),
          .init("height", c(row - 6)), .init("fill", bar.colour),
        ])
      html.element(
        "text",
        [
          .init("x", c(left + Double(bar.count) * scale + 4)), .init("y", c(y + row * 0.68)),
          .init("class", "value"),
        ], text: NumberText.count(bar.count))
    }
    html.barAxes(
      left: left, right: right, top: top, plotHeight: plotHeight, height: height,
      valueAxis: valueAxis, categoryAxis: categoryAxis)
    html.close("svg")
  }

  private func writeTable(to html: inout HTMLWriter) {
    html.openChartTable(categoryAxis, numeric: [valueAxis, "share"])
    for bar in bars {
      html.open("tr")
      html.element("td", text: bar.label)
      html.element("td", [.init("class", "num")], text: NumberText.count(bar.count))
      html.element("td", [.init("class", "num")], text: NumberText.percent(bar.count, of: total))
      html.close("tr")
    }
    html.closeChartTable()
  }
}
