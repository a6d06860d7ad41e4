/// A fixed list of texts compiled for fast lookup of a text's position in it.
///
/// Used for everything that compares a run-time text with texts known while compiling:
/// `x in ["a", "b"]`, `x == "a"`, table keys. The contract's equality is equality of
/// Unicode scalars, that is of UTF-8 bytes.
///
/// Nearly every such text (a code, a province, a label) has at most 15 UTF-8 bytes, and
/// `Text` holds such a text as a `ShortText`: two words fixed by the bytes alone. Two short
/// texts therefore have equal scalars exactly when their two words are equal, which makes
/// a lookup a couple of word comparisons (in a short list, or after hashing into an
/// open-addressing table) with no copying and no reference counting. A longer text takes
/// the byte-by-byte path.
struct TextMatcher: Sendable {
  typealias Packed = ShortText

  /// Keys stored inline, and `shortIndex[i]` the key index of `short[i]`.
  private let short: [Packed]
  private let shortIndex: [Int]
  /// When there are many short keys: an open-addressing table of positions in `short`
  /// (-1 empty), `mask + 1` long; empty otherwise (the list is scanned).
  private let table: [Int]
  private let mask: Int
  /// Keys of 16 bytes or more, with their key indexes.
  private let long: [[UInt8]]
  private let longIndex: [Int]

  /// Compiles `keys`; a key's index is its position in `keys`, and a repeated key keeps
  /// its first.
  init(_ keys: [Text]) {
    var short: [Packed] = []
    var shortIndex: [Int] = []
    var long: [[UInt8]] = []
    var longIndex: [Int] = []
    for (i, key) in keys.enumerated() {
      let bytes = key.withUTF8 { Array($0) }
      if let packed = Self.inline(key) {
        if !short.contains(packed) {
          short.append(packed)
          shortIndex.append(i)
        }
      } else if !long.contains(bytes) {
        long.append(bytes)
        longIndex.append(i)
      }
    }
    var table: [Int] = []
    var mask = 0
    if short.count > 8 {
      var size = 16
      while size < short.count * 2 { size *= 2 }
      mask = size - 1
      table = Array(repeating: -1, count: size)
      for (position, packed) in short.enumerated() {
        var slot = Self.hash(packed) & mask
        while table[slot] >= 0 { slot = (slot + 1) & mask }
        table[slot] = position
      }
    }
    self.short = short
    self.shortIndex = shortIndex
    self.table = table
    self.mask = mask
    self.long = long
    self.longIndex = longIndex
  }

  /// The index of `text` among the keys, or -1.
  @inline(__always)
  func index(of text: Text) -> Int {
    if let packed = Self.inline(text) { return index(of: packed) }
    return outOfLineIndex(text)
  }

  /// Whether `text` is one of the keys.
  @inline(__always)
  func contains(_ text: Text) -> Bool { index(of: text) >= 0 }

  /// The index of the text in a register among the keys; -1 when absent or missing.
  ///
  /// Reads an inline text's words straight from the register, without copying the text
  /// (a copy costs a retain and a release, even when they have nothing to do).
  @inline(__always)
  func index(at register: UnsafePointer<Text?>) -> Int {
    if let packed = Self.inline(at: register) { return index(of: packed) }
    guard let text = register.pointee else { return -1 }
    return outOfLineIndex(text)
  }

  /// The index among the keys of a short text computed and never made a `Text`, or -1.
  @inline(__always)
  func index(ofInline short: ShortText) -> Int {
    index(of: short)
  }

  /// Whether some item of the set is one of the keys (read in place, not copied).
  @inline(__always)
  func containsAny(of set: UnsafePointer<TextSet>) -> Bool {
    set.pointee.items.withUnsafeBufferPointer { items in
      for item in items where index(of: item) >= 0 { return true }
      return false
    }
  }

  /// Bit i set for each key i the set holds (keys past the 64th are not reported).
  ///
  /// Items stored inline are matched in a loop that calls nothing, so the set is read in
  /// place; any other item is matched afterwards, on a copy.
  @inline(__always)
  func mask(of set: UnsafePointer<TextSet>) -> UInt64 {
    var bits: UInt64 = 0
    var others = false
    set.pointee.items.withUnsafeBufferPointer { items in
      for item in items {
        if let packed = Self.inline(item) {
          let i = index(of: packed)
          if i >= 0 && i < 64 { bits |= 1 << UInt64(i) }
        } else {
          others = true
        }
      }
    }
    if others {
      for item in set.pointee.items where Self.inline(item) == nil {
        let i = outOfLineIndex(item)
        if i >= 0 && i < 64 { bits |= 1 << UInt64(i) }
      }
    }
    return bits
  }

  @inline(__always)
  private func index(of packed: Packed) -> Int {
    if table.isEmpty {
      for i in 0..<short.count where short[i] == packed { return shortIndex[i] }
      return -1
    }
    var slot = Self.hash(packed) & mask
    while true {
      let position = table[slot]
      if position < 0 { return -1 }
      if short[position] == packed { return shortIndex[position] }
      slot = (slot + 1) & mask
    }
  }

  /// The slow path, for a text not stored inline.
  @inline(never)
  private func outOfLineIndex(_ text: Text) -> Int {
    text.withUTF8 { bytes in
      for (i, key) in long.enumerated() where key.elementsEqual(bytes) { return longIndex[i] }
      return -1
    }
  }

  /// Whether two texts have the same scalars (the same UTF-8 bytes).
  @inline(__always)
  static func equal(_ a: Text, _ b: Text) -> Bool { a == b }

  /// The words of a short text; nil for a long one.
  @inline(__always)
  static func inline(_ text: Text) -> Packed? {
    if case .short(let short) = text.storage { return short }
    return nil
  }

  /// The words of the text in a register when it is short; nil for a long or missing one.
  @inline(__always)
  static func inline(at register: UnsafePointer<Text?>) -> Packed? {
    ShortText.at(register)
  }

  @inline(__always)
  private static func hash(_ p: Packed) -> Int {
    let h = (p.low ^ (p.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: h >> 29)
  }
}
