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

  /// The definition, on civil dates.
  func reference(_ day: Int, asOf: Int) -> Double {
    let a = Day.civil(asOf)
    let d = Day.civil(day)
    var years = a.year - d.year
    if (a.month, a.day) < (d.month, d.day) { years -= 1 }
    return Double(years)
  }

  @Test func yearsSinceFastPathAgreesWithDefinition() {
    let asOfs = [
      "2024-02-29", "2023-02-28", "2024-03-01", "2000-01-01", "1900-03-01", "0001-06-15",
      "0100-01-01", "9999-12-31", "2024-12-31",
    ]
    for asOfText in asOfs {
      let asOf = Day.parse(asOfText) ?? 0
      let frame = Frame(registers: CompiledCode.Registers(), asOf: asOf)
      var day = max(asOf - 150 * 366, Day.parse("0001-01-01") ?? 0)
      let last = min(asOf + 6 * 366, Day.parse("9999-12-31") ?? 0)
      while day <= last {
        // Every day near an anniversary, and a sample of the others.
        let civil = Day.civil(day)
        let nearAnniversary =
          civil.month == 2 || civil.month == 3 || civil.month == 12
          || civil.month == 1
        if nearAnniversary || day % 7 == 0 {
          let got = DateFunctions.yearsSince(Double(day), frame)
          if got != reference(day, asOf: asOf) {
            Issue.record("years_since(\(Day.format(day))) as of \(asOfText) = \(got)")
            return
          }
        }
        day += 1
      }
    }
  }
}
