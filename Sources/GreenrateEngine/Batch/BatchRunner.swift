import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

/// The nightly batch: streams an input through a rule set in parallel into the store,
/// committing in chunks so that a killed run can be resumed exactly.
///
/// Stages (see `BatchRunner+Pipeline`): the calling thread reads chunks; a concurrent
/// Dispatch queue scores them (`--jobs` at a time, at a lower QoS than writing); a
/// serial queue writes them in input order through one connection. At most a fixed number of chunks are in flight, so
/// memory does not grow with the input.
package final class BatchRunner {
  package let options: BatchOptions
  package let program: Program

  package init(options: BatchOptions, program: Program) {
    self.options = options
    self.program = program
  }

  /// What a run starts from: a new run, or where an unfinished one stopped.
  struct Plan {
    var runID: Int64?
    var asOf: Int
    var maxRejects: Int?
    var maxRejectsPercent: Double?
    var format: InputFormat?
    var resumeAt: (offset: Int64, line: Int)?
    var progress: Store.Progress
    /// The input's hash up to the resume point, as stored (nil: not recorded).
    var inputDigest: String?
    /// Why the resumed run last stopped, when that was recorded.
    var stopReason: String?
  }

  /// Runs the batch. `log` receives plain one-line messages (run started / resumed);
  /// the live progress line goes to standard error only when `options.showProgress`.
  ///
  /// Returns the summary — including a run that failed (`--max-rejects`, every record
  /// rejected, an unreadable pipe) and a run stopped resumably (a signal, the input
  /// cut short or unreadable mid-way): `status` is what the database holds. Throws when
  /// the run cannot start (unreadable input, refused header, nothing to resume, the
  /// run owned by another process) or the database fails mid-run.
  package func run(log: @escaping @Sendable (String) -> Void) throws(BatchError) -> BatchSummary {
    let started = System.monotonicSeconds()
    let store: Store
    // The writer appends (`pending_rows`, `states`), so few pages need to stay cached;
    // the sort that finishes the run takes as much memory again, and the writer's
    // `KeyFilter` 8 MiB: 8 MiB keeps the whole process under 100 MB.
    do {
      store = try Store(path: options.databasePath, cacheMegabytes: 8)
    } catch {
      throw BatchError("cannot open database \(options.databasePath): \(error.message)")
    }
    let lock = try BatchRunner.openLock(database: options.databasePath)
    var plan: Plan
    if let request = options.resume {
      plan = try resumePlan(store: store, request: request, lock: lock)
    } else {
      plan = Plan(
        asOf: options.asOf ?? System.todayUTC(), maxRejects: options.maxRejects,
        maxRejectsPercent: options.maxRejectsPercent, format: options.format,
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
    if let stored = plan.inputDigest, let now = reader.resumePrefixDigest, stored != now,
      let id = plan.runID
    {
      throw BatchError(
        "cannot resume run \(id): \(options.inputPath) is not the file the run read: its first "
          + "\(plan.resumeAt?.offset ?? 0) bytes changed since (same size, other content)",
        runID: id)
    }

    let runID: Int64
    if let resumed = plan.runID {
      runID = resumed
      log(
        "resuming run \(runID) at line \(plan.progress.resumeLine) "
          + "(\(plan.progress.read) records already done"
          + (plan.stopReason.map { "; it stopped: \($0)" } ?? "") + ")")
    } else {
      runID = try startRun(store: store, lock: lock, plan: plan, reader: reader)
      log(
        "run \(runID): \(program.name) \(program.version) on \(options.inputPath), "
          + "as of \(Day.format(plan.asOf)), \(max(1, options.jobs)) jobs")
    }
    defer { lock.unlock(runID) }

    let writer: ChunkWriter
    do {
      writer = try ChunkWriter(
        store: store, runID: runID,
        keyName: program.layout.fields[program.layout.keyField].name, progress: plan.progress,
        commitRows: options.commitRows, maxRejects: plan.maxRejects,
        stopAfterChunks: options.stopAfterChunks,
        progressLine: ProgressLine(
          enabled: options.showProgress, totalBytes: reader.fileSize,
          startBytes: plan.resumeAt?.offset ?? 0))
    } catch {
      throw BatchError(
        "cannot read run \(runID) from \(options.databasePath): \(error.message)", runID: runID)
    }
    let replay = OverrideReplay(
      program: program, rulesPath: options.rulesPath, asOf: plan.asOf,
      rulesText: options.rulesText)
    writer.onComplete = { store, runID throws(SQLiteError) in
      let count = try replay.apply(store: store, batchRun: runID)
      if count > 0 {
        log("officers' overrides re-applied to \(count) merchant(s) after run \(runID)")
      }
    }
    let scorer = ChunkScorer(program: program, asOf: plan.asOf)
    let signals = options.catchSignals ? StopSignals() : nil
    defer { signals?.uninstall() }
    let end = pipeline(reader: reader, scorer: scorer, writer: writer, signals: signals)
    let outcome = try conclude(
      end, store: store, writer: writer, plan: plan, seekable: reader.fileSize != nil)
    let progress = writer.progress
    return BatchSummary(
      runID: runID, status: outcome.status, resumed: plan.runID != nil, read: progress.read,
      scored: progress.scored, rejected: progress.rejected, eligible: progress.eligible,
      ratingCounts: Array(zip(program.ratingLabels, progress.ratingCounts)).map {
        (label: $0.0, count: $0.1)
      },
      failure: outcome.failure, elapsed: System.monotonicSeconds() - started,
      processed: writer.processed, stopReason: outcome.stopReason, signal: outcome.signal,
      notes: outcome.notes)
  }

  /// Inserts the new run and takes its lock in one transaction: no other process can
  /// see the run before this one owns it.
  private func startRun(store: Store, lock: FileLock, plan: Plan, reader: RecordReader)
    throws(BatchError) -> Int64
  {
    do {
      return try store.db.writeTransaction { () throws(SQLiteError) -> Int64 in
        let id = try store.insertRun(
          Store.NewRun(
            kind: .batch, program: program, rulesPath: options.rulesPath, asOf: plan.asOf,
            input: options.inputPath, inputFormat: reader.format.rawValue,
            inputSize: reader.fileSize, maxRejects: plan.maxRejects,
            rulesText: options.rulesText))
        guard (try? lock.tryLock(id)) == true else {
          throw SQLiteError(code: 5, message: "the new run's lock is held by another process")
        }
        try store.saveRunSettings(runID: id, maxRejectsPercent: plan.maxRejectsPercent)
        return id
      }
    } catch {
      throw BatchError("cannot start a run in \(options.databasePath): \(error.message)")
    }
  }
}
