import Foundation
import Testing

@testable import GreenrateLanguage

/// `RuleFormatter`: on every fixture and on whitespace-scrambled copies of them, the
/// formatted file checks to the same tree (locations aside), formatting is idempotent,
/// and the layout does not depend on the original's spacing.
@Suite struct RuleFormatterTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// Every `.rules` file under `Fixtures/`, plus the shipped rule set.
  static var files: [String] {
    let fm = FileManager.default
    var paths = (fm.enumerator(atPath: fixtures.path)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix(".rules") }.sorted()
      .map { fixtures.appendingPathComponent($0).path }
    paths.append(
      fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules/sme-green.rules").path)
    return paths
  }

  /// The checked tree without source locations (they move when a file is formatted).
  static func tree(_ checked: CheckedRuleSet) -> String {
    var text = ""
    dump(checked, to: &text)
    var lines: [Substring] = []
    var skipping = -1
    for line in text.split(separator: "\n") {
      let indent = line.prefix { $0 == " " }.count
      if skipping >= 0 {
        if indent > skipping { continue }
        skipping = -1
      }
      if line.contains("location: ") || line.contains("SourceLocation") {
        skipping = indent
        continue
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// The diagnostics' messages, without locations (nor the line numbers they quote).
  static func messages(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { $0.message.replacing(/line \d+/, with: "line N") }.sorted()
  }

  /// Asserts that formatting `source` keeps its meaning and is idempotent; returns
  /// the formatted bytes (nil when the file does not parse).
  @discardableResult
  static func checkFormatting(_ source: [UInt8], _ name: String) -> [UInt8]? {
    let formatted: [UInt8]
    do {
      formatted = try RuleFormatter.format(source, file: name)
    } catch {
      // Only a file with lexical or syntax errors may be refused.
      #expect(Frontend.check(source: source).checked == nil, "\(name): \(error.rendered)")
      return nil
    }
    let before = Frontend.check(source: source)
    let after = Frontend.check(source: formatted)
    #expect(messages(before.diagnostics) == messages(after.diagnostics), "\(name)")
    if let a = before.checked, let b = after.checked {
      #expect(tree(a) == tree(b), "\(name)")
    } else {
      #expect((before.checked == nil) == (after.checked == nil), "\(name)")
    }
    let again = try? RuleFormatter.format(formatted, file: name)
    #expect(again == formatted, "\(name) is not idempotent")
    return formatted
  }

  @Test(arguments: files)
  func fixtureKeepsItsMeaning(_ path: String) throws {
    let source = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    Self.checkFormatting(source, path)
  }

  /// Extra spaces and tabs between tokens (never newlines) must not change the output;
  /// extra newlines must not change the meaning.
  @Test(arguments: files)
  func scrambledWhitespace(_ path: String) throws {
    let source = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    guard let formatted = Self.checkFormatting(source, path) else { return }
    let lexer = Lexer.tokenizeKeepingTrivia(source)
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(source.count + 1)
    func next() -> UInt64 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return seed >> 33
    }
    for newlines in [false, true] {
      var scrambled: [UInt8] = []
      var at = 0
      for span in lexer.spans.dropLast() {
        scrambled += source[at..<span.lowerBound]
        switch next() % 4 {
        case 0: scrambled += [0x20, 0x20]
        case 1: scrambled += [0x09]
        case 2 where newlines: scrambled += [0x0A, 0x20]
        default: break
        }
        scrambled += source[span]
        at = span.upperBound
      }
      scrambled += source[at...]
      let result = Self.checkFormatting(scrambled, path + " (scrambled)")
      if !newlines { #expect(result == formatted, "\(path): spacing changed the layout") }
    }
  }

  @Test func canonicalLayout() throws {
    let source = """
      ruleset  "x"   version "1"
      # inputs
      input id : text key
      input n:number?  # optional


      input tags: set
      table t: text -> number { "a": 1, "b" : -2 } default 0
      let x = ( n ?? 0 )*2+ t [ "a" ]-  - 1
      let y = max(x,1)
      let long = x
        + y   # second term
        + 3
      factor f "F" { when x >= 10 => 5 reason "R1"
      when "A" in tags => 3
      else => 0 reason "R0" }
      knockout "K" when x < 0
      rating {
        when knocked_out => "E"

        when score >= 5 => "A"
        else => "C"
        # end of rating
      }
      eligibility {}
      output o = if x > 1 then "big" else "small"
      """
    let expected = """
      ruleset "x" version "1"
      # inputs
      input id: text key
      input n: number?  # optional

      input tags: set
      table t: text -> number {
        "a": 1,
        "b": -2,
      } default 0
      let x = (n ?? 0) * 2 + t["a"] - -1
      let y = max(x, 1)
      let long = x
        + y  # second term
        + 3
      factor f "F" {
        when x >= 10     => 5 reason "R1"
        when "A" in tags => 3
        else             => 0 reason "R0"
      }
      knockout "K" when x < 0
      rating {
        when knocked_out => "E"

        when score >= 5  => "A"
        else             => "C"
        # end of rating
      }
      eligibility {}
      output o = if x > 1 then "big" else "small"

      """
    let formatted = try RuleFormatter.format(Array(source.utf8), file: "x.rules")
    #expect(String(decoding: formatted, as: UTF8.self) == expected)
    Self.checkFormatting(Array(source.utf8), "x.rules")
  }

  @Test func refusesAFileThatDoesNotParse() {
    #expect(throws: RuleFileError.self) {
      try RuleFormatter.format(Array("ruleset \"x\" version \"1\"\ninput : text".utf8), file: "y")
    }
  }
}
