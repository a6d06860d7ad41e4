/// The live progress line a batch draws on standard error when that is a terminal:
/// records, records/s, % of the input and ETA, redrawn at most a few times a second.
///
/// Used by the writer only (one thread).
final class ProgressLine {
  let enabled: Bool
  let totalBytes: Int64?
  let startBytes: Int64
  let started = System.monotonicSeconds()
  var lastDraw = 0.0
  var drawn = false

  init(enabled: Bool, totalBytes: Int64?, startBytes: Int64) {
    self.enabled = enabled
    self.totalBytes = totalBytes
    self.startBytes = startBytes
  }

  /// Redraws after a chunk: `records` handled so far by this invocation, `offset` the
  /// input position reached.
  func update(records: Int, offset: Int64) {
    guard enabled else { return }
    let now = System.monotonicSeconds()
    guard now - lastDraw >= 0.2 else { return }
    lastDraw = now
    let elapsed = max(now - started, 1e-9)
    let rate = Double(records) / elapsed
    var line = "\r\u{1B}[K\(BatchSummary.grouped(records)) records  "
    line += "\(BatchSummary.grouped(Int(rate))) records/s"
    if let total = totalBytes, total > 0 {
      let share = Double(offset) / Double(total)
      line += "  \(BatchSummary.fixed(100 * min(share, 1), digits: 1))%"
      let done = Double(offset - startBytes)
      let left = Double(total - offset)
      if done > 0 {
        line += "  ETA \(ProgressLine.duration(left / done * elapsed))"
      }
    }
    System.writeStandardError(line)
    drawn = true
  }

  /// Clears the line (before the summary is printed).
  func finish() {
    guard enabled, drawn else { return }
    System.writeStandardError("\r\u{1B}[K")
    drawn = false
  }

  /// Seconds as `42s`, `3m05s` or `1h02m`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    let s = Int(seconds.rounded())
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m\(two(s % 60))s" }
    return "\(s / 3600)h\(two(s / 60 % 60))m"
  }
}
