import GreenrateStore

/// What a batch did: the run's totals and this invocation's speed.
package struct BatchSummary: Sendable {
  package var runID: Int64
  package var status: RunInfo.Status
  /// Whether this invocation carried on an unfinished run.
  package var resumed: Bool
  /// The run's totals (across every invocation of a resumed run).
  package var read: Int
  package var scored: Int
  package var rejected: Int
  package var eligible: Int
  /// Scored records per rating label, in the rule set's order.
  package var ratingCounts: [(label: String, count: Int)]
  /// Why the run failed (`--max-rejects` exceeded), when it did.
  package var failure: String?
  /// Seconds this invocation took.
  package var elapsed: Double
  /// Records this invocation handled (scored or rejected).
  package var processed: Int
  /// Why a run left unfinished (status `running`) stopped: `--resume` carries it on.
  package var stopReason: String?
  /// The signal (SIGINT, SIGTERM) that stopped this invocation.
  package var signal: Int32?
  /// Notes on things that went wrong without changing the outcome.
  package var notes: [String]

  package init(
    runID: Int64, status: RunInfo.Status, resumed: Bool, read: Int, scored: Int, rejected: Int,
    eligible: Int, ratingCounts: [(label: String, count: Int)], failure: String?,
    elapsed: Double, processed: Int, stopReason: String? = nil, signal: Int32? = nil,
    notes: [String] = []
  ) {
    self.runID = runID
    self.status = status
    self.resumed = resumed
    self.read = read
    self.scored = scored
    self.rejected = rejected
    self.eligible = eligible
    self.ratingCounts = ratingCounts
    self.failure = failure
    self.elapsed = elapsed
    self.processed = processed
    self.stopReason = stopReason
    self.signal = signal
    self.notes = notes
  }

  /// This invocation's throughput.
  package var merchantsPerSecond: Double { elapsed > 0 ? Double(processed) / elapsed : 0 }

  /// The share of scored records that are eligible, 0...1.
  package var eligibleShare: Double { scored > 0 ? Double(eligible) / Double(scored) : 0 }

  /// The human summary printed at the end of a batch.
  package var text: String {
    var lines: [String] = []
    lines.append(
      "run \(runID) \(status == .running ? "stopped, unfinished" : status.rawValue)"
        + (resumed ? " (resumed)" : "") + ((failure ?? stopReason).map { ": \($0)" } ?? ""))
    let width = [read, scored, rejected].map { BatchSummary.grouped($0).count }.max() ?? 1
    func row(_ name: String, _ value: Int, _ tail: String = "") -> String {
      let v = BatchSummary.grouped(value)
      return "  \(name)\(String(repeating: " ", count: 10 - name.count))"
        + String(repeating: " ", count: width - v.count) + v + tail
    }
    lines.append(row("read", read, " records"))
    lines.append(row("scored", scored))
    lines.append(row("rejected", rejected))
    if !ratingCounts.isEmpty {
      let parts = ratingCounts.map { label, count in
        "\(label) \(BatchSummary.grouped(count)) (\(BatchSummary.percent(count, of: scored)))"
      }
      lines.append("  ratings   " + parts.joined(separator: ", "))
    }
    lines.append(
      "  eligible  \(BatchSummary.grouped(eligible)) of \(BatchSummary.grouped(scored)) scored "
        + "(\(BatchSummary.percent(eligible, of: scored)))")
    lines.append(
      "  elapsed   \(BatchSummary.fixed(elapsed, digits: 2)) s, "
        + "\(BatchSummary.grouped(Int(merchantsPerSecond.rounded()))) merchants/s")
    return lines.joined(separator: "\n")
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return value < 0 ? "-" + out : out
  }

  /// A share as `12.3%`.
  static func percent(_ part: Int, of whole: Int) -> String {
    whole > 0 ? fixed(100 * Double(part) / Double(whole), digits: 1) + "%" : "0.0%"
  }

  /// A non-negative number with a fixed number of decimals.
  static func fixed(_ x: Double, digits: Int) -> String {
    guard x.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((abs(x) * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = String(scaled % Int(scale))
    let sign = x < 0 && scaled > 0 ? "-" : ""
    if digits == 0 { return sign + String(whole) }
    return sign + String(whole) + "."
      + String(repeating: "0", count: digits - fraction.count) + fraction
  }
}
