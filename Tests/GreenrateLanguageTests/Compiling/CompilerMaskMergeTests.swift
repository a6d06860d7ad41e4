import Testing

@testable import GreenrateLanguage

/// `or` chains of membership tests of one set input, and `and` chains of negated ones,
/// merged into one test of the set's mask (`Compiler.mergedMasks`), against the
/// definitions; chains that cannot merge are scored as written.
@Suite struct CompilerMaskMergeTests {
  static let keys = ["A", "B", "C", "D"]
  static let sets: [[String]] = [[], ["A"], ["B"], ["C"], ["D"], ["A", "C"], ["B", "D"], ["E"]]

  static func has(_ key: String, _ set: CheckedExpr) -> CheckedExpr { E.inSet(E.text(key), set) }

  @Test func mergedChainsMatchTheirDefinitions() throws {
    var b = RuleSetBuilder()
    let s = b.input("s", .set)
    let t = b.input("t", .set)
    let flag = b.input("flag", .bool)
    // A set input with more than 64 keys tested has no mask: its own input, not `s`.
    let u = b.input("u", .set)
    b.factor("f", [(nil, 0, nil)])
    // As a let, an output and a condition, so that each use of the shape is covered.
    let anyABC = b.letValue("any", E.or(E.or(Self.has("A", s), Self.has("B", s)), Self.has("C", s)))
    b.output("any", anyABC)
    b.output("noneAB", E.and(E.not(Self.has("A", s)), E.not(Self.has("B", s))))
    b.output("rightDeep", E.or(Self.has("D", s), E.or(Self.has("A", s), Self.has("C", s))))
    b.output("bothAB", E.and(Self.has("A", s), Self.has("B", s)))
    b.output("notBoth", E.not(E.or(Self.has("A", s), Self.has("B", s))))
    b.output("twoSets", E.or(Self.has("A", s), Self.has("A", t)))
    b.output("withFlag", E.or(Self.has("C", s), flag))
    b.deny("ANY_AC", E.or(Self.has("A", s), Self.has("C", s)))
    var long = Self.has("Z0", u)
    for i in 1..<60 { long = E.or(long, Self.has(i == 30 ? "B" : "Z\(i)", u)) }
    b.output("long", long)
    let scorer = Scorer(b)
    for set in Self.sets {
      for other in [[], ["A"]] as [[String]] {
        for flagValue in [false, true] {
          let values: [String: Value] = [
            "s": .set(set), "t": .set(other), "u": .set(set), "flag": .bool(flagValue),
          ]
          let result = try #require(try? scorer.score(values).get())
          let a = set.contains("A")
          let bb = set.contains("B")
          let c = set.contains("C")
          let d = set.contains("D")
          let want: [Value] = [
            .bool(a || bb || c), .bool(!a && !bb), .bool(d || a || c), .bool(a && bb),
            .bool(!(a || bb)), .bool(a || other.contains("A")), .bool(c || flagValue), .bool(bb),
          ]
          #expect(result.outputs.map(\.value) == want, "s = \(set), t = \(other)")
          #expect(result.denials == ((a || c) ? ["ANY_AC"] : []), "s = \(set)")
        }
      }
    }
  }
}
