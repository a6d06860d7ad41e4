import Foundation
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore
import GreenrateTestSupport
import Testing

@testable import GreenrateEngine

@Suite struct StoreTests {
  /// One record for `green.rules` from CSV-like cells (unnamed inputs missing).
  func record(_ program: Program, _ cells: [String: String], line: Int = 2) throws -> RecordBuffer {
    var buffer = RecordBuffer(layout: program.layout)
    let row = buffer.appendRow(line: line)
    for (index, field) in program.layout.fields.enumerated() {
      let value = try CellDecoder.decode(cells[field.name] ?? "", as: field.type).get()
      StoredRecord.set(value, in: &buffer, row: row, field: index)
    }
    return buffer
  }

  let cells = [
    "merchant_id": "M42", "industry": "H6210", "province": "Yunnan",
    "annual_revenue_cny": "1200000", "electricity_kwh": "30000", "env_penalties_3y": "0",
    "certifications": "ISO14001;CEL", "established": "2015-06-01", "employees": "4",
  ]

  func rescore(_ store: Store, _ program: Program, _ cells: [String: String]) throws -> Int64 {
    let records = try record(program, cells)
    let evaluator = Evaluator(program: program, asOf: Day.parse("2026-01-15")!)
    let error = evaluator.evaluate(records, row: 0)
    return try #require(
      try store.writeRescore(
        program: program, rulesPath: BatchFixture.rulesPath, asOf: evaluator.asOf,
        records: records, row: 0, evaluator: evaluator, error: error))
  }

  @Test func createsTheContractSchemaInWALMode() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("g.sqlite").path
    let store = try Store(path: path)
    #expect(try BatchFixture.rows(store.db, "PRAGMA journal_mode") == ["wal"])
    let objects = try BatchFixture.rows(
      store.db, "SELECT type || ' ' || name FROM sqlite_master ORDER BY name")
    for object in ["view current_ratings", "view ratings", "table rejects", "table runs"] {
      #expect(objects.contains(object))
    }
    let runColumns = try BatchFixture.rows(store.db, "SELECT name FROM pragma_table_info('runs')")
    for column in [
      "run_id", "kind", "status", "ruleset", "ruleset_version", "ruleset_sha256", "as_of",
      "input", "started_at", "finished_at", "records_read", "records_scored",
      "records_rejected", "rules_path",
    ] {
      #expect(runColumns.contains(column), "runs.\(column)")
    }
    let ratingColumns = try BatchFixture.rows(
      store.db, "SELECT name FROM pragma_table_info('ratings')")
    for column in [
      "run_id", "merchant_id", "score", "rating", "eligible", "reasons", "knockouts", "denials",
      "outputs",
    ] {
      #expect(ratingColumns.contains(column), "ratings.\(column)")
    }
    // Opening again keeps everything (and a second connection works alongside).
    let again = try Store(path: path)
    #expect(try again.runs().isEmpty)
  }

  @Test func ratingsAreUniquePerRunAndMerchant() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store(path: folder.appendingPathComponent("g.sqlite").path)
    try store.db.execute(
      "INSERT INTO states (state_id, score, rating, eligible, reasons, knockouts, "
        + "denials, outputs, factors, record) VALUES (7, 1, 'A', 1, '[]', '[]', '[]', "
        + "'{}', x'00', x'01')")
    let insert =
      "INSERT INTO rating_rows (run_id, merchant_id, line, eligible, state_id, state_hash) "
      + "VALUES (1, 'M1', 2, 1, 7, 70)"
    try store.db.execute(insert)
    #expect(throws: SQLiteError.self) { try store.db.execute(insert) }
    try store.db.execute(insert.replacingOccurrences(of: "(1, 'M1'", with: "(2, 'M1'"))
    #expect(try BatchFixture.rows(store.db, "SELECT count(*) FROM ratings") == ["2"])
    #expect(
      try BatchFixture.rows(
        store.db, "SELECT DISTINCT rating FROM ratings WHERE merchant_id = 'M1'")
        == ["A"])
  }

  @Test func rescoreStoresRatingRecordAndRun() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store(path: folder.appendingPathComponent("g.sqlite").path)
    let program = try BatchFixture.program()
    let runID = try rescore(store, program, cells)

    let run = try #require(try store.run(id: runID))
    #expect(run.kind == .rescore)
    #expect(run.status == .completed)
    #expect(run.ruleset == "batch-test")
    #expect(run.rulesetVersion == "1.0")
    #expect(run.rulesetSHA256 == program.sha256)
    #expect(run.rulesetSHA256.count == 64)
    #expect(run.asOf == "2026-01-15")
    #expect(run.recordsRead == 1 && run.recordsScored == 1 && run.recordsRejected == 0)
    #expect(run.rulesPath == BatchFixture.rulesPath)
    #expect(run.startedAt.count == 20 && run.startedAt.hasSuffix("Z"))
    #expect(run.finishedAt != nil)

    // 30 MWh * 0.1073 = 3.219 t over 120 (10k CNY) = 0.0268 -> 40; ISO14001 -> 20;
    // 300k per employee -> 10.
    let rating = try #require(try store.rating(merchantID: "M42"))
    #expect(rating.run.id == runID)
    #expect(rating.score == 70)
    #expect(rating.rating == "A")
    #expect(rating.eligible)
    #expect(rating.reasons.isEmpty && rating.knockouts.isEmpty && rating.denials.isEmpty)
    #expect(rating.factors.map(\.name) == ["carbon", "certified", "productivity"])
    #expect(rating.factors.map(\.points) == [40, 20, 10])
    #expect(rating.factors[0].title == "Carbon intensity")
    #expect(rating.factors[0].band == 1)
    #expect(rating.factors[0].matchedBand?.points == 40)
    #expect(rating.factors[2].bands.count == 2)
    #expect(rating.factors[2].bands[1].reason == "LOW_PRODUCTIVITY")
    #expect(rating.factors[2].bands[1].isElse)
    #expect(
      rating.outputsJSON
        == #"{"emissions_t":3.219,"sector":"H","founded":"2015-06-01","certs":["CEL","ISO14001"],"kwh":30000,"online_seller":false}"#
    )
    #expect(rating.inputs.first { $0.field.name == "province" }?.value == .text(Text("Yunnan")))
    #expect(rating.inputs.first { $0.field.name == "online" }?.value == .missing)

    let stored = try #require(try store.latestRecord(merchantID: "M42"))
    #expect(stored.runID == runID)
    #expect(stored.rulesPath == BatchFixture.rulesPath)
    #expect(stored.value(named: "annual_revenue_cny") == .number(1_200_000))
    #expect(
      stored.value(named: "certifications") == .set(TextSet([Text("CEL"), Text("ISO14001")])))
    #expect(try store.latestRecord(merchantID: "nobody") == nil)
    #expect(try store.rating(merchantID: "nobody") == nil)
  }

  @Test func aRuntimeErrorIsARejectWhoseRecordIsStillStored() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store(path: folder.appendingPathComponent("g.sqlite").path)
    let program = try BatchFixture.program()
    var failing = cells
    failing["employees"] = "0"
    let runID = try rescore(store, program, failing)
    let run = try #require(try store.run(id: runID))
    #expect(run.recordsRejected == 1 && run.recordsScored == 0)
    let rejects = try BatchFixture.rows(
      store.db, "SELECT line, merchant_id, message FROM rejects WHERE run_id = ?",
      [.integer(runID)])
    #expect(rejects.count == 1)
    #expect(rejects.first?.hasPrefix("2|M42|\(BatchFixture.rulesPath):") == true)
    #expect(try store.rating(merchantID: "M42") == nil)
    let stored = try #require(try store.latestRecord(merchantID: "M42"))
    #expect(stored.value(named: "employees") == .number(0))
  }

  @Test func currentRatingsFollowTheLatestCompletedRun() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store(path: folder.appendingPathComponent("g.sqlite").path)
    let program = try BatchFixture.program()
    let first = try rescore(store, program, cells)
    var other = cells
    other["merchant_id"] = "M7"
    _ = try rescore(store, program, other)
    var changed = cells
    changed["certifications"] = ""
    let second = try rescore(store, program, changed)
    let current = try BatchFixture.rows(
      store.db, "SELECT merchant_id, run_id, score FROM current_ratings ORDER BY merchant_id")
    #expect(current == ["M42|\(second)|50.0", "M7|2|70.0"])
    #expect(try store.rating(merchantID: "M42", runID: first)?.score == 70)

    #expect(try store.run(id: second)?.completedSeq == 3)

    // A batch that has not completed (killed after its first chunk) moves nothing...
    let input = folder.appendingPathComponent("in.csv").path
    let header = cells.keys.sorted()
    var lines = [header.joined(separator: ",")]
    for id in ["M1", "M42", "M7", "M8"] {
      var record = cells
      record["merchant_id"] = id
      lines.append(header.map { record[$0] ?? "" }.joined(separator: ","))
    }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: input, atomically: true, encoding: .utf8)
    var options = BatchOptions(
      rulesPath: BatchFixture.rulesPath, inputPath: input, databasePath: store.path, jobs: 1,
      asOf: Day.parse("2026-01-15"), chunkSize: 2, commitRows: 1, showProgress: false,
      stopAfterChunks: 1)
    let stopped = try BatchRunner(options: options, program: program).run { _ in }
    #expect(stopped.status == .running)
    #expect(
      try BatchFixture.rows(
        store.db, "SELECT merchant_id, run_id FROM current_ratings ORDER BY merchant_id")
        == ["M42|\(second)", "M7|2"])
    // ...but the record it received is the merchant's freshest.
    #expect(try store.latestRecord(merchantID: "M42")?.runID == stopped.runID)
    // Once it completes, every merchant it rated is current from it, in one step.
    options.stopAfterChunks = nil
    options.resume = .run(stopped.runID)
    let finished = try BatchRunner(options: options, program: program).run { _ in }
    #expect(finished.status == .completed)
    #expect(
      try BatchFixture.rows(
        store.db, "SELECT merchant_id, run_id, score FROM current_ratings ORDER BY merchant_id")
        == [
          "M1|\(stopped.runID)|70.0", "M42|\(stopped.runID)|70.0", "M7|\(stopped.runID)|70.0",
          "M8|\(stopped.runID)|70.0",
        ])
    #expect(try store.rating(merchantID: "M42")?.run.id == stopped.runID)
  }
}
