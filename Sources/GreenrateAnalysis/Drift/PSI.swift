#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The population stability index of the contract: `Σ (q − p) · ln(q / p)` over bins,
/// a share of 0 taken as 0.0001 (no renormalising).
package enum PSI {
  package static let emptyShare = 0.0001

  package static func value(baseline p: [Double], run q: [Double]) -> Double {
    var sum = 0.0
    for (a, b) in zip(p, q) {
      let p = a == 0 ? emptyShare : a
      let q = b == 0 ? emptyShare : b
      sum += (q - p) * log(q / p)
    }
    return sum
  }

  /// Counts as shares of `total` (all 0 when the total is 0).
  package static func shares(_ counts: [Int], total: Int) -> [Double] {
    counts.map { total > 0 ? Double($0) / Double(total) : 0 }
  }
}
