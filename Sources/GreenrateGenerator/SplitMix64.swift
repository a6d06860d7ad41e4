/// Sebastiano Vigna's SplitMix64: a tiny, fast, seedable generator whose output is the
/// same on every platform, so generated sample data is reproducible from its seed.
///
/// Not for cryptography. Every seed (0 included) gives a full-period stream.
package struct SplitMix64: RandomNumberGenerator, Sendable {
  @usableFromInline var state: UInt64

  package init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  @inlinable
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1), from the top 53 bits.
  @inlinable
  package mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// True with probability `p`.
  @inlinable
  package mutating func chance(_ p: Double) -> Bool {
    nextUnit() < p
  }

  /// A uniform integer in `0..<bound` (`bound` > 0), by Lemire's multiply-shift; the tiny
  /// bias of skipping rejection does not matter for sample data.
  @inlinable
  package mutating func below(_ bound: Int) -> Int {
    Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }
}
