import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Inputs, waits and signals for the tests that attack a running `greenrate batch`.
enum Hardening {
  /// The small rule set of the CLI fixtures (cheap to score, so a test's time goes to
  /// the batch machinery under test).
  static var miniRules: String {
    CLIProcess.packageRoot.appendingPathComponent(
      "Tests/GreenrateCLITests/Fixtures/commands/mini.rules"
    ).path
  }

  /// A CSV for `mini.rules`: `count` records, every `rejectEvery`-th with a revenue that
  /// is not a number (a reject). Returns the path.
  static func miniCSV(
    _ workspace: RescoreWorkspace, count: Int, rejectEvery: Int = 7,
    name: String = "mini.csv"
  ) throws -> String {
    var text = "id,kwh,revenue,certs\n"
    text.reserveCapacity(count * 30)
    for i in 0..<count {
      let revenue = i % rejectEvery == rejectEvery - 1 ? "12x" : String(100_000 + i)
      text += "M\(1_000_000 + i),\(i % 5000),\(revenue),\(i % 3 == 0 ? "ISO14001" : "")\n"
    }
    let path = workspace.path(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Polls `condition` every 5 ms until it holds or `seconds` pass.
  @discardableResult
  static func wait(seconds: Double = 60, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return true }
      usleep(5000)
    }
    return false
  }

  /// The database's run `id` column `column`, or nil (no such run or no database yet).
  static func runValue(_ workspace: RescoreWorkspace, _ column: String, run: Int = 1) -> String? {
    guard FileManager.default.fileExists(atPath: workspace.database) else { return nil }
    return (try? workspace.query("SELECT \(column) FROM runs WHERE run_id = \(run)"))?
      .first?.first ?? nil
  }

  /// Whether run 1 has committed at least one chunk.
  static func hasCommitted(_ workspace: RescoreWorkspace) -> Bool {
    Int(runValue(workspace, "records_read") ?? "0") ?? 0 > 0
  }

  /// Runs `greenrate ARGUMENTS` to the end, but kills it (and fails the test) if it
  /// takes longer than `seconds`: a regression here would otherwise hang the suite
  /// (e.g. a `--resume` that opens a FIFO nobody writes to).
  static func run(_ arguments: [String], timeout seconds: Double = 60) throws
    -> CLIProcess.Outcome
  {
    let child = try CLIProcess.Child(arguments)
    let finished = wait(seconds: seconds) { !child.process.isRunning }
    if !finished {
      signal(child, SIGKILL)
      Issue.record("greenrate \(arguments) did not end within \(seconds) s")
    }
    return try child.wait()
  }

  static func signal(_ child: CLIProcess.Child, _ number: Int32) {
    kill(child.process.processIdentifier, number)
  }
}
