#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gives each distinct byte string (a rating label, a stored code list, a field value)
/// a small integer id, looked up without building a `String` or an array per row.
struct ByteKeyTable {
  /// The distinct keys, by id.
  private(set) var keys: [[UInt8]] = []
  /// The first id of each hash, and the others on a hash collision (rare, so
  /// the common lookup is one dictionary probe without an array).
  private var ids: [UInt64: Int] = [:]
  private var collisions: [UInt64: [Int]] = [:]

  var count: Int { keys.count }

  /// The id of `bytes`, adding it when new.
  mutating func id(_ bytes: UnsafeRawBufferPointer) -> Int {
    let hash = ByteKeyTable.hash(bytes)
    if let first = ids[hash] {
      if ByteKeyTable.equal(keys[first], bytes) { return first }
      for id in collisions[hash] ?? [] where ByteKeyTable.equal(keys[id], bytes) { return id }
      let id = keys.count
      keys.append(Array(bytes))
      collisions[hash, default: []].append(id)
      return id
    }
    let id = keys.count
    keys.append(Array(bytes))
    ids[hash] = id
    return id
  }

  /// Key `id` as text.
  func text(_ id: Int) -> String { String(decoding: keys[id], as: UTF8.self) }

  /// A 64-bit hash taking eight bytes a step (code lists are ~100 bytes a row, and a
  /// byte-wise hash was a fifth of the report's time).
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var i = 0
    while i + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < bytes.count {
      tail |= UInt64(bytes[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return h ^ (h >> 29)
  }

  private static func equal(_ key: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard key.count == bytes.count else { return false }
    return key.withUnsafeBytes { k in
      guard let a = k.baseAddress, let b = bytes.baseAddress else { return true }
      return memcmp(a, b, k.count) == 0
    }
  }
}
