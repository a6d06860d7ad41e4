import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

extension BatchRunner {
  /// Finds the run `--resume` names, takes it for this process (its lock: a run is
  /// carried on by one process at a time) and checks that this invocation can carry it
  /// on: same rule file (by SHA-256), same input file with the same bytes up to the
  /// resume point (checked when the reader opens it), same as-of date and settings.
  func resumePlan(store: Store, request: ResumeRequest, lock: FileLock) throws(BatchError)
    -> Plan
  {
    var found: RunInfo?
    do {
      switch request {
      case .latest: found = try store.latestUnfinishedBatch()
      case .run(let id): found = try store.run(id: id)
      }
      if let id = found?.id, found?.kind == .batch {
        try BatchRunner.claim(lock, runID: id, doing: "resume")
        // Read again under the lock: the process that had it may have finished it.
        found = try store.run(id: id)
      }
    } catch let error as SQLiteError {
      throw BatchError("cannot read runs from \(options.databasePath): \(error.message)")
    } catch let error as BatchError {
      throw error
    } catch {
      throw BatchError("cannot resume: \(error)")
    }
    guard let run = found else {
      switch request {
      case .latest:
        throw BatchError("nothing to resume: \(options.databasePath) has no unfinished batch run")
      case .run(let id):
        throw BatchError("cannot resume run \(id): \(options.databasePath) has no such run")
      }
    }
    guard run.kind == .batch else {
      throw BatchError("cannot resume run \(run.id): it is a rescore, not a batch")
    }
    guard run.status == .running else {
      throw BatchError("cannot resume run \(run.id): it has already \(run.status.rawValue)")
    }
    guard run.rulesetSHA256 == program.sha256 else {
      throw BatchError(
        "cannot resume run \(run.id): \(options.rulesPath) is not the rule file it started with "
          + "(sha256 \(program.sha256) instead of \(run.rulesetSHA256))")
    }
    guard let input = run.input, input != "-", run.inputSize != nil else {
      throw BatchError(
        "cannot resume run \(run.id): it read \(run.input == "-" ? "standard input" : "a pipe"), "
          + "which cannot be read again; `greenrate batch --abandon \(run.id) --db "
          + "\(BatchRunner.quoted(options.databasePath))` marks it failed")
    }
    if input != options.inputPath {
      let same = System.realPath(input).map { $0 == System.realPath(options.inputPath) } ?? false
      guard same else {
        throw BatchError(
          "cannot resume run \(run.id): it read \(input), not \(options.inputPath)")
      }
    }
    if let size = run.inputSize, let now = System.fileSize(options.inputPath), size != now {
      throw BatchError(
        "cannot resume run \(run.id): \(options.inputPath) changed since the run started "
          + "(\(size) bytes then, \(now) now)")
    }
    guard let asOf = Day.parse(run.asOf) else {
      throw BatchError("cannot resume run \(run.id): its as-of date `\(run.asOf)` is not a date")
    }
    if let wanted = options.asOf, wanted != asOf {
      throw BatchError(
        "cannot resume run \(run.id): it runs as of \(run.asOf), not \(Day.format(wanted))")
    }
    let state: Store.BatchState
    do {
      state = try store.batchState(runID: run.id)
    } catch {
      throw BatchError("cannot read runs from \(options.databasePath): \(error.message)")
    }
    try checkSettings(run, state: state)
    var counts = run.ratingCounts.map(\.count)
    if counts.count != program.ratingLabels.count {
      counts = Array(repeating: 0, count: program.ratingLabels.count)
    }
    let progress = Store.Progress(
      read: run.recordsRead, scored: run.recordsScored, rejected: run.recordsRejected,
      eligible: run.recordsEligible, ratingCounts: counts, resumeOffset: run.resumeOffset,
      resumeLine: run.resumeLine)
    return Plan(
      runID: run.id, asOf: asOf, maxRejects: run.maxRejects,
      maxRejectsPercent: state.maxRejectsPercent,
      format: run.inputFormat.flatMap(InputFormat.init(rawValue:)) ?? options.format,
      resumeAt: run.resumeOffset > 0 ? (run.resumeOffset, run.resumeLine) : nil,
      progress: progress, inputDigest: run.resumeOffset > 0 ? state.inputDigest : nil,
      stopReason: state.stopReason)
  }

  /// A resumed run keeps its own settings: one given again must be the same, since
  /// another `--max-rejects` would judge half a run by one limit and half by another
  /// (and could fail it for good), and another `--format` would read the rest wrongly.
  private func checkSettings(_ run: RunInfo, state: Store.BatchState) throws(BatchError) {
    let had: RejectLimit? =
      run.maxRejects.map(RejectLimit.count) ?? state.maxRejectsPercent.map(RejectLimit.percent)
    let given: RejectLimit? =
      options.maxRejects.map(RejectLimit.count)
      ?? options.maxRejectsPercent.map(RejectLimit.percent)
    if let given, given != had {
      throw BatchError(
        "cannot resume run \(run.id): it runs with "
          + (had.map { "--max-rejects \($0)" } ?? "no --max-rejects")
          + ", not --max-rejects \(given) (a resumed run keeps its settings: leave it out)")
    }
    if let format = options.format, let stored = run.inputFormat, stored != format.rawValue {
      throw BatchError(
        "cannot resume run \(run.id): it reads its input as \(stored), not \(format.rawValue)")
    }
  }
}
