/// Why a batch could not run or stopped: an unreadable input, a refused header, a
/// database error, a resume with nothing to resume. One clear line.
public struct BatchError: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// The run concerned, when one was started (a database error mid-run leaves it
  /// unfinished, so that `--resume` can carry it on).
  public var runID: Int64?

  public init(_ message: String, runID: Int64? = nil) {
    self.message = message
    self.runID = runID
  }

  public var description: String { message }
}
