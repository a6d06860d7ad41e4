import Foundation
import GreenrateEngine
import GreenrateLanguage
import Testing

@testable import GreenrateAnalysis

/// `compare` on a hand-built population of twelve merchants (and one undecodable
/// record), every figure worked out by hand in the comments of `expectHandFigures`.
@Suite struct CompareTests {
  /// Champion (`champion.rules`) and challenger (`challenger.rules`) per merchant:
  /// score, rating, eligible (codes when not):
  /// M01 100 high E   -> 100 high E             both      delta 0
  /// M02  80 high E   -> 100 high E             both      +20
  /// M03  40 mid      ->  60 mid                neither   +20
  /// M04  50 mid [LOW_RATING] -> 80 high E      swap in   +30
  /// M05  10 low      ->  40 mid                neither   +30
  /// M06 100 high E   -> 100 out [BIG_C, KO, LOW_RATING, C_HIGH]  swap out  0
  /// M07 100 out      -> 100 out                neither   0
  /// M08  10 low      ->  10 low                neither   0
  /// M09  80 high E   ->  80 high E             both      0
  /// M10  80 high E   -> 100 high [C_HIGH]      swap out  +20
  /// M11  40 mid      ->  40 mid                neither   0
  /// M12  40 mid      ->  40 mid [.., C_HIGH]   neither   0
  /// M13: `a` is not a number: rejected by both.
  func expectHandFigures(_ object: [String: Any], runID: Int?) throws {
    let champion = try #require(object["champion"] as? [String: Any])
    #expect(champion["ruleset"] as? String == "toy")
    #expect(champion["version"] as? String == "1")
    #expect((champion["sha256"] as? String)?.count == 64)
    if let runID {
      #expect(champion["run_id"] as? Int == runID)
    } else {
      #expect(champion["run_id"] is NSNull)
    }
    let challenger = try #require(object["challenger"] as? [String: Any])
    #expect(challenger["version"] as? String == "2")
    #expect(challenger["run_id"] == nil)
    #expect(object["as_of"] as? String == "2026-11-01")
    #expect(object["compared"] as? Int == 12)
    let rejected = try #require(object["rejected"] as? [String: Int])
    #expect(rejected == ["champion": 1, "challenger": runID == nil ? 1 : 0])

    let migration = try #require(object["migration"] as? [[String: Any]])
    let pairs = migration.map { "\($0["from"] ?? "")>\($0["to"] ?? ""):\($0["count"] ?? "")" }
    #expect(
      pairs == [
        "out>out:1", "high>out:1", "high>high:4", "mid>high:1", "mid>mid:3", "low>mid:1",
        "low>low:1",
      ])
    let eligibility = try #require(object["eligibility"] as? [String: Int])
    #expect(eligibility == ["both": 3, "neither": 6, "swap_in": 1, "swap_out": 2])
    let out = try #require(object["swap_out_codes"] as? [[String: Any]])
    #expect(
      out.map { "\($0["code"] ?? ""):\($0["count"] ?? "")" } == [
        "C_HIGH:2", "BIG_C:1", "KO:1", "LOW_RATING:1",
      ])
    let into = try #require(object["swap_in_codes"] as? [[String: Any]])
    #expect(into.map { "\($0["code"] ?? ""):\($0["count"] ?? "")" } == ["LOW_RATING:1"])

    // Deltas sorted: 0 x7, 20 x3, 30 x2 (n = 12); mean 120 / 12; p5 = v[ceil(0.6) - 1]
    // = v[0]; p50 = v[5]; p95 = v[ceil(11.4) - 1] = v[11].
    let delta = try #require(object["score_delta"] as? [String: Double])
    #expect(
      delta == ["changed": 5, "mean": 10, "min": 0, "p5": 0, "p50": 0, "p95": 30, "max": 30])

    // fa: champion 50 x3 + 30 x6 = 330; challenger 50 x6 + 30 x5 = 450. fb: 50 x7 + 10 x5.
    let factors = try #require(object["factors"] as? [[String: Any]])
    #expect(factors.map { $0["name"] as? String } == ["fa", "fb"])
    #expect(factors[0]["champion_mean"] as? Double == 330.0 / 12)
    #expect(factors[0]["challenger_mean"] as? Double == 450.0 / 12)
    #expect(factors[1]["champion_mean"] as? Double == 400.0 / 12)
    #expect(factors[1]["challenger_mean"] as? Double == 400.0 / 12)
  }

  @Test func databaseFormCountsEveryFigureOfTheHandBuiltPopulation() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("r.sqlite").path
    let run = try AnalysisFixture.batch(
      "champion.rules", input: AnalysisFixture.path("population.csv"), database: db)
    let result = try DatabaseComparison(
      databasePath: db, runID: nil, challenger: AnalysisFixture.program("challenger.rules"),
      jobs: 2
    ).run()
    try expectHandFigures(jsonObject(result.json), runID: Int(run))
    #expect(result.count(from: "high", to: "high") == 4)
    #expect(result.notes.isEmpty)
    // The text form: the matrix with totals.
    let text = result.text
    #expect(text.contains("  champion \\ challenger  out  high  mid  low  total"))
    #expect(text.contains("  high                     1     4    0    0      5"))
    #expect(text.contains("  total                    2     5    4    1     12"))
    #expect(text.contains("swap out 2"))
  }

  @Test func fileFormCountsTheSameAndEachSidesRejects() throws {
    let result = try FileComparison(
      champion: AnalysisFixture.program("champion.rules"),
      challenger: AnalysisFixture.program("challenger.rules"),
      inputPath: AnalysisFixture.path("population.csv"), format: nil, asOf: AnalysisFixture.asOf
    ).run()
    try expectHandFigures(jsonObject(result.json), runID: nil)
  }

  @Test func aRuleFileAgainstItselfMovesNobody() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("r.sqlite").path
    try AnalysisFixture.batch(
      "champion.rules", input: AnalysisFixture.path("population.csv"), database: db)
    let result = try DatabaseComparison(
      databasePath: db, runID: 1, challenger: AnalysisFixture.program("champion.rules"), jobs: 2
    ).run()
    #expect(result.compared == 12)
    #expect(result.migration.allSatisfy { $0.from == $0.to })
    #expect(result.migration.map(\.count).reduce(0, +) == 12)
    #expect(result.eligibility.swapIn == 0 && result.eligibility.swapOut == 0)
    #expect(result.swapInCodes.isEmpty && result.swapOutCodes.isEmpty)
    #expect(result.scoreDelta == ComparisonResult.ScoreDelta())
    #expect(result.factors.allSatisfy { $0.championMean == $0.challengerMean })
    #expect(result.champion.sha256 == result.challenger.sha256)
  }

  @Test func jobsOneAndFourGiveByteIdenticalJSON() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("r.sqlite").path
    // 600 merchants with spread values, compared in chunks of 7 rows.
    var text = "id,a,b,c,flag\n"
    for i in 0..<600 {
      text += "N\(i),\(i % 13),\((i * 7) % 15),\((i * 5) % 11),\(i % 17 == 0)\n"
    }
    let input = folder.appendingPathComponent("in.csv")
    try text.write(to: input, atomically: true, encoding: .utf8)
    try AnalysisFixture.batch("champion.rules", input: input.path, database: db)
    let challenger = try AnalysisFixture.program("challenger.rules")
    var outputs: [String] = []
    for jobs in [1, 4] {
      var comparison = DatabaseComparison(
        databasePath: db, runID: nil, challenger: challenger, jobs: jobs)
      comparison.chunkSize = 7
      outputs.append(try comparison.run().json)
    }
    #expect(outputs[0] == outputs[1])
    #expect(try jsonObject(outputs[0])["compared"] as? Int == 600)
  }

  @Test func fileFormGivesByteIdenticalJSONForJobsOneAndFourInSmallChunks() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    // 600 merchants, then a repeated key (first seen chunks earlier), an undecodable
    // record and a record without a key: chunks of 7 records cut through all of them.
    var text = "id,a,b,c,flag\n"
    for i in 0..<600 {
      text += "N\(i),\(i % 13),\((i * 7) % 15),\((i * 5) % 11),\(i % 17 == 0)\n"
    }
    text += "N5,1,1,1,false\nN9x,abc,1,1,false\n,1,1,1,false\n"
    let input = folder.appendingPathComponent("in.csv")
    try text.write(to: input, atomically: true, encoding: .utf8)
    // The champion with two inputs declared the other way round: another layout, so
    // each side reads the file with its own reader.
    let championText = try String(
      contentsOfFile: AnalysisFixture.path("champion.rules"), encoding: .utf8)
    let reordered = championText.replacingOccurrences(
      of: "input a: number\ninput b: number", with: "input b: number\ninput a: number")
    #expect(reordered != championText)
    let reorderedPath = folder.appendingPathComponent("reordered.rules").path
    try reordered.write(toFile: reorderedPath, atomically: true, encoding: .utf8)
    let champion = try AnalysisFixture.program("champion.rules")
    let sameRules = try Program.compile(source: Array(reordered.utf8), file: reorderedPath)
    let challenger = try AnalysisFixture.program("challenger.rules")
    #expect(!FileComparison.sameInputs(champion.layout, sameRules.layout))
    for other in [challenger, sameRules] {
      var outputs: [String] = []
      for jobs in [1, 4] {
        var comparison = FileComparison(
          champion: champion, challenger: other, inputPath: input.path, format: nil,
          asOf: AnalysisFixture.asOf, jobs: jobs)
        comparison.chunkSize = 7
        outputs.append(try comparison.run().json)
      }
      #expect(outputs[0] == outputs[1])
      let object = try jsonObject(outputs[0])
      #expect(object["compared"] as? Int == 600)
      #expect(object["rejected"] as? [String: Int] == ["champion": 3, "challenger": 3])
    }
    // The same rules with their inputs reordered move nobody.
    let same = try FileComparison(
      champion: champion, challenger: sameRules, inputPath: input.path, format: nil,
      asOf: AnalysisFixture.asOf, jobs: 2
    ).run()
    #expect(same.migration.allSatisfy { $0.from == $0.to })
    #expect(same.scoreDelta == ComparisonResult.ScoreDelta())
  }

  @Test func aChallengerNeedingAnInputTheRecordsLackCountsThemAsRejects() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("r.sqlite").path
    try AnalysisFixture.batch(
      "champion.rules", input: AnalysisFixture.path("population.csv"), database: db)
    let result = try DatabaseComparison(
      databasePath: db, runID: nil, challenger: AnalysisFixture.program("needs-d.rules"), jobs: 2
    ).run()
    #expect(result.compared == 0)
    #expect(result.rejectedByChallenger == 12)
    #expect(result.rejectedByChampion == 1)
    #expect(
      result.notes == [
        "12 stored records of the champion run lack d, which the challenger requires: "
          + "counted as challenger rejects"
      ])
    #expect(result.scoreDelta == ComparisonResult.ScoreDelta())
    #expect(result.factors.map(\.name) == ["fa"])
    #expect(result.factors[0].championMean == 0)
  }

  @Test func anUnknownOrUnfinishedRunIsAClearError() throws {
    let folder = try AnalysisFixture.temporaryFolder()
    let db = folder.appendingPathComponent("r.sqlite").path
    try AnalysisFixture.batch(
      "champion.rules", input: AnalysisFixture.path("population.csv"), database: db)
    let challenger = try AnalysisFixture.program("challenger.rules")
    #expect(throws: AnalysisError("run 9 does not exist in this database")) {
      try DatabaseComparison(databasePath: db, runID: 9, challenger: challenger, jobs: 1).run()
    }
  }
}

extension AnalysisError: Equatable {
  public static func == (a: AnalysisError, b: AnalysisError) -> Bool { a.message == b.message }
}
