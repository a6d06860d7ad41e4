/// A running 64-bit hash of an input's bytes, fed in pieces of any length, so that a
/// resumed batch can check that the file still holds, up to the resume point, the very
/// bytes the run read (a same-size edit changes the hash, not the size).
///
/// Not cryptographic: it guards against accidents (an edited or replaced file), not
/// against someone crafting a collision. Eight bytes per step (xor, multiply by an odd
/// constant, rotate: a bijection of the state for each word, so one changed word always
/// changes the result), several GB/s, well below the reader's own cost.
public struct InputHash: Sendable, Equatable {
  private var state: UInt64 = 0x243F_6A88_85A3_08D3
  private var pending: UInt64 = 0
  private var pendingCount = 0
  /// Bytes hashed so far.
  public private(set) var count: Int64 = 0

  public init() {}

  /// Adds `length` bytes.
  public mutating func update(_ bytes: UnsafePointer<UInt8>, count length: Int) {
    guard length > 0 else { return }
    count += Int64(length)
    var i = 0
    while pendingCount != 0 && i < length {
      take(bytes[i])
      i += 1
    }
    let raw = UnsafeRawPointer(bytes)
    while i + 8 <= length {
      mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
      i += 8
    }
    while i < length {
      take(bytes[i])
      i += 1
    }
  }

  /// The hash of every byte added so far, as 16 hex digits (what a run stores).
  public var digest: String {
    var copy = self
    copy.mix(copy.pending ^ (UInt64(copy.pendingCount) << 56))
    copy.mix(UInt64(bitPattern: copy.count))
    var x = copy.state
    x ^= x >> 33
    x = x &* 0xFF51_AFD7_ED55_8CCD
    x ^= x >> 33
    let digits = String(x, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  private mutating func take(_ byte: UInt8) {
    pending |= UInt64(byte) << (8 * UInt64(pendingCount))
    pendingCount += 1
    if pendingCount == 8 {
      mix(pending)
      pending = 0
      pendingCount = 0
    }
  }

  @inline(__always)
  private mutating func mix(_ word: UInt64) {
    let x = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
    state = (x << 31) | (x >> 33)
  }
}
