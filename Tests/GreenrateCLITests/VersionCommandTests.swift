import Foundation
import Testing

@Suite("greenrate --version")
struct VersionCommandTests {
  @Test("prints the version, the git commit built from and the SQLite library version")
  func version() throws {
    let outcome = try CLIProcess.run(["--version"])
    #expect(outcome.status == 0, "\(outcome)")
    let lines = outcome.stdout.split(separator: "\n").map(String.init)
    try #require(lines.count == 3, "\(outcome)")
    #expect(lines[0].hasPrefix("greenrate "))
    #expect(lines[0].split(separator: " ").last?.split(separator: ".").count == 3)
    let commit = String(lines[1].dropFirst("commit ".count))
    #expect(lines[1].hasPrefix("commit "))
    let hash = commit.hasSuffix("-dirty") ? String(commit.dropLast(6)) : commit
    #expect(
      hash == "unknown"
        || (hash.count == 40 && hash.allSatisfy { $0.isHexDigit && !$0.isUppercase }),
      "\(commit)")
    #expect(lines[2].hasPrefix("sqlite 3."), "\(lines[2])")
  }
}
