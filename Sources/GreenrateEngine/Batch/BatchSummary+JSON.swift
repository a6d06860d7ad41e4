extension BatchSummary {
  /// The summary as one JSON object (`batch --json`), with the `runs` table's names:
  /// `{"run_id", "status", "resumed", "records_read", "records_scored",
  /// "records_rejected", "records_eligible", "ratings": {LABEL: COUNT}, "failure",
  /// "elapsed_seconds", "merchants_per_second"}`.
  package var json: String {
    var w = JSONWriter(capacity: 512)
    w.raw("{\"run_id\":")
    w.number(Double(runID))
    w.raw(",\"status\":")
    w.string(status.rawValue)
    w.raw(",\"resumed\":")
    w.bool(resumed)
    w.raw(",\"records_read\":")
    w.number(Double(read))
    w.raw(",\"records_scored\":")
    w.number(Double(scored))
    w.raw(",\"records_rejected\":")
    w.number(Double(rejected))
    w.raw(",\"records_eligible\":")
    w.number(Double(eligible))
    w.raw(",\"ratings\":{")
    for (i, entry) in ratingCounts.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.string(entry.label)
      w.byte(UInt8(ascii: ":"))
      w.number(Double(entry.count))
    }
    w.raw("},\"failure\":")
    if let failure { w.string(failure) } else { w.null() }
    w.raw(",\"elapsed_seconds\":")
    w.number((elapsed * 1000).rounded() / 1000)
    w.raw(",\"merchants_per_second\":")
    w.number(merchantsPerSecond.rounded())
    w.byte(UInt8(ascii: "}"))
    return w.text
  }
}
