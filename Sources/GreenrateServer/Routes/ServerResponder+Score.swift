import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

extension ServerResponder {
  /// Most records one `POST /v1/score` takes.
  static let maxScoreRecords = 10_000

  /// `POST /v1/score`: what-if scoring, nothing written. The records go, as JSON Lines,
  /// through the same reader and scorer as `greenrate score`.
  func score(body: [UInt8], rules: LoadedRules) throws -> Reply {
    let json = try JSONDocument(body)
    guard json.kind(json.root) == .object else {
      throw APIError(.badRequest, "the body must be a JSON object {\"records\": [...]}")
    }
    var records: Range<Int>?
    var asOf: Int?
    for (name, value) in json.members(json.root) {
      switch name {
      case "records":
        guard json.kind(value) == .array else {
          throw APIError(.badRequest, "records must be an array of record objects")
        }
        records = value
      case "as_of":
        asOf = try RescoreRequest.day(json, value)
      default:
        throw APIError(
          .badRequest, "unknown member `\(ServerResponder.shown(name))` (expected records, as_of)")
      }
    }
    guard let records else { throw APIError(.badRequest, "records is missing") }
    let items = json.items(records)
    guard items.count <= ServerResponder.maxScoreRecords else {
      throw APIError(
        .badRequest,
        "\(items.count) records is over the limit of \(ServerResponder.maxScoreRecords) per request"
      )
    }
    // One record per line: JSON whitespace may hold line breaks, strings never do.
    var lines: [UInt8] = []
    lines.reserveCapacity(records.count + items.count)
    for item in items {
      for b in json.bytes[item] { lines.append(b == 0x0A || b == 0x0D ? 0x20 : b) }
      lines.append(0x0A)
    }
    var out = JSONWriter(capacity: 512 * items.count + 16)
    out.raw("{\"results\":[")
    if !items.isEmpty {
      let reader = try RecordReader(bytes: lines, format: .jsonl, layout: rules.program.layout)
      var scorer = SequentialScorer(
        reader: reader, program: rules.program, asOf: asOf ?? System.todayUTC())
      var first = true
      try scorer.forEachOutcome { outcome in
        if !first { out.byte(UInt8(ascii: ",")) }
        first = false
        switch outcome {
        case .scored(let result, _, _):
          out.result(result, keyName: rules.keyName)
        case .rejected(let reject):
          out.raw("{\"index\":")
          out.number(Double(reject.line - 1))
          out.raw(",\"error\":")
          out.string(reject.message)
          out.raw("}")
        }
      }
    }
    out.raw("]}")
    return Reply(out.bytes)
  }
}
