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
    html.open("figure", [.init("class", "chart"), .init("data-chart", kind)])
    html.element("figcaption", text: title)
    if pairs.isEmpty {
      html.element("p", [.init("class", "empty")], text: "Nothing to compare.")
    } else {
      writeSVG(to: &html)
    }
    writeTable(to: &html)
    html.close("figure")
  }

  private func writeSVG(to html: inout HTMLWriter) {
    let c = NumberText.coordinate
    let (width, left, right, top, row) = (680.0, 170.0, 600.0, 30.0, 34.0)
    let plotHeight = row * Double(pairs.count)
    let height = top + plotHeight + 46
    let largest = pairs.map { Swift.max(abs($0.first), abs($0.second)) }.max() ?? 0
    let ticks = ChartStyle.ticks(upTo: largest)
    let scale = (right - left) / (ticks.last ?? 1)
    html.open(
      "svg",
      [
        .init("viewBox", "0 0 \(c(width)) \(c(height))"), .init("role", "img"),
        .init("aria-label", title),
      ])
    html.element("title", text: title)
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
    for tick in ticks {
      let x = left + tick * scale
      html.empty(
        "line",
        [
          .init("x1", c(x)), .init("x2", c(x)), .init("y1", c(top)),
          .init("y2", c(top + plotHeight)), .init("class", "grid"),
        ])
      html.element(
        "text",
        [.init("x", c(x)), .init("y", c(top + plotHeight + 14)), .init("class", "tick mid")],
        text: NumberText.plain(tick))
    }
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
    html.empty(
      "line",
      [
        .init("x1", c(left)), .init("x2", c(left)), .init("y1", c(top)),
        .init("y2", c(top + plotHeight)), .init("class", "axis"),
      ])
    html.element(
      "text",
      [
        .init("x", c((left + right) / 2)), .init("y", c(height - 6)),
        .init("class", "axis-title mid"),
      ], text: valueAxis)
    html.element(
      "text",
      [
        .init("x", "12"), .init("y", c(top + plotHeight / 2)), .init("class", "axis-title mid"),
        .init("transform", "rotate(-90 12 \(c(top + plotHeight / 2)))"),
      ], text: categoryAxis)
    html.close("svg")
  }

  private func writeTable(to html: inout HTMLWriter) {
    html.open("table")
    html.open("thead")
    html.open("tr")
    html.element("th", [.init("scope", "col")], text: categoryAxis)
    html.element("th", [.init("scope", "col"), .init("class", "num")], text: firstName)
    html.element("th", [.init("scope", "col"), .init("class", "num")], text: secondName)
    html.element("th", [.init("scope", "col"), .init("class", "num")], text: "shift")
    html.close("tr")
    html.close("thead")
    html.open("tbody")
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
    html.close("tbody")
    html.close("table")
  }
}
