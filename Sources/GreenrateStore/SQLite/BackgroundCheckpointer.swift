import Dispatch

/// Copies a writer's WAL into the database file while the writer goes on: a
/// `PASSIVE` checkpoint on a connection of its own, on a queue of its own, each time
/// the writer has appended another `pagesPerCheckpoint` pages.
///
/// A batch used to leave its whole night in the WAL (about 450 MB for 1M merchants)
/// and copy it after its last commit, on one thread, while the other core had nothing
/// to do; most of that copy now happens beside the reading and scoring. A passive
/// checkpoint never waits for the writer or readers and never blocks them; one that
/// fails (a full disk, another checkpointer) is simply skipped: the writer's own
/// checkpoint after its last commit still reports the problem.
///
/// Owns its connection. Unchecked `Sendable`: the writer's thread calls it, the queue
/// uses the connection, and the writer sets `db` only in `close`, after the queue has
/// drained (nothing else is enqueued after that, by the same thread).
package final class BackgroundCheckpointer: @unchecked Sendable {
  private var db: Database?
  private let queue = DispatchQueue(label: "greenrate.checkpoint", qos: .utility)
  /// The writer's `pagesWritten` when the last checkpoint was asked for.
  private var requestedAt: Int

  /// Pages appended between two checkpoints.
  private let pagesPerCheckpoint: Int

  /// 64 MiB of 16 KiB pages: small runs (the tests' thousands of records) never start
  /// one, and a 1M-merchant night starts about seven.
  package static let defaultPagesPerCheckpoint = 4_096

  /// Opens a second connection to the database at `path`; `pagesWritten` is the
  /// writer's count now.
  package init(
    path: String, pagesWritten: Int, pagesPerCheckpoint: Int = defaultPagesPerCheckpoint
  ) throws(SQLiteError) {
    let db = try Database(path: path)
    try db.execute("PRAGMA synchronous = NORMAL")
    self.db = db
    requestedAt = pagesWritten
    self.pagesPerCheckpoint = pagesPerCheckpoint
  }

  /// Starts a checkpoint when the writer has appended enough pages since the last.
  package func writerCommitted(pagesWritten: Int) {
    guard db != nil, pagesWritten - requestedAt >= pagesPerCheckpoint
    else { return }
    requestedAt = pagesWritten
    queue.async { [self] in try? self.db?.execute("PRAGMA wal_checkpoint(PASSIVE)") }
  }

  /// Waits for a running checkpoint and closes the connection, so that the writer's
  /// own checkpoint (and its close, as the last connection) see no other checkpointer.
  package func close() {
    guard db != nil else { return }
    queue.sync {}
    db = nil
  }

  deinit { close() }
}
