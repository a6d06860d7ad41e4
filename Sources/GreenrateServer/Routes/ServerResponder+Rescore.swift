import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

extension ServerResponder {
  /// `POST /v1/merchants/{id}/rescore`: what `greenrate rescore` does, with the rules in
  /// force — a new `rescore` run and the merchant's stored record updated — on the
  /// single writer connection.
  func rescore(_ id: String, body: [UInt8], rules: LoadedRules) async throws -> Reply {
    let request = try RescoreRequest(body, layout: rules.program.layout)
    let program = rules.program
    let path = rules.path
    let keyName = rules.keyName
    let shown = ServerResponder.shown(id)
    let asOf = request.asOf ?? System.todayUTC()
    let outcome: Result<(bytes: [UInt8], scored: Bool), APIError>
    do {
      outcome = try await state.pool.write { store in
        guard let stored = try store.latestRecord(merchantID: id) else {
          if let reject = try store.latestReject(merchantID: id) {
            return .failure(
              APIError(
                .notFound,
                "merchant `\(shown)` has no stored record: run \(reject.runID) rejected it "
                  + "(line \(reject.line)): \(reject.message)"))
          }
          return .failure(
            APIError(.notFound, "unknown merchant `\(shown)`: no run received a record for it"))
        }
        let prepared: Rescorer.Prepared
        do {
          prepared = try Rescorer(program: program).prepare(stored, overrides: request.overrides)
        } catch let error as RescoreError {
          return .failure(APIError(.badRequest, RescoreRequest.httpWording(error.message)))
        }
        let evaluator = Evaluator(program: program, asOf: asOf)
        let failure = evaluator.evaluate(prepared.records, row: 0)
        // Without a base run (the writer thread is the only writer of this process), the
        // store always writes; nil would mean a fresher record arrived.
        guard
          let runID = try store.writeRescore(
            program: program, rulesPath: path, asOf: asOf, records: prepared.records, row: 0,
            evaluator: evaluator, error: failure, carried: prepared.carried)
        else {
          return .failure(
            APIError(.serviceUnavailable, "a newer record of `\(shown)` arrived; try again"))
        }
        if let failure {
          var error = APIError(
            .unprocessableContent, failure.description, line: failure.location.line)
          error.runID = runID
          return .failure(error)
        }
        var w = JSONWriter(capacity: 1024)
        w.result(evaluator.result(key: Text(stored.merchantID)), keyName: keyName)
        w.bytes.removeLast()  // the closing brace
        w.raw(",\"run_id\":")
        w.number(Double(runID))
        w.raw("}")
        return .success((w.bytes, true))
      }
    } catch let error as SQLiteError {
      throw APIError.database(error)
    }
    switch outcome {
    case .success(let result):
      state.metrics.rescored(scored: true)
      return Reply(result.bytes)
    case .failure(let error):
      if error.status == .unprocessableContent { state.metrics.rescored(scored: false) }
      throw error
    }
  }
}
