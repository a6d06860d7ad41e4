import Foundation
import GreenrateStore

/// A fresh database in a folder of its own, and rows built by hand: the store is
/// tested with no rule file and no engine.
struct StoreFixture {
  let folder: URL
  let path: String

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    path = folder.appendingPathComponent("ratings.db").path
  }

  func remove() { try? FileManager.default.removeItem(at: folder) }

  /// A rule set described as the engine would describe it (two labels, one input).
  static let ruleset = RulesetDescription(
    name: "tiny", version: "1", sha256: String(repeating: "ab", count: 32),
    ratingLabelsJSON: #"["A","B"]"#, ratingLabelCount: 2, recordFields: "merchant_id:key,n:number",
    factorInfo: #"[{"name":"size","title":null,"best":10,"bands":[]}]"#)

  /// Starts a batch run.
  static func newRun(_ store: Store) throws -> Int64 {
    try store.db.writeTransaction { () throws(SQLiteError) -> Int64 in
      try store.insertRun(
        Store.NewRun(kind: .batch, ruleset: ruleset, rulesPath: "tiny.rules", asOf: "2026-12-01"))
    }
  }

  /// Stores one rating of `merchant` (score, rating label and record bytes given) in
  /// run `runID`; the line of the rating kept when the run already has one.
  static func rate(
    _ store: Store, runID: Int64, merchant: String, line: Int, score: Double, rating: String,
    record: [UInt8] = [1, 0]
  ) throws -> Int? {
    let columns: [[UInt8]] = [
      Array(merchant.utf8), Array(rating.utf8), Array("[]".utf8), Array("[]".utf8),
      Array("[]".utf8), Array("{}".utf8), [0], record,
    ]
    let joined = columns.flatMap { $0 }
    return try joined.withUnsafeBytes { all throws -> Int? in
      var start = 0
      var views: [UnsafeRawBufferPointer] = []
      for column in columns {
        views.append(UnsafeRawBufferPointer(rebasing: all[start..<start + column.count]))
        start += column.count
      }
      let row = RatingRow(
        merchantID: views[0], line: line, score: score, rating: views[1], eligible: score >= 50,
        reasons: views[2], knockouts: views[3], denials: views[4], outputs: views[5],
        factors: views[6], record: views[7])
      let hash = row.stateHash(fieldsSeed: RatingRow.fieldsSeed(ruleset.recordFields))
      return try store.db.writeTransaction { () throws(SQLiteError) -> Int? in
        try store.insertRating(row, hash: hash, runID: runID)
      }
    }
  }
}
