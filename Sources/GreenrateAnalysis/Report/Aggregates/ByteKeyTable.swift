/// Gives each distinct byte string (a rating label, a stored code list, a field value)
/// a small integer id, looked up without building a `String` or an array per row.
struct ByteKeyTable {
  /// The distinct keys, by id.
  private(set) var keys: [[UInt8]] = []
  /// Ids by FNV-1a hash; more than one only on a hash collision.
  private var ids: [UInt64: [Int]] = [:]

  var count: Int { keys.count }

  /// The id of `bytes`, adding it when new.
  mutating func id(_ bytes: UnsafeRawBufferPointer) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
    if let candidates = ids[hash] {
      for id in candidates where ByteKeyTable.equal(keys[id], bytes) { return id }
    }
    let id = keys.count
    keys.append(Array(bytes))
    ids[hash, default: []].append(id)
    return id
  }

  /// Key `id` as text.
  func text(_ id: Int) -> String { String(decoding: keys[id], as: UTF8.self) }

  private static func equal(_ key: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard key.count == bytes.count else { return false }
    return key.withUnsafeBytes { k in
      for i in 0..<k.count where k[i] != bytes[i] { return false }
      return true
    }
  }
}
