import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

extension BatchRunner {
  /// How a run ended, as the database now holds it.
  struct Outcome {
    var status: RunInfo.Status
    var failure: String?
    /// Why a run left unfinished stopped (it stays `running`, for `--resume`).
    var stopReason: String?
    /// The signal that stopped it.
    var signal: Int32?
    /// Things worth a line that changed nothing (a checkpoint left for later).
    var notes: [String] = []
  }

  /// Ends the run after the pipeline: commits what is pending and stores the status
  /// (completed, failed, or left running with the reason it stopped). Whatever is
  /// reported — returned or thrown — matches what the database holds afterwards.
  func conclude(
    _ end: PipelineEnd, store: Store, writer: ChunkWriter, plan: Plan, seekable: Bool
  ) throws(BatchError) -> Outcome {
    let runID = writer.runID
    do throws(SQLiteError) {
      switch end {
      case .finished:
        try writer.flush()
        if case .failed(let message) = writer.stop {
          return Outcome(status: .failed, failure: message)
        }
        let failure = try verdict(store: store, writer: writer, plan: plan)
        let (status, stored) = try writer.finish(
          status: failure == nil ? .completed : .failed, failure: failure)
        return Outcome(
          status: status, failure: stored,
          notes: writer.checkpointProblem.map {
            [
              "the run is complete; moving it from the WAL into the database file was left "
                + "for later (\($0))"
            ]
          } ?? [])
      case .stopped(.failed(let message)):
        return Outcome(status: .failed, failure: message)
      case .stopped(.interrupted):
        return Outcome(status: .running)
      case .readError(let error):
        let reason = "cannot read \(options.inputPath): \(error.message)"
        guard error.isInterruption && seekable else {
          let (status, failure) = try writer.finish(status: .failed, failure: reason)
          return Outcome(status: status, failure: failure)
        }
        return try stopUnfinished(store: store, writer: writer, reason: reason, signal: nil)
      case .signal(let signal):
        let reason = "interrupted by \(StopSignals.name(signal))"
        guard seekable else {
          let failure = "\(reason); its input (\(inputKind)) cannot be read again to resume"
          let (status, stored) = try writer.finish(status: .failed, failure: failure)
          return Outcome(status: status, failure: stored, signal: signal)
        }
        return try stopUnfinished(store: store, writer: writer, reason: reason, signal: signal)
      case .databaseError(let error):
        throw error
      }
    } catch {
      writer.abandon()
      return try afterDatabaseError(error, store: store, runID: runID, seekable: seekable)
    }
  }

  /// Commits what is pending and records why the run stopped; it stays `running`.
  private func stopUnfinished(
    store: Store, writer: ChunkWriter, reason: String, signal: Int32?
  ) throws(SQLiteError) -> Outcome {
    writer.progressLine.finish()
    try writer.flush()
    if case .failed(let message) = writer.stop { return Outcome(status: .failed, failure: message) }
    try store.db.writeTransaction { () throws(SQLiteError) in
      try store.recordStop(runID: writer.runID, reason: reason)
    }
    return Outcome(status: .running, stopReason: reason, signal: signal)
  }

  /// The run's status after the input ended: failed when `--max-rejects P%` is
  /// exceeded or when every record was rejected (nothing rated is no success: most
  /// often the input is not in the format it was read as).
  private func verdict(store: Store, writer: ChunkWriter, plan: Plan) throws(SQLiteError)
    -> String?
  {
    let progress = writer.progress
    guard progress.read > 0 else { return nil }
    if progress.scored == 0 {
      var text =
        "every record was rejected (\(BatchSummary.grouped(progress.rejected)) of "
        + "\(BatchSummary.grouped(progress.read))); is the input really \(formatName(plan))?"
      if let first = try store.firstReject(runID: writer.runID) {
        text += " The first, on line \(first.line): \(first.message)"
      }
      return text
    }
    if let percent = plan.maxRejectsPercent {
      let share = 100 * Double(progress.rejected) / Double(progress.read)
      if share > percent {
        return "more than \(RejectLimit.percent(percent)) of the records rejected "
          + "(\(BatchSummary.grouped(progress.rejected)) of \(BatchSummary.grouped(progress.read)), "
          + "\(BatchSummary.fixed(share, digits: 2))%)"
      }
    }
    return nil
  }

  private func formatName(_ plan: Plan) -> String {
    switch plan.format ?? InputFormat.from(path: options.inputPath) {
    case .csv: return "CSV (comma-separated, with a header row)"
    case .jsonl: return "JSON Lines (one JSON object per line)"
    case nil: return "in the format it was read as"
    }
  }

  /// What kind of input a non-seekable one is, for messages.
  var inputKind: String { options.inputPath == "-" ? "standard input" : "a pipe" }

  /// A database error mid-run or while finishing. The transaction in flight was rolled
  /// back, so the run is as its last commit left it: asks the database which that is
  /// (a failure after the final commit, e.g. in a checkpoint, leaves it completed).
  private func afterDatabaseError(
    _ error: SQLiteError, store: Store, runID: Int64, seekable: Bool
  ) throws(BatchError) -> Outcome {
    let stored = try? store.run(id: runID)
    if let stored, stored.status != .running {
      return Outcome(
        status: stored.status, failure: stored.failure,
        notes: ["after the run was stored as \(stored.status.rawValue): \(error.message)"])
    }
    if seekable {
      try? store.db.writeTransaction { () throws(SQLiteError) in
        try store.recordStop(runID: runID, reason: "database error: \(error.message)")
      }
      throw BatchError(
        "run \(runID) stopped: \(error.message); \(resumeCommand(runID)) carries it on",
        runID: runID)
    }
    throw BatchError(
      "run \(runID) stopped: \(error.message); its input (\(inputKind)) cannot be read again, "
        + "so it cannot be resumed: `greenrate batch --abandon \(runID) --db "
        + "\(BatchRunner.quoted(options.databasePath))` marks it failed",
      runID: runID)
  }

  /// The command line that resumes run `runID`, for messages.
  package func resumeCommand(_ runID: Int64) -> String {
    "`greenrate batch \(BatchRunner.quoted(options.rulesPath)) "
      + "\(BatchRunner.quoted(options.inputPath)) --db \(BatchRunner.quoted(options.databasePath)) "
      + "--resume \(runID)`"
  }

  /// A path as a shell word: quoted only when it needs to be.
  static func quoted(_ word: String) -> String {
    let plain =
      !word.isEmpty
      && word.utf8.allSatisfy { c in
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
          || "/._-+,:=@".utf8.contains(c)
      }
    if plain { return word }
    return "'"
      + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
      + "'"
  }
}
