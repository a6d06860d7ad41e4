import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

@testable import GreenrateEngine

/// Version 1 of the database, kept as test code: its schema as version 1 created it and
/// a writer that stores runs, ratings (each with its whole record) and rejects the way
/// version 1's batch and rescore did — so the migration is tested on a database written
/// by that code, not on a committed binary.
enum Version1Fixture {
  static let schema = """
    CREATE TABLE runs (
      run_id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('batch', 'rescore')),
      status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
      ruleset TEXT NOT NULL, ruleset_version TEXT NOT NULL, ruleset_sha256 TEXT NOT NULL,
      as_of TEXT NOT NULL, input TEXT, started_at TEXT NOT NULL, finished_at TEXT,
      records_read INTEGER NOT NULL DEFAULT 0, records_scored INTEGER NOT NULL DEFAULT 0,
      records_rejected INTEGER NOT NULL DEFAULT 0, records_eligible INTEGER NOT NULL DEFAULT 0,
      rules_path TEXT NOT NULL, input_format TEXT, max_rejects INTEGER,
      rating_labels TEXT NOT NULL, rating_counts TEXT NOT NULL, record_fields TEXT NOT NULL,
      factor_info TEXT NOT NULL, resume_offset INTEGER NOT NULL DEFAULT 0,
      resume_line INTEGER NOT NULL DEFAULT 0, failure TEXT, input_size INTEGER
    );
    CREATE TABLE ratings (
      run_id INTEGER NOT NULL, merchant_id TEXT NOT NULL, score REAL NOT NULL,
      rating TEXT NOT NULL, eligible INTEGER NOT NULL, reasons TEXT NOT NULL,
      knockouts TEXT NOT NULL, denials TEXT NOT NULL, outputs TEXT NOT NULL,
      factors BLOB NOT NULL, line INTEGER NOT NULL, record BLOB NOT NULL
    );
    CREATE UNIQUE INDEX ratings_merchant_run ON ratings (merchant_id, run_id);
    CREATE TABLE rejects (
      run_id INTEGER NOT NULL, line INTEGER NOT NULL, merchant_id TEXT,
      message TEXT NOT NULL, record BLOB
    );
    CREATE INDEX rejects_merchant_record ON rejects (merchant_id, run_id)
      WHERE record IS NOT NULL;
    CREATE VIEW current_ratings AS
      SELECT r.run_id, r.merchant_id, r.score, r.rating, r.eligible, r.reasons,
        r.knockouts, r.denials, r.outputs, r.factors, r.line
      FROM ratings AS r
      WHERE r.run_id = (
        SELECT max(x.run_id) FROM ratings AS x JOIN runs AS u ON u.run_id = x.run_id
        WHERE x.merchant_id = r.merchant_id AND u.status = 'completed');
    PRAGMA user_version = 1;
    """

  /// One run to write: its kind, status, as-of date and records (CSV-like cells).
  struct Run {
    var kind: RunInfo.Kind
    var status: RunInfo.Status
    var asOf: String
    var records: [[String: String]]
  }

  /// Creates a version-1 database at `path` holding `runs`, scored with `program`.
  static func write(path: String, program: Program, rulesPath: String, runs: [Run]) throws {
    let db = try Database(path: path)
    try db.execute("PRAGMA journal_mode = WAL")
    try db.execute(schema)
    for run in runs {
      let asOf = try require(Day.parse(run.asOf))
      let ruleset = RulesetDescription(program)
      let zeros = program.ratingLabels.map { _ in "0" }.joined(separator: ",")
      let insertRun = try db.prepare(
        """
        INSERT INTO runs (kind, status, ruleset, ruleset_version, ruleset_sha256, as_of, input,
          started_at, finished_at, rules_path, rating_labels, rating_counts, record_fields,
          factor_info, records_read)
        VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', ?, ?, ?, ?, ?, ?, ?)
        """)
      insertRun.bindAll([
        .text(run.kind.rawValue), .text(run.status.rawValue), .text(program.name),
        .text(program.version), .text(program.sha256), .text(run.asOf),
        run.kind == .batch ? .text("/data/night.csv") : .null,
        run.status == .running ? .null : .text("2026-01-01T00:01:00Z"), .text(rulesPath),
        .text(ruleset.ratingLabelsJSON), .text("[\(zeros)]"), .text(ruleset.recordFields),
        .text(ruleset.factorInfo),
        .integer(Int64(run.records.count)),
      ])
      try insertRun.run()
      let runID = db.lastInsertRowID
      for (i, cells) in run.records.enumerated() {
        try writeRecord(db, runID: runID, program: program, asOf: asOf, cells: cells, line: i + 2)
      }
    }
  }

  private static func writeRecord(
    _ db: Database, runID: Int64, program: Program, asOf: Int, cells: [String: String], line: Int
  ) throws {
    var buffer = RecordBuffer(layout: program.layout)
    let row = buffer.appendRow(line: line)
    for (index, field) in program.layout.fields.enumerated() {
      let value = try CellDecoder.decode(cells[field.name] ?? "", as: field.type).get()
      StoredRecord.set(value, in: &buffer, row: row, field: index)
    }
    let evaluator = Evaluator(program: program, asOf: asOf)
    if let error = evaluator.evaluate(buffer, row: row) {
      var record: [UInt8] = []
      StoredRecordCodec.encode(buffer, row: row, into: &record)
      let reject = try db.prepare(
        "INSERT INTO rejects (run_id, line, merchant_id, message, record) VALUES (?, ?, ?, ?, ?)")
      reject.bindAll([
        .integer(runID), .integer(Int64(line)), .text(cells["merchant_id"] ?? ""),
        .text(error.description), .blob(record),
      ])
      try reject.run()
      return
    }
    var chunk = ScoredChunk(sequence: 0, capacity: 1)
    let key = try require(buffer.key(row: row))
    ChunkScorer(program: program, asOf: asOf).append(
      evaluator, key: key, records: buffer, row: row, to: &chunk)
    let insert = try db.prepare(
      """
      INSERT INTO ratings (run_id, merchant_id, score, rating, eligible, reasons, knockouts,
        denials, outputs, factors, line, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    try chunk.data.bytes.withUnsafeBytes { bytes in
      let r = chunk.ratingRow(0, bytes: bytes)
      insert.bind(runID, at: 1)
      insert.bindText(r.merchantID, at: 2)
      insert.bind(r.score, at: 3)
      insert.bindText(r.rating, at: 4)
      insert.bind(r.eligible ? 1 : 0, at: 5)
      insert.bindText(r.reasons, at: 6)
      insert.bindText(r.knockouts, at: 7)
      insert.bindText(r.denials, at: 8)
      insert.bindText(r.outputs, at: 9)
      insert.bindBlob(r.factors, at: 10)
      insert.bind(r.line, at: 11)
      insert.bindBlob(r.record, at: 12)
      try insert.run()
    }
  }
}

/// `#require` for the fixture's own checks outside a test body.
private func require<T>(_ value: T?) throws -> T {
  guard let value else { throw SQLiteError(code: 1, message: "fixture value missing") }
  return value
}
