import Foundation
import GreenrateEngine
import Testing

@testable import GreenrateCLI

/// `greenrate runs` as a process, and its table and time formatting in-process.
@Suite(.serialized) struct RunsCommandTests {
  @Test func listsRunsNewestFirstAsAnAlignedTable() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: 40, seed: 8)
    try ws.append(
      to: input, records: [["merchant_id": "R1"], ["merchant_id": "BAD", "employees": "x"]])
    try ws.batch(rules: rules, input: input)
    for value in ["ISO14001", "CEL"] {
      let rescore = try CLIProcess.run([
        "rescore", "R1", "--db", ws.database, "--set", "certifications=\(value)",
      ])
      #expect(rescore.status == 0, "\(rescore)")
    }

    let outcome = try CLIProcess.run(["runs", "--db", ws.database])
    #expect(outcome.status == 0, "\(outcome)")
    let lines = outcome.stdout.split(separator: "\n").map(String.init)
    try #require(lines.count == 4, "\(outcome)")
    let header = lines[0]
    for title in [
      "RUN", "KIND", "STATUS", "READ", "SCORED", "REJECTED", "RULE SET", "STARTED", "DURATION",
    ] {
      #expect(header.contains(title))
    }
    #expect(lines[1].hasPrefix("  3  rescore"))
    #expect(lines[2].hasPrefix("  2  rescore"))
    #expect(lines[3].hasPrefix("  1  batch"))
    // Left-aligned columns start where their title does; numbers end under theirs.
    let status = try #require(header.range(of: "STATUS")).lowerBound.utf16Offset(in: header)
    let scoredEnd = try #require(header.range(of: "SCORED")).upperBound.utf16Offset(in: header)
    for line in lines.dropFirst() {
      #expect(line.dropFirst(status).hasPrefix("completed"), "\(line)")
      #expect(line.prefix(scoredEnd).hasSuffix(line.contains("batch") ? " 41" : " 1"), "\(line)")
    }
    #expect(lines[3].contains("  42  "))
    #expect(lines[3].contains("sme-green 2026.1"))
    #expect(lines[3].contains("2026-11-01"))
    #expect(lines[3].hasSuffix(input))
    #expect(lines.allSatisfy { !$0.hasSuffix(" ") })

    let json = try CLIProcess.run(["runs", "--db", ws.database, "--json", "--limit", "2"])
    // One JSON array (the same document GET /v1/runs serves), newest first.
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
    let objects = try #require(parsed as? [[String: Any]])
    #expect(objects.map { $0["run_id"] as? Int } == [3, 2])
    #expect(objects.first?["kind"] as? String == "rescore")
    #expect(objects.first?["records_scored"] as? Int == 1)
  }

  @Test func aMissingDatabaseIsAnErrorAndIsNotCreated() throws {
    let ws = try RescoreWorkspace()
    let outcome = try CLIProcess.run(["runs", "--db", ws.database])
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("no database"))
    #expect(!FileManager.default.fileExists(atPath: ws.database))
    #expect(try CLIProcess.run(["runs", "--db", ws.database, "--limit", "0"]).status == 64)
  }

  @Test func tableAlignsColumnsAndTrimsLines() {
    var table = TextTable([.init("NAME"), .init("N", .right), .init("NOTE")])
    table.append(["a", "1", "x"])
    table.append(["longer", "200", ""])
    table.append(["b", "30"])
    #expect(table.lines() == ["NAME      N  NOTE", "a         1  x", "longer  200", "b        30"])
    #expect(table.lines(indent: "  ").first == "  NAME      N  NOTE")
  }

  @Test func durationsAndTimes() {
    #expect(RunsCommand.format(0) == "0s")
    #expect(RunsCommand.format(59) == "59s")
    #expect(RunsCommand.format(245) == "4m 05s")
    #expect(RunsCommand.format(7380) == "2h 03m")
    #expect(RunsCommand.seconds("1970-01-02T00:00:01Z") == 86_401)
    #expect(RunsCommand.seconds("2026-11-29T17:30:00") == nil)
    #expect(RunsCommand.seconds("2026-11-29T17:3x:00Z") == nil)
  }
}
