import Foundation
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore
import GreenrateTestSupport
import Testing

@testable import GreenrateEngine

/// A database written by version 1 (`Version1Fixture`) opened by this version.
@Suite struct StoreMigrationTests {
  let base = [
    "industry": "H6210", "province": "Yunnan", "annual_revenue_cny": "1200000",
    "electricity_kwh": "30000", "env_penalties_3y": "0", "certifications": "ISO14001;CEL",
    "established": "2015-06-01", "employees": "4",
  ]

  func merchant(_ id: String, _ changes: [String: String] = [:]) -> [String: String] {
    var cells = base
    cells["merchant_id"] = id
    for (k, v) in changes { cells[k] = v }
    return cells
  }

  static let ratingColumns =
    "run_id, merchant_id, score, rating, eligible, reasons, knockouts, denials, outputs, hex(factors), line"

  func dump(_ db: Database) throws -> [[String]] {
    [
      try BatchFixture.rows(
        db, "SELECT \(Self.ratingColumns), hex(record) FROM ratings ORDER BY run_id, merchant_id"),
      try BatchFixture.rows(
        db, "SELECT \(Self.ratingColumns) FROM current_ratings ORDER BY merchant_id"),
      try BatchFixture.rows(
        db,
        "SELECT run_id, line, merchant_id, message, hex(record) FROM rejects ORDER BY run_id, line"),
      try BatchFixture.rows(db, "SELECT run_id, kind, status, as_of FROM runs ORDER BY run_id"),
    ]
  }

  @Test func aVersion1DatabaseKeepsEveryRatingExplainAndRescore() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("v1.sqlite").path
    let program = try BatchFixture.program()
    try Version1Fixture.write(
      path: path, program: program, rulesPath: BatchFixture.rulesPath,
      runs: [
        .init(
          kind: .batch, status: .completed, asOf: "2026-01-15",
          records: [
            merchant("M1"), merchant("M2"), merchant("M3", ["employees": "0"]), merchant("M4"),
          ]),
        .init(
          kind: .batch, status: .completed, asOf: "2026-01-16",
          records: [merchant("M1", ["certifications": ""]), merchant("M2"), merchant("M4")]),
        .init(
          kind: .rescore, status: .completed, asOf: "2026-01-16",
          records: [merchant("M2", ["electricity_kwh": "90000"])]),
        .init(
          kind: .batch, status: .running, asOf: "2026-01-17",
          records: [merchant("M1", ["province": "Beijing"])]),
        .init(
          kind: .batch, status: .failed, asOf: "2026-01-17",
          records: [merchant("M4", ["env_penalties_3y": "2"])]),
      ])
    let before = try dump(try Database(path: path))
    #expect(before[0].count == 9 && before[1].count == 3 && before[2].count == 1)

    let store = try Store(path: path)
    #expect(try BatchFixture.rows(store.db, "PRAGMA user_version") == ["4"])
    #expect(try BatchFixture.rows(store.db, "PRAGMA integrity_check") == ["ok"])
    #expect(try dump(store.db) == before)
    // Identical states of a merchant are stored once (M2 and M4 unchanged in run 2).
    #expect(try BatchFixture.rows(store.db, "SELECT count(*) FROM states") == ["7"])
    #expect(
      try BatchFixture.rows(store.db, "SELECT run_id, completed_seq FROM runs ORDER BY run_id")
        == ["1|1", "2|2", "3|3", "4|NULL", "5|NULL"])
    // The rescore run names its merchant.
    #expect(
      try BatchFixture.rows(store.db, "SELECT run_id, merchant_id FROM runs ORDER BY run_id")
        == ["1|NULL", "2|NULL", "3|M2", "4|NULL", "5|NULL"])

    // Every rating explains, with its own inputs.
    for row in before[0] {
      let parts = row.split(separator: "|", omittingEmptySubsequences: false)
      let rating = try #require(
        try store.rating(merchantID: String(parts[1]), runID: Int64(parts[0]) ?? 0))
      #expect(rating.inputs.count == program.layout.fields.count)
      #expect(rating.factors.count == program.factors.count)
    }
    #expect(
      try store.rating(merchantID: "M1", runID: 4)?.inputs.first { $0.field.name == "province" }?
        .value == .text(Text("Beijing")))
    #expect(try store.rating(merchantID: "M2")?.run.id == 3)

    // Rescore starts from the freshest record: the killed night's for M1, the rescore's
    // for M2, the runtime error's for M3.
    #expect(try store.latestRecord(merchantID: "M1")?.runID == 4)
    #expect(
      try store.latestRecord(merchantID: "M2")?.value(named: "electricity_kwh") == .number(90000))
    #expect(try store.latestRecord(merchantID: "M3")?.runID == 1)
    let stored = try #require(try store.latestRecord(merchantID: "M2"))
    let prepared = try Rescorer(program: program).prepare(
      stored, overrides: [FieldOverride(field: "employees", value: "9")])
    let evaluator = Evaluator(program: program, asOf: Day.parse("2026-01-18")!)
    let error = evaluator.evaluate(prepared.records, row: 0)
    let rescore = try #require(
      try store.writeRescore(
        program: program, rulesPath: BatchFixture.rulesPath, asOf: evaluator.asOf,
        records: prepared.records, row: 0, evaluator: evaluator, error: error,
        details: RescoreDetails(baseRun: stored.sourceRun)))
    #expect(try store.rating(merchantID: "M2")?.run.id == rescore)
    #expect(try store.rating(merchantID: "M2")?.run.completedSeq == 4)

    // Opening again changes nothing.
    let again = try Store(path: path)
    #expect(try again.rating(merchantID: "M2")?.run.id == rescore)
  }

  /// Version 3 kept no `runs.merchant_id`: version 4 fills it for the rescore runs kept,
  /// and rescore and explain find what they found before.
  @Test func aVersion3DatabaseWithRescoreRunsMigratesAndAnswersTheSame() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("v3.sqlite").path
    let program = try BatchFixture.program()
    let written = try RescoreRunsFixture.write(path: path, folder: folder, program: program)
    let named = "SELECT run_id, merchant_id FROM runs ORDER BY run_id"
    let (names, answers, explained): ([String], [String], [String])
    do {
      let store = try Store(path: path)
      names = try BatchFixture.rows(store.db, named)
      answers = try RescoreRunsFixture.answers(store)
      explained = try RescoreRunsFixture.merchants.map { id in
        let rating = try store.rating(merchantID: id)
        return "\(id): \(rating?.run.id ?? 0) \(rating?.score ?? -1) \(rating?.inputs.count ?? 0)"
      }
      try RescoreRunsFixture.downgradeToVersion3(store.db)
    }
    let v3 = try Database(path: path)
    #expect(try BatchFixture.rows(v3, "PRAGMA user_version") == ["3"])
    #expect(
      try !BatchFixture.rows(v3, "SELECT name FROM pragma_table_info('runs')").contains(
        "merchant_id"))
    let before = try dump(v3)
    #expect(try RescoreRunsFixture.referenceAnswers(v3) == answers)

    let store = try Store(path: path)
    #expect(try BatchFixture.rows(store.db, "PRAGMA user_version") == ["4"])
    #expect(try BatchFixture.rows(store.db, "PRAGMA integrity_check") == ["ok"])
    #expect(try BatchFixture.rows(store.db, named) == names)
    #expect(try dump(store.db) == before)
    #expect(try RescoreRunsFixture.answers(store) == answers)
    #expect(
      try RescoreRunsFixture.merchants.map { id in
        let rating = try store.rating(merchantID: id)
        return "\(id): \(rating?.run.id ?? 0) \(rating?.score ?? -1) \(rating?.inputs.count ?? 0)"
      } == explained)

    // A rescore after the migration starts from the freshest record and names its merchant.
    var request = MerchantRescore(
      merchantID: "M0000050", asOf: Day.number(year: 2026, month: 1, day: 21))
    request.given = [FieldOverride(field: "employees", value: "7")]
    let outcome = try request.run(on: store) { _ in
      MerchantRescore.Rules(program: program, path: BatchFixture.rulesPath, text: nil)
    }
    #expect(outcome.result != nil)
    #expect(try store.latestRecord(merchantID: "M0000050")?.runID == outcome.runID)
    #expect(try store.latestRecord(merchantID: "M0000050")?.sourceRun == written.nights[1])
    #expect(try store.rating(merchantID: "M0000050")?.run.id == outcome.runID)
    #expect(
      try BatchFixture.rows(
        store.db, "SELECT merchant_id FROM runs WHERE run_id = ?", [.integer(outcome.runID)])
        == ["M0000050"])
    #expect(try RescoreRunsFixture.answers(store) == RescoreRunsFixture.referenceAnswers(store.db))
  }
}
