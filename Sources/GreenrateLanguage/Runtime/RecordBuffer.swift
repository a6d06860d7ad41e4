/// A chunk of decoded records, stored column-wise by slot kind.
///
/// Readers append rows; scorers read them. One buffer holds thousands of records so
/// that a chunk, not a record, is the unit of allocation and of parallel work.
package struct RecordBuffer: Sendable {
  package let layout: RecordLayout
  package private(set) var count: Int = 0
  /// `count * layout.scalarCount` values; row r's slot s is at `r * scalarCount + s`.
  package var scalars: [Double] = []
  /// `count * layout.textCount` values; nil is missing.
  package var texts: [Text?] = []
  /// `count * layout.setCount` values.
  package var sets: [TextSet] = []
  /// The line on which each record starts (counted from 1).
  package var lines: [Int] = []

  package init(layout: RecordLayout, capacity: Int = 0) {
    self.layout = layout
    scalars.reserveCapacity(capacity * layout.scalarCount)
    texts.reserveCapacity(capacity * layout.textCount)
    sets.reserveCapacity(capacity * layout.setCount)
    lines.reserveCapacity(capacity)
  }

  /// Builds a buffer of `lines.count` rows from columns already filled (laid out as the
  /// properties above say), for readers that decode into storage of their own rather
  /// than row by row through `appendRow`.
  package init(
    layout: RecordLayout, scalars: [Double], texts: [Text?], sets: [TextSet], lines: [Int]
  ) {
    self.layout = layout
    self.scalars = scalars
    self.texts = texts
    self.sets = sets
    self.lines = lines
    self.count = lines.count
  }

  /// Appends a row with every field missing (sets empty) and returns its index.
  @discardableResult
  package mutating func appendRow(line: Int) -> Int {
    for _ in 0..<layout.scalarCount { scalars.append(Scalar.missing) }
    for _ in 0..<layout.textCount { texts.append(nil) }
    for _ in 0..<layout.setCount { sets.append(.empty) }
    lines.append(line)
    count += 1
    return count - 1
  }

  /// Drops the last row (a record that turned out not to decode).
  package mutating func removeLastRow() {
    guard count > 0 else { return }
    scalars.removeLast(layout.scalarCount)
    texts.removeLast(layout.textCount)
    sets.removeLast(layout.setCount)
    lines.removeLast()
    count -= 1
  }

  package mutating func removeAll() {
    scalars.removeAll(keepingCapacity: true)
    texts.removeAll(keepingCapacity: true)
    sets.removeAll(keepingCapacity: true)
    lines.removeAll(keepingCapacity: true)
    count = 0
  }

  @inlinable
  package mutating func setScalar(_ value: Double, row: Int, slot: Int) {
    scalars[row * layout.scalarCount + slot] = value
  }

  @inlinable
  package mutating func setText(_ value: Text?, row: Int, slot: Int) {
    texts[row * layout.textCount + slot] = value
  }

  @inlinable
  package mutating func setSet(_ value: TextSet, row: Int, slot: Int) {
    sets[row * layout.setCount + slot] = value
  }

  /// The key of a row (nil when missing).
  package func key(row: Int) -> Text? {
    texts[row * layout.textCount + layout.keySlot]
  }

  /// A field's value as results show it. Not for the hot path.
  package func value(row: Int, field: Int) -> Value {
    let f = layout.fields[field]
    switch f.storage {
    case .scalar(let slot):
      let x = scalars[row * layout.scalarCount + slot]
      if Scalar.isMissing(x) { return .missing }
      switch f.type.base {
      case .bool: return .bool(x != 0)
      case .date: return .date(Int(x))
      default: return .number(x)
      }
    case .text(let slot):
      return texts[row * layout.textCount + slot].map(Value.text) ?? .missing
    case .set(let slot):
      return .set(sets[row * layout.setCount + slot])
    }
  }
}
