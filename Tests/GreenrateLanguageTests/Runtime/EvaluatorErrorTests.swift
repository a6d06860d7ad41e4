import Testing

@testable import GreenrateLanguage

/// Each runtime error, with the location of the operator or function that failed.
@Suite struct EvaluatorErrorTests {
  func error(_ make: (CheckedExpr, CheckedExpr) -> CheckedExpr, x: Double, y: Double)
    -> RuntimeError?
  {
    var b = RuleSetBuilder()
    let a = b.input("x", .number)
    let c = b.input("y", .number)
    b.factor("f", [(nil, 0, nil)])
    b.output("v", make(a, c))
    return Scorer(b).error(["x": .number(x), "y": .number(y)])
  }

  @Test func divisionByZero() {
    let e = error({ E.div($0, $1, at: E.at(12, 34)) }, x: 1, y: 0)
    #expect(e?.message == "division by zero")
    #expect(e?.location == E.at(12, 34))
    #expect(e?.file == "test.rules")
    #expect(error({ E.div($0, $1) }, x: 0, y: 0)?.message == "division by zero")
    #expect(error({ E.div($0, $1) }, x: 0, y: -0.0)?.message == "division by zero")
    #expect(error({ a, _ in E.div(a, E.number(0)) }, x: 3, y: 1)?.message == "division by zero")
  }

  @Test func nonFiniteArithmetic() {
    let overflow = error({ E.mul($0, $1, at: E.at(2, 3)) }, x: 1e308, y: 10)
    #expect(overflow?.message == "result is not finite")
    #expect(overflow?.location == E.at(2, 3))
    #expect(error({ E.add($0, $1) }, x: 1.7e308, y: 1.7e308)?.message == "result is not finite")
    #expect(error({ E.sub($0, $1) }, x: -1.7e308, y: 1.7e308)?.message == "result is not finite")
    #expect(error({ E.div($0, $1) }, x: 1e308, y: 1e-10)?.message == "result is not finite")
    #expect(
      error({ a, _ in E.mul(a, E.number(1e300)) }, x: 1e300, y: 0)?.message
        == "result is not finite")
    #expect(
      error({ _, c in E.mul(E.number(1e300), c) }, x: 0, y: 1e300)?.message
        == "result is not finite")
  }

  @Test func finiteArithmeticIsExact() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(nil, 0, nil)])
    b.output("v", E.add(E.mul(x, E.number(0.1)), E.number(0.2)))
    b.output("neg", E.negate(x))
    #expect(Scorer(b).output("v", ["x": .number(1)]) == .number(1 * 0.1 + 0.2))
    #expect(Scorer(b).output("neg", ["x": .number(1)]) == .number(-1))
  }

  @Test func errorInConditionFailsTheRecord() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor(
      "f",
      [
        (E.compare(.greater, E.call(.log10, [x], at: E.at(6, 8)), E.number(1)), 1, nil),
        (nil, 0, nil),
      ])
    let e = Scorer(b).error(["x": .number(0)])
    #expect(e?.message == "`log10` of a number that is not positive (0)")
    #expect(e?.description == "test.rules:6:8: `log10` of a number that is not positive (0)")
  }

  @Test func errorInDenialAndOutput() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(nil, 0, nil)])
    b.deny("D", E.compare(.greater, E.div(E.number(1), x, at: E.at(8, 1)), E.number(0)))
    b.output("o", E.call(.sqrt, [E.sub(x, E.number(1))], at: E.at(9, 1)))
    let scorer = Scorer(b)
    #expect(scorer.error(["x": .number(0)])?.location == E.at(8, 1))
    #expect(scorer.error(["x": .number(0.5)])?.location == E.at(9, 1))
    #expect(scorer.error(["x": .number(2)]) == nil)
  }
}
