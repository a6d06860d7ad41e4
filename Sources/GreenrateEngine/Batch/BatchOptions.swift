import GreenrateReaders

/// What `greenrate batch` was asked to do.
public struct BatchOptions: Sendable {
  /// The rule file's path as given (recorded on the run; `rescore` reads it again).
  public var rulesPath: String
  /// The input path, or `-` for standard input.
  public var inputPath: String
  /// The input format; nil = from the file's extension.
  public var format: InputFormat?
  public var databasePath: String
  /// Scoring threads (`--jobs`); the default is the number of cores.
  public var jobs: Int
  /// The as-of day number (`--as-of`); nil = today in UTC, or a resumed run's own date.
  public var asOf: Int?
  /// `--max-rejects`: the run fails when more records than this are rejected.
  public var maxRejects: Int?
  /// `--resume [RUN_ID]`.
  public var resume: ResumeRequest?
  /// Records per work item (read, scored and written as one chunk).
  public var chunkSize: Int
  /// Rows after which the writer commits (a chunk is never split across commits).
  public var commitRows: Int
  /// Whether to draw the live progress line on standard error; the default is
  /// whether standard error is a terminal.
  public var showProgress: Bool
  /// Stops after this many chunks are written, leaving the run unfinished as a crash
  /// right after that commit would (for resume tests).
  public var stopAfterChunks: Int?

  public init(
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
  public static var coreCount: Int { max(1, System.activeProcessorCount) }
}

/// Which unfinished run `--resume` carries on.
public enum ResumeRequest: Sendable, Hashable {
  /// The latest unfinished batch run.
  case latest
  /// The run with this id.
  case run(Int64)
}
