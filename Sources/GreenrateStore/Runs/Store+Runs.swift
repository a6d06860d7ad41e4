extension Store {
  /// What a new run records about itself.
  package struct NewRun {
    package var kind: RunInfo.Kind
    package var ruleset: RulesetDescription
    package var rulesPath: String
    /// `YYYY-MM-DD`.
    package var asOf: String
    package var input: String? = nil
    package var inputFormat: String? = nil
    package var inputSize: Int64? = nil
    package var maxRejects: Int? = nil
    /// The rule file's text, kept once per SHA-256 in `rule_files`.
    package var rulesText: [UInt8]? = nil
    /// A rescore: the run whose record it started from, and why it was run.
    package var baseRun: Int64? = nil
    package var reason: String? = nil
    /// A rescore: the merchant whose rating or reject the run holds (`runs.merchant_id`,
    /// see `Store.rescoreMerchantSchema`); nil for a batch.
    package var merchantID: String? = nil
    /// The fields the run's records are stored under, when not exactly the rules' inputs
    /// (a rescore carrying values the rules cannot read).
    package var recordFields: String? = nil

    package init(
      kind: RunInfo.Kind, ruleset: RulesetDescription, rulesPath: String, asOf: String
    ) {
      self.kind = kind
      self.ruleset = ruleset
      self.rulesPath = rulesPath
      self.asOf = asOf
    }
  }

  /// The columns `runInfo(_:from:)` reads, in its order.
  static let runColumnNames = [
    "run_id", "kind", "status", "ruleset", "ruleset_version", "ruleset_sha256", "as_of", "input",
    "started_at", "finished_at", "records_read", "records_scored", "records_rejected",
    "records_eligible", "rules_path", "input_format", "max_rejects", "rating_labels",
    "rating_counts", "resume_offset", "resume_line", "failure", "input_size", "completed_seq",
    "base_run", "reason",
  ]

  /// The run columns as a select list, each qualified with `table.` when given.
  static func runColumns(_ table: String? = nil) -> String {
    runColumnNames.map { name in table.map { "\($0).\(name)" } ?? name }.joined(separator: ", ")
  }

  /// Inserts a run with status `running` (in the caller's transaction, if any) and
  /// returns its id.
  package func insertRun(_ run: NewRun) throws(SQLiteError) -> Int64 {
    let statement = try db.prepare(
      """
      INSERT INTO runs (kind, status, ruleset, ruleset_version, ruleset_sha256, as_of, input,
        started_at, rules_path, input_format, max_rejects, rating_labels, rating_counts,
        record_fields, factor_info, input_size, base_run, reason, merchant_id)
      VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    let ruleset = run.ruleset
    statement.bindAll([
      .text(run.kind.rawValue), .text(ruleset.name), .text(ruleset.version),
      .text(ruleset.sha256), .text(run.asOf), run.input.map(SQLValue.text) ?? .null,
      .text(UTCTime.now()), .text(run.rulesPath), run.inputFormat.map(SQLValue.text) ?? .null,
      run.maxRejects.map { .integer(Int64($0)) } ?? .null, .text(ruleset.ratingLabelsJSON),
      .text(Store.countsJSON(Array(repeating: 0, count: ruleset.ratingLabelCount))),
      .text(run.recordFields ?? ruleset.recordFields), .text(ruleset.factorInfo),
      run.inputSize.map(SQLValue.integer) ?? .null, run.baseRun.map(SQLValue.integer) ?? .null,
      run.reason.map(SQLValue.text) ?? .null, run.merchantID.map(SQLValue.text) ?? .null,
    ])
    try statement.run()
    let runID = db.lastInsertRowID
    if let text = run.rulesText {
      let keep = try db.prepare(
        "INSERT INTO rule_files (sha256, text) VALUES (?, ?) ON CONFLICT DO NOTHING")
      keep.bindAll([.text(ruleset.sha256), .blob(text)])
      try keep.run()
    }
    return runID
  }

  /// The text of the rule file with this SHA-256, as a run kept it; nil when no run did.
  package func ruleFileText(sha256: String) throws(SQLiteError) -> [UInt8]? {
    let statement = try db.prepare("SELECT text FROM rule_files WHERE sha256 = ?")
    statement.bind(sha256, at: 1)
    guard try statement.step() else { return nil }
    return statement.blob(0)
  }

  /// The counters and resume point a batch stores with every commit.
  package struct Progress {
    package var read = 0
    package var scored = 0
    package var rejected = 0
    package var eligible = 0
    package var ratingCounts: [Int] = []
    package var resumeOffset: Int64 = 0
    package var resumeLine = 0
    /// The input's hash up to `resumeOffset` (stored by `saveInputDigest`).
    package var inputDigest: String?

    package init(
      read: Int = 0, scored: Int = 0, rejected: Int = 0, eligible: Int = 0,
      ratingCounts: [Int] = [], resumeOffset: Int64 = 0, resumeLine: Int = 0,
      inputDigest: String? = nil
    ) {
      self.read = read
      self.scored = scored
      self.rejected = rejected
      self.eligible = eligible
      self.ratingCounts = ratingCounts
      self.resumeOffset = resumeOffset
      self.resumeLine = resumeLine
      self.inputDigest = inputDigest
    }
  }

  /// Stores a run's progress (in the caller's transaction, with the rows it counts).
  package func saveProgress(_ progress: Progress, runID: Int64) throws(SQLiteError) {
    let statement = try cached(
      \.progress,
      """
      UPDATE runs SET records_read = ?, records_scored = ?, records_rejected = ?,
        records_eligible = ?, rating_counts = ?, resume_offset = ?, resume_line = ?
      WHERE run_id = ?
      """)
    statement.bindAll([
      .integer(Int64(progress.read)), .integer(Int64(progress.scored)),
      .integer(Int64(progress.rejected)), .integer(Int64(progress.eligible)),
      .text(Store.countsJSON(progress.ratingCounts)), .integer(progress.resumeOffset),
      .integer(Int64(progress.resumeLine)), .integer(runID),
    ])
    try statement.run()
  }

  /// Every run, oldest first.
  package func runs() throws(SQLiteError) -> [RunInfo] {
    try queryRuns("SELECT \(Store.runColumns()) FROM runs ORDER BY run_id", [])
  }

  /// The run with this id.
  package func run(id: Int64) throws(SQLiteError) -> RunInfo? {
    try queryRuns("SELECT \(Store.runColumns()) FROM runs WHERE run_id = ?", [.integer(id)]).first
  }

  /// The most recent batch run that never finished (killed, or running now).
  package func latestUnfinishedBatch() throws(SQLiteError) -> RunInfo? {
    try queryRuns(
      """
      SELECT \(Store.runColumns()) FROM runs WHERE kind = 'batch' AND status = 'running'
      ORDER BY run_id DESC LIMIT 1
      """, []
    ).first
  }

  package func queryRuns(_ sql: String, _ parameters: [SQLValue]) throws(SQLiteError) -> [RunInfo] {
    let statement = try db.prepare(sql)
    statement.bindAll(parameters)
    var runs: [RunInfo] = []
    while try statement.step() { runs.append(Store.runInfo(statement)) }
    return runs
  }

  /// A `RunInfo` from a row selected as `runColumns` (from column `first` on).
  static func runInfo(_ s: Statement, from first: Int32 = 0) -> RunInfo {
    return RunInfo(
      id: s.int64(first), kind: RunInfo.Kind(rawValue: s.text(first + 1) ?? "") ?? .batch,
      status: RunInfo.Status(rawValue: s.text(first + 2) ?? "") ?? .failed,
      ruleset: s.text(first + 3) ?? "", rulesetVersion: s.text(first + 4) ?? "",
      rulesetSHA256: s.text(first + 5) ?? "", asOf: s.text(first + 6) ?? "",
      input: s.text(first + 7), startedAt: s.text(first + 8) ?? "",
      finishedAt: s.text(first + 9), recordsRead: s.int(first + 10),
      recordsScored: s.int(first + 11), recordsRejected: s.int(first + 12),
      recordsEligible: s.int(first + 13), rulesPath: s.text(first + 14) ?? "",
      inputFormat: s.text(first + 15), maxRejects: s.optionalInt64(first + 16).map { Int($0) },
      ratingLabelsJSON: s.text(first + 17) ?? "[]", ratingCountsJSON: s.text(first + 18) ?? "[]",
      resumeOffset: s.int64(first + 19),
      resumeLine: s.int(first + 20), failure: s.text(first + 21),
      inputSize: s.optionalInt64(first + 22), completedSeq: s.optionalInt64(first + 23),
      baseRun: s.optionalInt64(first + 24), reason: s.text(first + 25))
  }

  /// A JSON array of whole numbers (no escaping needed, so no JSON writer either).
  static func countsJSON(_ counts: [Int]) -> String {
    "[" + counts.map { String($0) }.joined(separator: ",") + "]"
  }
}
