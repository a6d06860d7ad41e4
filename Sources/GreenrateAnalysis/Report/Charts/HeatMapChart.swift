/// A matrix of counts as a heat map: one cell per (row, column) pair, darker for more,
/// its count written in it; the table beneath has row and column totals.
package struct HeatMapChart: Sendable {
  package var title: String
  package var rowAxis: String
  package var columnAxis: String
  package var rows: [String]
  package var columns: [String]
  /// `counts[row][column]`.
  package var counts: [[Int]]

  package init(
    title: String, rowAxis: String, columnAxis: String, rows: [String], columns: [String],
    counts: [[Int]]
  ) {
    self.title = title
    self.rowAxis = rowAxis
    self.columnAxis = columnAxis
    self.rows = rows
    self.columns = columns
    self.counts = counts
  }

  private func count(_ r: Int, _ c: Int) -> Int {
    r < counts.count && c < counts[r].count ? counts[r][c] : 0
  }

  package func write(to html: inout HTMLWriter) {
    html.chartFigure(
      kind: "migration", title: title, hasData: !rows.isEmpty && !columns.isEmpty,
      svg: writeSVG, table: writeTable)
  }

  /// A sequential blue from near white to the accent, by the square root of the share
  /// of the largest cell (so small but non-zero cells stay visible).
  static func fill(_ n: Int, max: Int) -> String {
    guard n > 0, max > 0 else { return "#FFFFFF" }
    let t = 0.12 + 0.88 * (Double(n) / Double(max)).squareRoot()
    let (r, g, b) = (255 - t * (255 - 0), 255 - t * (255 - 114), 255 - t * (255 - 178))
    func hex(_ v: Double) -> String {
      let i = Int(v.rounded())
      let digits = Array("0123456789ABCDEF")
      return String([digits[i / 16], digits[i % 16]])
    }
    return "#" + hex(r) + hex(g) + hex(b)
  }

  private func writeSVG(to html: inout HTMLWriter) {
    let c = NumberText.coordinate
    let (left, top) = (150.0, 40.0)
    let cellWidth = min(90.0, 500.0 / Double(columns.count))
    let cellHeight = 30.0
    let width = left + cellWidth * Double(columns.count) + 10
    let height = top + cellHeight * Double(rows.count) + 30
    let largest = counts.flatMap { $0 }.max() ?? 0
    html.openChartSVG(width: width, height: height, title: title)
    html.element(
      "text",
      [
        .init("x", c(left + cellWidth * Double(columns.count) / 2)), .init("y", "12"),
        .init("class", "axis-title mid"),
      ], text: columnAxis)
    for (j, column) in columns.enumerated() {
      html.element(
        "text",
        [
          .init("x", c(left + cellWidth * (Double(j) + 0.5))), .init("y", c(top - 8)),
          .init("class", "label mid"),
        ], text: ChartStyle.short(column, Int(cellWidth / 7)))
    }
    for (i, row) in rows.enumerated() {
      let y = top + cellHeight * Double(i)
      html.element(
        "text",
        [
          .init("x", c(left - 6)), .init("y", c(y + cellHeight * 0.6)), .init("class", "label end"),
        ],
        text: ChartStyle.short(row, 18))
      for j in columns.indices {
        let n = count(i, j)
        let x = left + cellWidth * Double(j)
        html.empty(
          "rect",
          [
            .init("x", c(x)), .init("y", c(y)), .init("width", c(cellWidth)),
            .init("height", c(cellHeight)), .init("fill", HeatMapChart.fill(n, max: largest)),
            .init("stroke", "#FFFFFF"),
          ])
        let dark = largest > 0 && Double(n) / Double(largest) > 0.3
        html.element(
          "text",
          [
            .init("x", c(x + cellWidth / 2)), .init("y", c(y + cellHeight * 0.62)),
            .init("class", "cell-text"), .init("fill", dark ? "#FFFFFF" : "#222222"),
            .init("style", dark ? "fill:#FFFFFF" : "fill:#222222"),
          ], text: NumberText.count(n))
      }
    }
    html.element(
      "text",
      [
        .init("x", "12"), .init("y", c(top + cellHeight * Double(rows.count) / 2)),
        .init("class", "axis-title mid"),
        .init("transform", "rotate(-90 12 \(c(top + cellHeight * Double(rows.count) / 2)))"),
      ], text: rowAxis)
    html.close("svg")
  }

  private func writeTable(to html: inout HTMLWriter) {
    html.openChartTable("\(rowAxis) \\ \(columnAxis)", numeric: columns + ["total"])
    var columnTotals = Array(repeating: 0, count: columns.count)
    for (i, row) in rows.enumerated() {
      html.open("tr")
      html.element("th", [.init("scope", "row")], text: row)
      var total = 0
      for j in columns.indices {
        let n = count(i, j)
        total += n
        columnTotals[j] += n
        html.element("td", [.init("class", "num")], text: NumberText.count(n))
      }
      html.element("td", [.init("class", "num")], text: NumberText.count(total))
      html.close("tr")
    }
    html.open("tr")
    html.element("th", [.init("scope", "row")], text: "total")
    for n in columnTotals {
      html.element("td", [.init("class", "num")], text: NumberText.count(n))
    }
    html.element(
      "td", [.init("class", "num")], text: NumberText.count(columnTotals.reduce(0, +)))
    html.close("tr")
    html.closeChartTable()
  }
}
