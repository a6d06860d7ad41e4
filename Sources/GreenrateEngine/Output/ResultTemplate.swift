import GreenrateLanguage

/// Writes an evaluator's result as `score` prints it (`JSONWriter.result`), byte for
/// byte, straight from the evaluator: every name, label and code the rules declare is
/// quoted once here, so a record costs copies of ready bytes and its numbers — no
/// `ScoreResult`, no string escaped per record. For `POST /v1/score`, which writes
/// thousands of results per request.
package struct ResultTemplate: Sendable {
  /// `{"KEY":` (the key input's name).
  private let open: [UInt8]
  /// Each rating label, quoted.
  private let labels: [[UInt8]]
  /// Per factor, per band, the quoted reason (nil: the band has none).
  private let reasons: [[[UInt8]?]]
  private let knockouts: [[UInt8]]
  private let denials: [[UInt8]]
  /// Per factor, `"NAME":`; per output, `"NAME":`.
  private let factorNames: [[UInt8]]
  private let outputNames: [[UInt8]]

  package init(program: Program) {
    func quoted(_ s: String) -> [UInt8] {
      var w = JSONWriter(capacity: s.utf8.count + 2)
      w.string(s)
      return w.bytes
    }
    open = Array("{".utf8) + quoted(program.layout.fields[program.layout.keyField].name) + [58]
    labels = program.ratingLabels.map(quoted)
    reasons = program.factors.map { factor in factor.bands.map { $0.reason.map(quoted) } }
    knockouts = program.knockoutCodes.map(quoted)
    denials = program.denialCodes.map(quoted)
    factorNames = program.factors.map { quoted($0.name) + [58] }
    outputNames = program.outputs.map { quoted($0.name) + [58] }
  }

  /// Appends the result of the record `evaluator` just evaluated without error.
  package func write(_ evaluator: Evaluator, key: Text, into w: inout JSONWriter) {
    w.bytes.append(contentsOf: open)
    w.string(key)
    w.raw(",\"score\":")
    w.number(evaluator.score)
    w.raw(",\"rating\":")
    let rating = evaluator.ratingIndex
    if rating < labels.count { w.bytes.append(contentsOf: labels[rating]) } else { w.raw("\"\"") }
    w.raw(",\"eligible\":")
    w.bool(evaluator.eligible)
    w.raw(",\"reasons\":[")
    var first = true
    for factor in evaluator.reasonOrder {
      let band = evaluator.band(ofFactor: factor)
      guard band < reasons[factor].count, let reason = reasons[factor][band] else { continue }
      if !first { w.byte(UInt8(ascii: ",")) }
      first = false
      w.bytes.append(contentsOf: reason)
    }
    w.raw("],\"knockouts\":")
    codes(knockouts, evaluator.knockout, into: &w)
    w.raw(",\"denials\":")
    codes(denials, evaluator.denial, into: &w)
    w.raw(",\"factors\":{")
    for i in factorNames.indices {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.bytes.append(contentsOf: factorNames[i])
      w.number(evaluator.points(ofFactor: i))
    }
    w.raw("},\"outputs\":{")
    for i in outputNames.indices {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.bytes.append(contentsOf: outputNames[i])
      w.value(evaluator.output(i))
    }
    w.raw("}}")
  }

  private func codes(_ all: [[UInt8]], _ holds: (Int) -> Bool, into w: inout JSONWriter) {
    w.byte(UInt8(ascii: "["))
    var first = true
    for i in all.indices where holds(i) {
      if !first { w.byte(UInt8(ascii: ",")) }
      first = false
      w.bytes.append(contentsOf: all[i])
    }
    w.byte(UInt8(ascii: "]"))
  }
}
