import GreenrateEngine
import GreenrateLanguage
import Testing

@testable import GreenrateAnalysis

/// `RuleCoverage` on `champion.rules`: 5 bands, 1 knockout, 2 denials, 4 ratings.
@Suite struct RuleCoverageTests {
  func score(_ program: Program, a: Double, b: Double, flag: Bool) -> ScoreResult {
    var records = RecordBuffer(layout: program.layout, capacity: 1)
    records.appendRow(line: 2)
    let values: [String: Value] = [
      "id": .text(Text("M1")), "a": .number(a), "b": .number(b), "c": .number(0),
      "flag": .bool(flag),
    ]
    for (i, field) in program.layout.fields.enumerated() {
      if let value = values[field.name] { StoredRecord.set(value, in: &records, row: 0, field: i) }
    }
    let evaluator = Evaluator(program: program, asOf: AnalysisFixture.asOf)
    #expect(evaluator.evaluate(records, row: 0) == nil)
    return evaluator.result(key: Text("M1"))
  }

  @Test func listsWhatNoCaseReachedInFileOrder() throws {
    let program = try AnalysisFixture.program("champion.rules")
    var coverage = RuleCoverage(program: program)
    #expect(coverage.percent == 0)
    // 100 high, eligible: fa band 1, fb band 1, rating "high".
    coverage.record(score(program, a: 12, b: 12, flag: false))
    // 0 + 10, low: fa else, fb else, LOW_RATING.
    coverage.record(score(program, a: 1, b: 1, flag: false))
    let file = "champion.rules"
    #expect(
      coverage.lines(file: file) == [
        "champion.rules:12: band never matched in factor \"fa\"",
        "champion.rules:21: knockout \"FLAGGED\" never fired",
        "champion.rules:24: rating \"out\" never given",
        "champion.rules:26: rating \"mid\" never given",
        "champion.rules:31: deny \"KO\" never fired",
        "coverage: bands 4/5, knockouts 0/1, denials 1/2, ratings 2/4 (58.3%)",
      ])
    coverage.record(score(program, a: 6, b: 1, flag: true))
    coverage.record(score(program, a: 6, b: 1, flag: false))
    #expect(coverage.gaps.isEmpty)
    #expect(
      coverage.summaryLine
        == "coverage: bands 5/5, knockouts 1/1, denials 2/2, ratings 4/4 (100.0%)")
  }
}
