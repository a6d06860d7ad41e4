import Foundation
import Testing

/// Waits until `condition` holds, checking it every `interval` seconds, for at most
/// `timeout` seconds: a wait on a condition (a run's status, a row), never a fixed sleep.
/// On timeout records an issue at the caller's line and returns false.
@discardableResult
package func waitUntil(
  _ comment: @autoclosure () -> Comment,
  timeout: Double = 60, interval: Double = 0.01,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ condition: () throws -> Bool
) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(timeout)
  while true {
    if try condition() { return true }
    if Date() >= deadline {
      Issue.record(
        "timed out after \(timeout) s waiting: \(comment())", sourceLocation: sourceLocation)
      return false
    }
    Thread.sleep(forTimeInterval: interval)
  }
}
