import GreenrateLanguage

extension Explanation {
  /// The account for a program, one JSON object:
  ///
  /// `{"merchant_id", "rating", "score", "best_score", "eligible", "reasons",
  /// "knockouts", "denials", "factors": [{"name", "title", "points", "best", "band",
  /// "band_line", "reason", "condition"}], "outputs": {...}, "inputs": {...}, "run":
  /// {"run_id", "kind", "status", "as_of", "ruleset", "ruleset_version",
  /// "ruleset_sha256", "rules_path", "input", "line", "started_at", "finished_at"}}`.
  ///
  /// `band` counts from 0 like `score`'s results; `condition` is null unless the run's
  /// rule file is unchanged.
  package var json: String {
    let r = rating
    var w = JSONWriter(capacity: 2048)
    w.raw("{\"merchant_id\":")
    w.string(r.merchantID)
    w.raw(",\"rating\":")
    w.string(r.rating)
    w.raw(",\"score\":")
    w.number(r.score)
    w.raw(",\"best_score\":")
    w.number(bestScore)
    w.raw(",\"eligible\":")
    w.bool(r.eligible)
    w.raw(",\"reasons\":")
    w.stringArray(r.reasons)
    w.raw(",\"knockouts\":")
    w.stringArray(r.knockouts)
    w.raw(",\"denials\":")
    w.stringArray(r.denials)
    w.raw(",\"factors\":[")
    for (i, factor) in r.factors.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      factorJSON(factor, into: &w)
    }
    w.raw("],\"outputs\":")
    StoredJSON.object(r.outputs).write(to: &w)
    w.raw(",\"inputs\":{")
    for (i, input) in r.inputs.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.string(input.field.name)
      w.byte(UInt8(ascii: ":"))
      w.value(input.value)
    }
    w.raw("},\"run\":")
    runJSON(into: &w)
    w.raw(",\"changes\":[")
    for (i, c) in changes.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.raw("{\"field\":")
      w.string(c.field)
      w.raw(",\"from\":")
      optional(c.old, into: &w)
      w.raw(",\"to\":")
      optional(c.new, into: &w)
      w.raw(",\"source\":")
      w.string(c.source.rawValue)
      w.byte(UInt8(ascii: "}"))
    }
    w.raw("],\"overrides\":[")
    for (i, o) in overrides.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.raw("{\"field\":")
      w.string(o.field)
      w.raw(",\"value\":")
      w.string(o.value)
      w.raw(",\"reason\":")
      w.string(o.reason)
      w.raw(",\"run_id\":")
      w.number(Double(o.runID))
      w.raw(",\"set_at\":")
      w.string(o.setAt)
      w.byte(UInt8(ascii: "}"))
    }
    w.raw("]}")
    return w.text
  }

  private func factorJSON(_ factor: StoredRating.Factor, into w: inout JSONWriter) {
    w.raw("{\"name\":")
    w.string(factor.name)
    w.raw(",\"title\":")
    optional(factor.title, into: &w)
    w.raw(",\"points\":")
    w.number(factor.points)
    w.raw(",\"best\":")
    w.number(factor.best)
    w.raw(",\"band\":")
    w.number(Double(factor.band))
    w.raw(",\"band_line\":")
    if let band = factor.matchedBand { w.number(Double(band.location.line)) } else { w.null() }
    w.raw(",\"reason\":")
    optional(factor.matchedBand?.reason, into: &w)
    w.raw(",\"condition\":")
    optional(condition(factor), into: &w)
    w.byte(UInt8(ascii: "}"))
  }

  private func runJSON(into w: inout JSONWriter) {
    let run = rating.run
    w.raw("{\"run_id\":")
    w.number(Double(run.id))
    w.raw(",\"kind\":")
    w.string(run.kind.rawValue)
    w.raw(",\"status\":")
    w.string(run.status.rawValue)
    w.raw(",\"as_of\":")
    w.string(run.asOf)
    w.raw(",\"ruleset\":")
    w.string(run.ruleset)
    w.raw(",\"ruleset_version\":")
    w.string(run.rulesetVersion)
    w.raw(",\"ruleset_sha256\":")
    w.string(run.rulesetSHA256)
    w.raw(",\"rules_path\":")
    w.string(run.rulesPath)
    w.raw(",\"input\":")
    optional(run.input, into: &w)
    w.raw(",\"line\":")
    w.number(Double(rating.line))
    w.raw(",\"started_at\":")
    w.string(run.startedAt)
    w.raw(",\"finished_at\":")
    optional(run.finishedAt, into: &w)
    w.byte(UInt8(ascii: "}"))
  }

  private func optional(_ s: String?, into w: inout JSONWriter) {
    if let s { w.string(s) } else { w.null() }
  }
}
