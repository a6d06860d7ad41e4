import GreenrateEngine

extension ComparisonResult {
  /// The contract's JSON object, keys in the contract's order, on one line.
  package var json: String {
    var w = JSONWriter(capacity: 2048)
    w.raw("{\"champion\":")
    ComparisonResult.write(champion, withRun: true, to: &w)
    w.raw(",\"challenger\":")
    ComparisonResult.write(challenger, withRun: false, to: &w)
    w.field(",\"as_of\":", asOf)
    w.field(",\"compared\":", compared)
    w.field(",\"rejected\":{\"champion\":", rejectedByChampion)
    w.field(",\"challenger\":", rejectedByChallenger)
    w.raw("},\"migration\":")
    w.array(migration) { w, m in
      w.field("{\"from\":", m.from)
      w.field(",\"to\":", m.to)
      w.field(",\"count\":", m.count)
      w.byte(UInt8(ascii: "}"))
    }
    w.field(",\"eligibility\":{\"both\":", eligibility.both)
    w.field(",\"neither\":", eligibility.neither)
    w.field(",\"swap_in\":", eligibility.swapIn)
    w.field(",\"swap_out\":", eligibility.swapOut)
    w.raw("},\"swap_out_codes\":")
    w.array(swapOutCodes, ComparisonResult.write)
    w.raw(",\"swap_in_codes\":")
    w.array(swapInCodes, ComparisonResult.write)
    w.field(",\"score_delta\":{\"changed\":", scoreDelta.changed)
    w.field(",\"mean\":", scoreDelta.mean)
    w.field(",\"min\":", scoreDelta.min)
    w.field(",\"p5\":", scoreDelta.p5)
    w.field(",\"p50\":", scoreDelta.p50)
    w.field(",\"p95\":", scoreDelta.p95)
    w.field(",\"max\":", scoreDelta.max)
    w.raw("},\"factors\":")
    w.array(factors) { w, f in
      w.field("{\"name\":", f.name)
      w.field(",\"champion_mean\":", f.championMean)
      w.field(",\"challenger_mean\":", f.challengerMean)
      w.byte(UInt8(ascii: "}"))
    }
    w.byte(UInt8(ascii: "}"))
    return w.text
  }

  private static func write(_ side: RuleSet, withRun: Bool, to w: inout JSONWriter) {
    w.field("{\"ruleset\":", side.name)
    w.field(",\"version\":", side.version)
    w.field(",\"sha256\":", side.sha256)
    if withRun {
      w.raw(",\"run_id\":")
      if let run = side.runID { w.number(Double(run)) } else { w.null() }
    }
    w.byte(UInt8(ascii: "}"))
  }

  private static func write(_ w: inout JSONWriter, _ c: CodeCount) {
    w.field("{\"code\":", c.code)
    w.field(",\"count\":", c.count)
    w.byte(UInt8(ascii: "}"))
  }
}
