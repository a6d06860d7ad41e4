/// One row of the `runs` table.
public struct RunInfo: Sendable {
  /// `batch` or `rescore`.
  public enum Kind: String, Sendable {
    case batch, rescore
  }

  /// `running` until finished; a run killed mid-way stays `running` (unfinished).
  public enum Status: String, Sendable {
    case running, completed, failed
  }

  public var id: Int64
  public var kind: Kind
  public var status: Status
  public var ruleset: String
  public var rulesetVersion: String
  public var rulesetSHA256: String
  /// `YYYY-MM-DD`.
  public var asOf: String
  /// The input path as given (`-` for standard input); nil for a rescore.
  public var input: String?
  /// ISO 8601 UTC, e.g. `2026-11-29T17:30:00Z`.
  public var startedAt: String
  public var finishedAt: String?
  public var recordsRead: Int
  public var recordsScored: Int
  public var recordsRejected: Int
  public var recordsEligible: Int
  /// The rule file's path as given to the run (rescore reads it afresh).
  public var rulesPath: String
  /// `csv` or `jsonl`, as the batch read it.
  public var inputFormat: String?
  public var maxRejects: Int?
  /// The rule set's rating labels and how many scored records got each, in order.
  public var ratingCounts: [(label: String, count: Int)]
  /// Where a resumed batch carries on: the byte offset and line after the last
  /// committed chunk.
  public var resumeOffset: Int64
  public var resumeLine: Int
  /// Why a failed run failed.
  public var failure: String?
  /// The input's size in bytes when the batch started (nil for standard input).
  public var inputSize: Int64?
  /// The run's place in the order of completions (1 = the first run completed in this
  /// database); nil until completed. `current_ratings` follows this order, not run ids.
  public var completedSeq: Int64? = nil
  /// A rescore: the run whose stored record it started from.
  public var baseRun: Int64? = nil
  /// A rescore: the officer's `--reason`, or why the engine ran it.
  public var reason: String? = nil

  /// Whether the run is still open (never finished: running now or killed).
  public var isUnfinished: Bool { status == .running }
}
