import GreenrateLanguage
import GreenrateReaders

/// Fills record buffers of one rule set from records stored under another run's
/// inputs, by field name, as `rescore` does — worked out once per run, not per record,
/// and decoded straight from the stored bytes into the buffer's slots (no `Value` per
/// field), since `compare` does it for every merchant of a run.
///
/// An input the stored records lack stays missing; a field whose base type changed is
/// converted the way a CSV cell would be (written as a cell, decoded as the new type)
/// and stays missing when that fails. A required input left missing makes the record
/// one the rules cannot score (`fill` returns the input's name).
package struct StoredRecordMapping: Sendable {
  /// What to do with one stored field's value.
  enum Target: Sendable {
    /// Read past it: the rules have no input of that name (or it is the key).
    case skip
    /// `asBool`: the input is a `bool` (stored as any number; 0 is false).
    case scalar(slot: Int, asBool: Bool)
    case text(slot: Int)
    case set(slot: Int)
    /// The base type changed: through a CSV cell into layout field `field`.
    case convert(field: Int)
  }

  package let layout: RecordLayout
  package let storedFields: [StoredField]
  /// Per stored field (the key excluded, as the codec leaves it out).
  private let targets: [(base: BaseType, target: Target)]
  /// Layout fields that must not be missing (not optional, not a set, not the key).
  private let required: [Int]
  /// Whether each layout field has a stored field of its name.
  private let present: [Bool]

  package init(layout: RecordLayout, storedFields: [StoredField]) {
    self.layout = layout
    self.storedFields = storedFields
    var targets: [(BaseType, Target)] = []
    var present = Array(repeating: false, count: layout.fields.count)
    for stored in storedFields where !stored.isKey {
      guard let index = layout.field(named: stored.name), !layout.fields[index].isKey else {
        targets.append((stored.type.base, .skip))
        continue
      }
      present[index] = true
      let field = layout.fields[index]
      if field.type.base != stored.type.base {
        targets.append((stored.type.base, .convert(field: index)))
        continue
      }
      switch field.storage {
      case .scalar(let slot):
        targets.append(
          (
            stored.type.base,
            .scalar(slot: slot, asBool: StoredRecordMapping.isBool(field.type.base))
          ))
      case .text(let slot): targets.append((stored.type.base, .text(slot: slot)))
      case .set(let slot): targets.append((stored.type.base, .set(slot: slot)))
      }
    }
    self.targets = targets
    self.present = present
    required = layout.fields.indices.filter { i in
      let type = layout.fields[i].type
      return !layout.fields[i].isKey && !type.isOptional && type.base != .set
    }
  }

  /// Required inputs the stored records do not have at all: every record fails on
  /// the first of them.
  package var absentRequired: [String] {
    required.filter { !present[$0] }.map { layout.fields[$0].name }
  }

  /// Decodes `bytes` (a stored record) into row `row` of `buffer` (already appended,
  /// every field missing), with `key` as the key input. Returns nil when the row can be
  /// scored, else the first required input left missing; throws for a damaged record.
  package func fill(
    _ bytes: ArraySlice<UInt8>, key: String, into buffer: inout RecordBuffer, row: Int
  ) throws(StoredRecordError) -> String? {
    try bytes.withUnsafeBufferPointer { (raw) throws(StoredRecordError) in
      try fill(raw, key: Text(key), into: &buffer, row: row)
    }
  }

  /// `fill` from bytes in place (a chunk's buffer), with the key already a `Text`.
  package func fill(
    _ raw: UnsafeBufferPointer<UInt8>, key: Text, into buffer: inout RecordBuffer, row: Int
  ) throws(StoredRecordError) -> String? {
    var cursor = StoredRecordReader(bytes: raw)
    guard cursor.byte() == StoredRecordCodec.formatVersion else {
      throw .corrupt("unknown record format")
    }
    for (base, target) in targets {
      try decode(base, into: target, from: &cursor, buffer: &buffer, row: row)
    }
    guard cursor.atEnd else { throw .corrupt("extra bytes after the record") }
    buffer.setText(key, row: row, slot: layout.keySlot)
    for i in required where StoredRecordMapping.isMissing(buffer, row: row, field: i) {
      return layout.fields[i].name
    }
    return nil
  }

  private func decode(
    _ base: BaseType, into target: Target, from cursor: inout StoredRecordReader,
    buffer: inout RecordBuffer, row: Int
  ) throws(StoredRecordError) {
    switch base {
    case .number, .bool, .date:
      guard let tag = cursor.byte() else { throw .corrupt("record ends early") }
      let x: Double
      switch tag {
      case 0: return
      case 1:
        guard let v = cursor.varint() else { throw .corrupt("bad integer") }
        x = Double(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
      case 2:
        guard let v = cursor.fixed64() else { throw .corrupt("bad number") }
        x = Double(bitPattern: v)
      default: throw .corrupt("bad value tag \(tag)")
      }
      switch target {
      case .scalar(let slot, let asBool):
        buffer.setScalar(asBool ? (x != 0 ? 1 : 0) : x, row: row, slot: slot)
      case .convert(let field):
        let value: Value =
          StoredRecordMapping.isBool(base)
          ? .bool(x != 0) : StoredRecordMapping.isDate(base) ? .date(Int(x)) : .number(x)
        convert(value, field: field, buffer: &buffer, row: row)
      default: break
      }
    case .text:
      guard let n = cursor.varint() else { throw .corrupt("record ends early") }
      if n == 0 { return }
      guard let text = cursor.text(count: n - 1) else { throw .corrupt("text ends early") }
      switch target {
      case .text(let slot): buffer.setText(text, row: row, slot: slot)
      case .convert(let field): convert(.text(text), field: field, buffer: &buffer, row: row)
      default: break
      }
    case .set:
      guard let count = cursor.varint() else { throw .corrupt("record ends early") }
      var items: [Text] = []
      for _ in 0..<count {
        guard let n = cursor.varint(), let text = cursor.text(count: n) else {
          throw .corrupt("set ends early")
        }
        items.append(text)
      }
      switch target {
      case .set(let slot): if !items.isEmpty { buffer.setSet(TextSet(items), row: row, slot: slot) }
      case .convert(let field):
        convert(.set(TextSet(items)), field: field, buffer: &buffer, row: row)
      default: break
      }
    }
  }

  /// A value whose base type changed, through a CSV cell (as `StoredRecord.fill`).
  private func convert(_ value: Value, field: Int, buffer: inout RecordBuffer, row: Int) {
    if case .success(let converted) = CellDecoder.decode(
      StoredRecord.cellText(value), as: layout.fields[field].type)
    {
      StoredRecord.set(converted, in: &buffer, row: row, field: field)
    }
  }

  // By pattern, not `==`: `BaseType`'s `==` from another module is a witness call,
  // which showed in profiles of `compare` (a few per stored field).
  private static func isBool(_ base: BaseType) -> Bool {
    if case .bool = base { return true }
    return false
  }

  private static func isDate(_ base: BaseType) -> Bool {
    if case .date = base { return true }
    return false
  }

  private static func isMissing(_ buffer: RecordBuffer, row: Int, field: Int) -> Bool {
    switch buffer.layout.fields[field].storage {
    case .scalar(let slot):
      return Scalar.isMissing(buffer.scalars[row * buffer.layout.scalarCount + slot])
    case .text(let slot): return buffer.texts[row * buffer.layout.textCount + slot] == nil
    case .set: return false
    }
  }
}
