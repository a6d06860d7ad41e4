import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

extension ServerResponder {
  /// `GET /v1/runs?limit=N`: what `runs --json` prints, newest first (default 20).
  func runs(_ target: RequestTarget) async throws -> Reply {
    var limit = 20
    if let text = target.parameter("limit") {
      guard let n = Int(text), n >= 1 else {
        throw APIError(.badRequest, "limit must be an integer, 1 or more")
      }
      limit = n
    }
    let count = limit
    let runs = try await database { store throws(SQLiteError) in
      try store.recentRuns(limit: count)
    }
    var w = JSONWriter(capacity: 512 * runs.count + 2)
    w.runs(runs)
    return Reply(w.bytes)
  }

  /// `GET /v1/rules`: the rule set in force.
  func rules(_ rules: LoadedRules) -> Reply {
    let p = rules.program
    var w = JSONWriter(capacity: 2048)
    w.raw("{\"name\":")
    w.string(p.name)
    w.raw(",\"version\":")
    w.string(p.version)
    w.raw(",\"sha256\":")
    w.string(p.sha256)
    w.raw(",\"path\":")
    w.string(rules.path)
    w.raw(",\"loaded_at\":")
    w.string(rules.loadedAt)
    w.raw(",\"key\":")
    w.string(rules.keyName)
    w.raw(",\"inputs\":[")
    for (i, field) in p.layout.fields.enumerated() {
      if i > 0 { w.raw(",") }
      w.raw("{\"name\":")
      w.string(field.name)
      w.raw(",\"type\":")
      w.string(field.type.description)
      w.raw(",\"key\":")
      w.bool(field.isKey)
      w.raw("}")
    }
    w.raw("],\"ratings\":")
    w.stringArray(p.ratingLabels)
    w.raw("}")
    return Reply(w.bytes)
  }

  /// `GET /readyz`: ready while the database answers (the rules are always loaded:
  /// the server does not start without them). After a failed reload it stays ready,
  /// naming the errors.
  func readiness() async -> Reply {
    do {
      try await database { store throws(SQLiteError) in
        try store.connection.execute("SELECT run_id FROM runs LIMIT 1")
      }
    } catch let error as APIError {
      return Reply(APIError(.serviceUnavailable, "not ready: \(error.message)"))
    } catch {
      return Reply(APIError(.serviceUnavailable, "not ready: \(error)"))
    }
    var w = JSONWriter(capacity: 256)
    w.raw("{\"status\":\"ready\",\"ruleset\":")
    w.string(state.book.current.header)
    w.raw(",\"last_reload_error\":")
    if let error = state.book.lastReloadError { w.string(error) } else { w.null() }
    w.raw("}")
    return Reply(w.bytes)
  }
}
