import GreenrateEngine

extension ComparisonResult {
  /// The contract's JSON object, keys in the contract's order, on one line.
  package var json: String {
    var w = JSONWriter(capacity: 2048)
    w.raw("{\"champion\":")
    ComparisonResult.write(champion, withRun: true, to: &w)
    w.raw(",\"challenger\":")
    ComparisonResult.write(challenger, withRun: false, to: &w)
    w.raw(",\"as_of\":")
    w.string(asOf)
    w.raw(",\"compared\":")
    w.number(Double(compared))
    w.raw(",\"rejected\":{\"champion\":")
    w.number(Double(rejectedByChampion))
    w.raw(",\"challenger\":")
    w.number(Double(rejectedByChallenger))
    w.raw("},\"migration\":[")
    for (i, m) in migration.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.raw("{\"from\":")
      w.string(m.from)
      w.raw(",\"to\":")
      w.string(m.to)
      w.raw(",\"count\":")
      w.number(Double(m.count))
      w.byte(UInt8(ascii: "}"))
    }
    w.raw("],\"eligibility\":{\"both\":")
    w.number(Double(eligibility.both))
    w.raw(",\"neither\":")
    w.number(Double(eligibility.neither))
    w.raw(",\"swap_in\":")
    w.number(Double(eligibility.swapIn))
    w.raw(",\"swap_out\":")
    w.number(Double(eligibility.swapOut))
    w.raw("},\"swap_out_codes\":")
    ComparisonResult.write(swapOutCodes, to: &w)
    w.raw(",\"swap_in_codes\":")
    ComparisonResult.write(swapInCodes, to: &w)
    w.raw(",\"score_delta\":{\"changed\":")
    w.number(Double(scoreDelta.changed))
    for (name, value) in [
      ("mean", scoreDelta.mean), ("min", scoreDelta.min), ("p5", scoreDelta.p5),
      ("p50", scoreDelta.p50), ("p95", scoreDelta.p95), ("max", scoreDelta.max),
    ] {
      w.raw(",")
      w.string(name)
      w.raw(":")
      w.number(value == 0 ? 0 : value)
    }
    w.raw("},\"factors\":[")
    for (i, f) in factors.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.raw("{\"name\":")
      w.string(f.name)
      w.raw(",\"champion_mean\":")
      w.number(f.championMean == 0 ? 0 : f.championMean)
      w.raw(",\"challenger_mean\":")
      w.number(f.challengerMean == 0 ? 0 : f.challengerMean)
      w.byte(UInt8(ascii: "}"))
    }
    w.raw("]}")
    return w.text
  }

  private static func write(_ side: RuleSet, withRun: Bool, to w: inout JSONWriter) {
    w.raw("{\"ruleset\":")
    w.string(side.name)
    w.raw(",\"version\":")
    w.string(side.version)
    w.raw(",\"sha256\":")
    w.string(side.sha256)
    if withRun {
      w.raw(",\"run_id\":")
      if let run = side.runID { w.number(Double(run)) } else { w.null() }
    }
    w.byte(UInt8(ascii: "}"))
  }

  private static func write(_ codes: [CodeCount], to w: inout JSONWriter) {
    w.byte(UInt8(ascii: "["))
    for (i, c) in codes.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.raw("{\"code\":")
      w.string(c.code)
      w.raw(",\"count\":")
      w.number(Double(c.count))
      w.byte(UInt8(ascii: "}"))
    }
    w.byte(UInt8(ascii: "]"))
  }
}
