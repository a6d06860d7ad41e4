import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

extension ServerResponder {
  /// `GET /v1/merchants/{id}`: the `current_ratings` row as `score` prints a result,
  /// plus `run_id` and `as_of`.
  func merchant(_ id: String, rules: LoadedRules) async throws -> Reply {
    let fallbackKey = rules.keyName
    let found = try await database { store throws(SQLiteError) -> [UInt8]? in
      guard let r = try store.rating(merchantID: id) else { return nil }
      let keyName = r.inputs.first { $0.field.isKey }?.field.name ?? fallbackKey
      var w = JSONWriter(capacity: 1024)
      w.raw("{")
      w.string(keyName)
      w.raw(":")
      w.string(r.merchantID)
      w.raw(",\"score\":")
      w.number(r.score)
      w.raw(",\"rating\":")
      w.string(r.rating)
      w.raw(",\"eligible\":")
      w.bool(r.eligible)
      w.raw(",\"reasons\":")
      w.stringArray(r.reasons)
      w.raw(",\"knockouts\":")
      w.stringArray(r.knockouts)
      w.raw(",\"denials\":")
      w.stringArray(r.denials)
      w.raw(",\"factors\":{")
      for (i, f) in r.factors.enumerated() {
        if i > 0 { w.raw(",") }
        w.string(f.name)
        w.raw(":")
        w.number(f.points)
      }
      w.raw("},\"outputs\":")
      w.bytes.append(contentsOf: r.outputsJSON.utf8)
      w.raw(",\"run_id\":")
      w.number(Double(r.run.id))
      w.raw(",\"as_of\":")
      w.string(r.run.asOf)
      w.raw("}")
      return w.bytes
    }
    guard let found else {
      throw APIError(
        .notFound, "unknown merchant `\(ServerResponder.shown(id))`: no completed run rated it")
    }
    return Reply(found)
  }

  /// `GET /v1/merchants/{id}/explanation[?run=N]`: what `explain --json` prints.
  func explanation(_ id: String, target: RequestTarget) async throws -> Reply {
    var runID: Int64?
    if let run = target.parameter("run") {
      guard let n = Int64(run), n >= 1 else {
        throw APIError(.badRequest, "run must be a run id (an integer, 1 or more)")
      }
      runID = n
    }
    let run = runID
    let shown = ServerResponder.shown(id)
    let found = try await database { store throws(SQLiteError) -> Result<[UInt8], APIError> in
      if let rating = try store.rating(merchantID: id, runID: run) {
        return .success(Array(Explanation(rating: rating).json.utf8))
      }
      if let runID = run {
        guard try store.run(id: runID) != nil else {
          return .failure(APIError(.notFound, "no run \(runID) in the database"))
        }
        return .failure(APIError(.notFound, "run \(runID) has no rating for merchant `\(shown)`"))
      }
      return .failure(
        APIError(.notFound, "unknown merchant `\(shown)`: no completed run rated it"))
    }
    return Reply(try found.get())
  }

  /// Runs `body` on a reader connection; a database error becomes 503.
  func database<T: Sendable>(_ body: @escaping @Sendable (Store) throws(SQLiteError) -> T)
    async throws -> T
  {
    do {
      return try await state.pool.read { store in try body(store) }
    } catch let error as SQLiteError {
      throw APIError.database(error)
    }
  }

  /// An id in a message: at most 100 characters of it.
  static func shown(_ id: String) -> String {
    id.count > 100 ? String(id.prefix(100)) + "…" : id
  }
}
