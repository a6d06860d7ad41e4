import Foundation
import Testing

/// `greenrate export`, run as a process on databases written by `greenrate batch`, its
/// CSV read back by Python's `csv` module and compared with `greenrate score`.
@Suite(.serialized) struct ExportCommandTests {
  /// Merchant ids a CSV writer must quote, and Chinese text.
  static let nastyIDs = ["M,\"1\"", "商户一号", "M 2 ;x"]

  /// A workspace with 200 generated merchants plus the nasty ids, rated as of
  /// 2026-11-01 (run 1).
  private func ratedWorkspace() throws -> (RescoreWorkspace, rules: String, input: String) {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: 200, seed: 5)
    let text = try String(contentsOfFile: input, encoding: .utf8)
    let header = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
    var added = ""
    for id in ExportCommandTests.nastyIDs {
      var fields = RescoreWorkspace.ordinaryMerchant
      fields["merchant_id"] = id
      added +=
        header.map { name in
          let v = fields[name] ?? ""
          return v.contains(",") || v.contains("\"")
            ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }.joined(separator: ",") + "\n"
    }
    try (text + added).write(toFile: input, atomically: true, encoding: .utf8)
    try ws.batch(rules: rules, input: input)
    return (ws, rules, input)
  }

  /// The rows of a CSV file as Python's `csv.DictReader` reads them.
  private func pythonRows(_ path: String, encoding: String = "utf-8") throws -> [[String: String]] {
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:
          print(json.dumps(list(csv.DictReader(f))))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path, encoding]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    let rows = try JSONSerialization.jsonObject(with: data)
    return try #require(rows as? [[String: String]])
  }

  /// `greenrate score` of the input, by merchant id.
  private func scored(_ rules: String, _ input: String) throws -> [String: [String: Any]] {
    let outcome = try CLIProcess.run(["score", rules, "--input", input, "--as-of", "2026-11-01"])
    try #require(outcome.status == 0, "\(outcome)")
    var results: [String: [String: Any]] = [:]
    for line in outcome.stdout.split(separator: "\n") {
      let object = try jsonObject(String(line))
      results[try #require(object["merchant_id"] as? String)] = object
    }
    return results
  }

  /// `greenrate score`'s output lines, by merchant id.
  private func scoredLines(_ rules: String, _ input: String) throws -> [String: String] {
    let outcome = try CLIProcess.run(["score", rules, "--input", input, "--as-of", "2026-11-01"])
    try #require(outcome.status == 0, "\(outcome)")
    var lines: [String: String] = [:]
    for line in outcome.stdout.split(separator: "\n").map(String.init) {
      lines[try #require(try jsonObject(line)["merchant_id"] as? String)] = line
    }
    return lines
  }

  /// Whether a CSV cell holds a JSON value from `score`.
  private func same(_ cell: String?, _ value: Any?) -> Bool {
    switch value {
    case let text as String: return cell == text
    case let number as NSNumber: return Double(cell ?? "") == number.doubleValue
    case is NSNull, nil: return cell == ""
    default: return false
    }
  }

  @Test("CSV read back by Python's csv module equals what `score` computes")
  func csvRoundTrip() throws {
    let (ws, rules, input) = try ratedWorkspace()
    let output = ws.path("ratings.csv")
    let outcome = try CLIProcess.run(["export", "--db", ws.database, "--output", output])
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: output + ".partial"))
    let rows = try pythonRows(output)
    let expected = try scored(rules, input)
    #expect(rows.count == 203)
    #expect(Set(rows.compactMap { $0["merchant_id"] }) == Set(expected.keys))
    for row in rows {
      let id = try #require(row["merchant_id"])
      let want = try #require(expected[id])
      #expect(row["run_id"] == "1")
      #expect(same(row["score"], want["score"]), "\(id)")
      #expect(row["rating"] == want["rating"] as? String)
      #expect(row["eligible"] == ((want["eligible"] as? Bool ?? false) ? "true" : "false"))
      for list in ["reasons", "knockouts", "denials"] {
        #expect(
          row[list] == (want[list] as? [String] ?? []).joined(separator: ";"), "\(id) \(list)")
      }
      let factors = try #require(want["factors"] as? [String: Any])
      #expect(factors.count == 6)
      for (name, points) in factors {
        #expect(same(row["factor.\(name)"], points), "\(id) \(name)")
      }
      let outputs = try #require(want["outputs"] as? [String: Any])
      #expect(outputs.count == 2)
      for (name, value) in outputs {
        #expect(same(row["output.\(name)"], value), "\(id) \(name)")
      }
    }
  }

  @Test("--excel writes a byte order mark and CRLF, and Excel's reader gets the same rows")
  func excel() throws {
    let (ws, _, _) = try ratedWorkspace()
    let plain = ws.path("plain.csv")
    let excel = ws.path("excel.csv")
    #expect(try CLIProcess.run(["export", "--db", ws.database, "--output", plain]).status == 0)
    #expect(
      try CLIProcess.run(["export", "--db", ws.database, "--excel", "--output", excel]).status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: excel))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let lf = bytes.enumerated().filter { $0.element == 0x0A }.map(\.offset)
    #expect(lf.count == 204)
    #expect(lf.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D })
    let rows = try pythonRows(excel, encoding: "utf-8-sig")
    #expect(rows == (try pythonRows(plain)))
    #expect(rows.contains { $0["merchant_id"] == "商户一号" })
  }

  @Test("--run gives one run's rows; the default follows rescores; JSON Lines matches score")
  func selectionAndJSONLines() throws {
    let (ws, rules, input) = try ratedWorkspace()
    let rescored = try CLIProcess.run([
      "rescore", "商户一号", "--db", ws.database, "--as-of", "2026-11-01", "--set",
      "certifications=ISO14001",
    ])
    #expect(rescored.status == 0, "\(rescored)")
    let current = try CLIProcess.run(["export", "--db", ws.database, "--format", "jsonl"])
    #expect(current.status == 0, "\(current)")
    let lines = current.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 203)
    let scoredLines = try scoredLines(rules, input)
    for line in lines {
      let object = try jsonObject(line)
      let id = try #require(object["merchant_id"] as? String)
      if id == "商户一号" {
        #expect(object["run_id"] as? Int == 2)
        #expect((object["factors"] as? [String: Double])?["certification"] ?? 0 > 0)
        continue
      }
      #expect(object["run_id"] as? Int == 1)
      // Byte for byte what `score` prints, with the run id after the merchant id.
      #expect(scoredLines[id] == line.replacingOccurrences(of: ",\"run_id\":1,", with: ","))
    }
    let second = try CLIProcess.run(["export", "--db", ws.database, "--run", "2"])
    #expect(second.status == 0, "\(second)")
    #expect(second.stdout.split(separator: "\n").count == 2)
    let first = try CLIProcess.run(["export", "--db", ws.database, "--run", "1"])
    #expect(first.stdout.split(separator: "\n").count == 204)

    // A failed run's rows never become current.
    try ws.append(to: input, records: [["merchant_id": "BAD", "overdue_count_12m": "none"]])
    let failed = try CLIProcess.run([
      "batch", rules, input, "--db", ws.database, "--as-of", "2026-11-02", "--max-rejects", "0",
    ])
    #expect(failed.status == 1, "\(failed)")
    #expect(try ws.count("SELECT count(*) FROM ratings WHERE run_id = 3") > 0)
    let after = try CLIProcess.run(["export", "--db", ws.database, "--format", "jsonl"])
    #expect(after.stdout == current.stdout)
  }

  @Test("an unknown run, a missing database and bad options fail with one line")
  func failures() throws {
    let (ws, _, _) = try ratedWorkspace()
    let unknown = try CLIProcess.run(["export", "--db", ws.database, "--run", "9"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no run 9"))
    let missing = try CLIProcess.run(["export", "--db", ws.path("nope.sqlite")])
    #expect(missing.status == 1)
    let both = try CLIProcess.run(["export", "--db", ws.database, "--run", "1", "--current"])
    #expect(both.status == 64)
    let excelJSON = try CLIProcess.run([
      "export", "--db", ws.database, "--excel", "--format", "jsonl",
    ])
    #expect(excelJSON.status == 64)
  }
}
