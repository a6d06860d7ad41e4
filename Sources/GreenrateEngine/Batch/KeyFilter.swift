import GreenrateStore

/// The merchant ids a batch run has stored so far, as a blocked Bloom filter of a fixed
/// size: "no" is certain, "maybe" is checked against the run's stored rows
/// (`Store.pendingLine`). It lets the writer find duplicates without a key index that
/// every commit would have to update in key order across the whole run.
///
/// Fixed size, so memory does not grow with the input: 8 MiB, 7 bits per key in one
/// 64-byte block (one cache miss per key). At 1M keys about one key in 10⁶ is a false
/// "maybe"; at 4M about one in 10³ — each costs one probe of the run's segments.
struct KeyFilter {
  private var words: [UInt64]
  private static let blockBits = 17
  private static let wordsPerBlock = 8

  init() {
    words = Array(repeating: 0, count: (1 << KeyFilter.blockBits) * KeyFilter.wordsPerBlock)
  }

  /// The hash a key is filed under.
  static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
    var hasher = StateHasher(seed: 0x2545_F491_4F6C_DD1D)
    hasher.add(key)
    return UInt64(bitPattern: hasher.value)
  }

  /// Whether a key with this hash may have been added.
  func mayContain(_ hash: UInt64) -> Bool {
    let block = KeyFilter.block(hash)
    var bits = KeyFilter.positions(hash)
    return words.withUnsafeBufferPointer { words in
      var missing: UInt64 = 0
      for _ in 0..<7 {
        let position = Int(truncatingIfNeeded: bits & 511)
        missing |= ~words[block &+ position &>> 6] & (1 &<< UInt64(position & 63))
        bits &>>= 9
      }
      return missing == 0
    }
  }

  mutating func insert(_ hash: UInt64) {
    let block = KeyFilter.block(hash)
    var bits = KeyFilter.positions(hash)
    words.withUnsafeMutableBufferPointer { words in
      for _ in 0..<7 {
        let position = Int(truncatingIfNeeded: bits & 511)
        words[block &+ position &>> 6] |= 1 &<< UInt64(position & 63)
        bits &>>= 9
      }
    }
  }

  /// The first word of the key's block: the hash's top bits.
  @inline(__always)
  private static func block(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: hash &>> UInt64(64 - blockBits)) &* wordsPerBlock
  }

  /// A remix of the hash, 9 bits per position within the block's 512.
  @inline(__always)
  private static func positions(_ hash: UInt64) -> UInt64 {
    (hash ^ (hash &>> 29)) &* 0xBF58_476D_1CE4_E5B9
  }
}
