import Testing

@testable import GreenrateLanguage

/// Which parts are evaluated, and so which errors count.
@Suite struct EvaluatorOrderTests {
  @Test func errorInUnevaluatedIfBranchDoesNotFail() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(nil, 0, nil)])
    b.output(
      "v",
      E.when(
        E.compare(.greater, x, E.number(0)), E.div(E.number(1), x, at: E.at(9, 9)),
        E.number(-1)))
    let scorer = Scorer(b)
    #expect(scorer.output("v", ["x": .number(0)]) == .number(-1))
    #expect(scorer.output("v", ["x": .number(4)]) == .number(0.25))
  }

  @Test func andOrShortCircuit() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(nil, 0, nil)])
    let risky = E.compare(.greater, E.div(E.number(1), x), E.number(0))
    b.output("and", E.and(E.compare(.notEqual, x, E.number(0)), risky))
    b.output("or", E.or(E.compare(.equal, x, E.number(0)), risky))
    let r = try Scorer(b).score(["x": .number(0)]).get()
    #expect(r.outputs.map(\.value) == [.bool(false), .bool(true)])
  }

  @Test func coalesceEvaluatesRightOnlyWhenMissing() {
    var b = RuleSetBuilder()
    let opt = b.input("opt", .number.optional)
    let zero = b.input("zero", .number)
    b.factor("f", [(nil, 0, nil)])
    b.output("v", E.coalesce(opt, E.div(E.number(1), zero, at: E.at(4, 2))))
    let scorer = Scorer(b)
    #expect(scorer.output("v", ["opt": .number(3), "zero": .number(0)]) == .number(3))
    #expect(scorer.error(["zero": .number(0)])?.location == E.at(4, 2))
  }

  @Test func bandAfterFirstTrueIsNotEvaluated() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor(
      "f",
      [
        (E.compare(.greaterEqual, x, E.number(0)), 1, nil),
        (E.compare(.greater, E.call(.sqrt, [x], at: E.at(5, 5)), E.number(1)), 2, nil),
        (nil, 0, nil),
      ])
    let scorer = Scorer(b)
    #expect(scorer.error(["x": .number(4)]) == nil)
    #expect(scorer.error(["x": .number(-4)])?.message == "`sqrt` of a negative number (-4)")
  }

  @Test func ratingBandAfterFirstTrueIsNotEvaluated() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(nil, 0, nil)])
    b.rating([
      (E.compare(.equal, x, E.number(0)), "ZERO"),
      (E.compare(.greater, E.div(E.number(1), x), E.number(1)), "SMALL"), (nil, "OTHER"),
    ])
    let scorer = Scorer(b)
    #expect(try scorer.score(["x": .number(0)]).get().rating == "ZERO")
    #expect(try scorer.score(["x": .number(0.5)]).get().rating == "SMALL")
    #expect(try scorer.score(["x": .number(2)]).get().rating == "OTHER")
  }

  @Test func errorInUnusedLetFails() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.letValue("unused", E.div(E.number(1), x, at: E.at(2, 20)))
    b.factor("f", [(nil, 0, nil)])
    let scorer = Scorer(b)
    #expect(scorer.error(["x": .number(2)]) == nil)
    let error = scorer.error(["x": .number(0)])
    #expect(error?.message == "division by zero")
    #expect(error?.location == E.at(2, 20))
  }

  @Test func constantErrorFailsEveryRecordInsteadOfCompiling() {
    var b = RuleSetBuilder()
    b.letValue("bad", E.div(E.number(1), E.number(0), at: E.at(3, 12)))
    b.factor("f", [(nil, 0, nil)])
    let error = Scorer(b).error()
    #expect(error?.message == "division by zero")
    #expect(error?.location == E.at(3, 12))
  }

  @Test func firstErrorInEvaluationOrderWins() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.letValue("a", E.call(.sqrt, [x], at: E.at(1, 10)))
    b.letValue("b", E.div(E.number(1), E.add(x, E.number(1)), at: E.at(2, 10)))
    b.factor("f", [(nil, 0, nil)])
    let scorer = Scorer(b)
    #expect(scorer.error(["x": .number(-1)])?.location == E.at(1, 10))
    #expect(scorer.error(["x": .number(-1)])?.message == "`sqrt` of a negative number (-1)")
  }

  @Test func firstErrorWithinOneExpressionWins() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(nil, 0, nil)])
    b.output(
      "v",
      E.add(
        E.call(.ln, [x], at: E.at(7, 1)), E.call(.sqrt, [x], at: E.at(7, 20)), at: E.at(7, 10)))
    let error = Scorer(b).error(["x": .number(-1)])
    #expect(error?.location == E.at(7, 1))
    #expect(error?.message == "`ln` of a number that is not positive (-1)")
  }

  @Test func knockoutBeforeFactorErrorsInFileOrder() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.knockout("K", E.compare(.greater, E.div(E.number(1), x, at: E.at(1, 1)), E.number(0)))
    b.factor(
      "f",
      [(E.compare(.greater, E.call(.ln, [x], at: E.at(2, 1)), E.number(0)), 1, nil), (nil, 0, nil)])
    #expect(Scorer(b).error(["x": .number(0)])?.location == E.at(1, 1))
  }

  @Test func aFailedRecordDoesNotAffectTheNext() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(nil, 0, nil)])
    b.output("v", E.div(E.number(1), x))
    let scorer = Scorer(b)
    #expect(scorer.error(["x": .number(0)]) != nil)
    #expect(scorer.output("v", ["x": .number(4)]) == .number(0.25))
    #expect(scorer.error(["x": .number(0)])?.message == "division by zero")
  }

  @Test func isMissingOnAFailingNonOptionalStillEvaluates() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(nil, 0, nil)])
    b.output("v", E.isMissing(E.div(E.number(1), x)))
    let scorer = Scorer(b)
    #expect(scorer.output("v", ["x": .number(1)]) == .bool(false))
    #expect(scorer.error(["x": .number(0)])?.message == "division by zero")
  }
}
