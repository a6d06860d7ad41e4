extension BatchRunner {
  /// The lock file beside a database: one byte lock per run (byte = run id), held by
  /// the process that runs it, dropped by the kernel when that process ends.
  ///
  /// Chosen over a pid in the database: a pid outlives its process (and is reused),
  /// while a kernel lock cannot go stale, and taking it is atomic.
  package static func lockPath(database: String) -> String { database + "-lock" }

  /// Opens the database's lock file.
  static func openLock(database: String) throws(BatchError) -> FileLock {
    do {
      return try FileLock(path: lockPath(database: database))
    } catch {
      throw BatchError(error.message)
    }
  }

  /// Takes run `runID` for this process, or says who has it.
  static func claim(_ lock: FileLock, runID: Int64, doing: String) throws(BatchError) {
    let taken: Bool
    do {
      taken = try lock.tryLock(runID)
    } catch {
      throw BatchError(error.message)
    }
    guard taken else {
      throw BatchError(
        "cannot \(doing) run \(runID): another greenrate process is running it now "
          + "(it holds the run's lock in \(lock.path)); wait for it to end or stop it first",
        runID: runID)
    }
  }
}
