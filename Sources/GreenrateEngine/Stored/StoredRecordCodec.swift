import GreenrateLanguage

/// The compact binary form of a record's input values, as `ratings.record` stores it.
///
/// Values follow the run's `record_fields` order, so no names repeat per row, and the
/// key is left out (it is the row's `merchant_id`):
/// - scalar (`number`, `bool`, `date`): tag 0 = missing; 1 = an integer, then its
///   zigzag LEB128 varint (bools, dates and whole numbers: one to three bytes);
///   2 = then the 8 bytes of the IEEE double, little-endian.
/// - `text`: varint(length + 1) then the UTF-8 bytes; 0 = missing.
/// - `set`: varint(count), then each item as varint(length) and its bytes.
/// The first byte is the format version (1).
package enum StoredRecordCodec {
  static let formatVersion: UInt8 = 1

  /// Appends the encoding of `records`' row `row` to `out`.
  ///
  /// Reserves the largest size the row can take, writes through a pointer and gives
  /// back the rest: one bounds check per record instead of one per byte.
  package static func encode(_ records: RecordBuffer, row: Int, into out: inout [UInt8]) {
    let layout = records.layout
    let scalarBase = row * layout.scalarCount
    let textBase = row * layout.textCount
    let setBase = row * layout.setCount
    var bound = 1 + 9 * layout.scalarCount
    for slot in 0..<layout.textCount {
      bound += 10 + (records.texts[textBase + slot]?.utf8Count ?? 0)
    }
    for slot in 0..<layout.setCount {
      bound += 10
      for item in records.sets[setBase + slot].items { bound += 10 + item.utf8Count }
    }
    let start = out.count
    out.append(contentsOf: repeatElement(0, count: bound))
    let written = out.withUnsafeMutableBufferPointer { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      var w = PointerWriter(at: base + start)
      w.byte(formatVersion)
      for (index, field) in layout.fields.enumerated() where index != layout.keyField {
        switch field.storage {
        case .scalar(let slot): w.scalar(records.scalars[scalarBase + slot])
        case .text(let slot):
          if let text = records.texts[textBase + slot] {
            w.text(text, lengthBias: 1)
          } else {
            w.byte(0)
          }
        case .set(let slot):
          let items = records.sets[setBase + slot].items
          w.varint(UInt64(items.count))
          for item in items { w.text(item, lengthBias: 0) }
        }
      }
      return w.pointer - (base + start)
    }
    out.removeLast(bound - written)
  }

  /// The record's values in the order of `fields` (the fields it was stored under);
  /// `key` is the row's merchant id, the key field's value.
  package static func decode(_ bytes: [UInt8], fields: [StoredField], key: String)
    throws(StoredRecordError) -> [Value]
  {
    try bytes.withUnsafeBufferPointer { (raw) throws(StoredRecordError) in
      try decode(raw, fields: fields, key: key)
    }
  }

  private static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, fields: [StoredField], key: String
  ) throws(StoredRecordError) -> [Value] {
    var reader = StoredRecordReader(bytes: bytes)
    guard reader.byte() == formatVersion else { throw .corrupt("unknown record format") }
    var values: [Value] = []
    values.reserveCapacity(fields.count)
    for field in fields {
      if field.isKey {
        values.append(.text(Text(key)))
        continue
      }
      switch field.type.base {
      case .number, .bool, .date:
        guard let tag = reader.byte() else { throw .corrupt("record ends early") }
        let x: Double
        switch tag {
        case 0:
          values.append(.missing)
          continue
        case 1:
          guard let v = reader.varint() else { throw .corrupt("bad integer") }
          x = Double(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
        case 2:
          guard let v = reader.fixed64() else { throw .corrupt("bad number") }
          x = Double(bitPattern: v)
        default: throw .corrupt("bad value tag \(tag)")
        }
        switch field.type.base {
        case .bool: values.append(.bool(x != 0))
        case .date:
          // A corrupt record may hold any double: only a whole day in range is a date.
          guard x.isFinite, abs(x) < 1e15 else { throw .corrupt("bad date") }
          values.append(.date(Int(x)))
        default: values.append(.number(x))
        }
      case .text:
        guard let n = reader.varint() else { throw .corrupt("record ends early") }
        if n == 0 {
          values.append(.missing)
          continue
        }
        guard let text = reader.text(count: n - 1) else {
          throw .corrupt("text ends early")
        }
        values.append(.text(text))
      case .set:
        guard let count = reader.varint() else { throw .corrupt("record ends early") }
        var items: [Text] = []
        for _ in 0..<count {
          guard let n = reader.varint(), let text = reader.text(count: n) else {
            throw .corrupt("set ends early")
          }
          items.append(text)
        }
        values.append(.set(TextSet(items)))
      }
    }
    guard reader.atEnd else { throw .corrupt("extra bytes after the record") }
    return values
  }

  /// Appends one value of a field of `type` in this format (for values carried over
  /// from an older record, after those `encode` wrote).
  package static func append(_ value: Value, as type: BaseType, into out: inout [UInt8]) {
    func varint(_ v: UInt64) {
      var v = v
      while v >= 0x80 {
        out.append(UInt8(truncatingIfNeeded: v) | 0x80)
        v >>= 7
      }
      out.append(UInt8(v))
    }
    func text(_ t: Text, bias: UInt64) {
      let bytes = Array(t.string.utf8)
      varint(UInt64(bytes.count) + bias)
      out += bytes
    }
    switch (type, value) {
    case (.number, _), (.bool, _), (.date, _):
      let x: Double
      switch value {
      case .number(let n): x = n
      case .bool(let b): x = b ? 1 : 0
      case .date(let d): x = Double(d)
      default:
        out.append(0)
        return
      }
      if x == x.rounded(.towardZero), abs(x) < 9_007_199_254_740_992, !(x == 0 && x.sign == .minus)
      {
        out.append(1)
        let i = Int64(x)
        varint(UInt64(bitPattern: (i << 1) ^ (i >> 63)))
      } else {
        out.append(2)
        withUnsafeBytes(of: x.bitPattern.littleEndian) { out += $0 }
      }
    case (.text, .text(let t)): text(t, bias: 1)
    case (.text, _): out.append(0)
    case (.set, .set(let items)):
      varint(UInt64(items.items.count))
      for item in items.items { text(item, bias: 0) }
    case (.set, _): varint(0)
    }
  }

  /// The `record_fields` text of a layout: `name:type` per input (`name:key` for the
  /// key), comma separated — input names are identifiers, so neither character can
  /// occur in them.
  package static func fieldList(_ layout: RecordLayout) -> String {
    layout.fields.map { "\($0.name):\($0.isKey ? "key" : $0.type.description)" }
      .joined(separator: ",")
  }

  /// Parses a `record_fields` text.
  package static func parseFieldList(_ text: String) throws(StoredRecordError) -> [StoredField] {
    if text.isEmpty { return [] }
    var fields: [StoredField] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
      guard pieces.count == 2 else { throw .corrupt("bad field list entry `\(part)`") }
      if pieces[1] == "key" {
        fields.append(StoredField(name: String(pieces[0]), type: .text, isKey: true))
        continue
      }
      var typeName = Substring(pieces[1])
      let optional = typeName.hasSuffix("?")
      if optional { typeName = typeName.dropLast() }
      guard let base = BaseType(rawValue: String(typeName)) else {
        throw .corrupt("unknown field type `\(pieces[1])`")
      }
      fields.append(StoredField(name: String(pieces[0]), type: ValueType(base, optional: optional)))
    }
    return fields
  }
}

/// A field of a stored record: the input's name and type when it was stored.
package struct StoredField: Hashable, Sendable {
  package var name: String
  package var type: ValueType
  /// Whether it is the rule set's key (stored as the row's `merchant_id`).
  package var isKey: Bool

  package init(name: String, type: ValueType, isKey: Bool = false) {
    self.name = name
    self.type = type
    self.isKey = isKey
  }
}

/// A stored record that cannot be read back (a damaged or foreign database).
package struct StoredRecordError: Error, Sendable, CustomStringConvertible {
  package var message: String

  static func corrupt(_ detail: String) -> StoredRecordError {
    StoredRecordError(message: "stored record is damaged: \(detail)")
  }

  package var description: String { message }
}

/// Writes bytes through a pointer into space reserved beforehand.
private struct PointerWriter {
  var pointer: UnsafeMutablePointer<UInt8>

  init(at pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }

  @inline(__always)
  mutating func byte(_ b: UInt8) {
    pointer.pointee = b
    pointer += 1
  }

  @inline(__always)
  mutating func varint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      byte(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    byte(UInt8(v))
  }

  /// At most 9 bytes.
  mutating func scalar(_ x: Double) {
    if x.isNaN {
      byte(0)
    } else if x == x.rounded(.towardZero), abs(x) < 9_007_199_254_740_992,
      !(x == 0 && x.sign == .minus)
    {
      byte(1)
      let i = Int64(x)
      varint(UInt64(bitPattern: (i << 1) ^ (i >> 63)))
    } else {
      byte(2)
      UnsafeMutableRawPointer(pointer).storeBytes(of: x.bitPattern.littleEndian, as: UInt64.self)
      pointer += 8
    }
  }

  /// At most 10 bytes more than the text's UTF-8.
  mutating func text(_ text: Text, lengthBias: UInt64) {
    text.withUTF8 { utf8 in
      varint(UInt64(utf8.count) + lengthBias)
      if let base = utf8.baseAddress {
        pointer.update(from: base, count: utf8.count)
        pointer += utf8.count
      }
    }
  }
}
