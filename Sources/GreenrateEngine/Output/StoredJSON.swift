import GreenrateReaders

/// A JSON value read back from one of the store's JSON columns.
///
/// The store writes those columns itself (with `JSONWriter`), so this reader only has
/// to be correct, not fast; it is used by `explain`, `runs` and `--resume`, never per
/// record of a batch.
package indirect enum StoredJSON: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([StoredJSON])
  /// Members in their stored order.
  case object([Member])

  /// One member of an object.
  package struct Member: Hashable, Sendable {
    package var name: String
    package var value: StoredJSON
  }

  /// Parses a JSON text; nil when it is not valid JSON.
  package static func parse(_ text: String) -> StoredJSON? {
    var parser = Parser(bytes: Array(text.utf8))
    guard let value = parser.value() else { return nil }
    parser.skipSpace()
    return parser.index == parser.bytes.count ? value : nil
  }

  package var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  package var numberValue: Double? {
    if case .number(let x) = self { return x }
    return nil
  }

  package var arrayValue: [StoredJSON]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// The strings of an array of strings (nil if it is anything else).
  package var stringArray: [String]? {
    guard let items = arrayValue else { return nil }
    var result: [String] = []
    for item in items {
      guard let s = item.stringValue else { return nil }
      result.append(s)
    }
    return result
  }

  /// The value of an object's member.
  package subscript(name: String) -> StoredJSON? {
    if case .object(let members) = self { return members.first { $0.name == name }?.value }
    return nil
  }

  /// Writes the value back as JSON text.
  package func write(to writer: inout JSONWriter) {
    switch self {
    case .null: writer.null()
    case .bool(let b): writer.bool(b)
    case .number(let x): writer.number(x)
    case .string(let s): writer.string(s)
    case .array(let items):
      writer.byte(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { writer.byte(UInt8(ascii: ",")) }
        item.write(to: &writer)
      }
      writer.byte(UInt8(ascii: "]"))
    case .object(let members):
      writer.byte(UInt8(ascii: "{"))
      for (i, member) in members.enumerated() {
        if i > 0 { writer.byte(UInt8(ascii: ",")) }
        writer.string(member.name)
        writer.byte(UInt8(ascii: ":"))
        member.value.write(to: &writer)
      }
      writer.byte(UInt8(ascii: "}"))
    }
  }

  /// The value as compact JSON text.
  package var jsonText: String {
    var writer = JSONWriter()
    write(to: &writer)
    return writer.text
  }
}

private struct Parser {
  let bytes: [UInt8]
  var index = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value() -> StoredJSON? {
    skipSpace()
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "{"): return object()
    case UInt8(ascii: "["): return array()
    case UInt8(ascii: "\""): return string().map(StoredJSON.string)
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    default: return number()
    }
  }

  mutating func literal(_ word: String, _ value: StoredJSON) -> StoredJSON? {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
      return nil
    }
    index += w.count
    return value
  }

  mutating func number() -> StoredJSON? {
    let start = index
    while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
    guard index > start, let x = Double(String(decoding: bytes[start..<index], as: UTF8.self))
    else { return nil }
    return .number(x)
  }

  /// A string, scanned and unescaped by the readers' `JSONScanner`: one JSON unescaper.
  mutating func string() -> String? {
    var i = index
    let text = bytes.withUnsafeBufferPointer { b -> String? in
      guard let p = b.baseAddress else { return nil }
      guard let s = try? JSONScanner.scanString(p, &i, b.count) else { return nil }
      if !s.escaped { return String(decoding: b[s.start..<s.end], as: UTF8.self) }
      var out: [UInt8] = []
      JSONScanner.unescape(p, from: s.start, to: s.end, into: &out)
      return String(decoding: out, as: UTF8.self)
    }
    index = i
    return text
  }

  mutating func array() -> StoredJSON? {
    index += 1
    var items: [StoredJSON] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      guard let item = value() else { return nil }
      items.append(item)
      skipSpace()
      guard index < bytes.count else { return nil }
      let b = bytes[index]
      index += 1
      if b == UInt8(ascii: "]") { return .array(items) }
      guard b == UInt8(ascii: ",") else { return nil }
    }
  }

  mutating func object() -> StoredJSON? {
    index += 1
    var members: [StoredJSON.Member] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let name = string() else {
        return nil
      }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      guard let item = value() else { return nil }
      members.append(StoredJSON.Member(name: name, value: item))
      skipSpace()
      guard index < bytes.count else { return nil }
      let b = bytes[index]
      index += 1
      if b == UInt8(ascii: "}") { return .object(members) }
      guard b == UInt8(ascii: ",") else { return nil }
    }
  }
}
