/// Rows of text cells laid out in aligned columns, for terminal output.
///
/// Columns are as wide as their widest cell (counted in characters) and two spaces
/// apart; the last column is never padded and no line ends in spaces.
struct TextTable {
  enum Alignment {
    case left, right
  }

  struct Column {
    var title: String
    var alignment: Alignment

    init(_ title: String, _ alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  var columns: [Column]
  var rows: [[String]] = []
  /// Whether the first line holds the column titles.
  var showsTitles = true

  init(_ columns: [Column], showsTitles: Bool = true) {
    self.columns = columns
    self.showsTitles = showsTitles
  }

  /// Adds a row; missing cells are empty, extra ones are dropped.
  mutating func append(_ cells: [String]) {
    rows.append((0..<columns.count).map { $0 < cells.count ? cells[$0] : "" })
  }

  /// The table as lines, each starting with `indent`.
  func lines(indent: String = "") -> [String] {
    let all = (showsTitles ? [columns.map(\.title)] : []) + rows
    var widths = Array(repeating: 0, count: columns.count)
    for row in all {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    return all.map { row in
      var line = indent
      for (i, cell) in row.enumerated() {
        if i > 0 { line += "  " }
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        let isLast = i == row.count - 1
        switch columns[i].alignment {
        case .right: line += pad + cell
        case .left: line += isLast ? cell : cell + pad
        }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The table as one text, a newline after each line.
  func rendered(indent: String = "") -> String {
    lines(indent: indent).map { $0 + "\n" }.joined()
  }
}
