import Foundation
import Testing

@testable import GreenrateLanguage

/// The TextMate grammar under `editors/vscode/` knows every keyword and function the
/// language has (its patterns are run through ICU regular expressions, close enough to
/// Oniguruma for these).
@Suite struct EditorGrammarTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func grammar() throws -> [String: Any] {
    let url = Self.root.appendingPathComponent(
      "editors/vscode/syntaxes/greenrate.tmLanguage.json")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    return try #require(object as? [String: Any])
  }

  /// The `match` patterns of a repository entry (itself or its `patterns`).
  func patterns(_ name: String) throws -> [NSRegularExpression] {
    let repository = try #require(try grammar()["repository"] as? [String: Any])
    let entry = try #require(repository[name] as? [String: Any])
    let list = (entry["patterns"] as? [[String: Any]]) ?? [entry]
    return try list.compactMap { $0["match"] as? String }.map {
      try NSRegularExpression(pattern: $0, options: [.anchorsMatchLines])
    }
  }

  func matches(_ regexes: [NSRegularExpression], _ text: String, whole: String) -> Bool {
    regexes.contains { regex in
      regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).contains {
        (text as NSString).substring(with: $0.range).hasPrefix(whole)
      }
    }
  }

  @Test func everyKeywordIsHighlighted() throws {
    let keywords = try patterns("keyword")
    for keyword in Keyword.allCases {
      #expect(matches(keywords, "x \(keyword.rawValue) y", whole: keyword.rawValue), "\(keyword)")
    }
  }

  @Test func everyFunctionIsHighlighted() throws {
    let functions = try patterns("function")
    for name in Checker.functionNames {
      #expect(matches(functions, "let a = \(name)(x)", whole: name), "\(name)")
      #expect(!matches(functions, "let \(name)x = 1", whole: name))
    }
  }

  @Test func commentsStringsNumbersAndCodes() throws {
    #expect(matches(try patterns("comment"), "let a = 1  # note", whole: "# note"))
    #expect(matches(try patterns("number"), "x <= 0.05", whole: "0.05"))
    #expect(matches(try patterns("number"), "1e-3", whole: "1e-3"))
    #expect(!matches(try patterns("number"), "log10", whole: "10"))
    #expect(matches(try patterns("code"), "knockout \"ENV_PENALTY\" when", whole: "knockout"))
  }
}
