import Foundation
import Testing

/// The server and a nightly batch on one database.
@Suite struct BesideBatchTests {
  @Test func readsAndRescoresAnswerWhileABatchWrites200kMerchants() throws {
    let workspace = try ServerWorkspace()
    try workspace.batch(count: 200)
    let server = try ServerProcess(["--db", workspace.database])
    let big = workspace.path("big.csv")
    let generated = try Binaries.greenrate([
      "generate", "--count", "200000", "--seed", "99", "--output", big,
    ])
    try #require(generated.status == 0)
    let batch = try Binaries.start(
      "greenrate", ["batch", Binaries.shippedRules, big, "--db", workspace.database])
    // Wait until the batch has its run (it is writing), then ask for as long as it runs,
    // at most 8 s (the debug build needs far longer for 200k).
    var started = false
    for _ in 0..<200 where !started {
      let runs = try server.get("/v1/runs?limit=1").json as? [[String: Any]] ?? []
      started = (runs.first?["run_id"] as? Int) == 2
      if !started { Thread.sleep(forTimeInterval: 0.05) }
    }
    #expect(started)
    let deadline = Date().addingTimeInterval(8)
    var gets = 0
    var rescores = 0
    var failures: [String] = []
    var worst = 0.0
    while Date() < deadline, batch.process.isRunning {
      let id = "M\(String(format: "%08d", gets % 200 + 1))"
      let t0 = Date()
      let got = try server.get("/v1/merchants/\(id)")
      worst = max(worst, Date().timeIntervalSince(t0))
      if got.status != 200 { failures.append("GET \(id): \(got)") }
      gets += 1
      if gets % 10 == 0 {
        let rescored = try server.post("/v1/merchants/\(id)/rescore", #"{"set": {"employees": 9}}"#)
        if rescored.status != 200 { failures.append("rescore \(id): \(rescored)") }
        rescores += 1
      }
    }
    let stillRunning = batch.process.isRunning
    if stillRunning { kill(batch.process.processIdentifier, SIGKILL) }
    batch.process.waitUntilExit()
    #expect(failures.isEmpty, "\(failures.prefix(3))")
    #expect(gets > 20 && rescores > 2, "gets \(gets), rescores \(rescores)")
    #expect(worst < 10, "slowest GET \(worst) s")

    // Once a batch run completes, its ratings are what GET returns.
    let again = try Binaries.greenrate([
      "batch", Binaries.shippedRules, workspace.path("merchants-7-200.csv"), "--db",
      workspace.database,
    ])
    #expect(again.status == 0, "\(again.stderr)")
    let latest = try server.get("/v1/runs?limit=1").json as? [[String: Any]] ?? []
    let runID = latest.first?["run_id"] as? Int
    #expect(latest.first?["kind"] as? String == "batch")
    #expect(try server.get("/v1/merchants/M00000150").object["run_id"] as? Int == runID)
  }
}
