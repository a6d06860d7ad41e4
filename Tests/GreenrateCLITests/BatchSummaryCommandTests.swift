import Foundation
import Testing

/// `batch --json` and a failed run's reason in `runs`.
@Suite struct BatchSummaryCommandTests {
  @Test("batch --json prints one object; runs shows why a run failed")
  func jsonSummaryAndFailureReason() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: 50, seed: 3)
    let ok = try CLIProcess.run([
      "batch", rules, input, "--db", ws.database, "--as-of", "2026-11-01", "--json",
    ])
    #expect(ok.status == 0, "\(ok)")
    #expect(ok.stdout.split(separator: "\n").count == 1)
    let summary = try jsonObject(ok.stdout)
    #expect(summary["run_id"] as? Int == 1)
    #expect(summary["status"] as? String == "completed")
    #expect(summary["records_read"] as? Int == 50)
    #expect(summary["failure"] is NSNull)
    let ratings = try #require(summary["ratings"] as? [String: Int])
    #expect(ratings.values.reduce(0, +) == summary["records_scored"] as? Int)

    try ws.append(to: input, records: [["merchant_id": "BAD", "overdue_count_12m": "none"]])
    let failed = try CLIProcess.run([
      "batch", rules, input, "--db", ws.database, "--as-of", "2026-11-01", "--json",
      "--max-rejects", "0",
    ])
    #expect(failed.status == 1, "\(failed)")
    let failure = try #require(try jsonObject(failed.stdout)["failure"] as? String)
    #expect(try jsonObject(failed.stdout)["status"] as? String == "failed")

    let runs = try CLIProcess.run(["runs", "--db", ws.database])
    #expect(runs.status == 0)
    let lines = runs.stdout.split(separator: "\n")
    #expect(lines.first?.hasSuffix("REASON") == true, "\(runs)")
    #expect(lines.contains { $0.contains(" failed ") && $0.hasSuffix(failure) }, "\(runs)")
  }
}
