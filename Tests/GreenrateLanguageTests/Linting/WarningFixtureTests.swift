import Foundation
import Testing

@testable import GreenrateLanguage

/// Golden rule files under `Fixtures/warnings/`: each checks clean and states the
/// warnings it must produce in comments `# warning: LINE:COLUMN: MESSAGE`. The test
/// compares the exact set. Every other fixture that checks clean gets no warning it
/// does not state either.
@Suite struct WarningFixtureTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  static var names: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path + "/warnings"))
    return (names ?? []).filter { $0.hasSuffix(".rules") }.sorted()
  }

  static func expectations(in source: [UInt8]) -> [String] {
    String(decoding: source, as: UTF8.self).split(separator: "\n").compactMap { line in
      guard let marker = line.range(of: "# warning: ") else { return nil }
      return String(line[marker.upperBound...])
    }.sorted()
  }

  @Test func fixturesExist() {
    #expect(Self.names.count >= 3)
  }

  @Test(arguments: names)
  func fixture(_ name: String) throws {
    let source = try [UInt8](
      Data(contentsOf: Self.fixtures.appendingPathComponent("warnings/\(name)")))
    #expect(Frontend.check(source: source).diagnostics.isEmpty, "\(name) must check clean")
    let warnings = RuleWarnings.find(source: source)
    #expect(warnings.allSatisfy { $0.severity == .warning })
    let actual = warnings.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    #expect(actual.sorted() == Self.expectations(in: source), "\(name)")
  }

  @Test("a file with errors gets no warnings: errors come first")
  func noWarningsWithErrors() {
    let source = Array("ruleset \"x\" version \"1\"\ninput id: text key\nlet a = b\n".utf8)
    #expect(RuleWarnings.find(source: source).isEmpty)
  }
}
