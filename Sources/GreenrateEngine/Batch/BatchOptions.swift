import GreenrateLanguage

/// What `greenrate batch` was asked to do.
package struct BatchOptions: Sendable {
  /// The rule file's path as given (recorded on the run; `rescore` reads it again).
  package var rulesPath: String
  /// The rule file's text, kept in the database once per SHA-256 so that `explain` can
  /// quote the run's conditions after the file is edited (nil: not kept).
  package var rulesText: [UInt8]?
  /// The input path, or `-` for standard input.
  package var inputPath: String
  /// The input format; nil = from the file's extension.
  package var format: InputFormat?
  package var databasePath: String
  /// Scoring threads (`--jobs`); the default is the number of cores.
  package var jobs: Int
  /// The as-of day number (`--as-of`); nil = today in UTC, or a resumed run's own date.
  package var asOf: Int?
  /// `--max-rejects N`: the run fails when more records than this are rejected.
  package var maxRejects: Int?
  /// `--max-rejects P%`: the run fails when more than this percentage of the records
  /// it read were rejected (checked when the input ends, over the whole run).
  package var maxRejectsPercent: Double?
  /// `--resume [RUN_ID]`.
  package var resume: ResumeRequest?
  /// Records per work item (read, scored and written as one chunk).
  package var chunkSize: Int
  /// Rows after which the writer commits (a chunk is never split across commits).
  package var commitRows: Int
  /// Whether to draw the live progress line on standard error; the default is
  /// whether standard error is a terminal.
  package var showProgress: Bool
  /// Stops after this many chunks are written, leaving the run unfinished as a crash
  /// right after that commit would (for resume tests).
  package var stopAfterChunks: Int?
  /// Whether SIGINT and SIGTERM stop the run at the next chunk boundary (committed,
  /// resumable) instead of killing the process: the CLI sets it.
  package var catchSignals = false

  package init(
    rulesPath: String, inputPath: String, format: InputFormat? = nil, databasePath: String,
    jobs: Int = BatchOptions.coreCount, asOf: Int? = nil, maxRejects: Int? = nil,
    resume: ResumeRequest? = nil, chunkSize: Int = 4096, commitRows: Int = 32_768,
    showProgress: Bool = System.stderrIsTerminal, stopAfterChunks: Int? = nil
  ) {
    self.rulesPath = rulesPath
    self.inputPath = inputPath
    self.format = format
    self.databasePath = databasePath
    self.jobs = jobs
    self.asOf = asOf
    self.maxRejects = maxRejects
    self.resume = resume
    self.chunkSize = chunkSize
    self.commitRows = commitRows
    self.showProgress = showProgress
    self.stopAfterChunks = stopAfterChunks
  }

  /// The number of cores available to the process.
  package static var coreCount: Int { max(1, System.activeProcessorCount) }
}

/// Which unfinished run `--resume` carries on.
package enum ResumeRequest: Sendable, Hashable {
  /// The latest unfinished batch run.
  case latest
  /// The run with this id.
  case run(Int64)
}
