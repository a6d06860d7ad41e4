import Dispatch
import GreenrateReaders
import GreenrateStore

extension BatchRunner {
  /// How the pipeline ended.
  enum PipelineEnd {
    case finished
    case stopped(ChunkWriter.Stop)
    case readError(ReaderError)
    case databaseError(SQLiteError)
    /// SIGINT or SIGTERM: stopped at a chunk boundary.
    case signal(Int32)
  }

  /// Reads on this thread, scores on a concurrent Dispatch queue, writes on a serial
  /// queue.
  ///
  /// Two semaphores, both waited on only by this (reading) thread, never inside a work
  /// item: `slots` bounds the scoring items running at once (`--jobs`), and `inFlight`
  /// bounds the chunks between reading and writing (back-pressure: memory stays flat).
  /// The writer (one connection) is the slowest stage, so `inFlight` leaves room for a
  /// whole commit group of scored chunks to wait while the writer commits the previous
  /// one: with room for `jobs + 2` only, reading and scoring stood still during every
  /// commit and the writer then waited for them (measured: 2.8 s against 2.1 s for 1M
  /// records). Scoring runs at a lower quality of service than writing, so that on a
  /// small machine the writer's thread is not starved by scoring threads (measured: full
  /// batch / sink limit 72–75% at equal QoS, 81–83% with these). A work item is a
  /// whole chunk (thousands of records) and never blocks; the writer reorders finished
  /// chunks by sequence number and commits them in input order, so the stored result is
  /// the same for every `--jobs`.
  ///
  /// A signal caught by `signals` stops reading, and the writer takes no chunk after
  /// it sees the signal: the run ends at a chunk boundary (the chunks read but not yet
  /// written are read again by `--resume`).
  func pipeline(
    reader: RecordReader, scorer: ChunkScorer, writer: ChunkWriter, signals: StopSignals?
  ) -> PipelineEnd {
    let jobs = max(1, options.jobs)
    let chunkSize = max(1, options.chunkSize)
    let scoring = DispatchQueue(
      label: "greenrate.batch.score", qos: .utility, attributes: .concurrent)
    let writing = DispatchQueue(label: "greenrate.batch.write", qos: .userInteractive)
    let slots = DispatchSemaphore(value: jobs)
    let inFlight = DispatchSemaphore(
      value: BatchRunner.chunksInFlight(
        jobs: jobs, chunkSize: chunkSize, commitRows: options.commitRows))
    let group = DispatchGroup()
    let sink = OrderedSink(writer: writer, inFlight: inFlight, group: group, signals: signals)
    if let signals { reader.stopCheck = { signals.received != nil } }
    var sequence = 0
    var readError: ReaderError?
    while !sink.isStopped {
      inFlight.wait()
      if signals?.received != nil {
        inFlight.signal()
        break
      }
      let chunk: ReadChunk?
      do {
        chunk = try reader.nextChunk(maxRecords: chunkSize)
      } catch {
        readError = error
        inFlight.signal()
        break
      }
      guard let chunk else {
        inFlight.signal()
        break
      }
      slots.wait()
      group.enter()
      let number = sequence
      sequence += 1
      scoring.async {
        let scored = scorer.score(chunk, sequence: number)
        slots.signal()
        writing.async { sink.accept(scored) }
      }
    }
    group.wait()
    if let error = sink.error { return .databaseError(error) }
    if let signal = signals?.received, writer.stop == nil { return .signal(signal) }
    if let stop = writer.stop { return .stopped(stop) }
    if let readError { return .readError(readError) }
    return .finished
  }

  /// Chunks allowed between reading and writing: one being scored per job, a commit
  /// group's worth waiting for the writer (at most 8 chunks, so memory stays bounded
  /// whatever the options), and 2 more so the reader stays ahead.
  static func chunksInFlight(jobs: Int, chunkSize: Int, commitRows: Int) -> Int {
    let group = (max(1, commitRows) + chunkSize - 1) / chunkSize
    return jobs + min(group, 8) + 2
  }
}

/// The writer stage: puts scored chunks back in input order and hands them to the
/// `ChunkWriter`. Its state is touched only on the serial writer queue; only the stop
/// flag is read from the reading thread, under a lock.
final class OrderedSink: @unchecked Sendable {
  private let writer: ChunkWriter
  private let inFlight: DispatchSemaphore
  private let group: DispatchGroup
  private let signals: StopSignals?
  private var waiting: [Int: ScoredChunk] = [:]
  private var next = 0
  private let lock = DispatchSemaphore(value: 1)
  private var stopped = false
  private(set) var error: SQLiteError?

  init(
    writer: ChunkWriter, inFlight: DispatchSemaphore, group: DispatchGroup,
    signals: StopSignals?
  ) {
    self.writer = writer
    self.inFlight = inFlight
    self.group = group
    self.signals = signals
  }

  /// Whether the writer has stopped the run (failed, interrupted or a database error).
  var isStopped: Bool {
    lock.wait()
    defer { lock.signal() }
    return stopped
  }

  /// Takes a scored chunk (on the writer queue) and writes every chunk now in order.
  func accept(_ chunk: ScoredChunk) {
    waiting[chunk.sequence] = chunk
    while let ready = waiting.removeValue(forKey: next) {
      next += 1
      if !isStopped && signals?.received != nil {
        lock.wait()
        stopped = true
        lock.signal()
      }
      if !isStopped {
        do {
          try writer.write(ready)
        } catch {
          self.error = error
        }
        if error != nil || writer.stop != nil {
          lock.wait()
          stopped = true
          lock.signal()
        }
      }
      inFlight.signal()
      group.leave()
    }
  }
}
