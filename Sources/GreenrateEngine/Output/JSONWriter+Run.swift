import GreenrateStore

extension JSONWriter {
  /// One run as `runs --json` prints it: an object with the `runs` table's column names,
  /// plus `stop_reason`: why a batch last stopped before its input ended (a signal, a
  /// read or database error, `--abandon`), null when it never did.
  package mutating func run(_ run: RunInfo, stopReason: String? = nil) {
    func text(_ name: StaticString, _ value: String?) {
      raw(name)
      if let value { string(value) } else { null() }
    }
    raw("{\"run_id\":")
    number(Double(run.id))
    text(",\"kind\":", run.kind.rawValue)
    text(",\"status\":", run.status.rawValue)
    text(",\"ruleset\":", run.ruleset)
    text(",\"ruleset_version\":", run.rulesetVersion)
    text(",\"ruleset_sha256\":", run.rulesetSHA256)
    text(",\"as_of\":", run.asOf)
    text(",\"input\":", run.input)
    text(",\"started_at\":", run.startedAt)
    text(",\"finished_at\":", run.finishedAt)
    raw(",\"records_read\":")
    number(Double(run.recordsRead))
    raw(",\"records_scored\":")
    number(Double(run.recordsScored))
    raw(",\"records_rejected\":")
    number(Double(run.recordsRejected))
    raw(",\"records_eligible\":")
    number(Double(run.recordsEligible))
    text(",\"rules_path\":", run.rulesPath)
    text(",\"failure\":", run.failure)
    text(",\"stop_reason\":", stopReason)
    byte(UInt8(ascii: "}"))
  }

  /// Runs as one JSON array, in the order given: what `runs --json` prints and
  /// `GET /v1/runs` serves.
  package mutating func runs(_ runs: [RunInfo], stopReasons: [Int64: String] = [:]) {
    byte(UInt8(ascii: "["))
    for (i, r) in runs.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      run(r, stopReason: stopReasons[r.id])
    }
    byte(UInt8(ascii: "]"))
  }
}
