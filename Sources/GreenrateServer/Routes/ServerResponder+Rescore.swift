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
    var rescore = MerchantRescore(merchantID: id, asOf: request.asOf ?? System.todayUTC())
    rescore.given = request.overrides
    // The body's values update the stored record; only an officer's `--set` (with a
    // reason) is kept as an override. Recorded overrides apply here as in the command.
    rescore.keepGiven = false
    let job = rescore
    let chosen = MerchantRescore.Rules(program: rules.program, path: rules.path, text: rules.text)
    let shown = ServerResponder.shown(id)
    let logger = state.logger
    let outcome: MerchantRescore.Outcome
    do {
      outcome = try await state.pool.write { store in
        try job.run(on: store) { _ in chosen }
      }
    } catch let missing as MerchantRescore.NoRecord {
      if let reject = missing.reject {
        throw APIError(
          .notFound,
          "merchant `\(shown)` has no stored record: run \(reject.runID) rejected it "
            + "(line \(reject.line)): \(reject.message)")
      }
      throw APIError(.notFound, "unknown merchant `\(shown)`: no run received a record for it")
    } catch let error as RescoreError {
      throw APIError(.badRequest, RescoreRequest.httpWording(error.message))
    } catch is MerchantRescore.KeptChanging {
      throw APIError(.serviceUnavailable, "newer records of `\(shown)` kept arriving; try again")
    } catch let error as SQLiteError {
      throw APIError.database(error)
    }
    for note in outcome.notes {
      logger.notice("rescore note", metadata: ["merchant": "\(shown)", "note": "\(note)"])
    }
    if let failure = outcome.error {
      state.metrics.rescored(scored: false)
      var error = APIError(.unprocessableContent, failure.description, line: failure.location.line)
      error.runID = outcome.runID
      throw error
    }
    guard let result = outcome.result else {
      throw APIError(
        .internalServerError, "the rescore wrote run \(outcome.runID) without a result")
    }
    state.metrics.rescored(scored: true)
    var w = JSONWriter(capacity: 1024)
    w.result(result, keyName: outcome.keyName)
    w.bytes.removeLast()  // the closing brace
    w.raw(",\"run_id\":")
    w.number(Double(outcome.runID))
    w.raw("}")
    return Reply(w.bytes)
  }
}
