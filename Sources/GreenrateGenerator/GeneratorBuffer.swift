import GreenrateLanguage

/// The bytes of generated records, written field by field as CSV or JSON Lines.
///
/// The record generator calls one value method per field, in header order; the buffer
/// adds the separators, the JSON keys and the quoting each format needs.
struct GeneratorBuffer {
  var bytes: [UInt8] = []
  let isJSON: Bool
  /// JSON only: `{"name":` for the first field, `,"name":` for the others.
  private let keys: [[UInt8]]
  private let names: [String]
  private var field = 0

  init(format: InputFormat, fields: [String], capacity: Int) {
    isJSON = format == .jsonl
    names = fields
    var keys: [[UInt8]] = []
    for (i, name) in fields.enumerated() {
      keys.append(Array((i == 0 ? "{\"" : ",\"").utf8) + Array(name.utf8) + Array("\":".utf8))
    }
    self.keys = keys
    bytes.reserveCapacity(capacity)
  }

  /// The CSV header line; JSON Lines has none.
  mutating func header() {
    guard !isJSON else { return }
    for (i, name) in names.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(contentsOf: name.utf8)
    }
    bytes.append(UInt8(ascii: "\n"))
  }

  private mutating func next() {
    if isJSON {
      bytes.append(contentsOf: keys[field])
    } else if field > 0 {
      bytes.append(UInt8(ascii: ","))
    }
    field += 1
  }

  mutating func endRecord() {
    if isJSON { bytes.append(UInt8(ascii: "}")) }
    bytes.append(UInt8(ascii: "\n"))
    field = 0
  }

  /// An absent value: an empty CSV cell, a JSON `null`.
  mutating func missing() {
    next()
    if isJSON { bytes.append(contentsOf: [110, 117, 108, 108]) }
  }

  mutating func int(_ value: Int) {
    next()
    appendInt(value)
  }

  /// A number given in hundredths, written with two decimals (`37` as `0.37`).
  mutating func hundredths(_ value: Int) {
    next()
    appendInt(value / 100)
    bytes.append(UInt8(ascii: "."))
    let cents = value % 100
    bytes.append(48 + UInt8(cents / 10))
    bytes.append(48 + UInt8(cents % 10))
  }

  mutating func bool(_ value: Bool) {
    next()
    if value {
      bytes.append(contentsOf: [116, 114, 117, 101])
    } else {
      bytes.append(contentsOf: [102, 97, 108, 115, 101])
    }
  }

  /// A day number as `YYYY-MM-DD` (a JSON string in JSON Lines).
  mutating func date(_ day: Int) {
    next()
    let (y, m, d) = Day.civil(day)
    if isJSON { bytes.append(UInt8(ascii: "\"")) }
    appendPadded(y, width: 4)
    bytes.append(UInt8(ascii: "-"))
    appendPadded(m, width: 2)
    bytes.append(UInt8(ascii: "-"))
    appendPadded(d, width: 2)
    if isJSON { bytes.append(UInt8(ascii: "\"")) }
  }

  /// A text value: quoted in CSV only when it holds a comma, quote or line end.
  mutating func text(_ value: [UInt8]) {
    next()
    if isJSON {
      appendJSONString(value)
    } else if value.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
      bytes.append(UInt8(ascii: "\""))
      for b in value {
        bytes.append(b)
        if b == 34 { bytes.append(b) }
      }
      bytes.append(UInt8(ascii: "\""))
    } else {
      bytes.append(contentsOf: value)
    }
  }

  /// A set: `a;b` in CSV, `["a","b"]` in JSON. Items must not contain `;` or quotes.
  mutating func set(_ items: [[UInt8]]) {
    next()
    if isJSON { bytes.append(UInt8(ascii: "[")) }
    for (i, item) in items.enumerated() {
      if i > 0 { bytes.append(isJSON ? UInt8(ascii: ",") : UInt8(ascii: ";")) }
      if isJSON {
        appendJSONString(item)
      } else {
        bytes.append(contentsOf: item)
      }
    }
    if isJSON { bytes.append(UInt8(ascii: "]")) }
  }

  private mutating func appendJSONString(_ value: [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for b in value {
      switch b {
      case 34, 92:
        bytes.append(92)
        bytes.append(b)
      case 10:
        bytes.append(contentsOf: [92, 110])
      case 13:
        bytes.append(contentsOf: [92, 114])
      case 0..<32:
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(Self.hexDigit(b >> 4))
        bytes.append(Self.hexDigit(b & 15))
      default:
        bytes.append(b)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

  private mutating func appendInt(_ value: Int) {
    var n = value.magnitude
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var digits = 1
    var rest = n
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    appendDigits(&n, count: digits)
  }

  private mutating func appendPadded(_ value: Int, width: Int) {
    var n = value.magnitude
    var digits = 1
    var rest = n
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    appendDigits(&n, count: max(digits, width))
  }

  /// Appends the last `count` decimal digits of `n`, most significant first.
  private mutating func appendDigits(_ n: inout UInt, count: Int) {
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(48, count: count))
    var i = start + count - 1
    while i >= start {
      bytes[i] = 48 + UInt8(n % 10)
      n /= 10
      i -= 1
    }
  }
}
