import Testing

@testable import GreenrateLanguage

/// `rating == "x"`, `rating != "x"` and `rating in [...]` give the same answers with few
/// labels (a table per test) and with many (label ids, so that compiling stays linear),
/// repeated labels and labels no band gives included.
@Suite struct CompilerRatingTestTests {
  /// A rating block of `count` bands on `x` (band i matches x == count - i; a few labels
  /// repeat), and outputs testing the rating.
  static func source(bands count: Int) -> String {
    var out = "ruleset \"r\" version \"1\"\ninput id: text key\ninput x: number\n"
    out += "factor f {\n  when x > 0 => 1\n  else => 0\n}\nrating {\n"
    for i in 0..<count {
      let label = i % 7 == 3 ? "same" : "band_\(i)"
      out += "  when x >= \(count - i) => \"\(label)\"\n"
    }
    out += "  else => \"none\"\n}\neligibility {}\n"
    out += "output is_two = rating == \"band_2\"\n"
    out += "output not_two = rating != \"band_2\"\n"
    out += "output is_same = \"same\" == rating\n"
    out += "output is_unknown = rating == \"nowhere\"\n"
    out += "output among = rating in [\"band_1\", \"same\", \"none\", \"nowhere\"]\n"
    out += "output not_among = rating not in [\"band_1\", \"same\"]\n"
    return out
  }

  @Test(arguments: [12, CompilerRatingTestTests.manyBands])
  func ratingTests(_ count: Int) throws {
    let program = try Program.compile(
      source: Array(Self.source(bands: count).utf8), file: "r.rules")
    let scorer = Scorer(program)
    for x in [0, 1, count - 1, count - 2, count - 3, count] {
      let r = try scorer.score(["id": .text("M1"), "x": .number(Double(x))]).get()
      let label = r.rating
      let values = r.outputs.map(\.value)
      let expected: [Value] = [
        .bool(label == "band_2"), .bool(label != "band_2"), .bool(label == "same"),
        .bool(false), .bool(["band_1", "same", "none"].contains(label)),
        .bool(!["band_1", "same"].contains(label)),
      ]
      #expect(values == expected, "x = \(x), rating \(label)")
    }
  }

  /// More labels than get a table per test.
  static let manyBands = Compiler.ratingTableLimit + 50
}
