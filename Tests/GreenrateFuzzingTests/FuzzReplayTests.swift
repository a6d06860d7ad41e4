import Foundation
import GreenrateFuzzing
import Testing

/// Every committed corpus input and every finding of the fuzzers (crashers and slow
/// inputs, kept as fixtures) goes through its target again: none may trap or hang.
@Suite struct FuzzReplayTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func files(_ directory: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().filter { !$0.hasPrefix(".") }.map { directory.appendingPathComponent($0) }
  }

  @Test(.timeLimit(.minutes(1)), arguments: FuzzTarget.allCases)
  func findingsReplay(_ target: FuzzTarget) throws {
    let directory = Self.root.appendingPathComponent(
      "Tests/GreenrateFuzzingTests/Fixtures/\(target.rawValue)")
    for file in Self.files(directory) {
      target.run(Array(try Data(contentsOf: file)))
    }
  }

  @Test(.timeLimit(.minutes(1)), arguments: FuzzTarget.allCases)
  func corpusReplays(_ target: FuzzTarget) throws {
    let files = Self.files(Self.root.appendingPathComponent("Fuzz/corpus/\(target.rawValue)"))
    #expect(!files.isEmpty)
    for file in files {
      target.run(Array(try Data(contentsOf: file)))
    }
  }
}
