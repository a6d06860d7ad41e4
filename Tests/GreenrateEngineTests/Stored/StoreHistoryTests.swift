import Foundation
import GreenrateLanguage
import GreenrateStore
import GreenrateTestSupport
import Testing

@testable import GreenrateEngine

/// Many nights into one database: old runs keep their own inputs, and prune.
@Suite struct StoreHistoryTests {
  @Test func aRunTwentyNightsBackExplainsWithItsOwnInputsAndPruneRefusesRemovedRuns() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("g.sqlite").path
    let input = folder.appendingPathComponent("night.csv").path
    let program = try BatchFixture.program()
    var runs: [Int64] = []
    for night in 1...21 {
      // M1's employees are the night's number; M2 never changes.
      let csv = """
        merchant_id,industry,province,annual_revenue_cny,electricity_kwh,env_penalties_3y,certifications,established,employees
        M2,H6210,Yunnan,1200000,30000,0,ISO14001,2015-06-01,4
        M1,H6210,Yunnan,1200000,30000,0,ISO14001,2015-06-01,\(night)

        """
      try csv.write(toFile: input, atomically: true, encoding: .utf8)
      let options = BatchOptions(
        rulesPath: BatchFixture.rulesPath, inputPath: input, databasePath: db, jobs: 1,
        asOf: Day.parse("2026-01-15"), showProgress: false)
      let summary = try BatchRunner(options: options, program: program).run { _ in }
      #expect(summary.status == .completed)
      runs.append(summary.runID)
    }
    let store = try Store(path: db)
    let first = try #require(try store.rating(merchantID: "M1", runID: runs[0]))
    #expect(first.inputs.first { $0.field.name == "employees" }?.value == .number(1))
    #expect(
      try store.rating(merchantID: "M1")?.inputs.first { $0.field.name == "employees" }?.value
        == .number(21))
    // M2's unchanged state is stored once for all 21 nights; M1's once a night.
    #expect(try BatchFixture.rows(store.db, "SELECT count(*) FROM states") == ["22"])

    let plan = try store.prunePlan(keep: 7)
    #expect(plan.remove.map(\.id) == Array(runs[0..<14]))
    _ = try store.prune(plan, batchRows: 1)
    #expect(try store.rating(merchantID: "M1", runID: runs[0]) == nil)
    #expect(try store.prunedAt(runID: runs[0]) != nil)
    #expect(try store.prunedAt(runID: runs[14]) == nil)
    let kept = try #require(try store.rating(merchantID: "M1", runID: runs[14]))
    #expect(kept.inputs.first { $0.field.name == "employees" }?.value == .number(15))
    // M1's 14 removed states went with their runs; M2's shared one stays.
    #expect(try BatchFixture.rows(store.db, "SELECT count(*) FROM states") == ["8"])
    #expect(try BatchFixture.currentFaults(store.db).isEmpty)
    #expect(try BatchFixture.rows(store.db, "PRAGMA integrity_check") == ["ok"])
  }
}
