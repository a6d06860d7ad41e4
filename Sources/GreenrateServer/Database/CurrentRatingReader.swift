import GreenrateEngine
import GreenrateStore

/// `GET /v1/merchants/{id}`'s read: one merchant's `current_ratings` row written
/// straight to JSON bytes from SQLite's column memory.
///
/// Owned by one reader thread (with its connection). The statement is prepared once;
/// what a run says of every one of its rows — the key input's name, factor names and
/// band points, the as-of date — is decoded once per run and kept, so a request costs
/// one indexed lookup and a copy of bytes (measured: `Store.rating`, which decodes the
/// record, the run's field list and factor info and the outputs for every call, was
/// most of the server's CPU under load).
final class CurrentRatingReader {
  private let store: Store
  private var row: Statement?
  private var runs: [Int64: RunFacts] = [:]

  /// What a run tells about each of its rows.
  private struct RunFacts {
    var keyName: String
    /// JSON `"name":` per factor, and each band's points.
    var factors: [(name: [UInt8], points: [Double])]
    var asOf: String
  }

  init(store: Store) { self.store = store }

  /// The row as the route answers it, or nil for a merchant no completed run rated.
  /// `fallbackKey` names the key when the run's field list does not.
  func json(merchantID: String, fallbackKey: String) throws(SQLiteError) -> [UInt8]? {
    let statement = try prepared()
    defer { statement.reset() }
    statement.bind(merchantID, at: 1)
    guard try statement.step() else { return nil }
    let runID = statement.int64(9)
    let facts = try self.facts(of: runID, fallbackKey: fallbackKey)
    var w = JSONWriter(capacity: 1024)
    w.byte(UInt8(ascii: "{"))
    w.string(facts.keyName)
    w.byte(UInt8(ascii: ":"))
    w.string(utf8: statement.bytes(0).assumingMemoryBound(to: UInt8.self))
    w.raw(",\"score\":")
    w.number(statement.double(1))
    w.raw(",\"rating\":")
    w.string(utf8: statement.bytes(2).assumingMemoryBound(to: UInt8.self))
    w.raw(",\"eligible\":")
    w.bool(statement.int(3) != 0)
    w.raw(",\"reasons\":")
    CurrentRatingReader.array(statement.bytes(4), into: &w)
    w.raw(",\"knockouts\":")
    CurrentRatingReader.array(statement.bytes(5), into: &w)
    w.raw(",\"denials\":")
    CurrentRatingReader.array(statement.bytes(6), into: &w)
    w.raw(",\"factors\":{")
    var cursor = statement.bytes(8)[...]
    for (i, factor) in facts.factors.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      let band = CurrentRatingReader.varint(&cursor)
      w.bytes.append(contentsOf: factor.name)
      w.number(band < factor.points.count ? factor.points[band] : 0)
    }
    w.raw("},\"outputs\":")
    let outputs = statement.bytes(7)
    if outputs.isEmpty { w.raw("{}") } else { w.bytes.append(contentsOf: outputs) }
    w.raw(",\"run_id\":")
    w.number(Double(runID))
    w.raw(",\"as_of\":")
    w.string(facts.asOf)
    w.byte(UInt8(ascii: "}"))
    return w.bytes
  }

  private func prepared() throws(SQLiteError) -> Statement {
    if let row { return row }
    let statement = try store.connection.prepare(
      """
      SELECT g.merchant_id, s.score, s.rating, g.eligible, s.reasons, s.knockouts, s.denials,
        s.outputs, s.factors, g.run_id
      FROM current AS g JOIN states AS s ON s.state_id = g.state_id
      WHERE g.merchant_id = ?1
      """)
    row = statement
    return statement
  }

  private func facts(of runID: Int64, fallbackKey: String) throws(SQLiteError) -> RunFacts {
    if let known = runs[runID] { return known }
    let statement = try store.connection.prepare(
      "SELECT record_fields, factor_info, as_of FROM runs WHERE run_id = ?1")
    statement.bind(runID, at: 1)
    _ = try statement.step()
    let fields = (try? StoredRecordCodec.parseFieldList(statement.text(0) ?? "")) ?? []
    var factors: [(name: [UInt8], points: [Double])] = []
    for (i, info) in (StoredJSON.parse(statement.text(1) ?? "[]")?.arrayValue ?? []).enumerated() {
      var name = JSONWriter(capacity: 32)
      name.string(info["name"]?.stringValue ?? "factor \(i + 1)")
      name.byte(UInt8(ascii: ":"))
      let points = (info["bands"]?.arrayValue ?? []).map { $0["points"]?.numberValue ?? 0 }
      factors.append((name.bytes, points))
    }
    let facts = RunFacts(
      keyName: fields.first { $0.isKey }?.name ?? fallbackKey, factors: factors,
      asOf: statement.text(2) ?? "")
    // Runs are few (one a night, one per rescore); a long-lived server still bounds them.
    if runs.count >= 4096 { runs.removeAll(keepingCapacity: true) }
    runs[runID] = facts
    return facts
  }

  /// A stored JSON array of codes (written by `JSONWriter`, so already in its form).
  private static func array(_ bytes: UnsafeRawBufferPointer, into w: inout JSONWriter) {
    if bytes.isEmpty { w.raw("[]") } else { w.bytes.append(contentsOf: bytes) }
  }

  /// The next band number of the stored varints (as `Store.factors` reads them).
  private static func varint(_ cursor: inout Slice<UnsafeRawBufferPointer>) -> Int {
    var band = 0
    var shift = 0
    while let b = cursor.first {
      cursor = cursor.dropFirst()
      band |= Int(b & 0x7F) << shift
      shift += 7
      if b < 0x80 || shift > 56 { break }
    }
    return band
  }
}
