import Testing

@testable import GreenrateLanguage

@Suite struct EvaluatorResultTests {
  /// Four factors whose earned points depend on input `x` (a number).
  func fourFactors() -> RuleSetBuilder {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    // best 40; x == 1 earns 25 (shortfall 15).
    b.factor(
      "a",
      [
        (E.compare(.equal, x, E.number(0)), 40, nil),
        (E.compare(.equal, x, E.number(1)), 25, "A_MEDIUM"),
        (nil, 0, "A_LOW"),
      ])
    // best 20; earns 5 always (shortfall 15, ties with `a` when x == 1).
    b.factor("b", [(E.bool(false), 20, nil), (nil, 5, "B_LOW")])
    // best 10; earns 0 (shortfall 10).
    b.factor("c", [(E.compare(.greater, x, E.number(100)), 10, nil), (nil, 0, "C_NONE")])
    // best 0 (negative points); earns 0 with a reason (shortfall 0) or -10 (shortfall 10).
    b.factor(
      "d", [(E.compare(.less, x, E.number(2)), 0, "D_OK"), (nil, -10, "D_PENALTY")])
    return b
  }

  @Test func reasonsByShortfallTiesInFactorOrder() throws {
    let scorer = Scorer(fourFactors())
    let one = try scorer.score(["x": .number(1)]).get()
    #expect(one.reasons == ["A_MEDIUM", "B_LOW", "C_NONE", "D_OK"])
    #expect(one.score == 30)
    let zero = try scorer.score(["x": .number(0)]).get()
    // a earns its best without a reason: no reason from it.
    #expect(zero.reasons == ["B_LOW", "C_NONE", "D_OK"])
    let five = try scorer.score(["x": .number(5)]).get()
    // a: 40, b: 15, c: 10, d: 10 (tie c before d).
    #expect(five.reasons == ["A_LOW", "B_LOW", "C_NONE", "D_PENALTY"])
    #expect(five.score == -5)
  }

  @Test func reasonOrderIsReusedAndIndexesFactors() {
    let scorer = Scorer(fourFactors())
    let buffer = scorer.buffer(["x": .number(5)])
    #expect(scorer.evaluator.evaluate(buffer, row: 0) == nil)
    #expect(Array(scorer.evaluator.reasonOrder) == [0, 1, 2, 3])
    #expect(scorer.evaluator.evaluate(scorer.buffer(["x": .number(0)]), row: 0) == nil)
    #expect(Array(scorer.evaluator.reasonOrder) == [1, 2, 3])
    #expect(scorer.evaluator.band(ofFactor: 0) == 0)
    #expect(scorer.evaluator.points(ofFactor: 3) == 0)
    #expect(scorer.evaluator.band(ofFactor: 3) == 0)
  }

  @Test func factorsScoreAndBands() throws {
    let r = try Scorer(fourFactors()).score(["x": .number(1)]).get()
    #expect(r.factors.map(\.name) == ["a", "b", "c", "d"])
    #expect(r.factors.map(\.points) == [25, 5, 0, 0])
    #expect(r.factors.map(\.band) == [1, 1, 1, 0])
    #expect(r.factors.map(\.reason) == ["A_MEDIUM", "B_LOW", "C_NONE", "D_OK"])
  }

  @Test func factorPointsAreUsableLater() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    let f = b.factor("f", [(E.compare(.greater, x, E.number(0)), 7, nil), (nil, 2, nil)])
    b.factor("g", [(E.compare(.equal, f, E.number(7)), 1, nil), (nil, 0, nil)])
    b.output("twice", E.mul(f, E.number(2)))
    let r = try Scorer(b).score(["x": .number(3)]).get()
    #expect(r.score == 8)
    #expect(r.outputs[0].value == .number(14))
  }

  /// The spec's pattern: knockouts, rating, eligibility reading score, knocked_out, rating.
  func ratingRules() -> RuleSetBuilder {
    var b = RuleSetBuilder()
    let penalties = b.input("penalties", .number)
    let points = b.input("points", .number)
    let established = b.input("established", .date)
    b.factor("p", [(E.compare(.greaterEqual, points, E.number(50)), 50, nil), (nil, 10, "LOW")])
    b.knockout("PENALTY", E.compare(.greater, penalties, E.number(0)))
    b.knockout("MANY_PENALTIES", E.compare(.greater, penalties, E.number(2)))
    let score = E.builtin(.score, .number)
    let knockedOut = E.builtin(.knockedOut, .bool)
    let rating = E.builtin(.rating, .text)
    b.rating([
      (knockedOut, "E"), (E.compare(.greaterEqual, score, E.number(50)), "A"),
      (E.compare(.greaterEqual, score, E.number(30)), "B"), (nil, "C"),
    ])
    b.deny("KNOCKED_OUT", knockedOut)
    b.deny("RATING_TOO_LOW", E.not(E.inSet(rating, E.list(["A", "B"]))))
    b.deny(
      "TOO_YOUNG",
      E.compare(.less, E.call(.yearsSince, [established]), E.number(1)))
    b.output("rating_out", rating)
    b.output("eligible_out", E.builtin(.eligible, .bool))
    b.output("score_out", score)
    b.output("ko_out", knockedOut)
    return b
  }

  @Test func knockoutsRatingAndDenials() throws {
    let scorer = Scorer(ratingRules())
    let good = try scorer.score([
      "penalties": .number(0), "points": .number(60), "established": .date("2020-01-01"),
    ]).get()
    #expect(good.rating == "A")
    #expect(good.eligible)
    #expect(good.knockouts.isEmpty)
    #expect(good.denials.isEmpty)
    #expect(good.outputs.map(\.value) == [.text("A"), .bool(true), .number(50), .bool(false)])

    let bad = try scorer.score([
      "penalties": .number(3), "points": .number(60), "established": .date("2024-01-01"),
    ]).get()
    #expect(bad.rating == "E")
    #expect(!bad.eligible)
    #expect(bad.knockouts == ["PENALTY", "MANY_PENALTIES"])
    #expect(bad.denials == ["KNOCKED_OUT", "RATING_TOO_LOW", "TOO_YOUNG"])
    #expect(bad.outputs.map(\.value) == [.text("E"), .bool(false), .number(50), .bool(true)])

    let low = try scorer.score([
      "penalties": .number(0), "points": .number(1), "established": .date("2000-01-01"),
    ]).get()
    #expect(low.rating == "C")
    #expect(low.denials == ["RATING_TOO_LOW"])
    #expect(low.reasons == ["LOW"])
  }

  @Test func emptyEligibilityIsAlwaysEligible() throws {
    var b = RuleSetBuilder()
    b.factor("f", [(nil, 1, nil)])
    let r = try Scorer(b).score().get()
    #expect(r.eligible)
    #expect(r.rating == "C")
    #expect(r.score == 1)
  }

  @Test func outputsOfEveryType() throws {
    var b = RuleSetBuilder()
    let n = b.input("n", .number)
    let t = b.input("t", .text)
    let d = b.input("d", .date)
    let s = b.input("s", .set)
    let flag = b.input("flag", .bool)
    b.factor("f", [(nil, 0, nil)])
    let first = b.output("n2", E.add(n, E.number(0.5)))
    b.output("n3", E.mul(first, E.number(2)))
    b.output("t", E.call(.upper, [t], .text))
    b.output("d", d)
    b.output("s", s)
    b.output("flag", E.not(flag))
    b.output("list", E.list([t, E.text("x"), t]))
    let r = try Scorer(b).score([
      "n": .number(1), "t": .text("ab"), "d": .date("2001-02-03"), "s": .set(["Q", "P"]),
      "flag": .bool(false),
    ]).get()
    #expect(r.outputs.map(\.name) == ["n2", "n3", "t", "d", "s", "flag", "list"])
    #expect(
      r.outputs.map(\.value) == [
        .number(1.5), .number(3), .text("AB"), .date("2001-02-03"), .set(["P", "Q"]),
        .bool(true), .set(["ab", "x"]),
      ])
  }

  @Test func manyRecordsInOneBuffer() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    let name = b.input("name", .text)
    b.factor("f", [(E.compare(.greater, x, E.number(10)), 10, nil), (nil, 0, "SMALL")])
    b.output("echo", name)
    let program = b.program()
    let evaluator = Evaluator(program: program, asOf: 0)
    var buffer = RecordBuffer(layout: program.layout)
    for i in 0..<100 {
      let row = buffer.appendRow(line: i + 1)
      buffer.setText(Text("m\(i)"), row: row, slot: program.layout.keySlot)
      buffer.setScalar(Double(i), row: row, slot: 0)
      buffer.setText(Text("n\(i)"), row: row, slot: 1)
    }
    var total = 0.0
    for row in 0..<100 {
      #expect(evaluator.evaluate(buffer, row: row) == nil)
      total += evaluator.score
      #expect(evaluator.output(0) == .text("n\(row)"))
    }
    #expect(total == 890)
  }
}
