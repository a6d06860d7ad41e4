import Foundation
import Testing

@testable import GreenrateLanguage

/// Golden rule files under `Fixtures/frontend/`. Each states the errors it must produce
/// in comments of the form `# expect: LINE:COLUMN: MESSAGE`; a file without any such
/// comment must check clean. The test compares the exact set of diagnostics.
@Suite struct GoldenFixtureTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/frontend")

  static var fixtureNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".rules") }.sorted()
  }

  /// The diagnostics a fixture states it expects, as `LINE:COLUMN: MESSAGE` strings.
  static func expectations(in source: [UInt8]) -> [String] {
    let text = String(decoding: source, as: UTF8.self)
    var expected: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let marker = line.range(of: "# expect: ") else { continue }
      var rest = String(line[marker.upperBound...])
      if rest.hasSuffix("\r") { rest.removeLast() }
      expected.append(rest)
    }
    return expected.sorted()
  }

  @Test func fixturesExist() {
    #expect(Self.fixtureNames.count >= 20)
    #expect(Self.fixtureNames.contains("spec-example.rules"))
  }

  @Test(arguments: fixtureNames)
  func fixture(_ name: String) throws {
    let url = Self.directory.appendingPathComponent(name)
    let source = try [UInt8](Data(contentsOf: url))
    let expected = Self.expectations(in: source)
    let (checked, diagnostics) = Frontend.check(source: source)
    let actual = diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    #expect(actual.sorted() == expected, "\(name)")
    if expected.isEmpty {
      #expect(checked != nil, "\(name) should check clean")
    } else {
      #expect(checked == nil)
    }
  }
}
