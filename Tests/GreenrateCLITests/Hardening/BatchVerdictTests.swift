import Foundation
import Testing

/// A run that rated nothing fails with a hint; `--max-rejects` takes a percentage
/// (item 17); numeric options are range-checked in `validate()` (item 18).
@Suite struct BatchVerdictTests {
  @Test func aRunThatRejectsEveryRecordFailsWithAHint() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 500)
    let outcome = try CLIProcess.run([
      "batch", Hardening.miniRules, input, "--db", w.database, "--format", "jsonl",
    ])
    #expect(outcome.status == 1, "\(outcome)")
    #expect(outcome.stdout.contains("every record was rejected (501 of 501)"), "\(outcome)")
    #expect(outcome.stdout.contains("is the input really JSON Lines"), "\(outcome)")
    #expect(Hardening.runValue(w, "status") == "failed")
  }

  @Test func anEmptyInputStillCompletes() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 0)
    let outcome = try CLIProcess.run(["batch", Hardening.miniRules, input, "--db", w.database])
    #expect(outcome.status == 0, "\(outcome)")
  }

  @Test(arguments: [("10%", 1, "failed"), ("20%", 0, "completed"), ("14.2%", 0, "completed")])
  func maxRejectsTakesAPercentageOfTheRecordsRead(limit: String, code: Int32, status: String)
    throws
  {
    // 1 record in 7 is rejected: 142 of 1,000 (14.2%).
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 1000)
    let outcome = try CLIProcess.run([
      "batch", Hardening.miniRules, input, "--db", w.database, "--max-rejects", limit,
    ])
    #expect(outcome.status == code, "\(outcome)")
    #expect(Hardening.runValue(w, "status") == status)
    if code == 1 {
      #expect(outcome.stdout.contains("more than 10% of the records rejected (142 of 1,000"))
    }
  }

  @Test(arguments: [
    (["batch", "--jobs", "-1"], "--jobs must be between 1 and 256, not -1"),
    (["batch", "--jobs", "1000000"], "--jobs must be between 1 and 256, not 1000000"),
    (["batch", "--jobs", "0"], "--jobs must be between 1 and 256, not 0"),
    (["batch", "--max-rejects", "-1"], "--max-rejects: give a number of records"),
    (
      ["batch", "--max-rejects", "101%"], "--max-rejects: a percentage must be between 0% and 100%"
    ),
    (["batch", "--max-rejects", "x%"], "--max-rejects: a percentage must be between"),
    (["batch", "--resume", "--resume-run", "0"], "--resume takes a run id (1 or more), not 0"),
    (["batch", "--abandon", "-2"], "--abandon must be a run id (1 or more), not -2"),
    (["batch", "--reason", "x"], "--reason goes with --abandon RUN_ID"),
    (["runs", "--limit", "-1"], "--limit must be 1 or more, not -1"),
    (["explain", "M1", "--run", "-3"], "--run must be a run id (1 or more), not -3"),
    (["generate", "--count", "-5"], "--count must be 0 or more, not -5"),
  ])
  func outOfRangeOptionsAreUsageErrorsThatSayTheRange(arguments: [String], message: String)
    throws
  {
    let outcome = try CLIProcess.run(arguments)
    #expect(outcome.status == 64, "\(outcome)")
    #expect(outcome.stderr.contains(message), "\(outcome)")
    #expect(!outcome.stderr.contains("Missing value"), "\(outcome)")
  }
}
