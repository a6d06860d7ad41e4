import Testing

@testable import GreenrateLanguage

/// Missing values, tables, sets and text comparison.
@Suite struct EvaluatorValueTests {
  @Test func isMissingAndCoalesceByType() throws {
    var b = RuleSetBuilder()
    let n = b.input("n", .number.optional)
    let t = b.input("t", .text.optional)
    let flag = b.input("flag", .bool.optional)
    let d = b.input("d", .date.optional)
    let plain = b.input("plain", .number)
    b.factor("f", [(nil, 0, nil)])
    b.output("n_missing", E.isMissing(n))
    b.output("t_missing", E.isMissing(t))
    b.output("flag_present", E.isMissing(flag, negated: true))
    b.output("d_missing", E.isMissing(d))
    b.output("plain_missing", E.isMissing(plain))
    b.output("n_or", E.coalesce(n, E.number(-1)))
    b.output("t_or", E.coalesce(t, E.text("none")))
    b.output("flag_or", E.coalesce(flag, E.bool(true)))
    b.output("d_or", E.coalesce(d, E.date("1999-12-31")))
    b.output("n_raw", n)
    let scorer = Scorer(b)
    let missing = try scorer.score(["plain": .number(1)]).get().outputs.map(\.value)
    #expect(
      missing == [
        .bool(true), .bool(true), .bool(false), .bool(true), .bool(false), .number(-1),
        .text("none"), .bool(true), .date("1999-12-31"), .missing,
      ])
    let present = try scorer.score([
      "n": .number(0), "t": .text(""), "flag": .bool(false), "d": .date("2000-01-01"),
      "plain": .number(1),
    ]).get().outputs.map(\.value)
    #expect(
      present == [
        .bool(false), .bool(false), .bool(true), .bool(false), .bool(false), .number(0),
        .text(""), .bool(false), .date("2000-01-01"), .number(0),
      ])
  }

  @Test func coalesceChainsAreRightAssociative() {
    var b = RuleSetBuilder()
    let a = b.input("a", .number.optional)
    let c = b.input("c", .number.optional)
    b.factor("f", [(nil, 0, nil)])
    let inner = CheckedExpr(type: .number.optional, location: E.here, node: .coalesce(c, a))
    b.output("v", E.coalesce(a, E.coalesce(inner, E.number(0))))
    let scorer = Scorer(b)
    #expect(scorer.output("v", ["a": .number(1), "c": .number(2)]) == .number(1))
    #expect(scorer.output("v", ["c": .number(2)]) == .number(2))
    #expect(scorer.output("v", [:]) == .number(0))
  }

  @Test func optionalIfBranchesAndLets() {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    let t = b.input("t", .text.optional)
    b.factor("f", [(nil, 0, nil)])
    let maybe = b.letValue(
      "maybe",
      E.when(
        E.compare(.greater, x, E.number(0)), x,
        CheckedExpr(type: .number.optional, location: E.here, node: .lookup(table: 0, key: t))))
    _ = maybe
    b.output("v", E.coalesce(maybe, E.number(-5)))
    b.rules.tables.append(.init(name: "tbl", valueType: .number, entries: [], defaultValue: nil))
    let scorer = Scorer(b)
    #expect(scorer.output("v", ["x": .number(3)]) == .number(3))
    #expect(scorer.output("v", ["x": .number(-3), "t": .text("k")]) == .number(-5))
  }

  @Test func tableLookups() throws {
    var b = RuleSetBuilder()
    let province = b.input("province", .text)
    let grid = b.table(
      "grid", .number, [("Beijing", .number(0.558)), ("Yunnan", .number(0.1073))],
      default: .number(0.5703))
    let label = b.table("label", .text, [("A", .text(Text("alpha"))), ("B", .text(Text("beta")))])
    let green = b.table("green", .bool, [("Yunnan", .bool(true)), ("Beijing", .bool(false))])
    b.factor("f", [(nil, 0, nil)])
    b.output("grid", E.lookup(grid, province, .number))
    b.output("label", E.lookup(label, province, .text.optional))
    b.output("green", E.lookup(green, province, .bool.optional))
    b.output("in_grid", E.inTable(grid, province))
    b.output("const", E.lookup(grid, E.text("Yunnan"), .number))
    let scorer = Scorer(b)
    #expect(
      try scorer.score(["province": .text("Yunnan")]).get().outputs.map(\.value) == [
        .number(0.1073), .missing, .bool(true), .bool(true), .number(0.1073),
      ])
    #expect(
      try scorer.score(["province": .text("A")]).get().outputs.map(\.value) == [
        .number(0.5703), .text("alpha"), .missing, .bool(false), .number(0.1073),
      ])
    #expect(
      try scorer.score(["province": .text("Beijing")]).get().outputs.map(\.value) == [
        .number(0.558), .missing, .bool(false), .bool(true), .number(0.1073),
      ])
  }

  @Test func tableKeysCompareByScalars() {
    var b = RuleSetBuilder()
    let key = b.input("k", .text)
    let t = b.table("t", .number, [("café", .number(1))], default: .number(0))
    b.factor("f", [(nil, 0, nil)])
    b.output("v", E.lookup(t, key, .number))
    let scorer = Scorer(b)
    #expect(scorer.output("v", ["k": .text("café")]) == .number(1))
    #expect(scorer.output("v", ["k": .text("cafe\u{301}")]) == .number(0))
  }

  @Test func setsMembershipCountAndEquality() throws {
    var b = RuleSetBuilder()
    let certs = b.input("certs", .set)
    let code = b.input("code", .text)
    b.factor("f", [(nil, 0, nil)])
    b.output("has_iso", E.inSet(E.text("ISO14001"), certs))
    b.output(
      "code_in_list",
      E.inSet(code, E.list(["B06", "C25", "C26", "C30", "C31", "C32", "D44", "X1", "X2", "X3"])))
    b.output(
      "code_not_in",
      E.not(E.inSet(E.call(.substr, [code, E.number(0), E.number(1)], .text), E.list(["B", "C"]))))
    b.output("code_in_certs", E.inSet(code, certs))
    b.output("equal", E.compare(.equal, certs, E.list(["CEL", "ISO14001", "CEL"])))
    b.output("differ", E.compare(.notEqual, certs, E.list([code])))
    b.output("dynamic", E.inSet(E.text("x"), E.list([code, E.text("y")])))
    b.output("count", E.call(.count, [certs]))
    let scorer = Scorer(b)
    let r = try scorer.score(["certs": .set(["ISO14001", "CEL"]), "code": .text("C25")]).get()
    #expect(
      r.outputs.map(\.value) == [
        .bool(true), .bool(true), .bool(false), .bool(false), .bool(true), .bool(true),
        .bool(false), .number(2),
      ])
    let s = try scorer.score(["certs": .set(["x"]), "code": .text("x")]).get()
    #expect(
      s.outputs.map(\.value) == [
        .bool(false), .bool(false), .bool(true), .bool(true), .bool(false), .bool(false),
        .bool(true), .number(1),
      ])
  }

  @Test func textEqualityIsByScalars() throws {
    var b = RuleSetBuilder()
    let t = b.input("t", .text)
    let u = b.input("u", .text)
    b.factor("f", [(nil, 0, nil)])
    b.output("eq_const", E.compare(.equal, t, E.text("café")))
    b.output("eq_input", E.compare(.equal, t, u))
    b.output("ne_input", E.compare(.notEqual, t, u))
    b.output("in_list", E.inSet(t, E.list(["café"])))
    let scorer = Scorer(b)
    let decomposed = try scorer.score(["t": .text("cafe\u{301}"), "u": .text("café")]).get()
    #expect(
      decomposed.outputs.map(\.value) == [.bool(false), .bool(false), .bool(true), .bool(false)])
    let same = try scorer.score(["t": .text("café"), "u": .text("café")]).get()
    #expect(same.outputs.map(\.value) == [.bool(true), .bool(true), .bool(false), .bool(true)])
  }

  @Test func comparisonsOnNumbersDatesAndBools() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    let y = b.input("y", .number)
    let d = b.input("d", .date)
    let p = b.input("p", .bool)
    b.factor("f", [(nil, 0, nil)])
    for op in [ComparisonOperator.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual] {
      b.output("xy\(op)", E.compare(op, x, y))
    }
    b.output("date_before", E.compare(.less, d, E.date("2020-01-01")))
    b.output("date_eq_asof", E.compare(.equal, d, E.builtin(.asOf, .date)))
    b.output("bool_eq", E.compare(.equal, p, E.bool(true)))
    b.output("zero_eq", E.compare(.equal, x, E.negate(E.number(0))))
    let r = try Scorer(b).score([
      "x": .number(0), "y": .number(1), "d": .date("2024-06-30"), "p": .bool(true),
    ]).get()
    #expect(
      r.outputs.map(\.value) == [
        .bool(true), .bool(true), .bool(false), .bool(false), .bool(false), .bool(true),
        .bool(false), .bool(true), .bool(true), .bool(true),
      ])
  }

  @Test func ratingAsTextInComparisonsAndOutputs() throws {
    var b = RuleSetBuilder()
    let x = b.input("x", .number)
    b.factor("f", [(E.compare(.greater, x, E.number(0)), 10, nil), (nil, 0, nil)])
    let score = E.builtin(.score, .number)
    b.rating([(E.compare(.greaterEqual, score, E.number(10)), "A"), (nil, "B")])
    let rating = E.builtin(.rating, .text)
    b.deny("NOT_A", E.compare(.notEqual, rating, E.text("A")))
    b.output("is_a", E.compare(.equal, E.text("A"), rating))
    b.output("lower", E.call(.lower, [rating], .text))
    let scorer = Scorer(b)
    let a = try scorer.score(["x": .number(1)]).get()
    #expect(a.denials.isEmpty)
    #expect(a.outputs.map(\.value) == [.bool(true), .text("a")])
    let other = try scorer.score(["x": .number(0)]).get()
    #expect(other.denials == ["NOT_A"])
    #expect(other.outputs.map(\.value) == [.bool(false), .text("b")])
  }
}
