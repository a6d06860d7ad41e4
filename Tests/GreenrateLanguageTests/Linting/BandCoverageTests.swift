import Testing

@testable import GreenrateLanguage

/// `BandCoverage` (one pass, binary search over the loosest bounds so far) must name
/// exactly the band the pairwise rule `Linter.covers` names first, for every band.
@Suite struct BandCoverageTests {
  /// Conditions over a few operands, operators and bounds, so that covers happen often
  /// and in every combination (strict and not, equal, repeated text, `true`).
  static func randomCondition(_ rng: inout SplitMix) -> String {
    let operands = ["x", "y", "(x)", "x + 1"]
    let operators = ["<", "<=", ">", ">=", "==", "!="]
    switch rng.next() % 12 {
    case 0: return "true"
    case 1: return "false"
    case 2: return "flag"
    default:
      let operand = operands[Int(rng.next() % UInt64(operands.count))]
      let op = operators[Int(rng.next() % UInt64(operators.count))]
      let bound = Double(Int(rng.next() % 9)) / 2 - 1
      return "\(operand) \(op) \(bound == bound.rounded() ? String(Int(bound)) : String(bound))"
    }
  }

  /// The conditions of `source`'s one rating block.
  static func conditions(_ source: String) throws -> [SyntaxExpr] {
    let (tokens, lexical) = Lexer.tokenize(Array(source.utf8))
    let (syntax, syntactic) = Parser.parse(tokens)
    #expect(lexical.isEmpty && syntactic.isEmpty)
    for item in syntax.items {
      if case .rating(let rating) = item { return rating.bands.compactMap(\.condition) }
    }
    throw CancellationError()
  }

  @Test(arguments: 0..<40)
  func firstCoverIsThePairwiseOne(_ seed: Int) throws {
    var rng = SplitMix(seed: UInt64(seed))
    let count = 5 + Int(rng.next() % 60)
    var source = "rating {\n"
    for i in 0..<count { source += "  when \(Self.randomCondition(&rng)) => \"b\(i)\"\n" }
    source += "  else => \"none\"\n}\n"
    let conditions = try Self.conditions(source)
    #expect(conditions.count == count)
    var coverage = BandCoverage()
    var found = 0
    for (i, later) in conditions.enumerated() {
      let expected = conditions[..<i].firstIndex { Linter.covers($0, later) }
      #expect(coverage.firstCovering(later) == expected, "band \(i) of\n\(source)")
      if expected != nil { found += 1 }
      coverage.add(later)
    }
    #expect(found > 0 || count < 8)
  }

  @Test func conditionsTooLongToCompareAreNotTakenForTheSame() throws {
    let long = (0..<40_000).map { _ in "x" }.joined(separator: " + ")
    let other = (0..<40_000).map { _ in "y" }.joined(separator: " + ")
    let conditions = try Self.conditions(
      "rating {\n  when \(long) > 0 => \"a\"\n  when \(other) > 0 => \"b\"\n  else => \"c\"\n}\n")
    #expect(!Linter.covers(conditions[0], conditions[1]))
    var coverage = BandCoverage()
    coverage.add(conditions[0])
    #expect(coverage.firstCovering(conditions[1]) == nil)
  }

  /// A small seeded generator (the tests must not depend on the run).
  struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }
}
