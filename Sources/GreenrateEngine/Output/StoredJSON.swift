/// A JSON value read back from one of the store's JSON columns.
///
/// The store writes those columns itself (with `JSONWriter`), so this reader only has
/// to be correct, not fast; it is used by `explain`, `runs` and `--resume`, never per
/// record of a batch.
public indirect enum StoredJSON: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([StoredJSON])
  /// Members in their stored order.
  case object([Member])

  /// One member of an object.
  public struct Member: Hashable, Sendable {
    public var name: String
    public var value: StoredJSON
  }

  /// Parses a JSON text; nil when it is not valid JSON.
  public static func parse(_ text: String) -> StoredJSON? {
    var parser = Parser(bytes: Array(text.utf8))
    guard let value = parser.value() else { return nil }
    parser.skipSpace()
    return parser.index == parser.bytes.count ? value : nil
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var numberValue: Double? {
    if case .number(let x) = self { return x }
    return nil
  }

  public var arrayValue: [StoredJSON]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// The strings of an array of strings (nil if it is anything else).
  public var stringArray: [String]? {
    guard let items = arrayValue else { return nil }
    var result: [String] = []
    for item in items {
      guard let s = item.stringValue else { return nil }
      result.append(s)
    }
    return result
  }

  /// The value of an object's member.
  public subscript(name: String) -> StoredJSON? {
    if case .object(let members) = self { return members.first { $0.name == name }?.value }
    return nil
  }

  /// Writes the value back as JSON text.
  public func write(to writer: inout JSONWriter) {
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
  public var jsonText: String {
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

  mutating func string() -> String? {
    index += 1
    var out: [UInt8] = []
    while index < bytes.count {
      let b = bytes[index]
      index += 1
      if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
      guard b == UInt8(ascii: "\\") else {
        out.append(b)
        continue
      }
      guard index < bytes.count else { return nil }
      let e = bytes[index]
      index += 1
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        guard var scalar = hex4() else { return nil }
        if scalar >= 0xD800 && scalar < 0xDC00, index + 1 < bytes.count,
          bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        {
          index += 2
          guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let s = Unicode.Scalar(scalar) else { return nil }
        out.append(contentsOf: String(Character(s)).utf8)
      default: out.append(e)
      }
    }
    return nil
  }

  mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count,
      let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { return nil }
    index += 4
    return v
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
