import GreenrateLanguage
import GreenrateReaders

/// A merchant's record as last received by a batch or a rescore.
package struct StoredRecord: Sendable {
  package var merchantID: String
  /// The run that received it.
  package var runID: Int64
  /// The rule file path recorded by that run (rescore's default rules).
  package var rulesPath: String
  /// The line of the input on which the record started.
  package var line: Int
  /// The inputs it was stored under (the run's rule set's inputs).
  package var fields: [StoredField]
  /// The values, in `fields` order.
  package var values: [Value]
  /// The batch run whose input the record comes from (for a rescore's record, the
  /// batch record it started from): how fresh the record is.
  package var sourceRun: Int64 = 0

  package init(
    merchantID: String, runID: Int64, rulesPath: String, line: Int, fields: [StoredField],
    values: [Value]
  ) {
    self.merchantID = merchantID
    self.runID = runID
    self.rulesPath = rulesPath
    self.line = line
    self.fields = fields
    self.values = values
  }

  /// The value of the field with this name, if the record has it (a value kept under
  /// an older type, see `Rescorer.Prepared.carried`, when the field is otherwise missing).
  package func value(named name: String) -> Value? {
    let matching = fields.indices.filter { fields[$0].name == name }
    guard let first = matching.first else { return nil }
    return values[matching.first { values[$0] != .missing } ?? first]
  }

  /// Where `field` comes from: the stored field of that name and base type with a
  /// value, else any of that name with a value, else the first of that name. (A
  /// rescore under rules that changed an input's type keeps the old value too.)
  private func source(of field: RecordLayout.Field) -> Int? {
    let matching = fields.indices.filter { fields[$0].name == field.name }
    return matching.first { fields[$0].type.base == field.type.base && values[$0] != .missing }
      ?? matching.first { values[$0] != .missing } ?? matching.first
  }

  /// Fills row `row` of `buffer` by field name, for a rule set that may differ from
  /// the one the record was stored under.
  ///
  /// Inputs the record lacks stay missing. A field whose base type changed is
  /// converted the way a CSV cell would be (its value written as a cell, decoded as the
  /// new type); when that fails it stays missing. Returns the names of the inputs left
  /// missing for either reason — the caller decides whether a `--set` covers them or
  /// the record must fail (see `firstMissingRequired`).
  @discardableResult
  package func fill(_ buffer: inout RecordBuffer, row: Int) -> [String] {
    var unmatched: [String] = []
    for (index, field) in buffer.layout.fields.enumerated() {
      guard let stored = source(of: field) else {
        unmatched.append(field.name)
        continue
      }
      var value = values[stored]
      if fields[stored].type.base != field.type.base, value != .missing {
        switch CellDecoder.decode(StoredRecord.cellText(value), as: field.type) {
        case .success(let converted): value = converted
        case .failure:
          unmatched.append(field.name)
          continue
        }
      }
      StoredRecord.set(value, in: &buffer, row: row, field: index)
    }
    return unmatched
  }

  /// A value written as a CSV cell would hold it.
  package static func cellText(_ value: Value) -> String {
    switch value {
    case .missing: return ""
    case .number(let x):
      var writer = JSONWriter(capacity: 24)
      writer.number(x)
      return writer.text
    case .text(let t): return t.string
    case .bool(let b): return b ? "true" : "false"
    case .date(let d): return Day.format(d)
    case .set(let s): return s.items.map(\.string).joined(separator: ";")
    }
  }

  /// Writes a value into a field's slot; a value of another kind leaves it unchanged.
  package static func set(_ value: Value, in buffer: inout RecordBuffer, row: Int, field: Int) {
    switch (buffer.layout.fields[field].storage, value) {
    case (.scalar(let slot), .missing): buffer.setScalar(Scalar.missing, row: row, slot: slot)
    case (.scalar(let slot), .number(let x)): buffer.setScalar(x, row: row, slot: slot)
    case (.scalar(let slot), .bool(let b)): buffer.setScalar(b ? 1 : 0, row: row, slot: slot)
    case (.scalar(let slot), .date(let d)): buffer.setScalar(Double(d), row: row, slot: slot)
    case (.text(let slot), .missing): buffer.setText(nil, row: row, slot: slot)
    case (.text(let slot), .text(let t)): buffer.setText(t, row: row, slot: slot)
    case (.set(let slot), .missing): buffer.setSet(.empty, row: row, slot: slot)
    case (.set(let slot), .set(let s)): buffer.setSet(s, row: row, slot: slot)
    default: break
    }
  }

  /// The name of the first non-optional input that is missing in the row, if any (a
  /// record in that state must be rejected, never scored).
  package static func firstMissingRequired(_ buffer: RecordBuffer, row: Int) -> String? {
    for (index, field) in buffer.layout.fields.enumerated() where !field.type.isOptional {
      if field.type.base == .set { continue }
      if buffer.value(row: row, field: index) == .missing { return field.name }
    }
    return nil
  }
}
