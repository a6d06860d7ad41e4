import GreenrateLanguage

/// The decoded records of the chunk being read, written in place.
///
/// Appending to `RecordBuffer` row by row costs a dozen checked array appends per
/// record, more than decoding some records; this storage writes each slot once through
/// a pointer and hands the columns over as arrays when the chunk is done.
final class ChunkStorage {
  let layout: RecordLayout
  let scalarCount: Int
  let textCount: Int
  let setCount: Int
  private(set) var capacity: Int
  /// Rows committed so far.
  private(set) var count = 0
  private(set) var scalars: UnsafeMutablePointer<Double>
  private(set) var texts: UnsafeMutablePointer<Text?>
  private(set) var sets: UnsafeMutablePointer<TextSet>
  private var lines: UnsafeMutablePointer<Int>

  init(layout: RecordLayout, capacity: Int = 1024) {
    self.layout = layout
    scalarCount = layout.scalarCount
    textCount = layout.textCount
    setCount = layout.setCount
    self.capacity = capacity
    scalars = .allocate(capacity: capacity * scalarCount)
    texts = .allocate(capacity: capacity * textCount)
    sets = .allocate(capacity: capacity * setCount)
    lines = .allocate(capacity: capacity)
  }

  deinit {
    texts.deinitialize(count: count * textCount)
    sets.deinitialize(count: count * setCount)
    scalars.deallocate()
    texts.deallocate()
    sets.deallocate()
    lines.deallocate()
  }

  /// Starts the row after the committed ones, every field missing; returns its index.
  /// Every begun row must be committed or abandoned before the next one begins.
  @inline(__always)
  func beginRow(line: Int) -> Int {
    if count == capacity { grow() }
    let row = count
    (scalars + row * scalarCount).initialize(repeating: Scalar.missing, count: scalarCount)
    (texts + row * textCount).initialize(repeating: nil, count: textCount)
    (sets + row * setCount).initialize(repeating: TextSet(), count: setCount)
    lines[row] = line
    return row
  }

  @inline(__always)
  func commitRow() { count += 1 }

  /// Drops the row begun last (it did not decode).
  func abandonRow() {
    (texts + count * textCount).deinitialize(count: textCount)
    (sets + count * setCount).deinitialize(count: setCount)
  }

  @inline(__always)
  func setScalar(_ value: Double, row: Int, slot: Int) {
    scalars[row * scalarCount + slot] = value
  }

  @inline(__always)
  func setText(_ value: Text, row: Int, slot: Int) {
    texts[row * textCount + slot] = value
  }

  @inline(__always)
  func setSet(_ value: TextSet, row: Int, slot: Int) {
    sets[row * setCount + slot] = value
  }

  /// The committed rows as a record buffer; the storage is empty afterwards.
  func take() -> RecordBuffer {
    let rows = count
    let scalarColumn = Array(UnsafeBufferPointer(start: scalars, count: rows * scalarCount))
    let textColumn = [Text?](unsafeUninitializedCapacity: rows * textCount) { out, n in
      if let base = out.baseAddress { base.moveInitialize(from: texts, count: rows * textCount) }
      n = rows * textCount
    }
    let setColumn = [TextSet](unsafeUninitializedCapacity: rows * setCount) { out, n in
      if let base = out.baseAddress { base.moveInitialize(from: sets, count: rows * setCount) }
      n = rows * setCount
    }
    let lineColumn = Array(UnsafeBufferPointer(start: lines, count: rows))
    count = 0
    return RecordBuffer(
      layout: layout, scalars: scalarColumn, texts: textColumn, sets: setColumn, lines: lineColumn)
  }

  private func grow() {
    let bigger = capacity * 2
    func move<T>(_ old: UnsafeMutablePointer<T>, _ width: Int) -> UnsafeMutablePointer<T> {
      let new = UnsafeMutablePointer<T>.allocate(capacity: bigger * width)
      new.moveInitialize(from: old, count: count * width)
      old.deallocate()
      return new
    }
    scalars = move(scalars, scalarCount)
    texts = move(texts, textCount)
    sets = move(sets, setCount)
    lines = move(lines, 1)
    capacity = bigger
  }
}
