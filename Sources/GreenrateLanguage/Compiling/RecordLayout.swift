/// Where each input of a rule set lives in a decoded record.
///
/// Scalars (`number`, `bool`, `date`, optional or not; see `Scalar`) share one slot
/// array, texts another, sets a third. Readers fill these slots; the evaluator reads
/// them by index, so no field is ever looked up by name per record.
package struct RecordLayout: Sendable {
  package enum Storage: Hashable, Sendable {
    case scalar(Int)
    case text(Int)
    case set(Int)
  }

  package struct Field: Sendable {
    package let name: String
    package let type: ValueType
    package let isKey: Bool
    package let storage: Storage
  }

  /// The inputs in declaration order.
  package let fields: [Field]
  /// The index in `fields` of the `key` input (always `text`).
  package let keyField: Int
  package let scalarCount: Int
  package let textCount: Int
  package let setCount: Int

  /// Lays out inputs given as (name, type, isKey) in declaration order.
  package init(inputs: [(name: String, type: ValueType, isKey: Bool)]) {
    var scalars = 0
    var texts = 0
    var sets = 0
    var key = 0
    var fields: [Field] = []
    for (i, input) in inputs.enumerated() {
      let storage: Storage
      switch input.type.base {
      case .number, .bool, .date:
        storage = .scalar(scalars)
        scalars += 1
      case .text:
        storage = .text(texts)
        texts += 1
      case .set:
        storage = .set(sets)
        sets += 1
      }
      if input.isKey { key = i }
      fields.append(Field(name: input.name, type: input.type, isKey: input.isKey, storage: storage))
    }
    self.fields = fields
    self.keyField = key
    self.scalarCount = scalars
    self.textCount = texts
    self.setCount = sets
  }

  /// The index of the input with this name, if declared. Not for per-record use.
  package func field(named name: String) -> Int? {
    fields.firstIndex { $0.name == name }
  }

  /// The text slot of the key input.
  package var keySlot: Int {
    if case .text(let slot) = fields[keyField].storage { return slot }
    return 0
  }
}
