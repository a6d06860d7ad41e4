import CSQLite
import Dispatch

extension RunReader {
  /// Streams one run's rating rows on up to `jobs` threads at once, each with its own
  /// read-only connection, and calls `body` on the thread that read the chunk (so the
  /// caller decodes and scores where the bytes are). `body` returns false to stop.
  ///
  /// The run's rows are one range of `rating_rows`' key, cut into consecutive
  /// merchant-id ranges of `chunkSize` rows: the thread that takes the next range finds
  /// where it ends (the key `chunkSize` rows on, a step over the key only), then reads
  /// its rows with a range query. Ranges and their `sequence` numbers depend on the
  /// stored rows and `chunkSize` only, never on `jobs` or timing, so a caller that
  /// merges per-chunk results by counting, or picks by lowest sequence, gets the same
  /// answer for every `--jobs`. (One connection reading every row took 0.5–0.6 s of CPU
  /// per million rows on one thread: the serial stage that held `compare` back.)
  package static func forEachChunkInRanges(
    path: String, run: RunInfo, columns: RatingRows.Columns, jobs: Int, chunkSize: Int = 4096,
    _ body: @escaping @Sendable (_ sequence: Int, _ rows: RatingRows) -> Bool
  ) throws(SQLiteError) {
    let cursor = KeyRangeCursor()
    let size = max(1, chunkSize)
    let workers = max(1, jobs)
    let work: @Sendable (Int) -> Void = { _ in
      do {
        try readRanges(
          path: path, run: run, columns: columns, chunkSize: size, cursor: cursor, body)
      } catch {
        cursor.fail(error)
      }
    }
    if workers == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }
    if let error = cursor.error { throw error }
  }

  /// One thread's share: takes ranges from `cursor` until there are none.
  private static func readRanges(
    path: String, run: RunInfo, columns: RatingRows.Columns, chunkSize: Int,
    cursor: KeyRangeCursor, _ body: (Int, RatingRows) -> Bool
  ) throws(SQLiteError) {
    let reader = try RunReader(path: path)
    let boundary = try reader.db.prepare(RunReader.rangeBoundarySQL)
    let bounded = try reader.db.prepare(RunReader.rangeRowsSQL(columns, bounded: true))
    let open = try reader.db.prepare(RunReader.rangeRowsSQL(columns, bounded: false))
    try reader.db.readTransaction { () throws(SQLiteError) in
      var labels = LabelTable()
      while let range = try cursor.next({ (start) throws(SQLiteError) in
        try nextStart(boundary, run: run.id, after: start, rows: chunkSize)
      }) {
        let statement = range.end == nil ? open : bounded
        var rows = RatingRows(columns: columns, capacity: chunkSize)
        statement.reset()
        statement.bind(run.id, at: 1)
        bindKey(statement, range.start, at: 2)
        if let end = range.end { bindKey(statement, end, at: 3) }
        let h = statement.handle
        while try statement.step() {
          RunReader.append(h, columns: columns, labels: &labels, to: &rows)
        }
        statement.reset()
        rows.ratingNames = labels.list
        if !body(range.sequence, rows) {
          cursor.stop()
          return
        }
      }
    }
  }

  /// Binds a merchant id's bytes as text, copied by SQLite.
  private static func bindKey(_ statement: Statement, _ key: [UInt8], at index: Int32) {
    key.withUnsafeBytes { raw in
      let base = (raw.baseAddress ?? Statement.emptyByte).assumingMemoryBound(to: CChar.self)
      _ = sqlite3_bind_text(statement.handle, index, base, Int32(raw.count), Statement.transient)
    }
  }

  /// The merchant id `rows` rows on from `start` in run `runID`; nil when fewer rows
  /// are left (the range runs to the end).
  private static func nextStart(
    _ statement: Statement, run runID: Int64, after start: [UInt8], rows: Int
  ) throws(SQLiteError) -> [UInt8]? {
    statement.reset()
    defer { statement.reset() }
    statement.bind(runID, at: 1)
    bindKey(statement, start, at: 2)
    statement.bind(rows, at: 3)
    guard try statement.step() else { return nil }
    return Array(statement.bytes(0))
  }
}

/// Hands out a run's merchant-id ranges in key order to the reading threads of
/// `RunReader.forEachChunkInRanges`, one at a time, under a lock.
final class KeyRangeCursor: @unchecked Sendable {
  struct Range {
    var sequence: Int
    /// First merchant id (inclusive).
    var start: [UInt8]
    /// First merchant id of the next range; nil = to the end of the run.
    var end: [UInt8]?
  }

  private let lock = DispatchSemaphore(value: 1)
  /// Where the next range starts; nil once the last range is handed out. Every text
  /// sorts at or after the empty one.
  private var start: [UInt8]? = []
  private var sequence = 0
  private var stopped = false
  private(set) var error: SQLiteError?

  /// The next range (its end found by `end(start)` while the lock is held, so ranges
  /// are cut one after another); nil when none are left or reading stopped.
  func next(_ end: ([UInt8]) throws(SQLiteError) -> [UInt8]?) throws(SQLiteError) -> Range? {
    lock.wait()
    defer { lock.signal() }
    guard !stopped, error == nil, let from = start else { return nil }
    let to = try end(from)
    start = to
    sequence += 1
    return Range(sequence: sequence - 1, start: from, end: to)
  }

  func stop() {
    lock.wait()
    stopped = true
    lock.signal()
  }

  func fail(_ error: any Error) {
    lock.wait()
    if self.error == nil {
      self.error = (error as? SQLiteError) ?? SQLiteError(code: 1, message: "\(error)")
    }
    lock.signal()
  }
}
