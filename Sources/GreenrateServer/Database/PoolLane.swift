import Foundation
import GreenrateEngine
import GreenrateStore

/// One queue of database jobs and the threads that serve it, each thread with the
/// connection it was started with (a `Store` is only ever used by its own thread).
final class PoolLane: @unchecked Sendable {
  typealias Job = @Sendable (Store) -> Void

  private let condition = NSCondition()
  // Guarded by `condition`.
  private var jobs: [Job] = []
  private var head = 0
  private var stopped = false
  private let name: String
  private let maxQueued: Int

  init(name: String, maxQueued: Int) {
    self.name = name
    self.maxQueued = maxQueued
  }

  /// Starts one thread that serves this lane with `store`.
  func start(with store: Store) {
    nonisolated(unsafe) let owned = store
    let thread = Thread { [self] in
      while let job = next() { job(owned) }
    }
    thread.name = name
    thread.start()
  }

  /// Queues `body` and waits for its result; 503 when the queue is full or stopped.
  func run<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
      let accepted = enqueue { store in
        continuation.resume(with: Result { try body(store) })
      }
      if !accepted {
        continuation.resume(
          throwing: APIError(.serviceUnavailable, "the server is busy; try again shortly"))
      }
    }
  }

  private func enqueue(_ job: @escaping Job) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard !stopped, jobs.count - head < maxQueued else { return false }
    jobs.append(job)
    condition.signal()
    return true
  }

  /// The next job, waiting for one; nil once stopped and drained.
  private func next() -> Job? {
    condition.lock()
    defer { condition.unlock() }
    while head == jobs.count {
      if stopped { return nil }
      condition.wait()
    }
    let job = jobs[head]
    head += 1
    if head > 1024, head * 2 > jobs.count {
      jobs.removeFirst(head)
      head = 0
    }
    return job
  }

  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }
}
