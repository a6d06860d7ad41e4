/// One row of the `runs` table.
package struct RunInfo: Sendable {
  /// `batch` or `rescore`.
  package enum Kind: String, Sendable {
    case batch, rescore
  }

  /// `running` until finished; a run killed mid-way stays `running` (unfinished).
  package enum Status: String, Sendable {
    case running, completed, failed
  }

  package var id: Int64
  package var kind: Kind
  package var status: Status
  package var ruleset: String
  package var rulesetVersion: String
  package var rulesetSHA256: String
  /// `YYYY-MM-DD`.
  package var asOf: String
  /// The input path as given (`-` for standard input); nil for a rescore.
  package var input: String?
  /// ISO 8601 UTC, e.g. `2026-11-29T17:30:00Z`.
  package var startedAt: String
  package var finishedAt: String?
  package var recordsRead: Int
  package var recordsScored: Int
  package var recordsRejected: Int
  package var recordsEligible: Int
  /// The rule file's path as given to the run (rescore reads it afresh).
  package var rulesPath: String
  /// `csv` or `jsonl`, as the batch read it.
  package var inputFormat: String?
  package var maxRejects: Int?
  /// The rule set's rating labels (a JSON array of strings, as stored), and how many
  /// scored records got each, in the same order (a JSON array of numbers). The engine
  /// reads them as `ratingCounts`; the store only keeps them.
  package var ratingLabelsJSON: String
  package var ratingCountsJSON: String
  /// Where a resumed batch carries on: the byte offset and line after the last
  /// committed chunk.
  package var resumeOffset: Int64
  package var resumeLine: Int
  /// Why a failed run failed.
  package var failure: String?
  /// The input's size in bytes when the batch started (nil for standard input).
  package var inputSize: Int64?
  /// The run's place in the order of completions (1 = the first run completed in this
  /// database); nil until completed. `current_ratings` follows this order, not run ids.
  package var completedSeq: Int64? = nil
  /// A rescore: the run whose stored record it started from.
  package var baseRun: Int64? = nil
  /// A rescore: the officer's `--reason`, or why the engine ran it.
  package var reason: String? = nil

  /// Whether the run is still open (never finished: running now or killed).
  package var isUnfinished: Bool { status == .running }
}
