import Foundation
import GreenrateEngine
import GreenrateStore

/// Runs every SQLite call off the event loop, on threads this pool owns.
///
/// Bounded three ways: a fixed number of reader threads, each with its own connection
/// (`readers`, default one per core, at least 2); exactly one writer thread with its own
/// connection, for rescores, so the server never competes with itself for SQLite's
/// write lock; and at most `maxQueued` jobs waiting per lane, beyond which a request gets
/// 503 at once instead of queueing without end. WAL mode and a busy timeout (in
/// `Store`) let a batch write beside it.
final class DatabasePool: Sendable {
  private let readLane: PoolLane
  private let writeLane: PoolLane
  let readers: Int

  /// Opens `readers + 1` connections to the existing database at `path` (never creates
  /// one) and starts their threads.
  init(path: String, readers: Int, maxQueued: Int = 4096, busyTimeoutMilliseconds: Int = 10_000)
    throws
  {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
    else {
      throw ServerError("no database at `\(path)` (`greenrate batch ... --db \(path)` makes one)")
    }
    func open() throws -> Store {
      do {
        return try Store(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
      } catch {
        throw ServerError("cannot open the database `\(path)`: \(error.message)")
      }
    }
    self.readers = max(1, readers)
    var readStores: [Store] = []
    for _ in 0..<self.readers { readStores.append(try open()) }
    let writeStore = try open()
    readLane = PoolLane(name: "greenrate-db-read", maxQueued: maxQueued)
    writeLane = PoolLane(name: "greenrate-db-write", maxQueued: maxQueued)
    for store in readStores { readLane.start(with: store) }
    writeLane.start(with: writeStore)
  }

  /// Runs `body` on a reader thread with that thread's connection.
  func read<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
    try await readLane.run(body)
  }

  /// Runs `body` on the writer thread with its connection.
  func write<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
    try await writeLane.run(body)
  }

  /// Lets the threads finish their queued jobs and end.
  func shutdown() {
    readLane.stop()
    writeLane.stop()
  }
}
