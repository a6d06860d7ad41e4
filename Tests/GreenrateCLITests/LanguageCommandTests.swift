import Foundation
import GreenrateCLI
import GreenrateTestSupport
import Testing

/// `check`, `score` and `test` run as real processes on real files.
@Suite struct LanguageCommandTests {
  static let fixtures = CLIProcess.packageRoot.appendingPathComponent(
    "Tests/GreenrateCLITests/Fixtures/commands")
  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  @Test func checkAcceptsTheShippedRules() throws {
    let out = try CLIProcess.run(["check", CLIProcess.shippedRules])
    #expect(out.status == 0, "\(out)")
    #expect(out.stdout.hasPrefix("ok: ruleset \"sme-green\" version \""))
    let sha = try #require(out.stdout.split(separator: " ").firstIndex(of: "sha256"))
    let words = out.stdout.split(separator: " ")
    let hex = words[sha + 1].dropLast()  // the colon after the digest
    #expect(hex.count == 64 && hex.allSatisfy { "0123456789abcdef".contains($0) })
    // The one warning: `employees` is declared (validated and stored, shown by
    // `explain`) but not scored, on purpose.
    let warnings = out.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
    #expect(warnings.count == 1 && warnings[0].hasSuffix("input `employees` is never used"))
  }

  @Test func checkFormatJSONAndStrict() throws {
    let out = try CLIProcess.run(["check", "--format", "json", CLIProcess.shippedRules])
    #expect(out.status == 0, "\(out)")
    let object = try jsonObject(String(out.stdout.split(separator: "\n")[0]))
    #expect(object["severity"] as? String == "warning")
    #expect(object["line"] as? Int == 28)
    #expect(object["column"] as? Int == 7)
    #expect(object["suggestion"] is NSNull)
    let strict = try CLIProcess.run(["check", "--strict", CLIProcess.shippedRules])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains(":28:7: error: input `employees` is never used"))
    let bad = try CLIProcess.run(["check", "--format", "json", Self.fixture("bad.rules")])
    #expect(bad.status == 1)
    let lines = bad.stdout.split(separator: "\n")
    #expect(!lines.isEmpty)
    for line in lines {
      let d = try jsonObject(String(line))
      #expect(d["severity"] as? String == "error")
      #expect(Set(d.keys) == ["file", "line", "column", "severity", "message", "suggestion"])
    }
    #expect(bad.stderr.isEmpty)
  }

  @Test func checkPrintsEveryErrorWithACaretAndExitsOne() throws {
    let bad = Self.fixture("bad.rules")
    let out = try CLIProcess.run(["check", bad])
    #expect(out.status == 1)
    #expect(out.stdout.isEmpty)
    #expect(
      out.stderr == """
        \(bad):6:17: error: `kwh` may be missing here; handle it with `??` or `is missing`
        let intensity = kwh / 1000
                        ^
        \(bad):8:8: error: factor `energy` must end with an `else` band
        factor energy {
               ^
        \(bad):9:8: error: unknown name `intensty` (did you mean `intensity`?)
          when intensty <= 0.01 => 30
               ^

        """)
  }

  @Test func checkOfAMissingFileFails() throws {
    let out = try CLIProcess.run(["check", "/nonexistent/x.rules"])
    #expect(out.status == 1)
    #expect(out.stderr.contains("/nonexistent/x.rules"))
  }

  @Test func scorePrintsResultsAndRejectsInInputOrder() throws {
    let rules = Self.fixture("mini.rules")
    let out = try CLIProcess.run(["score", rules, "--input", Self.fixture("mini.csv")])
    #expect(out.status == 1, "a rejected record makes the exit code 1")
    let lines = out.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        #"{"id":"A1","score":50,"rating":"A","eligible":true,"reasons":[],"knockouts":[],"denials":[],"factors":{"energy":30,"certified":20},"outputs":{"intensity_x1000":5}}"#,
        #"{"id":"A2","score":5,"rating":"B","eligible":false,"reasons":["NO_ENERGY_DATA","NO_CERT"],"knockouts":[],"denials":["RATING_TOO_LOW"],"factors":{"energy":0,"certified":5},"outputs":{"intensity_x1000":0}}"#,
        #"{"line":4,"error":"\#(rules):8:28: division by zero"}"#,
        #"{"line":5,"error":"field \"kwh\": \"x\" is not a number"}"#,
        #"{"line":6,"error":"duplicate id \"A1\": the record on line 2 was kept"}"#,
      ])
  }

  @Test func scoreOneRecordGivenAsJSON() throws {
    let out = try CLIProcess.run([
      "score", Self.fixture("mini.rules"), "--record",
      #"{"id": "R1", "kwh": 9000, "revenue": 100000, "certs": ["CEL"]}"#,
    ])
    #expect(out.status == 0, "\(out)")
    #expect(
      out.stdout
        == #"{"id":"R1","score":15,"rating":"B","eligible":false,"reasons":["HIGH_INTENSITY","NO_CERT"],"knockouts":[],"denials":["RATING_TOO_LOW"],"factors":{"energy":10,"certified":5},"outputs":{"intensity_x1000":90}}"#
        + "\n")
  }

  @Test func scoreRefusesAHeaderWithoutARequiredColumn() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "greenrate-header-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("m.csv")
    try Data("id,kwh,certs\nA1,1,\n".utf8).write(to: csv)
    let out = try CLIProcess.run(["score", Self.fixture("mini.rules"), "--input", csv.path])
    #expect(out.status == 1)
    #expect(out.stdout.isEmpty)
    #expect(out.stderr.contains("revenue"))
    #expect(out.stderr.split(separator: "\n").count == 1)
  }

  @Test func scoreReadsStandardInputInEitherFormat() throws {
    let rules = Self.fixture("mini.rules")
    let inputs: [(format: String, text: String)] = [
      ("csv", "\u{FEFF}id,kwh,revenue,certs\r\nS1,100,100000,ISO14001\r\n"),
      ("jsonl", #"{"id":"S1","kwh":100,"revenue":100000,"certs":["ISO14001"]}"# + "\n"),
    ]
    for (format, text) in inputs {
      let process = Process()
      process.executableURL = CLIProcess.binary
      process.arguments = ["score", rules, "--input", "-", "--format", format]
      let stdin = Pipe()
      let stdout = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = FileHandle.nullDevice
      try process.run()
      stdin.fileHandleForWriting.write(Data(text.utf8))
      try stdin.fileHandleForWriting.close()
      let output = stdout.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(format)")
      #expect(
        String(decoding: output, as: UTF8.self)
          == #"{"id":"S1","score":50,"rating":"A","eligible":true,"reasons":[],"knockouts":[],"denials":[],"factors":{"energy":30,"certified":20},"outputs":{"intensity_x1000":1}}"#
          + "\n", "\(format)")
    }
  }

  @Test func scoreWithoutAnInputIsBadUsage() throws {
    let out = try CLIProcess.run(["score", Self.fixture("mini.rules")])
    #expect(out.status == 64)
  }

  @Test func scoreRejectsAnAsOfThatIsNotADate() throws {
    let out = try CLIProcess.run([
      "score", Self.fixture("mini.rules"), "--record", "{}", "--as-of", "2023-02-30",
    ])
    #expect(out.status == 64)
  }

  @Test func testReportsEachFailingFieldAndTheTotals() throws {
    let cases = Self.fixture("mini.cases.csv")
    let out = try CLIProcess.run(["test", Self.fixture("mini.rules"), cases])
    #expect(out.status == 1)
    #expect(
      out.stdout == """
        \(cases):5: C4: expect_rating: expected "B", actual "A"
        \(cases):5: C4: expect_score: expected "49", actual 50
        \(cases):5: C4: expect_reasons: expected "NO_CERT", actual ""
        3 passed, 1 failed

        """)
  }

  @Test func aCaseWithoutExpectationsIsAnError() throws {
    let ws = try RescoreWorkspace()
    let cases = ws.path("cases.csv")
    try """
    id,kwh,revenue,certs,expect_rating,expect_eligible,expect_score,expect_reasons
    C1,500,100000,ISO14001,A,true,50,
    C9,500,100000,ISO14001,,,,
    """.write(toFile: cases, atomically: true, encoding: .utf8)
    let out = try CLIProcess.run(["test", Self.fixture("mini.rules"), cases])
    #expect(out.status == 1)
    #expect(
      out.stdout == """
        \(cases):3: C9: no expect_* field: a case must state at least one expected value
        1 passed, 1 failed

        """)
  }

  @Test func testPassesTheShippedCases() throws {
    let cases = CLIProcess.packageRoot.appendingPathComponent("Rules/sme-green.cases.csv").path
    let out = try CLIProcess.run(["test", CLIProcess.shippedRules, cases])
    #expect(out.status == 0, "\(out)")
    #expect(out.stdout.hasSuffix(" passed, 0 failed\n"))
  }

  @Test func resumeWithARunIDIsRewrittenForTheParser() {
    #expect(
      GreenrateCommand.normalized(["batch", "r", "i", "--resume", "12", "--db", "d"])
        == ["batch", "r", "i", "--resume", "--resume-run", "12", "--db", "d"])
    #expect(
      GreenrateCommand.normalized(["batch", "--resume=7"]) == [
        "batch", "--resume", "--resume-run", "7",
      ])
    #expect(
      GreenrateCommand.normalized(["batch", "r", "i", "--resume", "--db", "d"])
        == ["batch", "r", "i", "--resume", "--db", "d"])
  }
}
