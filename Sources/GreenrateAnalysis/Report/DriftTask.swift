import Dispatch
import Foundation

/// `DriftAnalysis` run on a background thread, so that its pass over the two runs'
/// ratings overlaps the report's own pass (two cores, two read-only connections).
final class DriftTask: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var started = false
  private var outcome: Result<DriftResult, AnalysisError>?

  /// Starts the drift of `runID` against `baselineID`.
  func start(path: String, runID: Int64, baselineID: Int64) {
    started = true
    Thread.detachNewThread { [self] in
      let result: Result<DriftResult, AnalysisError>
      do throws(AnalysisError) {
        result = .success(
          try DriftAnalysis(databasePath: path).run(runID: runID, baselineID: baselineID))
      } catch {
        result = .failure(error)
      }
      lock.lock()
      outcome = result
      lock.unlock()
      done.signal()
    }
  }

  /// The drift, once computed; nil when it was never started.
  func wait() -> Result<DriftResult, AnalysisError>? {
    guard started else { return nil }
    done.wait()
    lock.lock()
    defer { lock.unlock() }
    return outcome
  }
}
