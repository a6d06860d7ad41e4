import GreenrateLanguage

/// Scores chunks of records into `ScoredChunk`s: the work item of the batch's
/// concurrent stage. Immutable and shared by all scoring threads.
///
/// Everything that is the same for every record — rating labels, factor/band JSON,
/// quoted reason, knockout and denial codes, output keys — is encoded once here, so a
/// row costs little more than copying bytes.
public struct ChunkScorer: Sendable {
  public let program: Program
  /// The run's as-of date (day number).
  public let asOf: Int
  let labels: [[UInt8]]
  /// `[points,band]` per factor per band.
  let bandJSON: [[[UInt8]]]
  /// The quoted reason code per factor per band (nil when the band has none).
  let reasonJSON: [[[UInt8]?]]
  let knockoutJSON: [[UInt8]]
  let denialJSON: [[UInt8]]
  /// `"name":` per output.
  let outputKeys: [[UInt8]]

  public init(program: Program, asOf: Int) {
    self.program = program
    self.asOf = asOf
    func quoted(_ s: String) -> [UInt8] {
      var w = JSONWriter(capacity: s.utf8.count + 2)
      w.string(s)
      return w.bytes
    }
    labels = program.ratingLabels.map { Array($0.utf8) }
    bandJSON = program.factors.map { factor in
      factor.bands.enumerated().map { band, info in
        var w = JSONWriter(capacity: 16)
        w.byte(UInt8(ascii: "["))
        w.number(info.points)
        w.byte(UInt8(ascii: ","))
        w.number(Double(band))
        w.byte(UInt8(ascii: "]"))
        return w.bytes
      }
    }
    reasonJSON = program.factors.map { $0.bands.map { $0.reason.map(quoted) } }
    knockoutJSON = program.knockoutCodes.map(quoted)
    denialJSON = program.denialCodes.map(quoted)
    outputKeys = program.outputs.map { quoted($0.name) + [UInt8(ascii: ":")] }
  }

  /// Scores every record of a chunk read from the input.
  public func score(_ chunk: ReadChunk, sequence: Int) -> ScoredChunk {
    let evaluator = Evaluator(program: program, asOf: asOf)
    let records = chunk.records
    var out = ScoredChunk(sequence: sequence, capacity: records.count)
    out.recordsRead = records.count + chunk.rejects.count
    out.endOffset = chunk.endOffset
    out.endLine = chunk.endLine
    var failed: [ChunkReject] = []
    for row in 0..<records.count {
      if let reject = score(records, row: row, with: evaluator, into: &out) {
        failed.append(reject)
      }
    }
    out.rejects = ChunkScorer.merge(
      chunk.rejects.map { ChunkReject(line: $0.line, merchantID: $0.merchantID, message: $0.message) },
      failed)
    return out
  }

  /// Evaluates one record and appends its rating row; returns the reject instead when
  /// the rules fail on it.
  func score(
    _ records: RecordBuffer, row: Int, with evaluator: Evaluator, into out: inout ScoredChunk
  ) -> ChunkReject? {
    guard let key = records.key(row: row) else {
      let name = records.layout.fields[records.layout.keyField].name
      return ChunkReject(
        line: records.lines[row], merchantID: nil, message: "the key field `\(name)` is missing")
    }
    if let error = evaluator.evaluate(records, row: row) {
      var record: [UInt8] = []
      StoredRecordCodec.encode(records, row: row, into: &record)
      return ChunkReject(
        line: records.lines[row], merchantID: key.string, message: error.description,
        record: record)
    }
    append(evaluator, key: key, records: records, row: row, to: &out)
    return nil
  }

  /// Appends the evaluator's result for `records`' row `row` (just evaluated).
  func append(
    _ evaluator: Evaluator, key: Text, records: RecordBuffer, row: Int,
    to out: inout ScoredChunk
  ) {
    out.lines.append(records.lines[row])
    out.scores.append(evaluator.score)
    let rating = evaluator.ratingIndex
    out.ratingIndexes.append(rating)
    out.eligible.append(evaluator.eligible)

    out.mark()
    var keyString = key.string
    keyString.withUTF8 { out.data.bytes.append(contentsOf: $0) }

    out.mark()
    out.data.bytes.append(contentsOf: labels[rating])

    out.mark()
    out.data.byte(UInt8(ascii: "["))
    var first = true
    for factor in evaluator.reasonOrder {
      guard let code = reasonJSON[factor][evaluator.band(ofFactor: factor)] else { continue }
      if !first { out.data.byte(UInt8(ascii: ",")) }
      first = false
      out.data.bytes.append(contentsOf: code)
    }
    out.data.byte(UInt8(ascii: "]"))

    out.mark()
    codes(knockoutJSON, evaluator.knockout, into: &out.data)

    out.mark()
    codes(denialJSON, evaluator.denial, into: &out.data)

    out.mark()
    out.data.byte(UInt8(ascii: "{"))
    for (i, key) in outputKeys.enumerated() {
      if i > 0 { out.data.byte(UInt8(ascii: ",")) }
      out.data.bytes.append(contentsOf: key)
      out.data.value(evaluator.output(i))
    }
    out.data.byte(UInt8(ascii: "}"))

    out.mark()
    out.data.byte(UInt8(ascii: "["))
    for factor in 0..<bandJSON.count {
      if factor > 0 { out.data.byte(UInt8(ascii: ",")) }
      let band = evaluator.band(ofFactor: factor)
      let points = evaluator.points(ofFactor: factor)
      if points == program.factors[factor].bands[band].points {
        out.data.bytes.append(contentsOf: bandJSON[factor][band])
      } else {
        out.data.byte(UInt8(ascii: "["))
        out.data.number(points)
        out.data.byte(UInt8(ascii: ","))
        out.data.number(Double(band))
        out.data.byte(UInt8(ascii: "]"))
      }
    }
    out.data.byte(UInt8(ascii: "]"))

    out.mark()
    StoredRecordCodec.encode(records, row: row, into: &out.data.bytes)
    out.mark()
  }

  private func codes(_ quoted: [[UInt8]], _ isSet: (Int) -> Bool, into w: inout JSONWriter) {
    w.byte(UInt8(ascii: "["))
    var first = true
    for i in 0..<quoted.count where isSet(i) {
      if !first { w.byte(UInt8(ascii: ",")) }
      first = false
      w.bytes.append(contentsOf: quoted[i])
    }
    w.byte(UInt8(ascii: "]"))
  }

  /// Two line-ordered reject lists as one.
  static func merge(_ a: [ChunkReject], _ b: [ChunkReject]) -> [ChunkReject] {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    var out: [ChunkReject] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if j == b.count || (i < a.count && a[i].line <= b[j].line) {
        out.append(a[i])
        i += 1
      } else {
        out.append(b[j])
        j += 1
      }
    }
    return out
  }
}
