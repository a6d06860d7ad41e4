import Foundation
import GreenrateEngine
import GreenrateStore

/// A hand-built database for the report's tests: runs and rows inserted by SQL, so the
/// expected counts are known exactly.
struct ReportDatabase {
  let path: String
  let store: Store

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-report-\(UUID().uuidString).sqlite").path
    store = try Store(path: path)
  }

  func remove() {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  /// Two factors: `size` (bands 10, 5 and else 0) and `green` (bands 20 and else 0).
  static let factorInfo = """
    [{"name":"size","title":"Firm size","best":10,"bands":[\
    {"points":10,"reason":null,"line":5,"column":3,"else":false},\
    {"points":5,"reason":"SMALL","line":6,"column":3,"else":false},\
    {"points":0,"reason":"TINY","line":7,"column":3,"else":true}]},\
    {"name":"green","title":null,"best":20,"bands":[\
    {"points":20,"reason":null,"line":10,"column":3,"else":false},\
    {"points":0,"reason":"NOT_GREEN","line":11,"column":3,"else":true}]}]
    """

  /// Adds a run and returns its id.
  func addRun(status: String = "completed", kind: String = "batch", ruleset: String = "test")
    throws -> Int64
  {
    try store.connection.execute(
      """
      INSERT INTO runs (kind, status, ruleset, ruleset_version, ruleset_sha256, as_of, input,
        started_at, finished_at, rules_path, rating_labels, rating_counts, record_fields,
        factor_info)
      VALUES ('\(kind)', '\(status)', '\(ruleset)', '1', 'abc123', '2026-11-01', 'in.csv',
        '2026-11-01T10:00:00Z', '2026-11-01T10:01:05Z', 'x.rules', '["A","B","C"]', '[0,0,0]',
        'merchant_id:key,province:text,employees:number?,tags:set',
        '\(ReportDatabase.factorInfo)')
      """)
    return store.connection.lastInsertRowID
  }

  /// The stored record of a merchant in `province` with `employees` (nil: blank).
  static func record(province: String, employees: Int?, tags: [String] = []) -> String {
    var bytes: [UInt8] = [1]
    let p = Array(province.utf8)
    bytes.append(UInt8(p.count + 1))
    bytes += p
    if let employees {
      bytes += [1, UInt8(employees * 2)]
    } else {
      bytes.append(0)
    }
    bytes.append(UInt8(tags.count))
    for tag in tags {
      bytes.append(UInt8(tag.utf8.count))
      bytes += Array(tag.utf8)
    }
    return "x'" + bytes.map { String(format: "%02x", $0) }.joined() + "'"
  }

  /// Adds one rating row; `bands` are the matched band of each factor.
  func addRating(
    run: Int64, id: String, score: Double, rating: String, eligible: Bool,
    reasons: String = "[]", knockouts: String = "[]", denials: String = "[]",
    bands: [UInt8] = [0, 0], province: String = "Zhejiang", employees: Int? = 3
  ) throws {
    let factors = "x'" + bands.map { String(format: "%02x", $0) }.joined() + "'"
    let record = ReportDatabase.record(province: province, employees: employees)
    // The run's counters, as a batch keeps them (drift reads a run's rows up to them).
    try store.connection.execute(
      """
      UPDATE runs SET records_read = records_read + 1, records_scored = records_scored + 1,
        records_eligible = records_eligible + \(eligible ? 1 : 0) WHERE run_id = \(run)
      """)
    if try ratingsIsTable() {
      try store.connection.execute(
        """
        INSERT INTO ratings (run_id, merchant_id, score, rating, eligible, reasons, knockouts,
          denials, outputs, factors, line, record)
        VALUES (\(run), '\(id)', \(score), '\(rating)', \(eligible ? 1 : 0), '\(reasons)',
          '\(knockouts)', '\(denials)', '{}', \(factors), 1, \(record))
        """)
    } else {
      // A store whose `ratings` is a view over per-run rows and stored states.
      let hash = Int64(run) * 1_000_003 + Int64(abs(id.hashValue % 1_000_000))
      try store.connection.execute(
        """
        INSERT INTO states (score, rating, eligible, reasons, knockouts, denials, outputs,
          factors, record)
        VALUES (\(score), '\(rating)', \(eligible ? 1 : 0), '\(reasons)',
          '\(knockouts)', '\(denials)', '{}', \(factors), \(record));
        INSERT INTO rating_rows (run_id, merchant_id, line, eligible, state_id, state_hash)
        VALUES (\(run), '\(id)', 1, \(eligible ? 1 : 0), last_insert_rowid(), \(hash));
        """)
    }
  }

  /// Whether this store's `ratings` is a table (else it is a view over other tables).
  func ratingsIsTable() throws -> Bool {
    let statement = try store.connection.prepare(
      "SELECT type FROM sqlite_master WHERE name = 'ratings'")
    guard try statement.step() else { return false }
    return statement.text(0) == "table"
  }

  func addReject(run: Int64, line: Int, id: String?, message: String) throws {
    let statement = try store.connection.prepare(
      "INSERT INTO rejects (run_id, line, merchant_id, message) VALUES (?, ?, ?, ?)")
    statement.bindAll([
      .integer(run), .integer(Int64(line)), id.map { .text($0) } ?? .null, .text(message),
    ])
    try statement.run()
  }
}
