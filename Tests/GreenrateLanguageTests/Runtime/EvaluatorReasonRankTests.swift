import Testing

@testable import GreenrateLanguage

/// Reasons in order (shortfall, largest first; ties in factor order) whether the program
/// ranks them once (`Compiler.reasonRanks`, up to 64 reason bands) or sorts them per
/// record (more), against the definition.
@Suite struct EvaluatorReasonRankTests {
  /// Per factor: the bands' points and reasons, the last band `else`. Shortfalls tie
  /// across factors (3, 5, 10) and within a factor's list.
  static let factors: [[(Double, String?)]] = [
    [(10, nil), (7, "A_NEAR"), (0, "A_NONE")],
    [(15, nil), (10, "B_SOME"), (12, "B_MOST"), (5, "B_FEW")],
    [(5, nil), (2, "C_LOW"), (0, "C_NONE")],
    [(20, "D_CAPPED"), (20, nil), (10, "D_HALF")],
    [(3, nil), (0, "E_NONE")],
  ]

  /// The rule set: factor i's band b holds when input `x<i>` is b (the last is `else`);
  /// `padded` adds a factor of 70 reason bands that never hold, past the 64 ranks.
  static func scorer(padded: Bool) -> Scorer {
    var b = RuleSetBuilder()
    for (i, bands) in factors.enumerated() {
      let x = b.input("x\(i)", .number)
      let list = bands.enumerated().map { (k, band) in
        (k == bands.count - 1 ? nil : E.compare(.equal, x, E.number(Double(k))), band.0, band.1)
      }
      b.factor("f\(i)", list)
    }
    if padded {
      let never = b.input("never", .number)
      let bands = (0..<70).map { k in
        (E.compare(.equal, never, E.number(-1)) as CheckedExpr?, Double(k), "PAD_\(k)" as String?)
      }
      b.factor("pad", bands + [(nil, 100, nil)])
    }
    return Scorer(b)
  }

  @Test func rankedAndSortedReasonsMatchTheDefinition() throws {
    let ranked = Self.scorer(padded: false)
    let sorted = Self.scorer(padded: true)
    #expect(ranked.program.code.reasonRankFactors != nil)
    #expect(sorted.program.code.reasonRankFactors == nil)
    var state: UInt64 = 0x5EED
    for _ in 0..<300 {
      var values: [String: Value] = ["never": .number(0)]
      var matched: [(shortfall: Double, factor: Int, reason: String)] = []
      for (i, bands) in Self.factors.enumerated() {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let band = Int(state >> 33) % bands.count
        values["x\(i)"] = .number(Double(band))
        let best = bands.map(\.0).max() ?? 0
        if let reason = bands[band].1 { matched.append((best - bands[band].0, i, reason)) }
      }
      let want = matched.sorted { ($0.shortfall, -$0.factor) > ($1.shortfall, -$1.factor) }
        .map(\.reason)
      let a = try ranked.score(values).get()
      let b = try sorted.score(values).get()
      #expect(a.reasons == want, "\(values)")
      #expect(b.reasons == want, "\(values)")
    }
  }
}
