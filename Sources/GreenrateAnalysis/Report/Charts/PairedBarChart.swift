/// Two horizontal bars per category (e.g. a factor's mean points under the champion
/// and the challenger), with the values and their difference in the table beneath.
package struct PairedBarChart: Sendable {
  package struct Pair: Sendable {
    package var label: String
    package var first: Double
    package var second: Double

    package init(label: String, first: Double, second: Double) {
      self.label = label
      self.first = first
      self.second = second
    }
  }

  package var title: String
  package var categoryAxis: String
  package var valueAxis: String
  package var firstName: String
  package var secondName: String
  package var pairs: [Pair]
  package var kind: String

  package init(
    title: String, categoryAxis: String, valueAxis: String, firstName: String,
    secondName: String, pairs: [Pair], kind: String
  ) {
    self.title = title
    self.categoryAxis = categoryAxis
    self.valueAxis = valueAxis
    self.firstName = firstName
    self.secondName = secondName
    self.pairs = pairs
    self.kind = kind
  }

  static let firstColour = "#E69F00"
  static let secondColour = ChartStyle.accent

  package func write(to html: inout HTMLWriter) {
    html.chartFigure(
      kind: kind, title: title, hasData: !pairs.isEmpty, emptyNote: "Nothing to compare.",
      svg: writeSVG, table: writeTable)
  }

  private func writeSVG(to html: inout HTMLWriter) {
    let c = NumberText.coordinate
    let (width, left, right, top, row) = (680.0, 170.0, 600.0, 30.0, 34.0)
    let plotHeight = row * Double(pairs.count)
    let height = top + plotHeight + 46
    let largest = pairs.map { Swift.max(abs($0.first), abs($0.second)) }.max() ?? 0
    let ticks = ChartStyle.ticks(upTo: largest)
    let scale = (right - left) / (ticks.last ?? 1)
    html.openChartSVG(width: width, height: height, title: title)
    for (i, (name, colour)) in [
      (firstName, PairedBarChart.firstColour), (secondName, PairedBarChart.secondColour),
    ].enumerated() {
      let x = left + Double(i) * 220
      html.empty(
        "rect",
        [
          .init("x", c(x)), .init("y", "6"), .init("width", "12"), .init("height", "12"),
          .init("fill", colour),
        ])
      html.element(
        "text", [.init("x", c(x + 16)), .init("y", "16"), .init("class", "label")],
        text: ChartStyle.short(name, 30))
    }
    html.valueGrid(
      ticks: ticks, scale: scale, left: left, top: top, plotHeight: plotHeight,
      label: NumberText.plain)
    for (i, pair) in pairs.enumerated() {
      let y = top + Double(i) * row
      html.element(
        "text",
        [.init("x", c(left - 6)), .init("y", c(y + row * 0.55)), .init("class", "label end")],
        text: ChartStyle.short(pair.label, 26))
      for (k, (value, colour)) in [
        (pair.first, PairedBarChart.firstColour), (pair.second, PairedBarChart.secondColour),
      ].enumerated() {
        let barY = y + 3 + Double(k) * (row - 6) / 2
        html.empty(
          "rect",
          [
            .init("x", c(left)), .init("y", c(barY)),
            .init("width", c(Swift.max(0, value) * scale)), .init("height", c((row - 6) / 2 - 1)),
            .init("fill", colour),
          ])
        html.element(
          "text",
          [
            .init("x", c(left + Swift.max(0, value) * scale + 4)), .init("y", c(barY + 10)),
            .init("class", "value"),
          ], text: NumberText.fixed(value, places: 2))
      }
    }
    html.barAxes(
      left: left, right: right, top: top, plotHeight: plotHeight, height: height,
      valueAxis: valueAxis, categoryAxis: categoryAxis)
    html.close("svg")
  }

  private func writeTable(to html: inout HTMLWriter) {
    html.openChartTable(categoryAxis, numeric: [firstName, secondName, "shift"])
    for pair in pairs {
      html.open("tr")
      html.element("td", text: pair.label)
      html.element("td", [.init("class", "num")], text: NumberText.fixed(pair.first, places: 2))
      html.element("td", [.init("class", "num")], text: NumberText.fixed(pair.second, places: 2))
      let shift = pair.second - pair.first
      html.element(
        "td", [.init("class", "num")],
        text: (shift > 0 ? "+" : "") + NumberText.fixed(shift, places: 2))
      html.close("tr")
    }
    html.closeChartTable()
  }
}
