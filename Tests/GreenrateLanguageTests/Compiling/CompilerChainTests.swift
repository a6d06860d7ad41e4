import Testing

@testable import GreenrateLanguage

/// Long flat chains (`a + b + …`, `a and b and …`, `a ?? b ?? …`) are compiled into loops;
/// they must give what the nested definition gives, in the same order.
@Suite struct CompilerChainTests {
  static let length = 2000

  @Test func arithmeticChainFoldsLeftToRight() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    let y = b.input("y", .number)
    // x - y + x * y / ... alternating, left-deep, as the parser builds it.
    var chain = x
    let ops: [ArithmeticOperator] = [.add, .subtract, .multiply, .divide]
    for i in 0..<Self.length {
      chain = E.arithmetic(ops[i % 4], chain, i % 3 == 0 ? y : E.number(Double(i % 7 + 1)))
    }
    b.factor("f", [(nil, 0, nil)])
    b.output("v", chain)
    let scorer = Scorer(b)
    func expected(_ x: Double, _ y: Double) -> Double {
      var v = x
      for i in 0..<Self.length {
        let operand = i % 3 == 0 ? y : Double(i % 7 + 1)
        switch ops[i % 4] {
        case .add: v = v + operand
        case .subtract: v = v - operand
        case .multiply: v = v * operand
        case .divide: v = v / operand
        }
      }
      return v
    }
    for (xv, yv) in [(1.0, 2.0), (0.5, -3.0), (1e6, 1.5)] {
      #expect(
        scorer.output("v", ["x": .number(xv), "y": .number(yv)]) == .number(expected(xv, yv)))
    }
  }

  @Test func arithmeticChainFailsAtTheFirstFailingOperator() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    var chain = E.number(1)
    for i in 0..<Self.length {
      chain = E.arithmetic(
        i == 700 ? .divide : .add, chain, i == 700 ? x : E.number(1), at: E.at(2, i + 1))
    }
    b.factor("f", [(nil, 0, nil)])
    b.output("v", chain)
    let scorer = Scorer(b)
    let error = scorer.error(["x": .number(0)])
    #expect(error?.message == "division by zero")
    #expect(error?.location == E.at(2, 701))
    #expect(scorer.output("v", ["x": .number(1)]) == .number(1 + 700 + 1299))
  }

  @Test func logicalChainsShortCircuit() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    let positive = E.compare(.greater, x, E.number(0))
    // x > 0 and ... and (1 / x > 0): the division only when every test before held.
    var all = positive
    var any = E.compare(.less, x, E.number(-1000))
    for _ in 0..<Self.length {
      all = E.and(all, positive)
      any = E.or(any, E.compare(.less, x, E.number(-1000)))
    }
    all = E.and(all, E.compare(.greater, E.div(E.number(1), x), E.number(0)))
    any = E.or(any, E.compare(.equal, x, E.number(0)))
    b.factor("f", [(nil, 0, nil)])
    b.output("all", all)
    b.output("any", any)
    let scorer = Scorer(b)
    #expect(
      try scorer.score(["x": .number(0)]).get().outputs.map(\.value) == [.bool(false), .bool(true)])
    #expect(
      try scorer.score(["x": .number(2)]).get().outputs.map(\.value) == [.bool(true), .bool(false)])
    #expect(
      try scorer.score(["x": .number(-5000)]).get().outputs.map(\.value) == [
        .bool(false), .bool(true),
      ])
  }

  @Test func coalesceChainTakesTheFirstPresent() throws {
    var b = RuleSetBuilder()
    var inputs: [CheckedExpr] = []
    for i in 0..<100 { inputs.append(b.input("o\(i)", .number.optional)) }
    let t1 = b.input("t1", .text.optional)
    let t2 = b.input("t2", .text.optional)
    // o0 ?? (o1 ?? (... ?? -1)), right-deep as the parser builds it.
    var chain = E.number(-1)
    for input in inputs.reversed() { chain = E.coalesce(input, chain) }
    var texts = CheckedExpr(type: .text.optional, location: E.here, node: .coalesce(t2, t1))
    for _ in 0..<50 {
      texts = CheckedExpr(type: .text.optional, location: E.here, node: .coalesce(t1, texts))
    }
    b.factor("f", [(nil, 0, nil)])
    b.output("v", chain)
    b.output("t", texts)
    let scorer = Scorer(b)
    #expect(try scorer.score([:]).get().outputs.map(\.value) == [.number(-1), .missing])
    #expect(
      try scorer.score(["o57": .number(5), "o80": .number(7), "t2": .text("b")]).get().outputs.map(
        \.value)
        == [.number(5), .text("b")])
    #expect(
      try scorer.score(["o99": .number(9), "t1": .text("a"), "t2": .text("b")]).get().outputs.map(
        \.value)
        == [.number(9), .text("a")])
  }
}
