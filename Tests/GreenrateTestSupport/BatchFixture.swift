import Foundation
import GreenrateLanguage
import GreenrateStore

@testable import GreenrateEngine

/// Files, generated inputs and table dumps shared by the store and batch tests.
package enum BatchFixture {
  /// `Tests/GreenrateTestSupport/Fixtures/batch/NAME`.
  package static func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/batch/\(name)").path
  }

  /// The package root (for `.build/debug/greenrate`).
  package static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  package static var rulesPath: String { path("green.rules") }

  /// The fixture rule set, compiled.
  package static func program(_ file: String = rulesPath) throws -> Program {
    let source = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
    return try Program.compile(source: source, file: file)
  }

  /// A new empty folder under the temporary directory.
  package static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// What the generator expects of each record.
  package enum Expected: Hashable {
    case scored
    case badNumber
    case runtimeError
    case duplicate(keptLine: Int)
  }

  /// A generated CSV for `green.rules`: `count` records, with bad numbers (every 97th),
  /// runtime errors (employees 0, every 101st), duplicate keys (every 89th repeats the
  /// key of the record 5 before), empty lines, quoted commas and an ignored column;
  /// `shuffled` puts the records in a scrambled order.
  /// Returns the file's text and, by line, what each record should become.
  package static func csv(records count: Int, start: Int = 1, shuffled: Bool = false)
    -> (text: String, expected: [Int: Expected])
  {
    let industries = ["C1713", "H6210", "F5211", "C2511", "D4411", "I6510", "B0610"]
    let provinces = ["Beijing", "Yunnan", "Zhejiang", "Inner Mongolia"]
    let certifications = ["", "ISO14001", "\"CEL; ISO14001\"", "CEL"]
    let online = ["true", "no", "", "1"]
    var text =
      "merchant_id,industry,province,annual_revenue_cny,electricity_kwh,green_power_share,"
      + "env_penalties_3y,certifications,established,employees,online,note\n"
    var line = 2
    var expected: [Int: Expected] = [:]
    var firstScored: [String: Int] = [:]
    func id(_ i: Int) -> String { "M" + String(format: "%07d", i) }
    var indexes = Array(start..<(start + count))
    if shuffled {
      // A fixed permutation (multiplying by a number prime to the count), so that keys
      // arrive in no particular order, duplicates included.
      let step = (1...).lazy.map { 7919 * $0 + 1 }.first { gcd($0, count) == 1 } ?? 1
      indexes = (0..<count).map { start + ($0 * step) % count }
    }
    for i in indexes {
      if i % 500 == 0 {
        text += "\n"
        line += 1
      }
      let key = i % 89 == 0 ? id(i - 5) : id(i)
      let revenue = i % 97 == 0 ? "12x" : String(50_000 + (i * 7919) % 5_000_000)
      let electricity = i % 3 == 0 ? "" : String((i * 131) % 200_000)
      let share = i % 5 == 0 ? "0.25" : ""
      let penalties = i % 23 == 0 ? "1" : "0"
      let established = Day.format(Day.number(year: 2000, month: 1, day: 1) + (i * 37) % 9_400)
      let employees = i % 101 == 0 ? "0" : (i % 11 == 0 ? "" : String(1 + i % 40))
      text += [
        key, industries[i % 7], provinces[i % 4], revenue, electricity, share, penalties,
        certifications[i % 4], established, employees, online[i % 4], "\"a, b\"",
      ].joined(separator: ",")
      text += i % 2 == 0 ? "\r\n" : "\n"
      if i % 97 == 0 {
        expected[line] = .badNumber
      } else if i % 101 == 0 {
        expected[line] = .runtimeError
      } else if let kept = firstScored[key] {
        expected[line] = .duplicate(keptLine: kept)
      } else {
        firstScored[key] = line
        expected[line] = .scored
      }
      line += 1
    }
    return (text, expected)
  }

  package static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

  /// Writes a generated CSV into `folder` and returns its path and expectations.
  package static func writeCSV(
    records: Int, in folder: URL, name: String = "merchants.csv", shuffled: Bool = false
  ) throws -> (path: String, expected: [Int: Expected]) {
    let (text, expected) = csv(records: records, shuffled: shuffled)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return (url.path, expected)
  }

  /// Every value of a query's rows, one string per row (`|`-separated).
  package static func rows(_ db: Database, _ sql: String, _ parameters: [SQLValue] = []) throws
    -> [String]
  {
    let statement = try db.prepare(sql)
    statement.bindAll(parameters)
    var rows: [String] = []
    let columns = statement.columnCount
    while try statement.step() {
      var values: [String] = []
      for c in 0..<columns {
        values.append(statement.isNull(c) ? "NULL" : statement.text(c) ?? "")
      }
      rows.append(values.joined(separator: "|"))
    }
    return rows
  }

  /// A run's ratings (by merchant) and rejects (by line), without the run id: what two
  /// runs of the same input must share row for row.
  package static func dump(_ db: Database, run: Int64) throws -> (
    ratings: [String], rejects: [String]
  ) {
    let ratings = try rows(
      db,
      """
      SELECT merchant_id, score, rating, eligible, reasons, knockouts, denials, outputs,
        factors, line, hex(record)
      FROM ratings WHERE run_id = ? ORDER BY merchant_id
      """, [.integer(run)])
    let rejects = try rows(
      db,
      "SELECT line, merchant_id, message, hex(record) FROM rejects WHERE run_id = ? ORDER BY line, message",
      [.integer(run)])
    return (ratings, rejects)
  }

  /// A run's row in `runs`.
  package static func run(_ db: Database, _ id: Int64) throws -> [String: String] {
    let statement = try db.prepare("SELECT * FROM runs WHERE run_id = ?")
    statement.bind(id, at: 1)
    var result: [String: String] = [:]
    if try statement.step() {
      for c in 0..<statement.columnCount {
        result[statement.columnName(c)] = statement.isNull(c) ? "NULL" : statement.text(c) ?? ""
      }
    }
    return result
  }

  /// What must hold of `current` at any moment, kill or not: it points only at completed
  /// runs' ratings, each the same row, and for every merchant at the rating of the run
  /// completed last among those that rated it (never half-moved). Returns the faults.
  package static func currentFaults(_ db: Database) throws -> [String] {
    var faults: [String] = []
    let notCompleted = try rows(
      db,
      """
      SELECT count(*) FROM current AS c JOIN runs AS u ON u.run_id = c.run_id
      WHERE u.status != 'completed'
      """)
    if notCompleted != ["0"] { faults.append("current names unfinished runs: \(notCompleted)") }
    let mismatched = try rows(
      db,
      """
      SELECT count(*) FROM current AS c LEFT JOIN rating_rows AS g
        ON g.run_id = c.run_id AND g.merchant_id = c.merchant_id
      WHERE g.state_id IS NOT c.state_id OR g.line IS NOT c.line OR g.eligible IS NOT c.eligible
      """)
    if mismatched != ["0"] { faults.append("current rows unlike their ratings: \(mismatched)") }
    let behind = try rows(
      db,
      """
      SELECT count(*) FROM rating_rows AS g JOIN runs AS u ON u.run_id = g.run_id
      WHERE u.status = 'completed' AND NOT EXISTS (
        SELECT 1 FROM current AS c JOIN runs AS v ON v.run_id = c.run_id
        WHERE c.merchant_id = g.merchant_id AND v.completed_seq >= u.completed_seq)
      """)
    if behind != ["0"] {
      faults.append("merchants whose current is not the latest completed: \(behind)")
    }
    let dangling = try rows(
      db,
      """
      SELECT (SELECT count(*) FROM current AS c WHERE NOT EXISTS (
          SELECT 1 FROM states AS s WHERE s.state_id = c.state_id))
        + (SELECT count(*) FROM rating_rows AS g WHERE NOT EXISTS (
          SELECT 1 FROM states AS s WHERE s.state_id = g.state_id))
      """)
    if dangling != ["0"] { faults.append("ratings without their state: \(dangling)") }
    return faults
  }
}
