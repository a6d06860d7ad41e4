import GreenrateStore

extension BatchRunner {
  /// `greenrate batch --abandon RUN_ID`: marks an unfinished batch run failed, with the
  /// reason, so that a run that can never be resumed (it read a pipe, or its input is
  /// gone) stops showing as running. Refused while a process still runs it.
  package static func abandon(databasePath: String, runID: Int64, reason: String)
    throws(BatchError) -> RunInfo
  {
    let store: Store
    do {
      store = try Store(path: databasePath, access: .existing)
    } catch {
      throw BatchError("cannot open database \(databasePath): \(error.message)")
    }
    let lock = try openLock(database: databasePath)
    try claim(lock, runID: runID, doing: "abandon")
    defer { lock.unlock(runID) }
    do {
      return try store.db.writeTransaction { () throws(SQLiteError) -> RunInfo in
        guard let run = try store.run(id: runID) else {
          throw SQLiteError(code: 1, message: "\(databasePath) has no run \(runID)")
        }
        guard run.kind == .batch, run.status == .running else {
          throw SQLiteError(
            code: 1,
            message: run.kind != .batch
              ? "run \(runID) is a rescore, not a batch"
              : "run \(runID) has already \(run.status.rawValue)")
        }
        let failure = "abandoned: \(reason)"
        try store.recordStop(runID: runID, reason: failure)
        try store.finishRun(runID, status: .failed, failure: failure)
        return try store.run(id: runID) ?? run
      }
    } catch {
      throw BatchError("cannot abandon run \(runID): \(error.message)", runID: runID)
    }
  }
}
