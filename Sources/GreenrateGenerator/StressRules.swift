/// Large generated rule files that once made the checker and compiler quadratic: many
/// factors, a huge table, many errors, many rating bands. Used by `greenrate-bench
/// rules` and by the tests that check such files complete with the right result.
package enum StressRules {
  /// The shapes a generated rule file can take.
  package enum Shape: String, CaseIterable, Sendable {
    /// `count` factors, each reading the one input and the factor before it through a let.
    case factors
    /// One text -> number table of `count` entries, looked up once.
    case table
    /// `count` lets that each use a name never declared (one error each, with guesses).
    case errors
    /// A rating block of `count` bands.
    case bands
    /// A rating block of `count` bands and `count` outputs comparing `rating` with a
    /// label no band gives (one warning each).
    case labels
  }

  /// The UTF-8 bytes of a rule file of the given shape and size.
  package static func source(_ shape: Shape, count: Int) -> [UInt8] {
    var out = "ruleset \"stress-\(shape.rawValue)\" version \"1\"\n"
    out += "input id: text key\ninput x: number\ninput code: text\n"
    switch shape {
    case .factors:
      for i in 0..<count {
        out += "let limit_\(i) = x + \(i)\n"
        out +=
          "factor points_\(i) \"Points \(i)\" {\n  when limit_\(i) > \(i) => 1\n  else => 0\n}\n"
      }
      out += ratingBlock(bands: 1)
    case .table:
      out += "table weights: text -> number {\n"
      for i in 0..<count { out += "  \"key_\(i)\": \(i % 1000),\n" }
      out += "}\n"
      out += "factor weight \"Weight\" {\n  when (weights[code] ?? 0) > 10 => 1\n  else => 0\n}\n"
      out += ratingBlock(bands: 1)
    case .errors:
      out += "factor base \"Base\" {\n  when x > 0 => 1\n  else => 0\n}\n"
      for i in 0..<count {
        out += "let value_\(i) = missing_name_\(i) + x\n"
      }
      out += ratingBlock(bands: 1)
    case .bands:
      out += "factor base \"Base\" {\n  when x > 0 => 1\n  else => 0\n}\n"
      out += ratingBlock(bands: count)
    case .labels:
      out += "factor base \"Base\" {\n  when x > 0 => 1\n  else => 0\n}\n"
      out += ratingBlock(bands: count)
      for i in 0..<count {
        out += "output is_\(i) = rating == \"label_\(i)\"\n"
      }
    }
    return Array(out.utf8)
  }

  private static func ratingBlock(bands: Int) -> String {
    var out = "rating {\n"
    for i in 0..<max(0, bands - 1) {
      out += "  when score >= \(bands - i) => \"band_\(i)\"\n"
    }
    out += "  else => \"none\"\n}\n"
    // Every input used, so that a valid file checks without a warning.
    out += "eligibility {\n  deny \"NO_POINTS\" when score < 1\n"
    out += "  deny \"NO_CODE\" when code == \"\" or x < 0\n}\n"
    return out
  }
}
