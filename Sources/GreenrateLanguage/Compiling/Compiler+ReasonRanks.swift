/// The order of reasons, decided once per rule set instead of sorted per record.
///
/// Reasons are ordered by the shortfall of their band (largest first), ties in factor
/// order; a band's shortfall is fixed by the rule file. So every (factor, band) with a
/// reason gets a rank in that order here, and a record's factor steps set the bits of
/// their bands' ranks: reading the bits from the lowest up lists the reasons in order.
extension Compiler {
  /// The ranks as bits, `bits[factor][band]` (0 for a band without a reason), and the
  /// factor of each rank; nil when there are more than 64 ranks (reasons are sorted then).
  static func reasonRanks(_ factors: [CheckedRuleSet.Factor])
    -> (bits: [[UInt64]], factors: [Int])?
  {
    var ranked: [(shortfall: Double, factor: Int, band: Int)] = []
    for (i, factor) in factors.enumerated() {
      let best = factor.bands.map(\.points).max() ?? 0
      for (b, band) in factor.bands.enumerated() where band.reason != nil {
        // The shortfall as the factor step computes it; NaN (infinite points) is left
        // out, just as the sort leaves it out.
        let shortfall = best - band.points
        if !shortfall.isNaN { ranked.append((shortfall, i, b)) }
      }
    }
    guard ranked.count <= 64 else { return nil }
    ranked.sort { x, y in
      if x.shortfall != y.shortfall { return x.shortfall > y.shortfall }
      return (x.factor, x.band) < (y.factor, y.band)
    }
    var bits = factors.map { Array(repeating: UInt64(0), count: $0.bands.count) }
    for (rank, entry) in ranked.enumerated() { bits[entry.factor][entry.band] = 1 << UInt64(rank) }
    return (bits, ranked.map(\.factor))
  }
}
