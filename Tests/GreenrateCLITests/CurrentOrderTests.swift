import Foundation
import GreenrateEngine
import GreenrateLanguage
import Testing

/// What is current follows completion against the freshest record, officers' values
/// survive newer data, and a rescore never drops a value its rules cannot read — with
/// real `greenrate` processes against one database.
@Suite(.serialized) struct CurrentOrderTests {
  /// Run 1: 200 generated merchants plus R1 (employees 3), as of 2026-11-01.
  func workspace() throws -> (RescoreWorkspace, rules: String, night1: String) {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let night1 = try ws.generate(count: 200, seed: 11, name: "night1.csv")
    try ws.append(to: night1, records: [["merchant_id": "R1"]])
    try ws.batch(rules: rules, input: night1)
    return (ws, rules, night1)
  }

  func inputs(_ ws: RescoreWorkspace, _ id: String) throws -> [String: Any] {
    let outcome = try CLIProcess.run(["explain", id, "--db", ws.database, "--json"])
    try #require(outcome.status == 0, "\(outcome)")
    return try #require(try jsonObject(outcome.stdout)["inputs"] as? [String: Any])
  }

  @Test func aRescoreDuringABatchDoesNotHideTheBatchAndItsSetIsReapplied() throws {
    let (ws, rules, _) = try workspace()
    // Night 2 changes R1 (employees 7), the last record of the file.
    let night2 = try ws.generate(count: 200, seed: 11, name: "night2.csv")
    try ws.append(to: night2, records: [["merchant_id": "R1", "employees": "7"]])
    // Night 2 stops after its first chunk (as if it were still running, mid-file).
    let program = try Program.compile(
      source: [UInt8](try Data(contentsOf: URL(fileURLWithPath: rules))), file: rules)
    var options = BatchOptions(
      rulesPath: rules, inputPath: night2, databasePath: ws.database, jobs: 1,
      asOf: Day.parse("2026-11-02"), chunkSize: 50, commitRows: 1, showProgress: false,
      stopAfterChunks: 1)
    let running = try BatchRunner(options: options, program: program).run { _ in }
    #expect(running.status == .running)

    // An officer's rescore now reads night 1's record (night 2 has not reached R1)...
    let set = try CLIProcess.run([
      "rescore", "R1", "--db", ws.database, "--set", "on_dishonest_list=yes",
      "--reason", "court list", "--as-of", "2026-11-02",
    ])
    #expect(set.status == 0, "\(set)")
    // ...and a plain rescore of a merchant night 2 has not reached either.
    let plain = try CLIProcess.run(["rescore", "M00000190", "--db", ws.database])
    #expect(plain.status == 0, "\(plain)")

    // Night 2 completes after both rescores.
    options.stopAfterChunks = nil
    let resumed = try CLIProcess.run([
      "batch", rules, night2, "--db", ws.database, "--resume", String(running.runID),
    ])
    #expect(resumed.status == 0, "\(resumed)")
    #expect(resumed.stderr.contains("overrides re-applied to 1 merchant"), "\(resumed)")

    // The plain rescore completed before night 2: night 2's rating is current.
    #expect(
      try ws.query("SELECT run_id FROM current_ratings WHERE merchant_id = 'M00000190'")
        == [["\(running.runID)"]])
    // R1: night 2's data with the officer's value, as a rescore run right after night 2.
    let current = try ws.query(
      """
      SELECT c.run_id, u.kind, u.base_run, u.completed_seq > b.completed_seq
      FROM current_ratings AS c JOIN runs AS u ON u.run_id = c.run_id
      JOIN runs AS b ON b.run_id = ?
      WHERE c.merchant_id = 'R1'
      """, [.integer(running.runID)])
    #expect(current.first?[1] == "rescore")
    #expect(current.first?[2] == "\(running.runID)")
    #expect(current.first?[3] == "1")
    let values = try inputs(ws, "R1")
    #expect(values["employees"] as? Double == 7)
    #expect(values["on_dishonest_list"] as? Bool == true)
    let explained = try CLIProcess.run(["explain", "R1", "--db", ws.database])
    #expect(explained.stdout.contains("Overrides"), "\(explained)")
    #expect(explained.stdout.contains("court list"), "\(explained)")

    // A later default rescore starts from night 2 and keeps the override; clearing it
    // goes back to night 2's value.
    let again = try CLIProcess.run(["rescore", "R1", "--db", ws.database])
    #expect(again.status == 0, "\(again)")
    #expect(try inputs(ws, "R1")["employees"] as? Double == 7)
    #expect(try inputs(ws, "R1")["on_dishonest_list"] as? Bool == true)
    let cleared = try CLIProcess.run(["rescore", "R1", "--db", ws.database, "--clear-overrides"])
    #expect(cleared.status == 0, "\(cleared)")
    #expect(try inputs(ws, "R1")["on_dishonest_list"] as? Bool == false)
    #expect(try ws.count("SELECT count(*) FROM overrides") == 0)
  }

  @Test func aRescoreUnderRulesThatChangedATypeKeepsTheStoredValue() throws {
    let (ws, rules, _) = try workspace()
    let other = ws.path("other.rules")
    let text = try String(contentsOfFile: rules, encoding: .utf8)
    try text.replacingOccurrences(of: "input employees: number?", with: "input employees: date?")
      .write(toFile: other, atomically: true, encoding: .utf8)
    let changed = try CLIProcess.run(["rescore", "R1", "--db", ws.database, "--rules", other])
    #expect(changed.status == 0, "\(changed)")
    #expect(changed.stderr.contains("taken as missing"), "\(changed)")
    // Under the right rules again, the stored 3 is still there.
    let back = try CLIProcess.run(["rescore", "R1", "--db", ws.database, "--rules", rules])
    #expect(back.status == 0, "\(back)")
    #expect(try inputs(ws, "R1")["employees"] as? Double == 3)
  }
}
