import Foundation
import GreenrateEngine
import Testing

/// `greenrate explain`, run as a process against databases written by `batch` and
/// `rescore`.
@Suite(.serialized) struct ExplainCommandTests {
  /// 30 generated merchants plus `R1` (ordinary, no certificate) and `BAD` (a bad
  /// number: rejected), batched as of 2026-11-01 with a copy of the shipped rules.
  private func ratedWorkspace() throws -> (RescoreWorkspace, rules: String) {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: 30, seed: 5)
    try ws.append(
      to: input, records: [["merchant_id": "R1"], ["merchant_id": "BAD", "employees": "lots"]])
    try ws.batch(rules: rules, input: input)
    return (ws, rules)
  }

  private func explain(_ id: String, _ ws: RescoreWorkspace, _ extra: [String] = []) throws
    -> CLIProcess.Outcome
  {
    try CLIProcess.run(["explain", id, "--db", ws.database] + extra)
  }

  @Test func anOldRunIsExplainedWithItsOwnInputs() throws {
    let (ws, _) = try ratedWorkspace()
    let rescore = try CLIProcess.run([
      "rescore", "R1", "--db", ws.database, "--set", "certifications=ISO14001;CEL", "--set",
      "employees=40",
    ])
    #expect(rescore.status == 0, "\(rescore)")

    let old = try jsonObject(try explain("R1", ws, ["--run", "1", "--json"]).stdout)
    let oldInputs = try #require(old["inputs"] as? [String: Any])
    #expect(oldInputs["employees"] as? Double == 3)
    #expect(oldInputs["certifications"] as? [String] == [])
    #expect((old["run"] as? [String: Any])?["run_id"] as? Int == 1)
    #expect((old["run"] as? [String: Any])?["kind"] as? String == "batch")

    let now = try jsonObject(try explain("R1", ws, ["--json"]).stdout)
    let inputs = try #require(now["inputs"] as? [String: Any])
    #expect(inputs["employees"] as? Double == 40)
    #expect(inputs["certifications"] as? [String] == ["CEL", "ISO14001"])
    #expect((now["run"] as? [String: Any])?["kind"] as? String == "rescore")
    #expect(now["score"] as? Double == (old["score"] as? Double).map { $0 + 15 })

    let text = try explain("R1", ws, ["--run", "1"]).stdout
    #expect(text.contains("(batch, completed)"))
    #expect(inputLine("certifications", in: text)?.hasSuffix("(empty set)") == true)
    #expect(inputLine("employees", in: text)?.hasSuffix(" 3") == true)
  }

  @Test func textShowsEveryPartOfTheRating() throws {
    let (ws, _) = try ratedWorkspace()
    let outcome = try explain("R1", ws)
    #expect(outcome.status == 0, "\(outcome)")
    let text = outcome.stdout
    let sha = try #require(try ws.query("SELECT ruleset_sha256 FROM runs").first?[0] ?? nil)
    #expect(sha.count == 64)
    let expectedParts = [
      "R1", "dark_green (score 80 of 100)", "Eligible     yes", "as of 2026-11-01",
      "\"sme-green\" version \"2026.1\"", "sha256 \(sha)",
      // Each factor: title, points out of its best, reason, the band's condition.
      "Industry (industry)", "20 / 25", "NEUTRAL_INDUSTRY", "else (line",
      "Environmental certification (certification)", "0 / 15", "NO_GREEN_CERTIFICATION",
      "Carbon efficiency (carbon)", "20 / 20", "when carbon_ratio <= 0.6 (line",
      "Reasons    NO_GREEN_CERTIFICATION, NEUTRAL_INDUSTRY", "Knockouts  none",
      "Denials    none", "rate_discount_bp", "estimated_tco2",
      "annual_revenue_cny", "500000", "pollution_permit", "not_required",
    ]
    for part in expectedParts { #expect(text.contains(part), "missing `\(part)` in:\n\(text)") }
  }

  @Test func jsonMatchesTheStoredRating() throws {
    let (ws, _) = try ratedWorkspace()
    let id = try #require(
      try ws.query("SELECT merchant_id FROM ratings WHERE denials != '[]' LIMIT 1").first?[0] ?? nil
    )
    let object = try jsonObject(try explain(id, ws, ["--json"]).stdout)
    let row = try #require(
      try ws.query(
        "SELECT score, rating, eligible, reasons, denials, knockouts FROM ratings WHERE merchant_id = ?",
        [.text(id)]
      ).first)
    #expect(object["merchant_id"] as? String == id)
    #expect(object["score"] as? Double == row[0].flatMap(Double.init))
    #expect(object["rating"] as? String == row[1])
    #expect(object["eligible"] as? Bool == (row[2] == "1"))
    #expect(object["reasons"] as? [String] == (try jsonArray(row[3])))
    #expect(object["denials"] as? [String] == (try jsonArray(row[4])))
    #expect(object["knockouts"] as? [String] == (try jsonArray(row[5])))
    let factors = try #require(object["factors"] as? [[String: Any]])
    #expect(
      factors.map { $0["name"] as? String } == [
        "industry", "carbon", "clean_energy", "paperless", "certification", "compliance",
      ])
    let total = factors.reduce(0.0) { $0 + ($1["points"] as? Double ?? .nan) }
    #expect(total == object["score"] as? Double)
    #expect(object["best_score"] as? Double == 100)
  }

  @Test func conditionsAreQuotedFromTheRunsOwnRulesAfterTheFileIsEdited() throws {
    let (ws, rules) = try ratedWorkspace()
    let before = try jsonObject(try explain("R1", ws, ["--json"]).stdout)
    let industry = try #require((before["factors"] as? [[String: Any]])?.first)
    #expect(industry["condition"] as? String == "else")

    // The run kept its rule file's text: an edit (here, every band moved down a line and
    // the first condition rewritten) changes nothing in the explanation of the run.
    let original = try String(contentsOfFile: rules, encoding: .utf8)
    try
      ("# edited\n"
      + original.replacingOccurrences(of: "when carbon_ratio", with: "when 1 == 1 and carbon_ratio"))
      .write(toFile: rules, atomically: true, encoding: .utf8)
    let after = try jsonObject(try explain("R1", ws, ["--json"]).stdout)
    let edited = try #require((after["factors"] as? [[String: Any]])?.first)
    #expect(edited["condition"] as? String == "else")
    #expect(edited["band"] as? Int == industry["band"] as? Int)
    let text = try explain("R1", ws).stdout
    #expect(text.contains("else (line"))
    #expect(text.contains("when carbon_ratio"))
    #expect(!text.contains("1 == 1"))
  }

  @Test func saysWhyThereIsNothingToExplain() throws {
    let (ws, _) = try ratedWorkspace()
    let unknown = try explain("NOBODY", ws)
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("unknown merchant"))
    #expect(unknown.stdout.isEmpty)

    let rejected = try explain("BAD", ws)
    #expect(rejected.status == 1)
    #expect(rejected.stderr.contains("rejected"))
    #expect(rejected.stderr.contains("employees"))
    #expect(rejected.stderr.contains("line 33"))

    let noRun = try explain("R1", ws, ["--run", "7"])
    #expect(noRun.status == 1)
    #expect(noRun.stderr.contains("no run 7"))

    let usage = try explain("R1", ws, ["--run", "zero"])
    #expect(usage.status == 64)
  }

  /// The line of the text's inputs table that shows `name`.
  private func inputLine(_ name: String, in text: String) -> String? {
    text.split(separator: "\n").map(String.init).first { $0.hasPrefix("  \(name) ") }
  }

  private func jsonArray(_ text: String?) throws -> [String] {
    let value = try JSONSerialization.jsonObject(with: Data((text ?? "").utf8))
    return try #require(value as? [String])
  }
}
