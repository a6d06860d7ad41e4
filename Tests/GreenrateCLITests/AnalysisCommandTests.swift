import Foundation
import GreenrateEngine
import GreenrateStore
import Testing

/// `compare`, `drift`, the batch summary's drift line and `test --coverage`, as
/// processes on the shipped rules and generated merchants.
@Suite(.serialized) struct AnalysisCommandTests {
  /// A workspace with one batch of 300 generated merchants and a challenger that lets
  /// `green` start at 60 points instead of 65.
  func workspace() throws -> (
    ws: RescoreWorkspace, rules: String, challenger: String, input: String
  ) {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let challenger = ws.path("challenger.rules")
    let text = try String(contentsOfFile: rules, encoding: .utf8)
      .replacingOccurrences(
        of: "when score >= 65 and not two_high => \"green\"",
        with: "when score >= 60 and not two_high => \"green\"")
    try text.write(toFile: challenger, atomically: true, encoding: .utf8)
    let input = try ws.generate(count: 300, seed: 11)
    return (ws, rules, challenger, input)
  }

  @Test func compareBothFormsAgreeAndJobsDoNotChangeTheJSON() throws {
    let (ws, rules, challenger, input) = try workspace()
    try ws.batch(rules: rules, input: input)
    let one = try CLIProcess.run([
      "compare", challenger, "--db", ws.database, "--json", "--jobs", "1",
    ])
    let two = try CLIProcess.run([
      "compare", challenger, "--db", ws.database, "--json", "--jobs", "4",
    ])
    #expect(one.status == 0, "\(one)")
    #expect(one.stdout == two.stdout)
    let db = try jsonObject(one.stdout)
    let scored = try ws.count("SELECT count(*) FROM ratings WHERE run_id = 1")
    #expect(db["compared"] as? Int == scored)
    #expect((db["champion"] as? [String: Any])?["run_id"] as? Int == 1)
    let swaps = try #require(db["eligibility"] as? [String: Int])
    #expect(swaps["swap_out"] == 0)
    #expect((swaps["swap_in"] ?? 0) > 0)
    #expect(
      (db["swap_in_codes"] as? [[String: Any]])?.first?["code"] as? String == "RATING_TOO_LOW")

    let file = try CLIProcess.run([
      "compare", rules, challenger, "--input", input, "--as-of", "2026-11-01", "--json",
    ])
    #expect(file.status == 0, "\(file)")
    let fileObject = try jsonObject(file.stdout)
    #expect((fileObject["champion"] as? [String: Any])?["run_id"] is NSNull)
    for key in ["compared", "as_of"] {
      #expect("\(fileObject[key] ?? "")" == "\(db[key] ?? "")")
    }
    for key in [
      "migration", "eligibility", "swap_out_codes", "swap_in_codes", "score_delta", "factors",
    ] {
      let a = try JSONSerialization.data(withJSONObject: db[key] ?? [], options: .sortedKeys)
      let b = try JSONSerialization.data(
        withJSONObject: fileObject[key] ?? [], options: .sortedKeys)
      #expect(a == b, "\(key)")
    }

    let text = try CLIProcess.run(["compare", challenger, "--db", ws.database])
    #expect(text.status == 0)
    #expect(text.stdout.contains("rating migration (rows: champion, columns: challenger)"))
    #expect(text.stdout.contains("  champion \\ challenger  excluded  dark_green  green"))
  }

  @Test func compareRefusesBadRulesUnknownRunsAndReportsWithClearErrors() throws {
    let (ws, rules, _, input) = try workspace()
    try ws.batch(rules: rules, input: input)
    let broken = ws.path("broken.rules")
    try "ruleset \"x\" version \"1\"\ninput id: text key\nfactor f { when nope => 1 else => 0 }\n"
      .write(toFile: broken, atomically: true, encoding: .utf8)
    let check = try CLIProcess.run(["check", broken])
    let invalid = try CLIProcess.run(["compare", broken, "--db", ws.database])
    #expect(invalid.status == 1)
    #expect(!check.stderr.isEmpty && invalid.stderr == check.stderr)

    let unknown = try CLIProcess.run(["compare", rules, "--db", ws.database, "--run", "99"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr == "error: run 99 does not exist in this database\n")

    let db = try Database(path: ws.database)
    try db.execute("UPDATE runs SET status = 'running' WHERE run_id = 1")
    let running = try CLIProcess.run(["compare", rules, "--db", ws.database, "--run", "1"])
    #expect(running.status == 1)
    #expect(running.stderr.contains("run 1 is still running or was killed"))
    let latest = try CLIProcess.run(["compare", rules, "--db", ws.database])
    #expect(latest.status == 1)
    #expect(latest.stderr.contains("no completed batch run"))

    let report = try CLIProcess.run([
      "compare", rules, "--db", ws.database, "--report", ws.path("c.html"),
    ])
    // A comparison that cannot run (no completed run now) writes no report.
    #expect(report.status == 1)
    #expect(report.stderr.contains("no completed batch run"))
    #expect(!FileManager.default.fileExists(atPath: ws.path("c.html")))
    for usage in [
      ["compare"], ["compare", rules, rules, rules], ["compare", rules, "--input", input],
      ["compare", rules, rules], ["compare", rules, rules, "--input", input, "--db", ws.database],
      ["compare", rules, rules, "--input", "-", "--format", "csv"],
    ] {
      #expect(try CLIProcess.run(usage).status == 64, "\(usage)")
    }
    let noDatabase = try CLIProcess.run(["compare", rules, "--db", ws.path("none.sqlite")])
    #expect(noDatabase.status == 1)
    #expect(!FileManager.default.fileExists(atPath: ws.path("none.sqlite")))
  }

  @Test func driftAndTheBatchSummarysDriftLine() throws {
    let (ws, rules, _, input) = try workspace()
    let first = try ws.batch(rules: rules, input: input)
    #expect(!first.stdout.contains("drift"))
    let alone = try CLIProcess.run(["drift", "--db", ws.database])
    #expect(alone.status == 1)
    #expect(
      alone.stderr
        == "error: run 1 has no baseline: no completed batch run before it (give --baseline)\n")

    let second = try ws.batch(rules: rules, input: input)
    let last = second.stdout.split(separator: "\n").last.map(String.init)
    #expect(last == "  drift     vs run 1: score PSI 0.000, rating PSI 0.000 (stable)")

    let drift = try CLIProcess.run(["drift", "--db", ws.database, "--json"])
    #expect(drift.status == 0, "\(drift)")
    let object = try jsonObject(drift.stdout)
    #expect(object["run"] as? Int == 2 && object["baseline"] as? Int == 1)
    #expect(object["score_psi"] as? Double == 0 && object["status"] as? String == "stable")
    #expect((object["bins"] as? [Any])?.count == 10)
    #expect((object["factors"] as? [[String: Any]])?.map { $0["name"] as? String }.count == 6)

    let text = try CLIProcess.run(["drift", "--db", ws.database, "--run", "1", "--baseline", "2"])
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("run 1 ("))
    let missing = try CLIProcess.run(["drift", "--db", ws.database, "--baseline", "7"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "error: baseline 7 does not exist in this database\n")
  }

  @Test func testCoverageListsGapsAndEnforcesTheMinimum() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let shippedCases = CLIProcess.packageRoot.appendingPathComponent("Rules/sme-green.cases.csv")
      .path
    let full = try CLIProcess.run([
      "test", rules, shippedCases, "--coverage", "--min-coverage", "100",
    ])
    #expect(full.status == 0, "\(full)")
    #expect(
      full.stdout.hasSuffix(
        "coverage: bands 28/28, knockouts 2/2, denials 8/8, ratings 5/5 (100.0%)\n"))

    let text = try String(contentsOfFile: shippedCases, encoding: .utf8)
    let few = ws.path("few.csv")
    try (text.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n")
      .write(toFile: few, atomically: true, encoding: .utf8)
    let partial = try CLIProcess.run(["test", rules, few, "--coverage"])
    #expect(partial.status == 0, "\(partial)")
    let lines = partial.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "1 passed, 0 failed")
    #expect(lines.contains("\(rules):257: knockout \"MAJOR_ENV_PENALTY\" never fired"))
    #expect(lines.contains("\(rules):273: rating \"excluded\" never given"))
    let gapLines = lines.dropFirst().dropLast().compactMap { Int($0.split(separator: ":")[1]) }
    #expect(gapLines == gapLines.sorted())
    #expect(lines.last?.hasPrefix("coverage: bands ") == true)

    let below = try CLIProcess.run(["test", rules, few, "--min-coverage", "50"])
    #expect(below.status == 1)
    #expect(below.stderr.contains("is below --min-coverage 50%"))
    #expect(try CLIProcess.run(["test", rules, few, "--min-coverage", "101"]).status == 64)
  }
}
