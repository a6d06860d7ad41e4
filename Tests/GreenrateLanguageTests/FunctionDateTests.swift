import Testing

@testable import GreenrateLanguage

@Suite struct FunctionDateTests {
  func years(_ from: String, asOf: String) -> Value? {
    FunctionCall(.yearsSince, [.date(from)], asOf: asOf).runtime
  }

  @Test func yearsSinceCountsCompletedYears() {
    #expect(years("2020-06-30", asOf: "2024-06-30") == .number(4))
    #expect(years("2020-07-01", asOf: "2024-06-30") == .number(3))
    #expect(years("2024-06-30", asOf: "2024-06-30") == .number(0))
    #expect(years("2023-07-01", asOf: "2024-06-30") == .number(0))
    #expect(years("0001-01-01", asOf: "9999-12-31") == .number(9998))
  }

  @Test func yearsSinceAroundTheTwentyNinthOfFebruary() {
    #expect(years("2020-02-29", asOf: "2021-02-28") == .number(0))
    #expect(years("2020-02-29", asOf: "2021-03-01") == .number(1))
    #expect(years("2020-02-29", asOf: "2024-02-28") == .number(3))
    #expect(years("2020-02-29", asOf: "2024-02-29") == .number(4))
    #expect(years("2019-02-28", asOf: "2020-02-29") == .number(1))
    #expect(years("2019-03-01", asOf: "2020-02-29") == .number(0))
  }

  @Test func yearsSinceOfALaterDateIsNegative() {
    #expect(years("2025-01-01", asOf: "2024-06-30") == .number(-1))
    #expect(years("2025-07-01", asOf: "2024-06-30") == .number(-2))
  }

  @Test func daysSince() {
    #expect(FunctionCall(.daysSince, [.date("2024-06-01")]).runtime == .number(29))
    #expect(FunctionCall(.daysSince, [.date("2024-07-01")]).runtime == .number(-1))
    #expect(
      FunctionCall(.daysSince, [.date("2023-06-30")], asOf: "2024-06-30").runtime == .number(366))
  }

  @Test func asOfIsTheEvaluatorsDate() {
    #expect(outputOf(E.builtin(.asOf, .date), asOf: "2021-02-03") == .date("2021-02-03"))
  }
}
