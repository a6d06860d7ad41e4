import GreenrateLanguage

/// Decodes CSV cells (and `rescore --set` values) by the engine contract's rules.
///
/// The byte-level entry points are what the CSV reader calls per cell; they return
/// sentinels instead of errors so the hot path builds no messages. The messages are
/// made afterwards, only for cells that failed.
package enum CellDecoder {
  /// Decodes one cell as `type`: `.missing` for an empty cell (the empty set for `set`).
  package static func decode(_ cell: String, as type: ValueType) -> Result<Value, CellError> {
    var cell = cell
    return cell.withUTF8 { bytes in
      guard let base = bytes.baseAddress, bytes.count > 0 else {
        return .success(type.base == .set ? .set(.empty) : .missing)
      }
      return decode(base, count: bytes.count, as: type.base)
    }
  }

  /// Decodes a non-empty, valid UTF-8 cell.
  static func decode(_ p: UnsafePointer<UInt8>, count n: Int, as base: BaseType) -> Result<
    Value, CellError
  > {
    switch base {
    case .number:
      let x = DecimalNumber.parseCSV(p, count: n)
      return x.isNaN ? .failure(numberError(p, count: n)) : .success(.number(x))
    case .bool:
      switch bool(p, count: n) {
      case 1: return .success(.bool(true))
      case 0: return .success(.bool(false))
      default: return .failure(boolError(p, count: n))
      }
    case .date:
      guard let day = date(p, count: n) else { return .failure(dateError(p, count: n)) }
      return .success(.date(day))
    case .text:
      return .success(.text(text(p, count: n)))
    case .set:
      return .success(.set(set(p, count: n)))
    }
  }

  /// 1 for true, 0 for false, -1 otherwise: `true/false/1/0/yes/no`, any case.
  @inline(__always)
  static func bool(_ p: UnsafePointer<UInt8>, count n: Int) -> Int {
    @inline(__always) func lower(_ k: Int) -> UInt8 { p[k] | 0x20 }
    switch n {
    case 1:
      if p[0] == UInt8(ascii: "1") { return 1 }
      if p[0] == UInt8(ascii: "0") { return 0 }
    case 2:
      if lower(0) == UInt8(ascii: "n") && lower(1) == UInt8(ascii: "o") { return 0 }
    case 3:
      if lower(0) == UInt8(ascii: "y") && lower(1) == UInt8(ascii: "e")
        && lower(2) == UInt8(ascii: "s")
      {
        return 1
      }
    case 4:
      if lower(0) == UInt8(ascii: "t") && lower(1) == UInt8(ascii: "r")
        && lower(2) == UInt8(ascii: "u") && lower(3) == UInt8(ascii: "e")
      {
        return 1
      }
    case 5:
      if lower(0) == UInt8(ascii: "f") && lower(1) == UInt8(ascii: "a")
        && lower(2) == UInt8(ascii: "l") && lower(3) == UInt8(ascii: "s")
        && lower(4) == UInt8(ascii: "e")
      {
        return 0
      }
    default:
      break
    }
    return -1
  }

  /// The day number of a `YYYY-MM-DD` cell, or nil.
  @inline(__always)
  static func date(_ p: UnsafePointer<UInt8>, count n: Int) -> Int? {
    Day.parse(UnsafeBufferPointer(start: p, count: n))
  }

  /// The cell as a text; the bytes must be valid UTF-8.
  @inline(__always)
  static func text(_ p: UnsafePointer<UInt8>, count n: Int) -> Text {
    Text(validUTF8: UnsafeBufferPointer(start: p, count: n))
  }

  /// Items split on `;`, trimmed of spaces and tabs, empty items dropped.
  static func set(_ p: UnsafePointer<UInt8>, count n: Int) -> TextSet {
    var items: [Text] = []
    var start = 0
    while start <= n {
      var end = start
      while end < n && p[end] != UInt8(ascii: ";") { end += 1 }
      var a = start
      var b = end
      while a < b && (p[a] == 0x20 || p[a] == 0x09) { a += 1 }
      while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
      if b > a { items.append(text(p + a, count: b - a)) }
      start = end + 1
    }
    return items.isEmpty ? .empty : TextSet(items)
  }

  // MARK: Messages (cold)

  static func numberError(_ p: UnsafePointer<UInt8>, count n: Int) -> CellError {
    let shown = quoted(p, count: n)
    if isNumberSyntax(p, count: n) { return CellError("\(shown) is not a finite number") }
    return CellError("\(shown) is not a number")
  }

  static func boolError(_ p: UnsafePointer<UInt8>, count n: Int) -> CellError {
    CellError("\(quoted(p, count: n)) is not a bool (true, false, yes, no, 1 or 0)")
  }

  static func dateError(_ p: UnsafePointer<UInt8>, count n: Int) -> CellError {
    CellError("\(quoted(p, count: n)) is not a date (a real day as YYYY-MM-DD)")
  }

  /// Whether the text follows the number grammar (so that NaN meant "not finite").
  private static func isNumberSyntax(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
    var i = 0
    if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
    var digits = 0
    while i < n && p[i] &- 48 < 10 {
      i += 1
      digits += 1
    }
    if i < n && p[i] == UInt8(ascii: ".") {
      i += 1
      while i < n && p[i] &- 48 < 10 {
        i += 1
        digits += 1
      }
    }
    guard digits > 0 else { return false }
    if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
      i += 1
      if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
      let start = i
      while i < n && p[i] &- 48 < 10 { i += 1 }
      guard i > start else { return false }
    }
    return i == n
  }

  /// Bytes shown in a message: in double quotes, escaped like a JSON string so that the
  /// message stays one line, cut after 64 bytes.
  static func quoted(_ p: UnsafePointer<UInt8>, count n: Int) -> String {
    let limit = 64
    var shownCount = min(n, limit)
    // Cut at a character boundary.
    while shownCount < n && shownCount > 0 && p[shownCount] & 0xC0 == 0x80 { shownCount -= 1 }
    let text = String(decoding: UnsafeBufferPointer(start: p, count: shownCount), as: UTF8.self)
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u{" + String(scalar.value, radix: 16) + "}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += shownCount < n ? "\u{2026}\"" : "\""
    return out
  }
}
