import GreenrateLanguage
import GreenrateReaders

/// The nightly batch: streams an input through a rule set in parallel into the store,
/// committing in chunks so that a killed run can be resumed exactly.
///
/// Stages (see `BatchRunner+Pipeline`): the calling thread reads chunks; a concurrent
/// Dispatch queue scores them (`--jobs` at a time, at a lower QoS than writing); a
/// serial queue writes them in input order through one connection. At most a fixed number of chunks are in flight, so
/// memory does not grow with the input.
public final class BatchRunner {
  public let options: BatchOptions
  public let program: Program

  public init(options: BatchOptions, program: Program) {
    self.options = options
    self.program = program
  }

  /// What a run starts from: a new run, or where an unfinished one stopped.
  struct Plan {
    var runID: Int64?
    var asOf: Int
    var maxRejects: Int?
    var format: InputFormat?
    var resumeAt: (offset: Int64, line: Int)?
    var progress: Store.Progress
  }

  /// Runs the batch. `log` receives plain one-line messages (run started / resumed);
  /// the live progress line goes to standard error only when `options.showProgress`.
  ///
  /// Returns the summary — including a run that failed because of `--max-rejects`
  /// (status `failed`). Throws when the run cannot start (unreadable input, refused
  /// header, nothing to resume) or the database fails mid-run (the run is then left
  /// unfinished, for `--resume`).
  public func run(log: @escaping @Sendable (String) -> Void) throws(BatchError) -> BatchSummary {
    let started = System.monotonicSeconds()
    let store: Store
    do {
      store = try Store(path: options.databasePath, cacheMegabytes: 16)
    } catch {
      throw BatchError("cannot open database \(options.databasePath): \(error.message)")
    }
    var plan: Plan
    if let request = options.resume {
      plan = try resumePlan(store: store, request: request)
    } else {
      plan = Plan(
        asOf: options.asOf ?? System.todayUTC(), maxRejects: options.maxRejects,
        format: options.format,
        progress: Store.Progress(
          ratingCounts: Array(repeating: 0, count: program.ratingLabels.count)))
    }

    let reader: RecordReader
    do {
      reader = try RecordReader(
        path: options.inputPath, format: plan.format, layout: program.layout,
        resumeAt: plan.resumeAt)
    } catch {
      throw BatchError(error.message, runID: plan.runID)
    }

    let runID: Int64
    if let resumed = plan.runID {
      runID = resumed
      log(
        "resuming run \(runID) at line \(plan.progress.resumeLine) "
          + "(\(plan.progress.read) records already done)")
    } else {
      do {
        runID = try store.db.writeTransaction { () throws(SQLiteError) -> Int64 in
          try store.insertRun(
            Store.NewRun(
              kind: .batch, program: program, rulesPath: options.rulesPath, asOf: plan.asOf,
              input: options.inputPath, inputFormat: reader.format.rawValue,
              inputSize: reader.fileSize, maxRejects: plan.maxRejects))
        }
      } catch {
        throw BatchError("cannot start a run in \(options.databasePath): \(error.message)")
      }
      log(
        "run \(runID): \(program.name) \(program.version) on \(options.inputPath), "
          + "as of \(Day.format(plan.asOf)), \(max(1, options.jobs)) jobs")
    }

    let writer = ChunkWriter(
      store: store, runID: runID,
      keyName: program.layout.fields[program.layout.keyField].name, progress: plan.progress,
      commitRows: options.commitRows, maxRejects: plan.maxRejects,
      stopAfterChunks: options.stopAfterChunks,
      progressLine: ProgressLine(
        enabled: options.showProgress, totalBytes: reader.fileSize,
        startBytes: plan.resumeAt?.offset ?? 0))
    let scorer = ChunkScorer(program: program, asOf: plan.asOf)
    let end = pipeline(reader: reader, scorer: scorer, writer: writer)

    if case .databaseError(let error) = end {
      writer.abandon()
      throw BatchError(
        "run \(runID) stopped: \(error.message); `--resume \(runID)` carries it on",
        runID: runID)
    }
    var status = RunInfo.Status.running
    var failure: String?
    do throws(SQLiteError) {
      switch end {
      case .readError(let error):
        (status, failure) = try writer.finish(
          status: .failed, failure: "cannot read \(options.inputPath): \(error.message)")
      case .stopped(.failed(let message)):
        failure = message
        status = .failed
      case .stopped(.interrupted), .databaseError:
        break
      case .finished:
        (status, failure) = try writer.finish(status: .completed)
      }
    } catch {
      writer.abandon()
      throw BatchError(
        "run \(runID) stopped: \(error.message); `--resume \(runID)` carries it on",
        runID: runID)
    }
    let progress = writer.progress
    return BatchSummary(
      runID: runID, status: status, resumed: plan.runID != nil, read: progress.read,
      scored: progress.scored, rejected: progress.rejected, eligible: progress.eligible,
      ratingCounts: Array(zip(program.ratingLabels, progress.ratingCounts)).map {
        (label: $0.0, count: $0.1)
      },
      failure: failure, elapsed: System.monotonicSeconds() - started,
      processed: writer.processed)
  }
}
