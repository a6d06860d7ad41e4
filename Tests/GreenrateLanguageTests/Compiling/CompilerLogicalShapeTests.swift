import Testing

@testable import GreenrateLanguage

/// `and` / `or` whose left operand is a register-shaped test (`Compiler.leftTested`),
/// with code on the right, against the definitions, missing values included.
@Suite struct CompilerLogicalShapeTests {
  @Test func leftTestedShapesMatchTheirDefinitions() throws {
    var b = RuleSetBuilder()
    let flag = b.input("flag", .bool)
    let opt = b.input("opt", .number.optional)
    let optBool = b.input("optBool", .bool.optional)
    let s = b.input("s", .set)
    let x = b.input("x", .number)
    let t = b.input("t", .text)
    b.factor("f", [(nil, 0, nil)])
    // The right operand is code (a membership test of a text input).
    let right = E.inSet(t, E.list(["a", "b"]))
    let lefts: [CheckedExpr] = [
      flag, E.not(flag), E.isMissing(opt), E.isMissing(opt, negated: true),
      E.coalesce(optBool, E.bool(true)), E.inSet(E.text("A"), s),
      E.not(E.inSet(E.text("A"), s)), E.compare(.greater, x, E.number(1)),
      E.compare(.lessEqual, E.coalesce(opt, E.number(5)), E.number(3)),
    ]
    for left in lefts {
      b.output("and", E.and(left, right))
      b.output("or", E.or(left, right))
    }
    let scorer = Scorer(b)
    for flagValue in [false, true] {
      for optValue in [nil, 0, 2, 7] as [Double?] {
        for optBoolValue in [nil, false, true] as [Bool?] {
          for hasA in [false, true] {
            for xValue in [0.0, 2] {
              for tValue in ["a", "z"] {
                var values: [String: Value] = [
                  "flag": .bool(flagValue), "s": .set(hasA ? ["A"] : []),
                  "x": .number(xValue), "t": .text(tValue),
                ]
                if let optValue { values["opt"] = .number(optValue) }
                if let optBoolValue { values["optBool"] = .bool(optBoolValue) }
                let r = tValue == "a"
                let ls = [
                  flagValue, !flagValue, optValue == nil, optValue != nil, optBoolValue ?? true,
                  hasA, !hasA, xValue > 1, (optValue ?? 5) <= 3,
                ]
                let want = ls.flatMap { l in [Value.bool(l && r), .bool(l || r)] }
                let result = try #require(try? scorer.score(values).get())
                #expect(result.outputs.map(\.value) == want, "\(values)")
              }
            }
          }
        }
      }
    }
  }
}
