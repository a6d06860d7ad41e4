/// The frame every chart shares: the figure with its caption and table, the SVG's
/// opening, the table's head, and the value grid and axes of the horizontal bar charts.
extension HTMLWriter {
  /// `<figure class="chart" data-chart=KIND>`: the caption, the SVG when there is data
  /// (else `emptyNote`, when given), then the table.
  mutating func chartFigure(
    kind: String, title: String, hasData: Bool, emptyNote: String? = nil,
    svg: (inout HTMLWriter) -> Void, table: (inout HTMLWriter) -> Void
  ) {
    open("figure", [.init("class", "chart"), .init("data-chart", kind)])
    element("figcaption", text: title)
    if hasData {
      svg(&self)
    } else if let emptyNote {
      element("p", [.init("class", "empty")], text: emptyNote)
    }
    table(&self)
    close("figure")
  }

  /// Opens an `svg` of this size, titled for screen readers.
  mutating func openChartSVG(width: Double, height: Double, title: String) {
    let c = NumberText.coordinate
    open(
      "svg",
      [
        .init("viewBox", "0 0 \(c(width)) \(c(height))"), .init("role", "img"),
        .init("aria-label", title),
      ])
    element("title", text: title)
  }

  /// Opens a chart's table: its head (the first column's heading, then numeric ones)
  /// and its body; `closeChartTable` ends it.
  mutating func openChartTable(_ first: String, numeric: [String]) {
    open("table")
    open("thead")
    open("tr")
    element("th", [.init("scope", "col")], text: first)
    for heading in numeric {
      element("th", [.init("scope", "col"), .init("class", "num")], text: heading)
    }
    close("tr")
    close("thead")
    open("tbody")
  }

  mutating func closeChartTable() {
    close("tbody")
    close("table")
  }

  /// A horizontal bar chart's vertical grid lines at `ticks`, each labelled beneath.
  mutating func valueGrid(
    ticks: [Double], scale: Double, left: Double, top: Double, plotHeight: Double,
    label: (Double) -> String
  ) {
    let c = NumberText.coordinate
    for tick in ticks {
      let x = left + tick * scale
      empty(
        "line",
        [
          .init("x1", c(x)), .init("x2", c(x)), .init("y1", c(top)),
          .init("y2", c(top + plotHeight)), .init("class", "grid"),
        ])
      element(
        "text",
        [.init("x", c(x)), .init("y", c(top + plotHeight + 14)), .init("class", "tick mid")],
        text: label(tick))
    }
  }

  /// A horizontal bar chart's category axis line and both axis titles.
  mutating func barAxes(
    left: Double, right: Double, top: Double, plotHeight: Double, height: Double,
    valueAxis: String, categoryAxis: String
  ) {
    let c = NumberText.coordinate
    empty(
      "line",
      [
        .init("x1", c(left)), .init("x2", c(left)), .init("y1", c(top)),
        .init("y2", c(top + plotHeight)), .init("class", "axis"),
      ])
    element(
      "text",
      [
        .init("x", c((left + right) / 2)), .init("y", c(height - 6)),
        .init("class", "axis-title mid"),
      ], text: valueAxis)
    element(
      "text",
      [
        .init("x", "12"), .init("y", c(top + plotHeight / 2)), .init("class", "axis-title mid"),
        .init("transform", "rotate(-90 12 \(c(top + plotHeight / 2)))"),
      ], text: categoryAxis)
  }
}
