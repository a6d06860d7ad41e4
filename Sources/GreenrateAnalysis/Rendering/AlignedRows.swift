import GreenrateEngine

/// Rows of cells in aligned columns, two spaces apart: the first column left-aligned,
/// the others right-aligned (figures), no trailing spaces.
struct AlignedRows {
  var rows: [[String]] = []
  /// Indentation of every line.
  var indent = "  "

  mutating func add(_ cells: [String]) { rows.append(cells) }

  var lines: [String] {
    let columns = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    return rows.map { row in
      var line = indent
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        if i == 0 {
          line += cell + (row.count > 1 ? pad : "")
        } else {
          line += "  " + pad + cell
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}

/// Numbers as the text forms print them.
package enum Figures {
  /// A fixed number of decimals (`-0.00` printed as `0.00`).
  package static func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((abs(x) * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = String(scaled % Int(scale))
    let sign = x < 0 && scaled > 0 ? "-" : ""
    if digits == 0 { return sign + String(whole) }
    return sign + String(whole) + "."
      + String(repeating: "0", count: digits - fraction.count) + fraction
  }

  /// A signed figure: `+1.50`, `-2.00`, `0.00`.
  package static func signed(_ x: Double, _ digits: Int) -> String {
    let text = fixed(x, digits)
    return x > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
  }

  /// `1234567` as `1,234,567`.
  package static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return value < 0 ? "-" + out : out
  }

  /// A double as the JSON prints it (shortest round trip, no `-0`).
  package static func number(_ x: Double) -> String {
    var w = JSONWriter(capacity: 24)
    w.number(x == 0 ? 0 : x)
    return w.text
  }
}
