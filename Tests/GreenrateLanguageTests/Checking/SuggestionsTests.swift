import Testing

@testable import GreenrateLanguage

@Suite struct SuggestionsTests {
  /// Optimal string alignment distance, unbanded: the reference for the banded one.
  func reference(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }

  @Test func bandedDistanceAgreesWithTheFullTableWithinTheBound() {
    var rng = SystemRandomNumberGenerator()
    let letters: [Unicode.Scalar] = ["a", "b", "c", "é"]
    for _ in 0..<4000 {
      let a = (0..<Int.random(in: 0...9, using: &rng)).map { _ in
        letters.randomElement(using: &rng)!
      }
      let b = (0..<Int.random(in: 0...9, using: &rng)).map { _ in
        letters.randomElement(using: &rng)!
      }
      let bound = Int.random(in: 0...3, using: &rng)
      let full = reference(a, b)
      #expect(
        Suggestions.distance(a, b, atMost: bound) == (full <= bound ? full : nil), "\(a) \(b)")
    }
  }

  @Test func guessesTheClosestAndTiesGoToTheFirstAdded() {
    #expect(Suggestions.closest(to: "intensty", among: ["score", "intensity"]) == "intensity")
    #expect(Suggestions.closest(to: "maks", among: ["min", "max", "abs"]) == "max")
    #expect(Suggestions.closest(to: "ab", among: ["ax", "xb"]) == "ax")
    #expect(Suggestions.closest(to: "ab", among: ["xb", "ax"]) == "xb")
    #expect(Suggestions.closest(to: "ba", among: ["abc", "ab"]) == "ab")
    #expect(Suggestions.closest(to: "revenu", among: ["revenue", "region"]) == "revenue")
    #expect(Suggestions.closest(to: "x", among: ["x"]) == nil)
    #expect(Suggestions.closest(to: "weights", among: ["totally_different"]) == nil)
  }

  @Test func aSpentBudgetGivesNoMoreGuessesButNeverAWrongOne() {
    var guesser = Suggestions((0..<1000).map { "name_\($0)" }, budget: 50_000)
    var guessed = 0
    for i in 0..<1000 {
      if let guess = guesser.closest(to: "nme_\(i)") {
        #expect(guess == "name_\(i)")
        guessed += 1
      }
    }
    #expect(guessed > 0)
    #expect(guessed < 1000)
  }

  /// The case that took 36 s for 10,000: every error asked for a distance to every name,
  /// and the names were copied into a fresh list for each error. Now each lookup sees only
  /// names of about its length, within a band, under a budget: 40,000 errors among 40,000
  /// names check well within the limit, each reported.
  @Test(.timeLimit(.minutes(1)))
  func manyUnknownNamesAmongManyDeclaredOnes() throws {
    var source = "ruleset \"e\" version \"1\"\ninput id: text key\ninput x: number\n"
    source += "let value_0 = x\n"
    for i in 1..<20_000 { source += "let value_\(i) = valeu_\(i - 1) + x\n" }
    source += "factor f \"F\" {\n  else => 1\n}\nrating {\n  else => \"a\"\n}\n"
    source += "eligibility {\n  deny \"D\" when score < 0\n}\n"
    let (checked, diagnostics) = Frontend.check(source: Array(source.utf8))
    #expect(checked == nil)
    #expect(diagnostics.count == 19_999)
    #expect(diagnostics.first?.message == "unknown name `valeu_0` (did you mean `value_0`?)")
    #expect(diagnostics.last?.message.hasPrefix("unknown name `valeu_19998`") == true)
    let rendered = RuleFileError(
      file: "e.rules", source: Array(source.utf8), diagnostics: diagnostics
    )
    .rendered
    #expect(rendered.utf8.count > 19_999 * 40)
  }
}
