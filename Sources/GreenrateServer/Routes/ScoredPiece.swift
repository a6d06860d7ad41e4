import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// One piece of a `POST /v1/score` request, scored on its own thread: each record's
/// answer as JSON bytes, in input order, and the key of each record that scored (the
/// request then rejects later duplicates, in order, across pieces).
struct ScoredPiece {
  struct Record {
    /// The record's line in the request's numbering (its index + 1).
    var line: Int
    /// The key, when the record decoded (nil: the reader rejected it).
    var key: Text?
    /// Whether it scored (else its bytes are its runtime error).
    var scored: Bool
    /// Its answer in `bytes`.
    var bytes: Range<Int>
  }

  var records: [Record] = []
  var bytes: [UInt8] = []

  /// Decodes the records at `ranges` of `p` (lines `firstLine...`) and scores them.
  init(
    _ p: UnsafePointer<UInt8>, ranges: ArraySlice<Range<Int>>, firstLine: Int,
    rules: LoadedRules, asOf: Int
  ) {
    var decoder = JSONObjectDecoder(layout: rules.program.layout)
    let chunk = decoder.decode(p, ranges: ranges, firstLine: firstLine)
    let evaluator = Evaluator(program: rules.program, asOf: asOf)
    var w = JSONWriter(capacity: 600 * ranges.count)
    records.reserveCapacity(ranges.count)
    var rejects = chunk.rejects[...]
    func reject(line: Int, message: String, key: Text? = nil) {
      let start = w.bytes.count
      w.raw("{\"index\":")
      w.number(Double(line - 1))
      w.raw(",\"error\":")
      w.string(message)
      w.raw("}")
      records.append(Record(line: line, key: key, scored: false, bytes: start..<w.bytes.count))
    }
    let buffer = chunk.records
    for row in 0..<buffer.count {
      let line = buffer.lines[row]
      while let r = rejects.first, r.line < line {
        reject(line: r.line, message: r.message)
        rejects.removeFirst()
      }
      let key = buffer.key(row: row) ?? Text("")
      if let error = evaluator.evaluate(buffer, row: row) {
        reject(line: line, message: error.description, key: key)
        continue
      }
      let start = w.bytes.count
      rules.template.write(evaluator, key: key, into: &w)
      records.append(Record(line: line, key: key, scored: true, bytes: start..<w.bytes.count))
    }
    for r in rejects { reject(line: r.line, message: r.message) }
    bytes = w.bytes
  }
}
