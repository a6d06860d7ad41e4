import GreenrateStore
import Testing

/// The batch's multi-row write path: full statements of `rowsPerInsert` rows, single
/// rows for the rest, explicitly numbered states, and a second night that adds states
/// only for the merchants whose content changed.
@Suite struct StorePendingWritesTests {
  /// 150 merchants: two full statements of 64 and 22 single rows.
  static let count = 150

  @Test func aNightsRowsAndStatesAreStoredWhateverTheStatementThatWroteThem() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let store = try Store(path: fixture.path)

    let first = try StorePendingWritesTests.night(store) { Double($0) }
    #expect(try StorePendingWritesTests.count("SELECT count(*) FROM states", store) == 150)
    for i in [0, 63, 64, 127, 128, 149] {
      let row = try #require(try store.ratingRow(merchantID: StorePendingWritesTests.id(i)))
      #expect(row.run.id == first)
      #expect(row.score == Double(i))
      #expect(row.line == i + 2)
    }

    // Every tenth merchant changes: 15 new states, the others keep theirs.
    let before = try StorePendingWritesTests.stateIDs(store, runID: first)
    let second = try StorePendingWritesTests.night(store) {
      $0 % 10 == 0 ? Double($0) + 0.5 : Double($0)
    }
    #expect(try StorePendingWritesTests.count("SELECT count(*) FROM states", store) == 165)
    let after = try StorePendingWritesTests.stateIDs(store, runID: second)
    for i in 0..<StorePendingWritesTests.count {
      let row = try #require(try store.ratingRow(merchantID: StorePendingWritesTests.id(i)))
      #expect(row.run.id == second)
      #expect(row.score == (i % 10 == 0 ? Double(i) + 0.5 : Double(i)))
      #expect((after[i] == before[i]) == (i % 10 != 0), "merchant \(i)")
    }
    // The first night still explains with its own scores.
    #expect(
      try store.ratingRow(merchantID: StorePendingWritesTests.id(20), runID: first)?.score == 20)
    // States are numbered on from the largest, with no gaps.
    #expect(
      try StorePendingWritesTests.count(
        "SELECT max(state_id) - min(state_id) + 1 FROM states", store) == 165)
    #expect(
      try StorePendingWritesTests.count("SELECT count(*) FROM ratings", store) == 300)
  }

  /// The lookup of current states merges answers by key: rows given out of key order
  /// may miss a merchant's state (and store it again), never name another's.
  @Test func rowsOutOfKeyOrderNeverPointAtAnotherMerchantsState() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let store = try Store(path: fixture.path)
    _ = try StorePendingWritesTests.night(store) { Double($0) }
    let second = try StorePendingWritesTests.night(store, reversed: true) {
      $0 % 10 == 0 ? Double($0) + 0.5 : Double($0)
    }
    for i in 0..<StorePendingWritesTests.count {
      let row = try #require(try store.ratingRow(merchantID: StorePendingWritesTests.id(i)))
      #expect(row.run.id == second)
      #expect(row.score == (i % 10 == 0 ? Double(i) + 0.5 : Double(i)), "merchant \(i)")
    }
  }

  static func id(_ i: Int) -> String { "M" + String(1000 + i) }

  /// Stores one batch run rating merchants 0..<count (in key order) with `score(i)`,
  /// in one commit group, and completes it.
  static func night(_ store: Store, reversed: Bool = false, score: (Int) -> Double) throws
    -> Int64
  {
    let runID = try StoreFixture.newRun(store)
    let texts = (0..<count).map { i in
      [Array(id(i).utf8), Array("A".utf8), Array("[]".utf8), Array("{}".utf8), [0], [1, 0]]
    }
    let joined = texts.flatMap { $0.flatMap { $0 } }
    let seed = RatingRow.fieldsSeed(StoreFixture.ruleset.recordFields)
    try joined.withUnsafeBytes { all in
      var start = 0
      func next(_ n: Int) -> UnsafeRawBufferPointer {
        defer { start += n }
        return UnsafeRawBufferPointer(rebasing: all[start..<start + n])
      }
      let built = texts.enumerated().map { i, columns in
        let key = next(columns[0].count)
        let rating = next(columns[1].count)
        let empty = next(columns[2].count)
        let outputs = next(columns[3].count)
        let factors = next(columns[4].count)
        let record = next(columns[5].count)
        return RatingRow(
          merchantID: key, line: i + 2, score: score(i), rating: rating, eligible: true,
          reasons: empty, knockouts: empty, denials: empty, outputs: outputs, factors: factors,
          record: record)
      }
      let rows = reversed ? Array(built.reversed()) : built
      let hashes = rows.map { $0.stateHash(fieldsSeed: seed) }
      let lookUp = try store.hasCurrent()
      try store.db.writeTransaction { () throws(SQLiteError) in
        try store.insertPendingRatings(
          rows[...], hashes: hashes[...], runID: runID, segment: 0, lookUp: lookUp)
        try store.finishRun(runID, status: .completed, failure: nil)
      }
    }
    return runID
  }

  /// The state each merchant's row of run `runID` points at, by merchant number.
  static func stateIDs(_ store: Store, runID: Int64) throws -> [Int64] {
    let statement = try store.db.prepare(
      "SELECT state_id FROM rating_rows WHERE run_id = ? ORDER BY merchant_id")
    statement.bind(runID, at: 1)
    var ids: [Int64] = []
    while try statement.step() { ids.append(statement.int64(0)) }
    return ids
  }

  static func count(_ sql: String, _ store: Store) throws -> Int {
    let statement = try store.db.prepare(sql)
    _ = try statement.step()
    return statement.int(0)
  }
}
