import Foundation
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore
import GreenrateTestSupport

@testable import GreenrateEngine

/// A database with many rescore runs among batch nights, and the version-3 queries that
/// found a merchant's freshest record by probing every run — the reference the indexed
/// queries (`runs.merchant_id`) must agree with, row for row.
enum RescoreRunsFixture {
  /// The merchants of the generated input (`BatchFixture.csv`), and one never received.
  static let merchants = (1...150).map { "M" + String(format: "%07d", $0) } + ["nobody"]

  /// What the fixture rescored on purpose (the 200 others come on top).
  struct Written {
    /// The two completed nights and the killed third (its rows still pending).
    var nights: [Int64] = []
    /// The last rescore run of each merchant rescored on purpose.
    var rescores: [String: Int64] = [:]
  }

  /// Writes into `path`: night 1 (150 records, with rejects); rescores of M0000002,
  /// M0000004 (twice), M0000101 (its night-1 record failed the rules) and M0000003 (to a
  /// runtime error: a reject); night 2; a rescore of M0000005; 200 rescores of other
  /// merchants; night 3 killed after its first chunk; a rescore of M0000001 from it.
  static func write(path: String, folder: URL, program: Program) throws -> Written {
    let input = try BatchFixture.writeCSV(records: 150, in: folder).path
    let store = try Store(path: path)
    var written = Written()
    func night(_ day: String, stopAfterChunks: Int? = nil) throws {
      let options = BatchOptions(
        rulesPath: BatchFixture.rulesPath, inputPath: input, databasePath: path, jobs: 1,
        asOf: Day.parse(day), chunkSize: 40, commitRows: 1, showProgress: false,
        stopAfterChunks: stopAfterChunks)
      written.nights.append(try BatchRunner(options: options, program: program).run { _ in }.runID)
    }
    func rescore(_ id: String, _ sets: [String: String]) throws {
      var request = MerchantRescore(merchantID: id, asOf: Day.number(year: 2026, month: 1, day: 20))
      request.given = sets.sorted { $0.key < $1.key }.map {
        FieldOverride(field: $0.key, value: $0.value)
      }
      request.keepGiven = false
      let outcome = try request.run(on: store) { _ in
        MerchantRescore.Rules(program: program, path: BatchFixture.rulesPath, text: nil)
      }
      written.rescores[id] = outcome.runID
    }
    try night("2026-01-15")
    try rescore("M0000002", ["employees": "9"])
    try rescore("M0000004", ["employees": "12"])
    try rescore("M0000004", ["province": "Beijing"])
    try rescore("M0000101", ["employees": "5"])
    try rescore("M0000003", ["employees": "0"])
    try night("2026-01-16")
    try rescore("M0000005", ["certifications": "CEL"])
    let watched = Set(["M0000001", "M0000002", "M0000003", "M0000004", "M0000005", "M0000101"])
    // M0000089 never arrives (its line repeats M0000084's key), M0000097's record never
    // decodes: neither can be rescored.
    let unknown = Set(["M0000089", "M0000097"])
    let others = merchants.dropLast().filter { !watched.contains($0) && !unknown.contains($0) }
    var rescored = 0
    for id in others.prefix(100) where rescored < 200 {
      try rescore(id, ["employees": String(1 + rescored % 40)])
      try rescore(id, ["electricity_kwh": String(1000 * rescored)])
      rescored += 2
    }
    written.rescores = written.rescores.filter { watched.contains($0.key) }
    try night("2026-01-17", stopAfterChunks: 1)
    try rescore("M0000001", ["employees": "3"])
    return written
  }

  /// One stored record as a line: run, line, record, fields, rules path, source run.
  static func line(_ row: StoredRecordRow?) -> String {
    guard let row else { return "none" }
    let hex = row.record.map { String(format: "%02X", $0) }.joined()
    return "\(row.runID)|\(row.line)|\(hex)|\(row.recordFields)|\(row.rulesPath)|\(row.sourceRun)"
  }

  /// Each merchant's freshest record, batch record and freshest source, as this
  /// version's store finds them.
  static func answers(_ store: Store) throws -> [String] {
    try merchants.map { id in
      let latest = line(try store.latestRecordRow(merchantID: id))
      let batch = line(try store.latestRecordRow(merchantID: id, fromBatch: true))
      let source = try store.freshestSource(merchantID: id).map(String.init) ?? "none"
      return "\(id): \(latest) / \(batch) / \(source)"
    }
  }

  /// The same, by version 3's queries (one probe per run kept), on any database
  /// holding the tables they read.
  static func referenceAnswers(_ db: Database) throws -> [String] {
    try merchants.map { id in
      let latest = try BatchFixture.rows(db, latestRecordV3(fromBatch: false), [.text(id)])
      let batch = try BatchFixture.rows(db, latestRecordV3(fromBatch: true), [.text(id)])
      let source = try BatchFixture.rows(db, freshestSourceV3, [.text(id)])
      return
        "\(id): \(latest.first ?? "none") / \(batch.first ?? "none") / "
        + (source.first.flatMap { $0 == "NULL" ? nil : $0 } ?? "none")
    }
  }

  /// Version 3's `Store.latestRecordRow`, selecting what `line(_:)` prints.
  static func latestRecordV3(fromBatch: Bool) -> String {
    """
    SELECT x.run_id, x.line, hex(x.record), u.record_fields, u.rules_path,
      coalesce(u.base_run, u.run_id) AS source FROM (
      SELECT g.run_id, g.line, s.record, 1 AS rated FROM runs AS r
        CROSS JOIN rating_rows AS g ON g.run_id = r.run_id AND g.merchant_id = ?1
        JOIN states AS s ON s.state_id = g.state_id
      UNION ALL
      SELECT g.run_id, g.line, s.record, 1 AS rated FROM runs AS r
        CROSS JOIN pending_rows AS g ON g.run_id = r.run_id AND g.merchant_id = ?1
        JOIN states AS s ON s.state_id = g.state_id
        WHERE r.kind = 'batch' AND r.status = 'running'
      UNION ALL
      SELECT run_id, line, record, 0 AS rated FROM rejects
        WHERE merchant_id = ?1 AND record IS NOT NULL
    ) AS x JOIN runs AS u ON u.run_id = x.run_id
    \(fromBatch ? "WHERE u.kind = 'batch'" : "")
    ORDER BY source DESC, x.run_id DESC, x.rated DESC, x.line DESC LIMIT 1
    """
  }

  /// Version 3's `Store.freshestSource`.
  static let freshestSourceV3 = """
    SELECT max(coalesce(u.base_run, u.run_id)) FROM runs AS u
    WHERE EXISTS (SELECT 1 FROM rating_rows AS g WHERE g.run_id = u.run_id AND g.merchant_id = ?1)
      OR EXISTS (SELECT 1 FROM pending_rows AS p WHERE p.run_id = u.run_id AND p.merchant_id = ?1)
      OR EXISTS (SELECT 1 FROM rejects AS j
        WHERE j.run_id = u.run_id AND j.merchant_id = ?1 AND j.record IS NOT NULL)
    """

  /// Turns this version's database back into version 3's shape, as version 3 wrote it:
  /// no `runs.merchant_id`, no index on it.
  static func downgradeToVersion3(_ db: Database) throws {
    try db.execute(
      """
      DROP INDEX runs_merchant;
      ALTER TABLE runs DROP COLUMN merchant_id;
      PRAGMA user_version = 3;
      """)
  }
}
