import GreenrateLanguage

extension JSONWriter {
  /// One scored record as `score` prints it: the key under the rule file's key name,
  /// then score, rating, eligible, reasons, knockouts, denials, factors and outputs.
  package mutating func result(_ r: ScoreResult, keyName: String) {
    byte(UInt8(ascii: "{"))
    string(keyName)
    byte(UInt8(ascii: ":"))
    string(r.key)
    raw(",\"score\":")
    number(r.score)
    raw(",\"rating\":")
    string(r.rating)
    raw(",\"eligible\":")
    bool(r.eligible)
    raw(",\"reasons\":")
    stringArray(r.reasons)
    raw(",\"knockouts\":")
    stringArray(r.knockouts)
    raw(",\"denials\":")
    stringArray(r.denials)
    raw(",\"factors\":{")
    for (i, f) in r.factors.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      string(f.name)
      byte(UInt8(ascii: ":"))
      number(f.points)
    }
    raw("},\"outputs\":")
    outputs(r.outputs)
    byte(UInt8(ascii: "}"))
  }

  /// A JSON object of output names and values, in declaration order.
  package mutating func outputs(_ outputs: [(name: String, value: Value)]) {
    byte(UInt8(ascii: "{"))
    for (i, o) in outputs.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      string(o.name)
      byte(UInt8(ascii: ":"))
      value(o.value)
    }
    byte(UInt8(ascii: "}"))
  }

  /// A rejected record as `score` prints it: `{"line": N, "error": "..."}`.
  package mutating func rejected(line: Int, error: String) {
    raw("{\"line\":")
    number(Double(line))
    raw(",\"error\":")
    string(error)
    byte(UInt8(ascii: "}"))
  }
}
