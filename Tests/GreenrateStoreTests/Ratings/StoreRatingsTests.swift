import GreenrateStore
import Testing

@Suite struct StoreRatingsTests {
  @Test func aRunKeepsTheFirstRatingOfAMerchantAndNamesItsLine() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let store = try Store(path: fixture.path)
    let runID = try StoreFixture.newRun(store)
    #expect(
      try StoreFixture.rate(store, runID: runID, merchant: "M1", line: 2, score: 70, rating: "A")
        == nil)
    #expect(
      try StoreFixture.rate(store, runID: runID, merchant: "M2", line: 3, score: 20, rating: "B")
        == nil)
    // The same merchant again: refused, pointing at the line of the one kept.
    #expect(
      try StoreFixture.rate(store, runID: runID, merchant: "M1", line: 9, score: 10, rating: "B")
        == 2)
    try store.db.writeTransaction { () throws(SQLiteError) in
      try store.finishRun(runID, status: .completed, failure: nil)
    }
    let row = try #require(try store.ratingRow(merchantID: "M1"))
    #expect(row.line == 2)
    #expect(row.score == 70)
    #expect(row.rating == "A")
    #expect(row.run.id == runID)
    #expect(row.run.status == .completed)
    #expect(row.run.ratingLabelsJSON == #"["A","B"]"#)
    #expect(row.run.ratingCountsJSON == "[0,0]")
    #expect(row.recordFields == StoreFixture.ruleset.recordFields)
    #expect(row.factorInfo == StoreFixture.ruleset.factorInfo)
    #expect(try store.ratingRow(merchantID: "M3") == nil)
  }

  @Test func aRunningRunIsNotCurrentUntilItCompletes() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let store = try Store(path: fixture.path)
    let first = try StoreFixture.newRun(store)
    _ = try StoreFixture.rate(store, runID: first, merchant: "M1", line: 2, score: 70, rating: "A")
    try store.db.writeTransaction { () throws(SQLiteError) in
      try store.finishRun(first, status: .completed, failure: nil)
    }
    let second = try StoreFixture.newRun(store)
    _ = try StoreFixture.rate(
      store, runID: second, merchant: "M1", line: 2, score: 20, rating: "B", record: [1, 2])
    #expect(try store.ratingRow(merchantID: "M1")?.run.id == first)
    // The running run's record is the freshest one received, rated or not.
    #expect(try store.latestRecordRow(merchantID: "M1")?.record == [1, 2])
    try store.db.writeTransaction { () throws(SQLiteError) in
      try store.finishRun(second, status: .completed, failure: nil)
    }
    #expect(try store.ratingRow(merchantID: "M1")?.run.id == second)
    #expect(try store.ratingRow(merchantID: "M1", runID: first)?.score == 70)
  }

  @Test func aRejectKeepsItsLineMessageAndRecord() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let store = try Store(path: fixture.path)
    let runID = try StoreFixture.newRun(store)
    try store.db.writeTransaction { () throws(SQLiteError) in
      try store.insertRejects(
        [
          RejectRow(line: 4, merchantID: "M7", message: "division by zero", record: [1, 1, 6]),
          RejectRow(line: 5, merchantID: nil, message: "bad number in `n`"),
        ], runID: runID)
    }
    let reject = try #require(try store.latestReject(merchantID: "M7"))
    #expect(
      reject == StoredReject(runID: runID, line: 4, merchantID: "M7", message: "division by zero"))
    #expect(try store.latestRecordRow(merchantID: "M7")?.record == [1, 1, 6])
    #expect(try store.firstReject(runID: runID)?.line == 4)
  }
}
