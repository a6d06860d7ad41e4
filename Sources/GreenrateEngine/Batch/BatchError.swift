/// Why a batch could not run or stopped: an unreadable input, a refused header, a
/// database error, a resume with nothing to resume. One clear line.
package struct BatchError: Error, Sendable, CustomStringConvertible {
  package var message: String
  /// The run concerned, when one was started (a database error mid-run leaves it
  /// unfinished, so that `--resume` can carry it on).
  package var runID: Int64?

  package init(_ message: String, runID: Int64? = nil) {
    self.message = message
    self.runID = runID
  }

  package var description: String { message }
}
