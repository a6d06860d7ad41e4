import Foundation
import GreenrateEngine
import GreenrateTestSupport
import Testing

/// `rescore`, `explain` and `runs` while another process's batch writes the database.
@Suite(.serialized) struct RescoreConcurrencyTests {
  @Test func rescoreWhileABatchIsWritingHarmsNeitherRun() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let small = try ws.generate(count: 100, seed: 21, name: "small.csv")
    try ws.append(to: small, records: [["merchant_id": "R1"]])
    try ws.batch(rules: rules, input: small)
    // Big enough that the batch (a debug build) is still writing when the rescore ends:
    // its first commit alone comes after 65,536 records.
    let bigCount = 120_000
    let big = try ws.generate(count: bigCount, seed: 22, name: "big.csv")

    let batch = try CLIProcess.Child([
      "batch", rules, big, "--db", ws.database, "--as-of", "2026-11-01", "--jobs", "2",
    ])
    // Wait for the batch's run to exist: from then on it holds or takes the write lock.
    try waitUntil("the batch's run to exist", timeout: 60) {
      try ws.count("SELECT count(*) FROM runs WHERE run_id = 2") > 0 || !batch.process.isRunning
    }
    try #require(
      try ws.count("SELECT count(*) FROM runs WHERE run_id = 2") > 0,
      "the batch never started its run")

    let rescore = try CLIProcess.run([
      "rescore", "R1", "--db", ws.database, "--set", "certifications=ISO14001;CEL",
    ])
    let overlapped = batch.process.isRunning
    let runs = try CLIProcess.run(["runs", "--db", ws.database])
    let explain = try CLIProcess.run(["explain", "R1", "--db", ws.database, "--json"])
    let finished = try batch.wait()

    #expect(overlapped, "the batch ended before the rescore did; the test proved nothing")
    #expect(rescore.status == 0, "\(rescore)")
    #expect(
      try jsonObject(rescore.stdout)["factors"].flatMap { $0 as? [String: Double] }?[
        "certification"] == 15)
    #expect(runs.status == 0, "\(runs)")
    #expect(runs.stdout.contains("running") || !overlapped)
    #expect(explain.status == 0, "\(explain)")
    #expect(finished.status == 0, "\(finished)")

    // The batch run is whole: every record read and stored exactly once.
    let batchRun = try #require(
      try ws.query(
        "SELECT status, records_read, records_scored, records_rejected FROM runs WHERE run_id = 2"
      ).first)
    #expect(batchRun == ["completed", String(bigCount), String(bigCount), "0"])
    #expect(try ws.count("SELECT count(*) FROM ratings WHERE run_id = 2") == bigCount)
    // The rescore run is whole and current.
    let rescoreRuns = try ws.query(
      "SELECT run_id, status, records_scored FROM runs WHERE kind = 'rescore'")
    #expect(rescoreRuns.count == 1)
    #expect(rescoreRuns.first?[1] == "completed")
    #expect(rescoreRuns.first?[2] == "1")
    let current = try ws.query("SELECT run_id FROM current_ratings WHERE merchant_id = 'R1'")
    #expect(current.first?[0] == rescoreRuns.first?[0])
    let check = try ws.query("PRAGMA integrity_check")
    #expect(check.first?[0] == "ok")
  }
}
