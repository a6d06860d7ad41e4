import Dispatch
import Foundation
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

extension ServerResponder {
  /// Most records one `POST /v1/score` takes.
  static let maxScoreRecords = 10_000

  /// `POST /v1/score`: what-if scoring, nothing written. The records are decoded in
  /// place by the JSON Lines reader's parser, scored by the compiled evaluator in
  /// pieces on all cores, and written from the rules' ready-quoted names
  /// (`ResultTemplate`); then, in order, a record whose key an earlier one already had
  /// becomes the duplicate reject `greenrate score` gives it.
  func score(body: [UInt8], rules: LoadedRules) throws -> Reply {
    let request = try ScoreBody(body)
    let items = request.records
    guard items.count <= ServerResponder.maxScoreRecords else {
      throw APIError(
        .badRequest,
        "\(items.count) records is over the limit of \(ServerResponder.maxScoreRecords) per request"
      )
    }
    let asOf = request.asOf ?? System.todayUTC()
    let size = max(
      64, (items.count + ServerResponder.scorePieces - 1) / ServerResponder.scorePieces)
    let starts = Array(stride(from: 0, to: items.count, by: size))
    var pieces = [ScoredPiece?](repeating: nil, count: starts.count)
    body.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      pieces.withUnsafeMutableBufferPointer { buffer in
        // Each iteration writes only its own slot; the body outlives them all.
        nonisolated(unsafe) let p = base
        nonisolated(unsafe) let out = buffer
        DispatchQueue.concurrentPerform(iterations: starts.count) { k in
          let range = items[starts[k]..<min(items.count, starts[k] + size)]
          out[k] = ScoredPiece(
            p, ranges: range, firstLine: starts[k] + 1, rules: rules, asOf: asOf)
        }
      }
    }
    var w = JSONWriter(capacity: pieces.reduce(16) { $0 + ($1?.bytes.count ?? 0) + 64 })
    w.raw("{\"results\":[")
    var kept: [Text: Int] = [:]
    kept.reserveCapacity(items.count)
    var first = true
    for case let piece? in pieces {
      for record in piece.records {
        if !first { w.byte(UInt8(ascii: ",")) }
        first = false
        if let key = record.key {
          if let line = kept[key] {
            w.raw("{\"index\":")
            w.number(Double(record.line - 1))
            w.raw(",\"error\":")
            w.string(
              Reject.duplicateMessage(keyName: rules.keyName, key: key.string, keptLine: line))
            w.raw("}")
            continue
          }
          if record.scored { kept[key] = record.line }
        }
        w.bytes.append(contentsOf: piece.bytes[record.bytes])
      }
    }
    w.raw("]}")
    return Reply(w.bytes)
  }

  /// Runs CPU-bound `work` (a what-if request's decoding and scoring) on a Dispatch
  /// thread and waits for it without holding one of Swift concurrency's threads: there
  /// are as many of those as cores, and a request scoring on them would keep every
  /// other request — a GET, `/metrics`, a third what-if — from even starting.
  static func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T)
    async throws -> T
  {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
      DispatchQueue.global(qos: .userInitiated).async {
        continuation.resume(with: Result { try work() })
      }
    }
  }

  /// How many pieces a request's records are cut into (each at least 64 records).
  static let scorePieces = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
