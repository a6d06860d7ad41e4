import Foundation
import GreenrateEngine
import Testing

@testable import GreenrateAnalysis

/// `drift` against the contract's formula, worked by hand on `drift.rules` (score =
/// 10 × a for a = 0...4; rating good from 20).
@Suite struct DriftTests {
  /// The contract's PSI term with the 0.0001 rule, written out for the hand figures.
  func term(_ p: Double, _ q: Double) -> Double {
    let p = p == 0 ? 0.0001 : p
    let q = q == 0 ? 0.0001 : q
    return (q - p) * log(q / p)
  }

  @Test func aRunAgainstItselfHasNoDrift() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("d.sqlite").path
    let input = try AnalysisFixture.levels(
      [0, 0, 1, 2, 3, 4, 4, 2], to: folder.appendingPathComponent("a.csv"))
    try AnalysisFixture.batch("drift.rules", input: input, database: db)
    let drift = try DriftAnalysis(databasePath: db).run(runID: 1, baselineID: 1)
    #expect(drift.scorePSI == 0)
    #expect(drift.ratingPSI == 0)
    #expect(drift.factors.map(\.psi) == [0])
    #expect(drift.status == .stable)
    #expect(drift.sameRules)
    #expect(drift.bins.allSatisfy { $0.baseline == $0.run })
  }

  @Test func aShiftedPopulationMatchesTheHandComputation() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("d.sqlite").path
    // Baseline scores 0 0 0 0 10 10 20 20 30 30 (n = 10): e_k = b[k - 1], so the edges
    // are 0 0 0 0 10 10 20 20 30 — repeated edges leave bins 2, 3, 4, 6 and 8 empty.
    let baseline = try AnalysisFixture.levels(
      [0, 0, 0, 0, 1, 1, 2, 2, 3, 3], to: folder.appendingPathComponent("b.csv"))
    // Run scores 0 10 10 20 20 30 30 40 (n = 8): bin 10 (> 30) is empty in the baseline.
    let shifted = try AnalysisFixture.levels(
      [0, 1, 1, 2, 2, 3, 3, 4], to: folder.appendingPathComponent("r.csv"))
    try AnalysisFixture.batch("drift.rules", input: baseline, database: db)
    try AnalysisFixture.batch("drift.rules", input: shifted, database: db)

    let drift = try DriftAnalysis(databasePath: db).run()
    #expect(drift.runID == 2 && drift.baselineID == 1)
    #expect(drift.bins.map(\.upper) == [0, 0, 0, 0, 10, 10, 20, 20, 30, nil])
    let p = [0.4, 0, 0, 0, 0.2, 0, 0.2, 0, 0.2, 0]
    let q = [0.125, 0, 0, 0, 0.25, 0, 0.25, 0, 0.25, 0.125]
    #expect(drift.bins.map(\.baseline) == p)
    #expect(drift.bins.map(\.run) == q)
    let score = zip(p, q).map { term($0, $1) }.reduce(0, +)
    #expect(abs(drift.scorePSI - score) < 1e-12)
    // Hand values: bin 1 (0.125 - 0.4) ln(0.3125) = 0.31987; bins 5, 7 and 9
    // 0.05 ln(1.25) = 0.01116 each; bin 10 (0.125 - 0.0001) ln(1250) = 0.89065.
    #expect(abs(drift.scorePSI - 1.24399) < 1e-4)

    // Ratings: good (score >= 20) 4 of 10 against 5 of 8: 0.225 ln(1.5625) + 0.225
    // ln(1.6) = 0.1004 + 0.1058.
    #expect(drift.ratings.map(\.rating) == ["good", "poor"])
    #expect(drift.ratings.map(\.baseline) == [0.4, 0.6])
    #expect(drift.ratings.map(\.run) == [0.625, 0.375])
    #expect(abs(drift.ratingPSI - (term(0.4, 0.625) + term(0.6, 0.375))) < 1e-12)

    // The factor's bands in order a >= 4, 3, 2, 1, else.
    let fp = [0, 0.2, 0.2, 0.2, 0.4]
    let fq = [0.125, 0.25, 0.25, 0.25, 0.125]
    let factor = zip(fp, fq).map { term($0, $1) }.reduce(0, +)
    #expect(drift.factors.map(\.name) == ["level"])
    #expect(abs(drift.factors[0].psi - factor) < 1e-12)
    #expect(drift.status == .significant)

    let json = try jsonObject(drift.json)
    #expect(json["run"] as? Int == 2)
    #expect(json["baseline"] as? Int == 1)
    #expect(json["same_rules"] as? Bool == true)
    #expect(json["status"] as? String == "significant")
    let bins = try #require(json["bins"] as? [[String: Any]])
    #expect(bins.count == 10)
    #expect(bins[9]["upper"] is NSNull)
    #expect(bins.map { $0["run"] as? Double } == q)
    #expect(abs((json["score_psi"] as? Double ?? 0) - drift.scorePSI) < 1e-12)
    #expect(
      drift.summaryLine == "  drift     vs run 1: score PSI 1.244, rating PSI 0.206 (significant)")
  }

  @Test func noBaselineOrAnUnknownRunIsAClearError() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("d.sqlite").path
    let input = try AnalysisFixture.levels([1, 2], to: folder.appendingPathComponent("a.csv"))
    try AnalysisFixture.batch("drift.rules", input: input, database: db)
    #expect(
      throws: AnalysisError(
        "run 1 has no baseline: no completed batch run before it (give --baseline)")
    ) { try DriftAnalysis(databasePath: db).run() }
    #expect(throws: AnalysisError("baseline 5 does not exist in this database")) {
      try DriftAnalysis(databasePath: db).run(baselineID: 5)
    }
    #expect(DriftAnalysis.batchLine(databasePath: db, runID: 1) == nil)
  }
}
