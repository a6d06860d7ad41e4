/// Numbers as the report prints them, without Foundation's locale-dependent formatters.
package enum NumberText {
  /// `1234567` → `1,234,567`.
  package static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = value < 0 ? "-" : ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }

  /// `x` with exactly `places` decimals (rounded half away from zero).
  package static func fixed(_ x: Double, places: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "-" : (x < 0 ? "-∞" : "∞") }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    guard scaled < 9e15 else { return String(x) }
    let whole = Int(scaled)
    let unit = Int(scale)
    var out = x < 0 && whole != 0 ? "-" : ""
    out += count(whole / unit)
    if places > 0 {
      let fraction = String(whole % unit)
      out += "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
    return out
  }

  /// A share as a percentage with one decimal: `0.1234` → `12.3%`.
  package static func percent(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "–" : fixed(100 * Double(part) / Double(whole), places: 1) + "%"
  }

  /// A number as short as it is exact up to 4 decimals: `25`, `2.5`, `-0.125`.
  package static func plain(_ x: Double) -> String {
    var text = fixed(x, places: 4)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text.replacingComma()
  }

  /// An SVG coordinate: one decimal, no thousands separator.
  package static func coordinate(_ x: Double) -> String {
    fixed(x, places: 1).replacingComma()
  }
}

extension String {
  /// Without thousands separators (SVG coordinates and plain numbers).
  fileprivate func replacingComma() -> String { filter { $0 != "," } }
}
