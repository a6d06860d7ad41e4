import Testing

@testable import GreenrateLanguage

@Suite struct FunctionNumberTests {
  func number(_ function: Function, _ args: Double...) -> Double? {
    let call = FunctionCall(function, args.map { .number($0) })
    #expect(call.runtime == call.folded, "run-time and folded results differ")
    if case .number(let x)? = call.runtime { return x }
    return nil
  }

  @Test func roundsHalfAwayFromZero() {
    #expect(number(.round(digits: 0), 2.5) == 3)
    #expect(number(.round(digits: 0), -2.5) == -3)
    #expect(number(.round(digits: 0), 0.5) == 1)
    #expect(number(.round(digits: 0), -0.5) == -1)
    #expect(number(.round(digits: 0), 1.4999) == 1)
    #expect(number(.round(digits: 0), -1.4999) == -1)
    #expect(number(.round(digits: 1), 0.25) == 0.3)
    #expect(number(.round(digits: 1), -0.25) == -0.3)
    #expect(number(.round(digits: 2), 1234.5678) == 1234.57)
    #expect(number(.round(digits: 3), -2.0005) == -2.001)
    #expect(number(.round(digits: 10), 1.000000000049) == 1.0)
  }

  @Test func roundsInDoubleArithmeticNotDecimal() {
    // 1.005 · 100 is 100.49999999999999 in doubles, so the contract's formula gives 1.0.
    #expect(number(.round(digits: 2), 1.005) == 1.0)
    // 1.015 · 100 is 101.49999999999999; 2.675 · 100 is exactly 267.5 (though 2.675 is
    // below 2.675 in decimal, so decimal rounding would give 2.67).
    #expect(number(.round(digits: 2), 1.015) == 1.01)
    #expect(number(.round(digits: 2), 2.675) == 2.68)
    #expect(Rounding.round(0.125, digits: 2) == 0.13)
    #expect(Rounding.round(-0.125, digits: 2) == -0.13)
  }

  @Test func roundFailsWhenScalingOverflows() {
    let call = FunctionCall(.round(digits: 10), [.number(1e305)])
    #expect(call.runtimeError?.message == "result is not finite")
    #expect(call.runtimeError?.location == SourceLocation(line: 3, column: 7))
  }

  @Test func minMaxTakeTwoOrMore() {
    #expect(number(.min, 3, -1) == -1)
    #expect(number(.max, 3, -1) == 3)
    #expect(number(.min, 5, 2, 8, -7, 0) == -7)
    #expect(number(.max, 5, 2, 8, -7, 0) == 8)
  }

  @Test func absFloorCeil() {
    #expect(number(.abs, -2.5) == 2.5)
    #expect(number(.abs, 3) == 3)
    #expect(number(.floor, -2.5) == -3)
    #expect(number(.floor, 2.9) == 2)
    #expect(number(.ceil, -2.5) == -2)
    #expect(number(.ceil, 2.1) == 3)
  }

  @Test func clampIsMinOfMaxOfLow() {
    #expect(number(.clamp, 5, 0, 10) == 5)
    #expect(number(.clamp, -5, 0, 10) == 0)
    #expect(number(.clamp, 15, 0, 10) == 10)
    // lo > hi: min(max(x, lo), hi) gives hi.
    #expect(number(.clamp, 5, 10, 0) == 0)
  }

  @Test func sqrtLnLog10() {
    #expect(number(.sqrt, 16) == 4)
    #expect(number(.sqrt, 0) == 0)
    #expect(number(.ln, 1) == 0)
    #expect(number(.log10, 1000) == 3)
    #expect(number(.log10, 0.01) == -2)
  }

  @Test func sqrtOfNegativeFailsWithTheValue() {
    let call = FunctionCall(.sqrt, [.number(-4)])
    #expect(call.runtimeError?.message == "`sqrt` of a negative number (-4)")
    #expect(call.runtimeError?.location == SourceLocation(line: 3, column: 7))
    #expect(call.runtimeError?.description == "test.rules:3:7: `sqrt` of a negative number (-4)")
  }

  @Test func logarithmsOfNonPositiveFail() {
    #expect(
      FunctionCall(.ln, [.number(0)]).runtimeError?.message
        == "`ln` of a number that is not positive (0)")
    #expect(
      FunctionCall(.ln, [.number(-2.5)]).runtimeError?.message
        == "`ln` of a number that is not positive (-2.5)")
    #expect(
      FunctionCall(.log10, [.number(-1)]).runtimeError?.message
        == "`log10` of a number that is not positive (-1)")
  }

  @Test func countsSetItems() {
    let call = FunctionCall(.count, [.set(["A", "B", "A", "C"])])
    #expect(call.runtime == .number(3))
    #expect(call.folded == .number(3))
    #expect(FunctionCall(.count, [.set([])]).runtime == .number(0))
  }
}
