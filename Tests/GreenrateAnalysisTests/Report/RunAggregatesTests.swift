import GreenrateAnalysis
import GreenrateEngine
import Testing

@Suite("Report aggregates: exact counts from hand-built databases")
struct RunAggregatesTests {
  @Test("ratings, scores, codes and bands of one run, ignoring the other runs' rows")
  func counts() throws {
    let db = try ReportDatabase()
    defer { db.remove() }
    let old = try db.addRun()
    let run = try db.addRun()
    try db.addRating(run: old, id: "M1", score: 99, rating: "A", eligible: true)
    try db.addRating(
      run: run, id: "M1", score: 30, rating: "A", eligible: true, reasons: "[]", bands: [0, 0])
    try db.addRating(
      run: run, id: "M2", score: 15, rating: "B", eligible: false,
      reasons: "[\"SMALL\",\"NOT_GREEN\"]", denials: "[\"LOW\",\"LOW\"]", bands: [1, 1])
    try db.addRating(
      run: run, id: "M3", score: 15, rating: "B", eligible: false,
      reasons: "[\"SMALL\",\"NOT_GREEN\"]", denials: "[\"LOW\"]", bands: [1, 1])
    try db.addRating(
      run: run, id: "M4", score: 0, rating: "C", eligible: false,
      reasons: "[\"TINY\",\"NOT_GREEN\"]", knockouts: "[\"BANNED\"]",
      denials: "[\"KNOCKED_OUT\",\"LOW\"]", bands: [2, 1])
    try db.addRating(
      run: run, id: "M5", score: 7, rating: "Z", eligible: false, reasons: "[\"SMALL\"]",
      bands: [1, 9])

    let report = try RunReport.read(path: db.path, runID: run, baselineID: nil, byFields: [])
    let a = report.aggregates
    #expect(report.run.id == run)
    #expect(report.baseline?.id == old)
    #expect(a.scored == 5)
    #expect(a.eligible == 1)
    #expect(a.ratings.map(\.label) == ["A", "B", "C", "Z"])
    #expect(a.ratings.map(\.count) == [1, 2, 1, 1])
    #expect(a.scores.map(\.score) == [0, 7, 15, 30])
    #expect(a.scores.map(\.count) == [1, 1, 2, 1])
    #expect(
      a.reasons
        == [
          .init(code: "SMALL", count: 3), .init(code: "NOT_GREEN", count: 3),
          .init(code: "TINY", count: 1),
        ].sorted { ($0.count, $1.code) > ($1.count, $0.code) })
    // A code twice in one merchant's list counts once.
    #expect(a.denials == [.init(code: "LOW", count: 3), .init(code: "KNOCKED_OUT", count: 1)])
    #expect(a.knockouts == [.init(code: "BANNED", count: 1)])
    #expect(a.factors.map(\.name) == ["size", "green"])
    #expect(a.factors[0].counts == [1, 3, 1])
    // Band 9 does not exist in `green`: not counted in any band.
    #expect(a.factors[1].counts == [1, 3])
    #expect(report.baselineScores.map(\.score) == [99])
    #expect(report.baselineScores.map(\.count) == [1])
  }

  @Test("--by: the 20 largest values, the rest as other, blank values kept apart")
  func breakdown() throws {
    let db = try ReportDatabase()
    defer { db.remove() }
    let run = try db.addRun()
    var n = 0
    // Province P01 has 25 merchants, P02 24, ... P25 1: 325 in all.
    for p in 1...25 {
      for k in 0..<(26 - p) {
        n += 1
        let name = p < 10 ? "P0\(p)" : "P\(p)"
        try db.addRating(
          run: run, id: "M\(n)", score: 10, rating: k % 2 == 0 ? "A" : "C", eligible: k % 3 == 0,
          province: name, employees: k == 0 ? nil : 4)
      }
    }
    try db.addRating(run: run, id: "MX", score: 1, rating: "B", eligible: false, province: "")

    let report = try RunReport.read(
      path: db.path, runID: nil, baselineID: nil, byFields: ["province", "employees"])
    #expect(report.baseline == nil)
    let byProvince = try #require(report.aggregates.breakdowns.first)
    #expect(byProvince.field == "province")
    #expect(byProvince.distinctValues == 26)
    #expect(byProvince.groups.count == 20)
    #expect(byProvince.groups.first?.value == "P01")
    let first = try #require(byProvince.groups.first)
    #expect(first.merchants == 25)
    #expect(first.ratingCounts == [13, 0, 12])
    #expect(first.eligible == 9)
    // P21..P25 (5+4+3+2+1) and the blank one (1).
    let other = try #require(byProvince.other)
    #expect(other.merchants == 16)
    #expect(other.ratingCounts == [9, 1, 6])
    let byEmployees = report.aggregates.breakdowns[1]
    // 25 blanks (k == 0) and MX with 3 employees.
    #expect(byEmployees.groups.map(\.value) == ["4", "", "3"])
    #expect(byEmployees.groups.map(\.merchants) == [300, 25, 1])
    #expect(byEmployees.other == nil)
  }

  @Test("rejects grouped by kind of message, with the first examples of each")
  func rejects() throws {
    let db = try ReportDatabase()
    defer { db.remove() }
    let run = try db.addRun()
    try db.addReject(
      run: run, line: 4, id: "M4", message: "field \"employees\": \"abc\" is not a number")
    try db.addReject(
      run: run, line: 9, id: "M9", message: "field \"employees\": \"x\" is not a number")
    try db.addReject(
      run: run, line: 2, id: nil, message: "the record has 2 fields, the header has 24")
    let report = try RunReport.read(path: db.path, runID: run, baselineID: nil, byFields: [])
    #expect(report.rejects.total == 3)
    #expect(
      report.rejects.kinds.map(\.pattern) == [
        "field \"employees\": \"…\" is not a number", "the record has N fields, the header has N",
      ])
    #expect(report.rejects.kinds.map(\.count) == [2, 1])
    #expect(report.rejects.kinds[0].examples.map(\.line) == [4, 9])
  }

  @Test("an unknown run, an unfinished run, a bad baseline and a bad --by field are refused")
  func refusals() throws {
    let db = try ReportDatabase()
    defer { db.remove() }
    let done = try db.addRun()
    let running = try db.addRun(status: "running")
    func error(_ run: Int64?, baseline: Int64? = nil, by: [String] = []) -> ReportError? {
      do {
        _ = try RunReport.read(path: db.path, runID: run, baselineID: baseline, byFields: by)
        return nil
      } catch { return error }
    }
    #expect(error(99)?.description == "no run 99 in the database")
    #expect(error(running)?.description.hasPrefix("run \(running) has not finished") == true)
    #expect(
      error(done, baseline: running)?.description
        == "baseline run \(running) is not a completed run")
    #expect(error(done, by: ["nope"])?.isUsage == true)
    #expect(error(done, by: ["merchant_id"])?.isUsage == true)
    #expect(error(nil) == nil)
  }
}
