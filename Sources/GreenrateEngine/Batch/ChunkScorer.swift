import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

/// Scores chunks of records into `ScoredChunk`s: the work item of the batch's
/// concurrent stage. Immutable and shared by all scoring threads.
///
/// Everything that is the same for every record — rating labels, quoted reason,
/// knockout and denial codes, output keys — is encoded once here into one byte table,
/// so a row costs little more than copying bytes.
package struct ChunkScorer: Sendable {
  package let program: Program
  /// The run's as-of date (day number).
  package let asOf: Int
  /// Every snippet's bytes, back to back.
  let table: [UInt8]
  /// Start and end of each snippet in `table`; a start of -1 = none (a band without a
  /// reason).
  let spans: [(start: Int, end: Int)]
  let labelBase: Int
  /// Per factor, the index of its first band's reason snippet.
  let reasonBase: [Int]
  let knockoutBase: Int
  let denialBase: Int
  let outputBase: Int
  /// The seed of every row's state hash: the run's `record_fields`.
  let fieldsSeed: UInt64

  package init(program: Program, asOf: Int) {
    self.program = program
    self.asOf = asOf
    fieldsSeed = RatingRow.fieldsSeed(StoredRecordCodec.fieldList(program.layout))
    var table: [UInt8] = []
    var spans: [(start: Int, end: Int)] = []
    func add(_ bytes: [UInt8]?) {
      guard let bytes else {
        spans.append((-1, -1))
        return
      }
      spans.append((table.count, table.count + bytes.count))
      table += bytes
    }
    func quoted(_ s: String) -> [UInt8] {
      var w = JSONWriter(capacity: s.utf8.count + 2)
      w.string(s)
      return w.bytes
    }
    labelBase = spans.count
    for label in program.ratingLabels { add(Array(label.utf8)) }
    var reasonBase: [Int] = []
    for factor in program.factors {
      reasonBase.append(spans.count)
      for band in factor.bands { add(band.reason.map(quoted)) }
    }
    self.reasonBase = reasonBase
    knockoutBase = spans.count
    for code in program.knockoutCodes { add(quoted(code)) }
    denialBase = spans.count
    for code in program.denialCodes { add(quoted(code)) }
    outputBase = spans.count
    for output in program.outputs { add(quoted(output.name) + [UInt8(ascii: ":")]) }
    self.table = table
    self.spans = spans
  }

  /// Scores every record of a chunk read from the input.
  package func score(_ chunk: ReadChunk, sequence: Int) -> ScoredChunk {
    let evaluator = Evaluator(program: program, asOf: asOf)
    let records = chunk.records
    var out = ScoredChunk(sequence: sequence, capacity: records.count)
    out.recordsRead = records.count + chunk.rejects.count
    out.endOffset = chunk.endOffset
    out.endLine = chunk.endLine
    out.inputDigest = chunk.inputDigest
    var failed: [Reject] = []
    table.withUnsafeBufferPointer { table in
      for row in 0..<records.count {
        if let reject = score(records, row: row, with: evaluator, table: table, into: &out) {
          failed.append(reject)
        }
      }
    }
    out.sortByKey()
    out.rejects = ChunkScorer.merge(chunk.rejects, failed)
    return out
  }

  /// Evaluates one record and appends its rating row; returns the reject instead when
  /// the rules fail on it.
  func score(
    _ records: RecordBuffer, row: Int, with evaluator: Evaluator,
    table: UnsafeBufferPointer<UInt8>, into out: inout ScoredChunk
  ) -> Reject? {
    guard let key = records.key(row: row) else {
      let name = records.layout.fields[records.layout.keyField].name
      return Reject(
        line: records.lines[row], merchantID: nil, message: "the key field `\(name)` is missing")
    }
    if let error = evaluator.evaluate(records, row: row) {
      var record: [UInt8] = []
      StoredRecordCodec.encode(records, row: row, into: &record)
      return Reject(
        line: records.lines[row], merchantID: key.string, message: error.description,
        record: record)
    }
    append(evaluator, key: key, records: records, row: row, table: table, to: &out)
    return nil
  }

  /// Appends the evaluator's result for `records`' row `row` (just evaluated).
  func append(
    _ evaluator: Evaluator, key: Text, records: RecordBuffer, row: Int, to out: inout ScoredChunk
  ) {
    table.withUnsafeBufferPointer { table in
      append(evaluator, key: key, records: records, row: row, table: table, to: &out)
    }
  }

  private func append(
    _ evaluator: Evaluator, key: Text, records: RecordBuffer, row: Int,
    table: UnsafeBufferPointer<UInt8>, to out: inout ScoredChunk
  ) {
    func snippet(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
      let span = spans[index]
      if span.start < 0 { return nil }
      return UnsafeBufferPointer(rebasing: table[span.start..<span.end])
    }
    out.lines.append(records.lines[row])
    out.scores.append(evaluator.score)
    let rating = evaluator.ratingIndex
    out.ratingIndexes.append(rating)
    out.eligible.append(evaluator.eligible)

    out.mark()
    key.withUTF8 { out.data.bytes.append(contentsOf: $0) }

    out.mark()
    if let label = snippet(labelBase + rating) { out.data.bytes.append(contentsOf: label) }

    out.mark()
    out.data.byte(UInt8(ascii: "["))
    var first = true
    for factor in evaluator.reasonOrder {
      guard let code = snippet(reasonBase[factor] + evaluator.band(ofFactor: factor)) else {
        continue
      }
      if !first { out.data.byte(UInt8(ascii: ",")) }
      first = false
      out.data.bytes.append(contentsOf: code)
    }
    out.data.byte(UInt8(ascii: "]"))

    out.mark()
    codes(knockoutBase, program.knockoutCodes.count, evaluator.knockout, snippet, &out.data)

    out.mark()
    codes(denialBase, program.denialCodes.count, evaluator.denial, snippet, &out.data)

    out.mark()
    out.data.byte(UInt8(ascii: "{"))
    for i in 0..<program.outputs.count {
      if i > 0 { out.data.byte(UInt8(ascii: ",")) }
      if let name = snippet(outputBase + i) { out.data.bytes.append(contentsOf: name) }
      out.data.value(evaluator.output(i))
    }
    out.data.byte(UInt8(ascii: "}"))

    // The matched band of each factor, one varint each: its points, reason and
    // location are in the run's `factor_info`.
    out.mark()
    for factor in 0..<program.factors.count {
      var band = UInt(evaluator.band(ofFactor: factor))
      while band >= 0x80 {
        out.data.byte(UInt8(truncatingIfNeeded: band) | 0x80)
        band >>= 7
      }
      out.data.byte(UInt8(band))
    }

    out.mark()
    StoredRecordCodec.encode(records, row: row, into: &out.data.bytes)
    out.mark()
    let scored = out.scoredCount - 1
    let hash = out.data.bytes.withUnsafeBytes { bytes in
      out.ratingRow(scored, bytes: bytes).stateHash(fieldsSeed: fieldsSeed)
    }
    out.hashes.append(hash)
  }

  private func codes(
    _ base: Int, _ count: Int, _ isSet: (Int) -> Bool,
    _ snippet: (Int) -> UnsafeBufferPointer<UInt8>?, _ w: inout JSONWriter
  ) {
    w.byte(UInt8(ascii: "["))
    var first = true
    for i in 0..<count where isSet(i) {
      if !first { w.byte(UInt8(ascii: ",")) }
      first = false
      if let code = snippet(base + i) { w.bytes.append(contentsOf: code) }
    }
    w.byte(UInt8(ascii: "]"))
  }

  /// Two line-ordered reject lists as one.
  static func merge(_ a: [Reject], _ b: [Reject]) -> [Reject] {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    var out: [Reject] = []
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
