/// The rating mix per value of a field: one 100% bar per value, a segment per rating,
/// and the eligible share written beside it.
package struct StackedBarChart: Sendable {
  package var title: String
  /// The field's name (the vertical axis).
  package var field: String
  package var labels: [String]
  package var groups: [RunAggregates.Group]

  package init(title: String, field: String, labels: [String], groups: [RunAggregates.Group]) {
    self.title = title
    self.field = field
    self.labels = labels
    self.groups = groups
  }

  /// How a value shows: a blank one as `(blank)`.
  static func shown(_ value: String) -> String { value.isEmpty ? "(blank)" : value }

  package func write(to html: inout HTMLWriter) {
    html.chartFigure(
      kind: "breakdown", title: title, hasData: !groups.isEmpty, svg: writeSVG,
      table: writeTable)
  }

  private func writeSVG(to html: inout HTMLWriter) {
    let c = NumberText.coordinate
    let width = 680.0
    let (left, right, top, row) = (170.0, 590.0, 34.0, 20.0)
    let bottom = top + row * Double(groups.count)
    let height = bottom + 44
    html.openChartSVG(width: width, height: height, title: title)
    var x = left
    for (i, label) in labels.enumerated() {
      html.empty(
        "rect",
        [
          .init("x", c(x)), .init("y", "6"), .init("width", "12"), .init("height", "12"),
          .init("fill", ChartStyle.ratingColour(i)),
        ])
      html.element(
        "text", [.init("x", c(x + 16)), .init("y", "16"), .init("class", "label")],
        text: ChartStyle.short(label, 16))
      x += 28 + 7 * Double(min(label.count, 16))
    }
    html.element(
      "text", [.init("x", c(right + 8)), .init("y", "28"), .init("class", "label")],
      text: "eligible")
    for tick in [0.0, 25, 50, 75, 100] {
      let tx = left + (right - left) * tick / 100
      html.empty(
        "line",
        [
          .init("x1", c(tx)), .init("x2", c(tx)), .init("y1", c(top)), .init("y2", c(bottom)),
          .init("class", "grid"),
        ])
      html.element(
        "text", [.init("x", c(tx)), .init("y", c(bottom + 14)), .init("class", "tick mid")],
        text: NumberText.plain(tick))
    }
    for (g, group) in groups.enumerated() {
      let y = top + Double(g) * row
      html.element(
        "text",
        [.init("x", c(left - 6)), .init("y", c(y + row * 0.7)), .init("class", "label end")],
        text: ChartStyle.short(StackedBarChart.shown(group.value), 24))
      var start = left
      for (i, n) in group.ratingCounts.enumerated() where n > 0 {
        let w = (right - left) * Double(n) / Double(max(group.merchants, 1))
        html.open(
          "rect",
          [
            .init("x", c(start)), .init("y", c(y + 2)), .init("width", c(w)),
            .init("height", c(row - 4)), .init("fill", ChartStyle.ratingColour(i)),
          ])
        html.element("title", text: "\(labels[i]): \(NumberText.count(n))")
        html.close("rect")
        start += w
      }
      html.element(
        "text", [.init("x", c(right + 8)), .init("y", c(y + row * 0.7)), .init("class", "value")],
        text: NumberText.percent(group.eligible, of: group.merchants))
    }
    html.element(
      "text",
      [
        .init("x", c((left + right) / 2)), .init("y", c(height - 8)),
        .init("class", "axis-title mid"),
      ], text: "share of merchants (%)")
    html.element(
      "text",
      [
        .init("x", "12"), .init("y", c((top + bottom) / 2)), .init("class", "axis-title mid"),
        .init("transform", "rotate(-90 12 \(c((top + bottom) / 2)))"),
      ],
      text: field)
    html.close("svg")
  }

  private func writeTable(to html: inout HTMLWriter) {
    html.openChartTable(field, numeric: ["merchants"] + labels + ["eligible", "eligible share"])
    for group in groups {
      html.open("tr")
      html.element("td", text: StackedBarChart.shown(group.value))
      html.element("td", [.init("class", "num")], text: NumberText.count(group.merchants))
      for n in group.ratingCounts {
        html.element("td", [.init("class", "num")], text: NumberText.count(n))
      }
      html.element("td", [.init("class", "num")], text: NumberText.count(group.eligible))
      html.element(
        "td", [.init("class", "num")], text: NumberText.percent(group.eligible, of: group.merchants)
      )
      html.close("tr")
    }
    html.closeChartTable()
  }
}
