import GreenrateLanguage
import GreenrateReaders

/// Fills record buffers of one rule set from records stored under another run's
/// inputs, by field name, as `rescore` does — worked out once per run, not per record.
///
/// An input the stored records lack stays missing; a field whose base type changed is
/// converted the way a CSV cell would be (written as a cell, decoded as the new type)
/// and stays missing when that fails. A required input left missing makes the record
/// one the rules cannot score (`fill` returns the input's name).
public struct StoredRecordMapping: Sendable {
  public let layout: RecordLayout
  public let storedFields: [StoredField]
  /// Per layout field: the stored field's index, or nil.
  private let sources: [Int?]
  /// Per layout field: whether the stored value must be converted (base type changed).
  private let converts: [Bool]
  /// Layout fields that must not be missing (not optional, not a set, not the key).
  private let required: [Int]

  public init(layout: RecordLayout, storedFields: [StoredField]) {
    self.layout = layout
    self.storedFields = storedFields
    var sources: [Int?] = []
    var converts: [Bool] = []
    for field in layout.fields {
      let index = field.isKey ? nil : storedFields.firstIndex { $0.name == field.name }
      sources.append(index)
      converts.append(index.map { storedFields[$0].type.base != field.type.base } ?? false)
    }
    self.sources = sources
    self.converts = converts
    required = layout.fields.indices.filter { i in
      let type = layout.fields[i].type
      return !layout.fields[i].isKey && !type.isOptional && type.base != .set
    }
  }

  /// Required inputs the stored records do not have at all: every record fails on
  /// the first of them.
  public var absentRequired: [String] {
    required.filter { sources[$0] == nil }.map { layout.fields[$0].name }
  }

  /// Decodes `bytes` (a stored record) into row `row` of `buffer` (already appended,
  /// every field missing), with `key` as the key input. Returns nil when the row can be
  /// scored, else the first required input left missing; throws for a damaged record.
  public func fill(
    _ bytes: ArraySlice<UInt8>, key: String, into buffer: inout RecordBuffer, row: Int
  ) throws(StoredRecordError) -> String? {
    let values = try StoredRecordCodec.decode(Array(bytes), fields: storedFields, key: key)
    for i in layout.fields.indices {
      guard let source = sources[i] else { continue }
      var value = values[source]
      if value == .missing { continue }
      if converts[i] {
        switch CellDecoder.decode(StoredRecord.cellText(value), as: layout.fields[i].type) {
        case .success(let converted): value = converted
        case .failure: continue
        }
      }
      StoredRecord.set(value, in: &buffer, row: row, field: i)
    }
    buffer.setText(Text(key), row: row, slot: layout.keySlot)
    for i in required where StoredRecordMapping.isMissing(buffer, row: row, field: i) {
      return layout.fields[i].name
    }
    return nil
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
