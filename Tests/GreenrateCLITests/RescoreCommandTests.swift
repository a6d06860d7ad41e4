import Foundation
import GreenrateEngine
import GreenrateTestSupport
import Testing

/// `greenrate rescore`, run as a process against databases written by `greenrate batch`.
@Suite(.serialized) struct RescoreCommandTests {
  /// A workspace with a batch of generated merchants plus `R1` (an ordinary retailer
  /// without certificates, industry band `else` = 20) and `R2` (opened 2026-06-01, so
  /// "too young" as of 2026-11-01) and `R3` (a bad number: rejected), rated as of
  /// 2026-11-01 with a copy of the shipped rules. Run 1 is the batch.
  private func ratedWorkspace(count: Int = 200) throws -> (
    RescoreWorkspace, rules: String, input: String
  ) {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: count, seed: 11)
    try ws.append(
      to: input,
      records: [
        ["merchant_id": "R1"], ["merchant_id": "R2", "established_date": "2026-06-01"],
        ["merchant_id": "R3", "overdue_count_12m": "none"],
      ])
    try ws.batch(rules: rules, input: input)
    return (ws, rules, input)
  }

  private func rescore(_ id: String, _ ws: RescoreWorkspace, _ extra: [String] = []) throws
    -> CLIProcess.Outcome
  {
    // The workspace's batch ran as of 2026-11-01; rescore as of the same day unless told.
    let asOf = extra.contains("--as-of") ? [] : ["--as-of", "2026-11-01"]
    return try CLIProcess.run(["rescore", id, "--db", ws.database] + asOf + extra)
  }

  private func factors(_ outcome: CLIProcess.Outcome) throws -> [String: Double] {
    let object = try jsonObject(outcome.stdout)
    return try #require(object["factors"] as? [String: Double], "\(outcome)")
  }

  @Test func reproducesTheBatchResultWhenNothingChanged() throws {
    let (ws, rules, input) = try ratedWorkspace(count: 300)
    let picks = try ws.query(
      "SELECT min(merchant_id) FROM ratings WHERE run_id = 1 GROUP BY rating"
    ).compactMap { $0[0] }
    #expect(picks.count >= 3)
    let scored = try CLIProcess.run(["score", rules, "--input", input, "--as-of", "2026-11-01"])
    // R3 is rejected (by `score` as by the batch), hence exit 1.
    #expect(scored.status == 1, "\(scored)")
    let lines = scored.stdout.split(separator: "\n").map(String.init)
    let columns = "score, rating, eligible, reasons, knockouts, denials, outputs, factors, record"
    let ids = picks.filter { $0 != "R1" } + ["R1"]
    for id in ids {
      let expected = try #require(lines.first { $0.hasPrefix("{\"merchant_id\":\"\(id)\",") })
      let outcome = try rescore(id, ws)
      #expect(outcome.status == 0, "\(outcome)")
      #expect(outcome.stderr.isEmpty)
      #expect(outcome.stdout == expected + "\n")
      let rows = try ws.query(
        "SELECT run_id, \(columns) FROM ratings WHERE merchant_id = ? ORDER BY run_id", [.text(id)])
      try #require(rows.count == 2)
      #expect(rows[0][0] == "1")
      #expect(rows[1][0] != "1")
      #expect(Array(rows[0].dropFirst()) == Array(rows[1].dropFirst()))
    }
    #expect(
      try ws.count("SELECT count(*) FROM runs WHERE kind = 'rescore' AND as_of = '2026-11-01'")
        == ids.count)
  }

  @Test func setChangesExactlyWhatItShould() throws {
    let (ws, _, _) = try ratedWorkspace()
    let before = try rescore("R1", ws)
    #expect(before.status == 0, "\(before)")
    let old = try factors(before)
    #expect(old["certification"] == 0)
    #expect(
      try jsonObject(before.stdout)["reasons"] as? [String] ?? [] == [
        "NO_GREEN_CERTIFICATION", "NEUTRAL_INDUSTRY",
      ])

    let certified = try rescore("R1", ws, ["--set", "certifications=ISO14001; CEL"])
    #expect(certified.status == 0, "\(certified)")
    var expected = old
    expected["certification"] = 15
    #expect(try factors(certified) == expected)
    let result = try jsonObject(certified.stdout)
    let oldScore = try #require(try jsonObject(before.stdout)["score"] as? Double)
    #expect(result["score"] as? Double == oldScore + 15)
    #expect(result["reasons"] as? [String] == ["NEUTRAL_INDUSTRY"])

    // The stored record now holds the certificates: a plain rescore keeps them.
    let again = try rescore("R1", ws)
    #expect(try factors(again) == expected)
    let management = try rescore("R1", ws, ["--set", "certifications=ISO14001"])
    #expect(try factors(management)["certification"] == 12)
    #expect(
      try jsonObject(management.stdout)["reasons"] as? [String] ?? [] == [
        "NEUTRAL_INDUSTRY", "NO_PRODUCT_LABEL",
      ])
    let emptied = try rescore("R1", ws, ["--set", "certifications="])
    #expect(try factors(emptied) == old)
  }

  @Test func setOfAnOptionalFieldToEmptyMakesItMissing() throws {
    let (ws, _, _) = try ratedWorkspace()
    let blank = try rescore("R1", ws, ["--set", "electricity_kwh="])
    #expect(blank.status == 0, "\(blank)")
    #expect(try factors(blank)["carbon"] == 10)
    let outputs = try #require(try jsonObject(blank.stdout)["outputs"] as? [String: Any])
    #expect(outputs["estimated_tco2"] is NSNull)
  }

  @Test func refusesABadSetAndWritesNothing() throws {
    let (ws, _, _) = try ratedWorkspace()
    let counts = "SELECT (SELECT count(*) FROM runs) * 1000000 + (SELECT count(*) FROM ratings)"
    let before = try ws.count(counts)
    let cases: [(arguments: [String], mentions: String)] = [
      (["--set", "employees=twelve"], "employees"),
      (["--set", "established_date=2026-02-30"], "established_date"),
      (["--set", "on_dishonest_list=maybe"], "on_dishonest_list"),
      (["--set", "annual_revenue_cny=1,000"], "annual_revenue_cny"),
      (["--set", "certificatons=CEL"], "certificatons"),
      (["--set", "env_penalties_3y="], "env_penalties_3y"),
      (["--set", "merchant_id=R9"], "merchant_id"),
      (["--set", "employees=2", "--set", "employees=3"], "employees"),
    ]
    for (arguments, mentions) in cases {
      let outcome = try rescore("R1", ws, arguments)
      #expect(outcome.status == 64, "\(arguments): \(outcome)")
      #expect(outcome.stdout.isEmpty)
      #expect(outcome.stderr.contains(mentions), "\(outcome)")
      #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
    }
    let malformed = try rescore("R1", ws, ["--set", "employees"])
    #expect(malformed.status == 64)
    #expect(malformed.stderr.contains("FIELD=VALUE"))
    #expect(try ws.count(counts) == before)
  }

  @Test func anUnknownMerchantExits1AndWritesNothing() throws {
    let (ws, _, _) = try ratedWorkspace(count: 20)
    let runs = try ws.count("SELECT count(*) FROM runs")
    let outcome = try rescore("NOBODY", ws, ["--set", "employees=3"])
    #expect(outcome.status == 1)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains("unknown merchant"))
    #expect(outcome.stderr.contains("NOBODY"))
    #expect(try ws.count("SELECT count(*) FROM runs") == runs)

    // A merchant whose only record failed to decode has nothing stored to start from.
    let rejected = try rescore("R3", ws)
    #expect(rejected.status == 1)
    #expect(rejected.stderr.contains("rejected"))
    #expect(rejected.stderr.contains("overdue_count_12m"))
    #expect(try ws.count("SELECT count(*) FROM runs") == runs)

    let noDatabase = try CLIProcess.run(["rescore", "R1", "--db", ws.path("missing.sqlite")])
    #expect(noDatabase.status == 1)
    #expect(!FileManager.default.fileExists(atPath: ws.path("missing.sqlite")))
  }

  @Test func defaultRulesAreTheRecordedFileReadAfresh() throws {
    let (ws, rules, _) = try ratedWorkspace(count: 20)
    let text = try String(contentsOfFile: rules, encoding: .utf8)
    let edited = text.replacingOccurrences(
      of: "else => 20 reason \"NEUTRAL_INDUSTRY\"", with: "else => 23 reason \"NEUTRAL_INDUSTRY\"")
    try #require(edited != text)
    try edited.write(toFile: rules, atomically: true, encoding: .utf8)

    let outcome = try rescore("R1", ws)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(try factors(outcome)["industry"] == 23)
    let runs = try ws.query("SELECT ruleset_sha256, rules_path FROM runs ORDER BY run_id")
    try #require(runs.count == 2)
    #expect(runs[1][0] != runs[0][0])
    #expect(runs[1][1] == rules)

    // --rules wins over the recorded file.
    let shipped = try rescore("R1", ws, ["--rules", CLIProcess.shippedRules])
    #expect(try factors(shipped)["industry"] == 20)

    // A recorded file that is gone is reported, with the way out.
    try FileManager.default.removeItem(atPath: rules)
    let gone = try rescore("R2", ws)
    #expect(gone.status == 1)
    #expect(gone.stderr.contains("--rules"))
  }

  @Test func invalidRulesArePrintedAndNothingIsWritten() throws {
    let (ws, _, _) = try ratedWorkspace(count: 20)
    let broken = ws.path("broken.rules")
    try "ruleset \"x\" version \"1\"\ninput merchant_id: text key\nfactor f { when => 1 }\n".write(
      toFile: broken, atomically: true, encoding: .utf8)
    let outcome = try rescore("R1", ws, ["--rules", broken])
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("broken.rules:"))
    #expect(try ws.count("SELECT count(*) FROM runs") == 1)
  }

  @Test func aRelativeRulesPathIsRecordedAbsolute() throws {
    let (ws, rules, _) = try ratedWorkspace(count: 20)
    let file = URL(fileURLWithPath: rules)
    let given = try CLIProcess.run(
      [
        "rescore", "R1", "--db", ws.database, "--rules", file.lastPathComponent, "--as-of",
        "2026-11-01",
      ],
      in: file.deletingLastPathComponent())
    #expect(given.status == 0, "\(given)")
    #expect(
      try ws.query("SELECT rules_path FROM runs ORDER BY run_id DESC LIMIT 1").first?[0]
        == file.standardized.path)
    // From another folder, the recorded path still finds the file.
    let later = try CLIProcess.run(
      ["rescore", "R1", "--db", ws.database, "--as-of", "2026-11-01"],
      in: FileManager.default.temporaryDirectory)
    #expect(later.status == 0, "\(later)")
  }

  @Test func asOfDefaultsToTodayAndCanBeGiven() throws {
    let (ws, _, _) = try ratedWorkspace(count: 20)
    let young = try rescore("R2", ws)
    #expect(try jsonObject(young.stdout)["denials"] as? [String] ?? [] == ["TOO_YOUNG"])
    let later = try rescore("R2", ws, ["--as-of", "2027-07-01"])
    #expect(later.status == 0, "\(later)")
    #expect(try jsonObject(later.stdout)["denials"] as? [String] == [])
    let formatter = DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    let before = formatter.string(from: Date())
    let today = try CLIProcess.run(["rescore", "R2", "--db", ws.database])
    let after = formatter.string(from: Date())
    #expect(today.status == 0, "\(today)")
    let dates = try ws.query("SELECT as_of FROM runs ORDER BY run_id").map { $0[0] }
    #expect(dates.prefix(3) == ["2026-11-01", "2026-11-01", "2027-07-01"])
    #expect(dates.count == 4)
    // Today in UTC (either side of the run, should it cross midnight).
    #expect(dates.last == before || dates.last == after)
    let bad = try rescore("R2", ws, ["--as-of", "2027-02-29"])
    #expect(bad.status == 64)
  }

  @Test func currentRatingsShowsTheRescore() throws {
    let (ws, _, _) = try ratedWorkspace(count: 50)
    let outcome = try rescore("R1", ws, ["--set", "certifications=GREEN_FACTORY;LOW_CARBON"])
    #expect(outcome.status == 0, "\(outcome)")
    let score = try #require(try jsonObject(outcome.stdout)["score"] as? Double)

    let run = try #require(
      try ws.query(
        """
        SELECT run_id, kind, status, records_read, records_scored, records_rejected, input,
          finished_at FROM runs WHERE run_id = (SELECT max(run_id) FROM runs)
        """
      ).first)
    #expect(run[1] == "rescore")
    #expect(run[2] == "completed")
    #expect(Array(run[3...5]) == ["1", "1", "0"])
    #expect(run[6] == nil)
    #expect(run[7] != nil)
    let runID = try #require(run[0])

    let current = try ws.query(
      "SELECT run_id, score, rating FROM current_ratings WHERE merchant_id = 'R1'")
    #expect(current.count == 1)
    #expect(current.first?[0] == runID)
    #expect(current.first?[1].flatMap(Double.init) == score)
    #expect(try ws.count("SELECT count(*) FROM ratings WHERE run_id = ?", [.text(runID)]) == 1)
    // Everyone else is still rated by the batch.
    #expect(try ws.count("SELECT count(*) FROM current_ratings WHERE run_id = 1") == 51)
  }

  @Test func aRuntimeErrorIsPrintedLikeScoreAndStoredAsAReject() throws {
    let ws = try RescoreWorkspace()
    let rules = ws.path("tiny.rules")
    try tinyRules.write(toFile: rules, atomically: true, encoding: .utf8)
    let input = ws.path("tiny.csv")
    try "id,revenue,staff,tags\nA,1000,2,GREEN\nB,50,,\n".write(
      toFile: input, atomically: true, encoding: .utf8)
    try ws.batch(rules: rules, input: input)

    let failing = try rescore("A", ws, ["--set", "staff=0"])
    #expect(failing.status == 1)
    let printed = try jsonObject(failing.stdout)
    #expect(printed["line"] as? Int == 2)
    #expect((printed["error"] as? String)?.hasPrefix("\(rules):7:") == true)
    let run = try ws.query(
      "SELECT kind, status, records_read, records_scored, records_rejected FROM runs WHERE run_id = 2"
    )
    #expect(run.first == ["rescore", "completed", "1", "0", "1"])
    #expect(
      try ws.count("SELECT count(*) FROM rejects WHERE run_id = 2 AND merchant_id = 'A'") == 1)
    #expect(try ws.query("SELECT run_id FROM current_ratings WHERE merchant_id = 'A'") == [["1"]])

    // The failed record is the latest received: fixing `staff` starts from it.
    let fixed = try rescore("A", ws, ["--set", "staff=5"])
    #expect(fixed.status == 0, "\(fixed)")
    #expect(
      fixed.stdout
        == #"{"id":"A","score":15,"rating":"big","eligible":true,"reasons":[],"knockouts":[],"#
        + #""denials":[],"factors":{"size":10,"tagged":5},"outputs":{}}"# + "\n")
  }
}
